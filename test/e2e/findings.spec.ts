// "Where did the memory go" on the sample incident (lab orphaned-shmem): the Overview opens with
// the headline and its bar, the findings by severity with their evidence (a link opens the file
// with the cited lines highlighted), and the metric Rosetta stone; in English and 中文, light and
// dark. Also: the analysis is stored with the bundle, a bundle without one is analysed again in the
// worker, "Re-analyse" replaces an outdated one, and a version-1 database upgrades in place.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './clean-page';
import { parseFileText } from '../../src/core/formats/parse-file';
import { LibraryPage } from './pages/library-page';
import { BundlePage } from './pages/bundle-page';
import { FindingsPanel } from './pages/findings-panel';
import { textFor } from './pages/i18n';

const ROOT = join(import.meta.dirname, '../..');
const SHOTS = '/tmp/findings-ui/shots';
const POD = 'orphaned-shmem/after/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';

test.use({ locale: 'en-US', colorScheme: 'light' });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function openSample(page: Page): Promise<{ bundle: BundlePage; answer: FindingsPanel }> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  // The "imported" toast would cover the screenshots.
  await library.toasts.getByRole('button', { name: library.t('common.dismiss') }).click();
  return { bundle: new BundlePage(page), answer: new FindingsPanel(page) };
}

/** The sentence the engine writes for the sample's OOM kill, in the given language. */
function sampleHeadline(locale: 'en' | 'zh-CN'): string {
  const t = textFor(locale);
  const parts = [t('headline.part.shmem.podItself', { bytes: '80.0 MiB' }), t('headline.part.anonVictim', { bytes: '47.6 MiB', victimAnon: '47.5 MiB' })].join(t('headline.separator'));
  return t('headline.oom', { scope: 'ml/api-7f8c9d6b5-h7j2k', limit: '128.0 MiB', usage: '128.0 MiB', victim: 'api-server', pid: 21065, parts });
}

test('the sample incident: headline, findings with evidence into the Files tab, Rosetta stone, in English and 中文', async ({ page }) => {
  const { bundle, answer } = await openSample(page);

  // The headline: the 128 MiB limit was reached; 80 MiB shmem charged to the pod itself, then api-server's anon.
  await expect(answer.headlineText).toHaveText(sampleHeadline('en'));
  await expect(answer.headlineBar).toHaveAttribute('aria-label', /^ml\/api-7f8c9d6b5-h7j2k: memory from 0 to the 128\.0 MiB limit, /);
  await expect(answer.headlineBar.locator('[data-segment]')).toHaveCount(3);
  await expect(answer.headlineBar.locator('[data-segment]').first()).toHaveAttribute('data-segment', 'shmem');
  await expect(answer.headlinePart('shmem')).toHaveAttribute('data-place', 'pod-itself');
  await expect(answer.headlinePart('shmem')).toContainText('80.0 MiB');
  await expect(answer.headlinePart('shmem')).toContainText('62.5% of the limit');
  await expect(answer.headlinePart('anon')).toContainText('47.6 MiB');
  await shot(page, 'en-light-overview');

  // Findings, most severe first; shmem-orphaned and oom-kill-memcg among the critical ones.
  const severities = await answer.findingItems.evaluateAll((items) => items.map((i) => i.getAttribute('data-severity')));
  const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
  expect(severities.map((s) => rank[s ?? ''])).toEqual([...severities.map((s) => rank[s ?? ''])].sort());
  const orphaned = answer.finding('shmem-orphaned');
  await expect(orphaned).toHaveCount(1);
  await expect(orphaned).toHaveAttribute('data-severity', 'critical');
  // Pod usage 84287488 B, its one container 184320 B: 84103168 B charged to the pod itself, 83886080 B of it shmem.
  await expect(orphaned).toContainText('80.2 MiB (84103168 B)');
  await expect(orphaned).toContainText('80.0 MiB (83886080 B) shmem');
  await expect(answer.finding('oom-kill-memcg')).toHaveAttribute('data-severity', 'critical');
  await expect(answer.finding('oom-kill-memcg')).toContainText('api-server (pid 21065)');

  // Opened: advice, numbers, evidence with the cited line; the link opens the file with that line highlighted.
  await answer.evidenceToggle(orphaned).click();
  await expect(answer.evidenceToggle(orphaned)).toHaveAttribute('aria-expanded', 'true');
  await expect(orphaned).toContainText(answer.t('findingsUi.finding.advice'));
  await expect(answer.evidence(orphaned)).toHaveCount(4);
  const shmemLine = answer.evidenceAt(orphaned, `${POD}/memory.stat`, '26');
  await expect(shmemLine.locator('pre')).toHaveText('total_shmem 83886080');
  await shot(page, 'en-light-finding-open');
  await shmemLine.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/files/${POD.replace(/[.]/g, '\\.')}/memory\\.stat\\?line=26$`));
  await expect(bundle.fileDetail).toHaveAttribute('aria-label', `${POD}/memory.stat`);
  await expect(bundle.rawLines).toContainText('total_shmem 83886080');
  await expect(bundle.rawView.locator('.raw-line-highlight')).toHaveCount(1);
  await shot(page, 'en-light-evidence-in-files');

  // A range (the oom-kill line and the kill message, 77–78) highlights both lines.
  await page.goBack();
  const oom = answer.finding('oom-kill-memcg');
  await answer.evidenceToggle(oom).click();
  // The same report sits in dmesg.txt and dmesg-T.txt; the engine keeps one of them.
  const killLines = answer.evidenceAt(oom, '.txt', '77–78');
  await expect(killLines.locator('pre')).toContainText('Killed process 21065 (api-server)');
  await killLines.getByRole('link').click();
  await expect(page).toHaveURL(/\/files\/orphaned-shmem\/after\/dmesg(-T)?\.txt\?line=77&lineEnd=78$/);
  await expect(bundle.rawView.locator('.raw-line-highlight')).toHaveCount(2);
  await page.goBack();

  // The Rosetta stone of the selected group (the pod, snapshot "after"): working set = usage − inactive_file.
  const ws = answer.rosettaRow('working-set');
  await expect(ws.locator('td').nth(1)).toHaveText(answer.t('rosetta.working-set.formula'));
  // memory.usage_in_bytes 84287488 B, total_inactive_file 0: 80.4 MiB, as the group's own working set shows.
  await expect(ws.locator('.rosetta-bytes')).toHaveText('80.4 MiB');
  await expect(bundle.workingSet).toHaveText('80.4 MiB');
  await expect(ws.locator('.rosetta-inputs')).toContainText('memory.usage_in_bytes 80.4 MiB');
  await expect(ws.locator('.rosetta-inputs')).toContainText('total_inactive_file 0 B');
  await expect(answer.rosettaRow('kubectl-top').locator('td').nth(3)).toHaveText(answer.t('findingsUi.rosetta.notPrinted'));
  await expect(answer.rosetta).toContainText(answer.t('rosetta.topHeader'));
  await expect(answer.rosetta).toContainText(answer.t('rosetta.jvm'));
  await answer.rosetta.scrollIntoViewIfNeeded();
  await shot(page, 'en-light-rosetta');

  // 中文: the same answer, in Chinese.
  await answer.languageSelect.selectOption('zh-CN');
  const zh = new FindingsPanel(page, 'zh-CN');
  await expect(zh.headlineText).toHaveText(sampleHeadline('zh-CN'));
  await expect(zh.headlineText).toContainText('记在 Pod 自身');
  await expect(zh.finding('shmem-orphaned')).toContainText(zh.t('finding.shmem-orphaned.title'));
  await expect(zh.rosettaRow('working-set').locator('td').first()).toHaveText(zh.t('rosetta.working-set.label'));
  await shot(page, 'zh-light-rosetta');
  await zh.headline.scrollIntoViewIfNeeded();
  await shot(page, 'zh-light-overview');

  await zh.themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await zh.evidenceToggle(zh.finding('shmem-orphaned')).click();
  await shot(page, 'zh-dark-finding-open');
  await zh.headline.scrollIntoViewIfNeeded();
  await shot(page, 'zh-dark-overview');
  await zh.languageSelect.selectOption('en');
  await expect(answer.headlineText).toHaveText(sampleHeadline('en'));
  await shot(page, 'en-dark-overview');
  await answer.rosetta.scrollIntoViewIfNeeded();
  await shot(page, 'en-dark-rosetta');
});

test('the Rosetta stone shows what kubectl top printed for the same pod, next to the value computed here', async ({ page }) => {
  // The lab's "during" capture, with the output of `kubectl top pod -n ml` taken at the same time (hand-written:
  // the lab did not run metrics-server). kubectl prints the working set truncated to whole MiB.
  const dir = join(mkdtempSync(join(tmpdir(), 'oomscope-e2e-')), 'during-with-top');
  cpSync(join(ROOT, 'resources/samples/orphaned-shmem/during'), dir, { recursive: true });
  writeFileSync(join(dir, 'kubectl-top-pod.txt'), 'NAME                  CPU(cores)   MEMORY(bytes)\napi-7f8c9d6b5-h7j2k   3m           115Mi\n');
  const library = new LibraryPage(page);
  await library.goto();
  const chooser = page.waitForEvent('filechooser');
  await library.importFolderButton.click();
  await (await chooser).setFiles(dir);
  await library.titleLink('during-with-top').click();
  const bundle = new BundlePage(page);
  const answer = new FindingsPanel(page);
  await bundle.groupButton('Pod ml/api-7f8c9d6b5-h7j2k').click();
  // memory.usage_in_bytes 121344000 − total_inactive_file 8192 = 121335808 B = 115.7 MiB; kubectl: 115Mi = 120586240 B, 749568 B (732.0 KiB) less.
  const top = answer.rosettaRow('kubectl-top');
  await expect(top.locator('.rosetta-bytes')).toHaveText('115.7 MiB');
  await expect(top.locator('td').nth(3)).toContainText('115Mi = 115.0 MiB');
  await expect(top.locator('td').nth(3)).toContainText(answer.t('findingsUi.rosetta.difference', { delta: '−732.0 KiB' }));
  await expect(top.locator('td').nth(3).getByRole('link')).toHaveAttribute('href', /kubectl-top-pod\.txt\?line=2$/);
  await expect(answer.rosettaRow('working-set').locator('td').nth(3)).toHaveText(answer.t('findingsUi.rosetta.notPrinted'));
  await top.scrollIntoViewIfNeeded();
  await shot(page, 'en-light-rosetta-printed');
});

/** Runs in the page: the stored analysis row of the only bundle, read or changed with plain IndexedDB. */
async function withAnalysisRow(page: Page, action: 'read' | 'delete' | 'age'): Promise<{ engineVersion: number } | null> {
  return page.evaluate(async (what) => {
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): IdbRequest<IdbDatabase> } }).indexedDB;
    interface IdbRequest<T> {
      result: T;
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
    }
    interface IdbStore {
      getAll(): IdbRequest<{ bundleId: string; engineVersion: number }[]>;
      delete(key: string): IdbRequest<undefined>;
      put(value: unknown): IdbRequest<string>;
    }
    interface IdbDatabase {
      transaction(stores: string[], mode: string): { objectStore(name: string): IdbStore };
      close(): void;
    }
    const done = <T,>(r: IdbRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error('IndexedDB request failed'));
      });
    const db = await done(idb.open('oomscope'));
    const store = db.transaction(['analyses'], 'readwrite').objectStore('analyses');
    const rows = await done(store.getAll());
    const row = rows[0] ?? null;
    if (row && what === 'delete') await done(store.delete(row.bundleId));
    if (row && what === 'age') await done(store.put({ ...row, engineVersion: 0 }));
    db.close();
    return row ? { engineVersion: row.engineVersion } : null;
  }, action);
}

test('the analysis is stored with the bundle; without one it is made again in the worker; Re-analyse replaces an old one', async ({ page }) => {
  const { answer } = await openSample(page);
  await expect(answer.headlineText).toHaveText(sampleHeadline('en'));
  expect(await withAnalysisRow(page, 'read')).toMatchObject({ engineVersion: 1 });

  // As if imported before analyses were stored: the Overview analyses it once, in the worker.
  await withAnalysisRow(page, 'delete');
  await page.reload();
  await expect(answer.headlineText).toHaveText(sampleHeadline('en'), { timeout: 30_000 });
  await expect(answer.analysisNotice).toHaveAttribute('data-state', 'current');
  expect(await withAnalysisRow(page, 'read')).toMatchObject({ engineVersion: 1 });

  // Analysed by an older engine: the notice offers Re-analyse, which brings it up to date.
  await withAnalysisRow(page, 'age');
  await page.reload();
  await expect(answer.analysisNotice).toHaveAttribute('data-state', 'outdated');
  await expect(answer.headlineText).toHaveText(sampleHeadline('en'));
  await shot(page, 'en-light-outdated');
  await answer.reanalyseButton.click();
  await expect(answer.analysisNotice).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
  expect(await withAnalysisRow(page, 'read')).toMatchObject({ engineVersion: 1 });
});

test('a database from schema version 1 (no analyses) upgrades, and its bundle gets an Overview', async ({ page, pageProblems }) => {
  // The lab's pod memory.stat (during), stored the way version 1 stored it: parsed data in `files`, bytes in `blobs`.
  const text = readFileSync(join(ROOT, 'test/fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'), 'utf8');
  const parsed = parseFileText('memory.stat', text);
  const v1 = {
    bundle: { id: 'v1-bundle', title: 'from version 1', host: null, capturedAt: null, importedAt: '2026-11-01T10:00:00.000Z', tags: [], status: 'ready', deletedAt: null, conclusion: '', fingerprint: 'v1-fp', importWarnings: [], fileCount: 1, recognisedCount: 1, warningCount: 0, sizeBytes: text.length },
    file: { id: 'v1-bundle/000000', bundleId: 'v1-bundle', path: 'memory.stat', container: null, formatId: parsed.formatId, status: parsed.status, warnings: parsed.warnings, data: parsed.data, sha256: 'x', sizeBytes: text.length, encoding: 'utf-8', detectScore: 1 },
    text,
  };
  // A page of the same origin that is not the app, so nothing opens the database first.
  await page.goto('/samples/orphaned-shmem/index.json');
  await page.evaluate(async (rows) => {
    type Req = { result: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null; onupgradeneeded?: (() => void) | null };
    interface Db {
      createObjectStore(name: string, options: { keyPath: string }): { createIndex(name: string, keyPath: string | string[]): void };
      transaction(stores: string[], mode: string): { objectStore(name: string): { put(value: unknown): void }; oncomplete: (() => void) | null };
      close(): void;
    }
    const g = globalThis as unknown as { indexedDB: { open(name: string, version: number): Req }; Blob: new (parts: string[]) => unknown };
    // Dexie stores version n as IndexedDB version n × 10.
    const request = g.indexedDB.open('oomscope', 10);
    request.onupgradeneeded = () => {
      const db = request.result as Db;
      const bundles = db.createObjectStore('bundles', { keyPath: 'id' });
      for (const i of ['importedAt', 'fingerprint', 'status']) bundles.createIndex(i, i);
      const files = db.createObjectStore('files', { keyPath: 'id' });
      files.createIndex('bundleId', 'bundleId');
      files.createIndex('[bundleId+path]', ['bundleId', 'path']);
      db.createObjectStore('blobs', { keyPath: 'fileId' }).createIndex('bundleId', 'bundleId');
      db.createObjectStore('notes', { keyPath: 'id' }).createIndex('bundleId', 'bundleId');
      db.createObjectStore('settings', { keyPath: 'key' });
    };
    const db = await new Promise<Db>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as Db);
      request.onerror = () => reject(new Error('cannot open'));
    });
    const tx = db.transaction(['bundles', 'files', 'blobs'], 'readwrite');
    tx.objectStore('bundles').put(rows.bundle);
    tx.objectStore('files').put(rows.file);
    tx.objectStore('blobs').put({ fileId: rows.file.id, bundleId: rows.bundle.id, blob: new g.Blob([rows.text]) });
    await new Promise<void>((resolve) => {
      tx.oncomplete = () => resolve();
    });
    db.close();
  }, v1);
  // That page's own favicon request fails (404); only what the app does from here on counts.
  pageProblems.splice(0);

  await page.goto('/#/bundle/v1-bundle/overview');
  const bundle = new BundlePage(page);
  const answer = new FindingsPanel(page);
  await expect(bundle.titleInput).toHaveValue('from version 1');
  // Analysed in the worker on first view: the loose pod memory.stat's breakdown and headline.
  await expect(answer.headlineText).toContainText('80.0 MiB', { timeout: 30_000 });
  await expect(bundle.breakdownRow('shmem')).toContainText('80.0 MiB');
  await expect(answer.analysisNotice).toHaveAttribute('data-state', 'current');
  expect(await withAnalysisRow(page, 'read')).toMatchObject({ engineVersion: 1 });
  await shot(page, 'en-light-upgraded-v1');
});
