// Notes, incident status and conclusion, the notes search, and the workspace backup, in a browser:
// notes on the bundle, a snapshot, a memory group and lines of a file (gutter marker, hover), saved
// as typed across an immediate reload; delete with Undo; raw HTML in a note stays text and runs
// nothing; search across bundles; backup → empty database → import → everything equal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryWithNotes, NotesPage } from './pages/notes-page';

const ROOT = join(import.meta.dirname, '../..');
const POD_MEMORY_STAT = readFileSync(join(ROOT, 'test/fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));
const SHOTS = '/tmp/notes-e2e-shots';
const DMESG = 'orphaned-shmem/after/dmesg.txt';
const POD = 'Pod ml/api-7f8c9d6b5-h7j2k';

test.use({ locale: 'en-US', colorScheme: 'light' });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function openSample(page: Page): Promise<{ library: LibraryWithNotes; bundle: NotesPage }> {
  const library = new LibraryWithNotes(page);
  const bundle = new NotesPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  await expect(bundle.titleInput).toHaveValue(/^Sample incident/);
  return { library, bundle };
}

/** Adds a note in a section of notes (bundle, group) and types it; Done unless `leaveOpen`. */
async function addNote(bundle: NotesPage, section: Locator, targetLabel: string, text: string, leaveOpen = false): Promise<void> {
  await bundle.addNoteIn(section, targetLabel).click();
  const editor = bundle.editor(targetLabel);
  await expect(editor).toBeFocused();
  await editor.fill(text);
  if (!leaveOpen) await bundle.doneButton(section).click();
}

/** Notes on lines: select them in the raw view, Ctrl+Alt+N, type, close the dialog. */
async function addLinesNote(bundle: NotesPage, from: number, to: number, text: string): Promise<void> {
  await bundle.selectLines(from, to);
  await bundle.addNoteShortcut();
  const label = from === to ? `${DMESG}, line ${from}` : `${DMESG}, lines ${from}–${to}`;
  const dialog = bundle.dialog(label);
  await expect(dialog).toBeVisible();
  await bundle.editor(label).fill(text);
  await bundle.closeButton(dialog).click();
  await expect(dialog).toBeHidden();
}

interface DbState {
  bundles: Record<string, unknown>[];
  files: { id: string; bundleId: string; path: string; sha256: string; record: unknown }[];
  notes: Record<string, unknown>[];
  blobs: { fileId: string; sha256: string }[];
  analyses: number;
}

/** Everything in the app's IndexedDB, read with the raw API; raw bytes as SHA-256. */
async function dumpDb(page: Page): Promise<DbState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('oomscope');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string): Promise<Record<string, unknown>[]> =>
      new Promise((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
        r.onerror = () => reject(r.error);
      });
    const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
    const bundles = await all('bundles');
    const files = (await all('files')).map((f) => ({ id: f.id as string, bundleId: f.bundleId as string, path: f.path as string, sha256: f.sha256 as string, record: f }));
    const notes = await all('notes');
    const blobs: { fileId: string; sha256: string }[] = [];
    for (const b of await all('blobs')) blobs.push({ fileId: b.fileId as string, sha256: hex(await crypto.subtle.digest('SHA-256', await (b.blob as Blob).arrayBuffer())) });
    const analyses = (await all('analyses')).length;
    db.close();
    const byId = <T extends { id?: unknown; fileId?: unknown }>(a: T, b: T): number => String(a.id ?? a.fileId).localeCompare(String(b.id ?? b.fileId));
    return { bundles: bundles.sort(byId), files: files.sort(byId), notes: notes.sort(byId), blobs: blobs.sort(byId), analyses };
  });
}

test('notes on the bundle, a snapshot, a group and lines; saved as typed across a reload; marker and hover; delete and Undo', async ({ page }) => {
  const { bundle } = await openSample(page);

  // Typed, then the page reloads at once: the note is there.
  await addNote(bundle, bundle.bundleNotes, 'This bundle', 'The **init container** filled its emptyDir (tmpfs): 80 MiB of shmem.', true);
  await page.reload();
  await expect(bundle.bundleNotes.getByTestId('note')).toHaveCount(1);
  await expect(bundle.bundleNotes.getByTestId('note')).toContainText('The init container filled its emptyDir (tmpfs): 80 MiB of shmem.');
  await expect(bundle.bundleNotes.locator('strong')).toHaveText('init container');

  // Status and conclusion, saved as typed too.
  await bundle.status.selectOption('explained');
  await bundle.conclusion.fill('Orphaned **shmem** in the pod cgroup; the init container’s tmpfs was never freed.');
  await bundle.titleInput.click();
  await expect(bundle.conclusionView).toContainText('Orphaned shmem in the pod cgroup');

  // A group in a snapshot.
  await bundle.snapshotTab('during').click();
  await bundle.groupButton(POD).click();
  await addNote(bundle, bundle.groupNotes, POD, 'Usage 115.7 MiB of 128 MiB, most of it *not* owned by any container.');
  await expect(bundle.groupNotes.getByTestId('note')).toContainText('not owned by any container');

  // A snapshot, through its notes button and dialog.
  await bundle.noteButton('Snapshot during').click();
  const snapshotDialog = bundle.dialog('Snapshot during');
  await bundle.editor('Snapshot during').fill('Captured while the api container grew.');
  await bundle.closeButton(snapshotDialog).click();
  await expect(bundle.noteButton('Snapshot during')).toHaveText(/Notes \(1\)/);
  await shot(page, 'en-light-overview');

  // Lines of the kernel log, with the shortcut on a selection.
  await bundle.filesTab.click();
  await bundle.fileRow(DMESG).getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  await addLinesNote(bundle, 3, 5, 'The call trace of the kill: `mem_cgroup_out_of_memory`.');
  await expect(bundle.noteGlyphs).toHaveCount(3);
  await expect(bundle.noteLines).toHaveCount(3);
  await bundle.noteGlyphs.first().hover();
  await expect(bundle.monacoHover).toContainText('The call trace of the kill: `mem_cgroup_out_of_memory`.');
  await shot(page, 'en-light-files-note-hover');

  // The context menu's "Add note to lines" on a single line.
  await bundle.selectLines(1, 1);
  await bundle.addNoteFromContextMenu(1);
  const lineDialog = bundle.dialog(`${DMESG}, line 1`);
  await bundle.editor(`${DMESG}, line 1`).fill('The trigger: api-server itself.');
  await bundle.closeButton(lineDialog).click();
  await expect(bundle.noteGlyphs).toHaveCount(4);

  // The Notes tab lists them all, by target, with links.
  await bundle.notesTab.click();
  await expect(bundle.notes).toHaveCount(5);
  await expect(bundle.notesGroup(`${DMESG}, lines 3–5`)).toContainText('mem_cgroup_out_of_memory');
  await expect(bundle.notesGroup(`Group ${POD} in during`)).toBeVisible();
  await expect(bundle.notesGroup('Snapshot during')).toContainText('Captured while the api container grew.');
  await shot(page, 'en-light-notes-tab');

  // Edit in place, then delete with Undo.
  const linesNote = bundle.notesGroup(`${DMESG}, line 1`).getByTestId('note');
  await bundle.editButton(linesNote).click();
  await bundle.editor(`${DMESG}, line 1`).fill('The trigger: api-server itself (pid 21065).');
  await bundle.doneButton(linesNote).click();
  await expect(linesNote).toContainText('(pid 21065)');
  await bundle.deleteButton(linesNote).click();
  await expect(bundle.notes).toHaveCount(4);
  await bundle.undoButton().click();
  await expect(bundle.notes).toHaveCount(5);
  await expect(bundle.notesGroup(`${DMESG}, line 1`)).toContainText('(pid 21065)');

  // The link of a lines note opens the file with those lines highlighted.
  await bundle.notesGroup(`${DMESG}, lines 3–5`).getByRole('link', { name: `${DMESG}, lines 3–5` }).click();
  await expect(page).toHaveURL(/\/files\/orphaned-shmem\/after\/dmesg\.txt\?line=3&lineEnd=5$/);
  await expect(bundle.rawView.locator('.raw-line-highlight')).toHaveCount(3);
});

test('raw HTML and script in a note are shown as text and run nothing', async ({ page }) => {
  const { bundle } = await openSample(page);
  const hostile = '<img src=x onerror=alert(1)>\n\n<script>window.__pwned=1</script>\n\n[click me](javascript:window.__pwned=2)';
  await addNote(bundle, bundle.bundleNotes, 'This bundle', hostile);
  const note = bundle.bundleNotes.getByTestId('note');
  await expect(note).toContainText('<img src=x onerror=alert(1)>');
  await expect(note).toContainText('<script>window.__pwned=1</script>');
  await expect(note).toContainText('click me');
  await expect(note.locator('img, script, a, iframe')).toHaveCount(0);
  // The same text in a lines note reaches Monaco's hover as text.
  await bundle.filesTab.click();
  await bundle.fileRow(DMESG).getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  await addLinesNote(bundle, 2, 2, hostile);
  await bundle.noteGlyphs.first().hover();
  await expect(bundle.monacoHover).toContainText('<img src=x onerror=alert(1)>');
  await expect(bundle.monacoHover.locator('img, script, a[href^="javascript"]')).toHaveCount(0);
  await page.reload();
  await bundle.notesTab.click();
  await expect(bundle.notes).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('the notes search finds notes across bundles, Chinese text included, and links to them', async ({ page }) => {
  const { library, bundle } = await openSample(page);
  await addNote(bundle, bundle.bundleNotes, 'This bundle', '初始化容器写满了 emptyDir，内存泄漏在 /dev/shm。');
  await library.goto();
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.row('memory.stat')).toBeVisible();
  await library.titleLink('memory.stat').click();
  await addNote(bundle, bundle.bundleNotes, 'This bundle', 'A loose memory.stat: shmem 80 MiB as well.');

  await library.goto();
  await library.notesSearch.fill('泄漏');
  await expect(library.searchHits).toHaveCount(1);
  await expect(library.searchHits.first()).toContainText('Sample incident');
  await expect(library.searchHits.first().locator('mark')).toHaveText('泄漏');
  await library.notesSearch.fill('SHM');
  await expect(library.searchHits).toHaveCount(2);
  await shot(page, 'en-light-library-search');
  await library.notesSearch.fill('ＭＥＭＯＲＹ.stat');
  await expect(library.searchHits).toHaveCount(1);
  await library.searchHits.first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/);
  await expect(bundle.titleInput).toHaveValue('memory.stat');
  await library.goto();
  await library.notesSearch.fill('no such words anywhere');
  await expect(library.searchResults).toContainText(library.t('notes.search.none', { query: 'no such words anywhere' }));
});

test('backup: export, empty the database, import → everything equal; again → duplicates skipped or copied; a foreign archive is refused', async ({ page }, testInfo) => {
  const { library, bundle } = await openSample(page);
  await bundle.titleInput.fill('Lab: init container tmpfs');
  await bundle.tagsInput.fill('lab, shmem, 内存');
  await bundle.status.selectOption('closed');
  await bundle.conclusion.fill('Fixed with a **sizeLimit** on the emptyDir.');
  await addNote(bundle, bundle.bundleNotes, 'This bundle', 'Bundle note: see the group.');
  await bundle.snapshotTab('during').click();
  await bundle.groupButton(POD).click();
  await addNote(bundle, bundle.groupNotes, POD, '组里的内存不属于任何容器。');
  await bundle.filesTab.click();
  await bundle.fileRow(DMESG).getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  await addLinesNote(bundle, 3, 5, 'Call trace.');
  await library.goto();
  await expect(library.row('Lab: init container tmpfs')).toBeVisible();
  const before = await dumpDb(page);
  expect(before.bundles).toHaveLength(1);
  expect(before.notes).toHaveLength(3);
  expect(before.files).toHaveLength(134);
  expect(before.blobs.map((b) => b.sha256)).toEqual(before.files.map((f) => f.sha256));
  expect(before.bundles[0]).toMatchObject({ title: 'Lab: init container tmpfs', tags: ['lab', 'shmem', '内存'], incidentStatus: 'closed', conclusion: 'Fixed with a **sizeLimit** on the emptyDir.' });

  const download = page.waitForEvent('download');
  await library.exportBackup.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^oomscope-\d{4}-\d{2}-\d{2}-\d{4}\.oomscope-backup\.zip$/);
  const backupPath = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(backupPath);

  // Another machine: nothing in the database.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('oomscope');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }),
  );
  await page.reload();
  await expect(library.firstRunPanel).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await library.importBackup.click();
  await (await chooser).setFiles(backupPath);
  await expect(library.toast(library.t('backup.imported', { bundles: 1, notes: 3 }))).toBeVisible();
  await expect(library.row('Lab: init container tmpfs')).toBeVisible();
  const after = await dumpDb(page);
  expect(after).toEqual(before);

  // The bundle reads as before: metadata, notes, the lines note's marker.
  await library.titleLink('Lab: init container tmpfs').click();
  await expect(bundle.status).toHaveValue('closed');
  await expect(bundle.conclusionView).toContainText('Fixed with a sizeLimit on the emptyDir.');
  await bundle.notesTab.click();
  await expect(bundle.notes).toHaveCount(3);
  await expect(bundle.notesGroup(`Group ${POD} in during`)).toContainText('组里的内存不属于任何容器。');

  // The same backup again: the bundle is already here → skipped by default, or copied on request.
  await library.goto();
  const again = page.waitForEvent('filechooser');
  await library.importBackup.click();
  await (await again).setFiles(backupPath);
  await expect(library.duplicatesDialog()).toBeVisible();
  await shot(page, 'en-light-backup-duplicates');
  await library.duplicatesDialog().getByRole('button', { name: library.t('backup.duplicates.skip') }).click();
  await expect(library.toast(library.t('backup.importedSkipped', { bundles: 0, notes: 0, skipped: 1 }))).toBeVisible();
  await expect(library.rows).toHaveCount(1);
  const third = page.waitForEvent('filechooser');
  await library.importBackup.click();
  await (await third).setFiles(backupPath);
  await library.duplicatesDialog().getByRole('button', { name: library.t('backup.duplicates.keep') }).click();
  await expect(library.rows).toHaveCount(2);
  const copied = await dumpDb(page);
  expect(copied.notes).toHaveLength(6);
  expect(new Set(copied.files.map((f) => f.id)).size).toBe(268);

  // Not a backup: refused with the reason, nothing stored.
  const foreign = testInfo.outputPath('not-a-backup.zip');
  writeFileSync(foreign, Buffer.from('PK\u0003\u0004 this is not really a zip'));
  const fourth = page.waitForEvent('filechooser');
  await library.importBackup.click();
  await (await fourth).setFiles(foreign);
  await expect(library.toasts.filter({ hasText: library.t('backup.importFailed', { message: '' }).trim() })).toBeVisible();
  await expect(library.rows).toHaveCount(2);
});

for (const [locale, theme] of [
  ['zh-CN', 'dark'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
] as const) {
  test(`screens with notes, ${locale} ${theme}`, async ({ page }) => {
    const { bundle: en } = await openSample(page);
    await addNote(en, en.bundleNotes, 'This bundle', '## Why\nThe init container’s `emptyDir` kept **80 MiB** of shmem.\n\n- tmpfs is charged to the pod\n- nobody frees it');
    await en.filesTab.click();
    await en.fileRow(DMESG).getByRole('link').click();
    await expect(en.rawLines).toContainText('api-server invoked oom-killer');
    await addLinesNote(en, 3, 5, '内核调用栈：`mem_cgroup_out_of_memory`。');
    await en.languageSelect.selectOption(locale);
    const bundle = new NotesPage(page, locale);
    await bundle.themeSelect.selectOption(theme);
    await bundle.noteGlyphs.first().hover();
    await expect(bundle.monacoHover).toContainText('mem_cgroup_out_of_memory');
    await shot(page, `${locale}-${theme}-files-note-hover`);
    await bundle.overviewTab.click();
    await bundle.snapshotTab('during').click();
    await bundle.groupButton(POD).click();
    await addNote(bundle, bundle.groupNotes, POD, locale === 'zh-CN' ? '没有任何容器拥有这 80 MiB。' : 'No container owns these 80 MiB.');
    await bundle.groupNotes.scrollIntoViewIfNeeded();
    await shot(page, `${locale}-${theme}-overview`);
    await bundle.notesTab.click();
    await expect(bundle.notes).toHaveCount(3);
    await shot(page, `${locale}-${theme}-notes-tab`);
    const zhLibrary = new LibraryWithNotes(page, locale);
    await zhLibrary.goto();
    await zhLibrary.notesSearch.fill('emptydir');
    await expect(zhLibrary.searchHits).toHaveCount(1);
    await shot(page, `${locale}-${theme}-library-search`);
  });
}
