// Hostile input and no data lost, in a browser, on the built app:
// - a file of HTML-looking lines under a name that is HTML: listed, shown raw (Monaco) and parsed as
//   text; a page-level probe (a trap on window.__pwned, alert/confirm/prompt, dialogs, injected
//   elements) sees nothing run. (Raw HTML in a Markdown note: notes.spec.ts.)
// - JSON with __proto__ keys: parsed as data, no prototype touched in the page.
// - a zip bomb: refused with its message, nothing stored; names that climb out: shown inside the bundle.
// - an import interrupted by a reload: no partial bundle, not a row left in IndexedDB.
// - a full disk (Chromium's quota for the origin, lowered through DevTools): said clearly; nothing
//   of the import written, what was stored before untouched.
// - a database written by schema version 1 (test/fixtures/db/oomscope-schema-v1.json): upgraded,
//   everything found; its trashed bundle purged.
// - the built page's CSP (out/renderer/index.html): no unsafe script source.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { BundlePage } from './pages/bundle-page';
import { OomEventsPage } from './pages/oom-events-page';

const ROOT = join(import.meta.dirname, '../..');
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const SHOTS = '/tmp/hardening-e2e-shots';
const POD_MEMORY_STAT = readFileSync(join(ROOT, 'test/fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));
const HTML_NAME = '<img src=x onerror=window.__pwned=9>.txt';

test.use({ locale: 'en-US', colorScheme: 'light' });

// The page stays clean (./clean-page.ts), and nothing hostile runs.
test.beforeEach(async ({ page }) => {
  // The probe: whatever hostile content manages to run would set window.__pwned or open a dialog.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __pwnedAttempts: string[] };
    w.__pwnedAttempts = [];
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: (value: unknown) => void w.__pwnedAttempts.push(String(value)),
    });
    for (const name of ['alert', 'confirm', 'prompt']) w[name] = () => void w.__pwnedAttempts.push(name);
  });
});
test.afterEach(async ({ page }) => {
  expect(await probeHits(page)).toEqual([]);
});

async function probeHits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __pwnedAttempts?: string[] };
    const injected = document.querySelectorAll('img[onerror], svg[onload], iframe, object, embed, script:not([src])').length;
    return [...(w.__pwnedAttempts ?? []), ...(injected > 0 ? [`${injected} injected element(s)`] : [])];
  });
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

interface DbCounts {
  bundles: number;
  files: number;
  blobs: number;
}

/** Rows in the app's IndexedDB, read with the raw API. */
async function dbCounts(page: Page): Promise<DbCounts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('oomscope');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const count = (store: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const counts = { bundles: await count('bundles'), files: await count('files'), blobs: await count('blobs') };
    db.close();
    return counts;
  });
}

test('a file of HTML under a name that is HTML is listed and shown as text; nothing runs', async ({ page }) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await library.dropFiles([{ name: HTML_NAME, content: readFileSync(join(HOSTILE, 'html-in-a-log.txt')) }]);
  await expect(library.titleLink(HTML_NAME)).toBeVisible();
  await shot(page, '01-library-html-name');
  await library.titleLink(HTML_NAME).click();
  await bundle.filesTab.click();
  await bundle.fileRow(HTML_NAME).getByRole('link').click();
  await expect(bundle.fileFormat).toContainText(/kernel.log/);
  // Monaco shows the lines as written.
  await expect(bundle.rawLines).toContainText('<script>window.__pwned=1</script>');
  await expect(bundle.rawLines).toContainText('<img src=x onerror="window.__pwned=2">');
  await expect(bundle.rawLines).toContainText('[click me](javascript:window.__pwned=3)');
  await expect(bundle.rawLines).toContainText('<iframe srcdoc=');
  await shot(page, '02-files-raw-html');
  await bundle.parsedButton.click();
  await expect(bundle.parsedView).toBeVisible();
  await shot(page, '03-files-parsed-html');
  await bundle.rawButton.click();
  // Nothing from the file became an element; the title, the tree and the header show the name as text.
  await expect(page.getByText(HTML_NAME).first()).toBeVisible();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await probeHits(page)).toEqual([]);
});

test('JSON with __proto__ keys is parsed as data; no prototype in the page changes', async ({ page }) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await library.dropFiles([{ name: 'kubelet-summary-proto-keys.json', content: readFileSync(join(HOSTILE, 'kubelet-summary-proto-keys.json')) }]);
  await library.titleLink('kubelet-summary-proto-keys.json').click();
  await bundle.filesTab.click();
  await bundle.fileRow('kubelet-summary-proto-keys.json').getByRole('link').click();
  await bundle.parsedButton.click();
  await expect(bundle.parsedView).toContainText('__proto__');
  await shot(page, '04-proto-keys-parsed');
  expect(await page.evaluate(() => [({} as Record<string, unknown>)['polluted'], ({} as Record<string, unknown>)['isAdmin'], Object.getOwnPropertyNames(Object.prototype).includes('polluted')])).toEqual([
    undefined,
    undefined,
    false,
  ]);
});

test('a zip bomb is refused with its message and nothing is stored; names that climb out stay inside', async ({ page }) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.row('memory.stat')).toBeVisible();

  await library.dropFiles([{ name: 'zip-bomb-nested.zip', content: readFileSync(join(HOSTILE, 'zip-bomb-nested.zip')) }]);
  const refusal = library.toast('Import failed: The archive zip-bomb-nested.zip expands to 134545455 bytes from 13730 bytes read, more than 100 times its size (a zip bomb?)');
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText('refused, nothing of it was imported. If it is a real capture, unpack it and import its files.');
  await shot(page, '05-zip-bomb-refused');
  await expect(library.rows).toHaveCount(1);
  expect(await dbCounts(page)).toEqual({ bundles: 1, files: 1, blobs: 1 });

  await library.dropFiles([{ name: 'tar-path-traversal.tar', content: readFileSync(join(HOSTILE, 'tar-path-traversal.tar')) }]);
  // The title comes from the members' paths: the first one's name and how many more.
  await library.titleLink('passwd +4').click();
  await bundle.filesTab.click();
  for (const path of ['etc/passwd', 'etc/cron.d/evil', 'Windows/System32/evil.dll', 'memory.stat', 'snap/bell_and_escape.txt']) await expect(bundle.fileRow(path)).toBeVisible();
  await bundle.fileRow('etc/passwd').getByRole('link').click();
  await expect(bundle.fileWarnings).toContainText('The member name "../../../../etc/passwd" (parent-segment) is shown in a safe form; it is never used as a path on disk.');
  await shot(page, '06-path-traversal-files');
});

test('an import interrupted by a reload leaves no partial bundle', async ({ page }) => {
  const scratch = mkdtempSync(join(tmpdir(), 'oomscope-e2e-reload-'));
  try {
    // 48 MB of kernel log: the import is still running when the page reloads.
    const line = (i: number) => `[${(i / 1000).toFixed(6).padStart(12, ' ')}] eth0: link flap ${i % 97} rx_errors ${i}\n`;
    const parts: string[] = [];
    for (let i = 0; i < 900_000; i++) parts.push(line(i));
    const path = join(scratch, 'kern.log');
    writeFileSync(path, parts.join(''));
    const library = new LibraryPage(page);
    await library.goto();
    await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
    await expect(library.row('memory.stat')).toBeVisible();
    const before = await dbCounts(page);

    const chooser = page.waitForEvent('filechooser');
    await library.importFilesButton.click();
    await (await chooser).setFiles(path);
    await expect(library.importProgress).toBeVisible();
    await page.reload();
    await library.heading.waitFor();
    await expect(library.rows).toHaveCount(1);
    // Nothing of the interrupted import was written, and what was there is whole.
    expect(await dbCounts(page)).toEqual(before);
    await page.waitForTimeout(1000);
    expect(await dbCounts(page)).toEqual(before);
    await expect(library.importProgress).toHaveCount(0);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a full disk is said clearly; nothing of the import is written and what was stored is untouched', async ({ page, pageProblems, baseURL }) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  // Chromium's own quota for this origin, lowered to 4 MiB through DevTools before the app opens its
  // database (IndexedDB takes the quota then): the browser, not the app, refuses the write that does
  // not fit, exactly as on a full disk.
  await page.goto('/samples/orphaned-shmem/index.json');
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4 * 1024 * 1024 });
  try {
    await library.goto();
    // That first page's own favicon request fails (404); only what the app does counts.
    pageProblems.splice(0);
    await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
    await expect(library.row('memory.stat')).toBeVisible();
    const before = await dbCounts(page);
    // 7 MB of log lines: more than the space left.
    const big = Array.from({ length: 200_000 }, (_, i) => `[${(i / 1000).toFixed(6).padStart(12, ' ')}] eth0: link flap ${i % 97}\n`).join('');
    await library.dropFiles([{ name: 'too-big-for-the-disk.log', content: big }]);
    const full = library.toast(library.t('storage.full'));
    await expect(full).toBeVisible({ timeout: 30_000 });
    await shot(page, '07-storage-full');
    await expect(library.rows).toHaveCount(1);
    expect(await dbCounts(page)).toEqual(before);
    // The bundle stored before still opens with its numbers.
    await library.titleLink('memory.stat').click();
    await expect(bundle.limit).toHaveText('128.0 MiB');
    await expect(bundle.breakdownRow('shmem')).toContainText('80.0 MiB');
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
});

test('a database written by schema version 1 opens with everything in it', async ({ page, pageProblems }) => {
  const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/db/oomscope-schema-v1.json'), 'utf8')) as {
    dexieVersion: number;
    stores: Record<string, string>;
    rows: Record<string, Record<string, unknown>[]>;
  };
  // A page of the same origin that is not the app, so that nothing opens the database first.
  await page.goto('/samples/orphaned-shmem/index.json');
  await page.evaluate(async (f) => {
    // Dexie stores version n as IndexedDB version n × 10; a store spec is "primaryKey, index, [a+b]".
    const request = indexedDB.open('oomscope', f.dexieVersion * 10);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [name, spec] of Object.entries(f.stores)) {
        const [key = '', ...indexes] = spec.split(',').map((s) => s.trim());
        const store = db.createObjectStore(name, { keyPath: key });
        for (const index of indexes) store.createIndex(index, index.startsWith('[') ? index.slice(1, -1).split('+') : index);
      }
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(Object.keys(f.rows), 'readwrite');
    for (const [name, rows] of Object.entries(f.rows)) {
      for (const row of rows) {
        const blob = row['blob'] as { text: string } | undefined;
        tx.objectStore(name).put(blob ? { ...row, blob: new Blob([blob.text]) } : row);
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, fixture);
  // That page's own favicon request fails (404); only what the app does from here on counts.
  pageProblems.splice(0);

  const library = new LibraryPage(page);
  await library.goto();
  // The user's metadata and settings (dark theme, decimal units) came through the upgrade.
  const row = library.row('api pod OOM (v1 database)');
  await expect(row).toBeVisible();
  await expect(row).toContainText('node-7');
  await expect(row).toContainText('lab');
  await expect(row).toContainText('shmem');
  await expect(library.rows).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '08-v1-database-library');
  // The deleted bundle's undo period ended long ago: purged, with its files and bytes.
  await expect.poll(() => dbCounts(page)).toEqual({ bundles: 1, files: 2, blobs: 2 });

  await library.titleLink('api pod OOM (v1 database)').click();
  const bundle = new BundlePage(page);
  await expect(bundle.titleInput).toHaveValue('api pod OOM (v1 database)');
  // hierarchical_memory_limit 134217728 B in decimal units; total_shmem 83886080 B.
  await expect(bundle.limit).toHaveText('134.2 MB', { timeout: 30_000 });
  await expect(bundle.breakdownRow('shmem')).toContainText('83.9 MB');
  await shot(page, '09-v1-database-overview');
  await bundle.filesTab.click();
  await bundle.fileRow('api-pod/dmesg.txt').getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  const oom = new OomEventsPage(page);
  await oom.oomTab.click();
  await expect(oom.events).toHaveCount(1);
  await expect(oom.event(1).verdict).toContainText('api-server (pid 21065)');
  await shot(page, '10-v1-database-oom');
});

test('a screen that fails says so, with its details to copy; the rest of the app keeps working', async ({ page, pageProblems }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = new LibraryPage(page);
  await library.goto();
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.row('memory.stat')).toBeVisible();
  // A damaged row (tags not a list, as a hand-edited or foreign database could hold): the Library
  // screen cannot draw it.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('oomscope');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('bundles', 'readwrite').objectStore('bundles');
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
    });
    store.put({ ...all[0], id: 'damaged-row', title: 'damaged', fingerprint: 'damaged', tags: 'not-a-list' });
    db.close();
  });
  // Written behind Dexie's back: the app reads it on its next start.
  await page.reload();
  const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: library.t('error.title') }) });
  await expect(panel).toBeVisible();
  await expect(panel.locator('pre')).toContainText('screen: library');
  await expect(panel.locator('pre')).toContainText('TypeError');
  await shot(page, '11-screen-error-boundary');
  await panel.getByRole('button', { name: library.t('error.copy') }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('screen: library');
  // React reports the error it caught to the console: expected here, and only that one.
  const problems = pageProblems;
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.every((p) => p.includes('is not a function'))).toBe(true);
  problems.splice(0);
  // The header and the other screens still work.
  await library.settingsLink.click();
  await expect(page.getByRole('heading', { name: library.t('settings.title') })).toBeVisible();
  await expect(panel).toHaveCount(0);
});

test('the built page carries a CSP with no unsafe script source, and loads its scripts as files', async ({ page }) => {
  const built = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(built)?.[1] ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map((d) => [d[0] ?? '', d.slice(1)]));
  expect(directives.get('script-src')).toEqual(["'self'"]);
  for (const name of ['default-src', 'script-src', 'worker-src']) {
    for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*', 'data:']) expect(directives.get(name) ?? [], `${name} ${unsafe}`).not.toContain(unsafe);
  }
  for (const script of built.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(script[1]).toMatch(/\bsrc="/);
    expect((script[2] ?? '').trim()).toBe('');
  }
  // The page the server gives is that file, and it runs under that policy with a clean console.
  const library = new LibraryPage(page);
  await library.goto();
  expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(csp);
});
