// The first vertical slice in a browser: drop a real memory.stat → stored in IndexedDB → listed →
// breakdown with the file's own numbers → raw file in Monaco → all still there after a reload.
// Also: an unrecognised file, the folder picker, 中文, the sample incident, delete with undo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { BundlePage } from './pages/bundle-page';
import { SettingsPage } from './pages/settings-page';

const ROOT = join(import.meta.dirname, '../..');
// The lab's pod cgroup (v1) while the app container grows: total_rss 36773888, total_shmem 83886080.
const POD_MEMORY_STAT = readFileSync(join(ROOT, 'test/fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));
const SAMPLE_DIR = join(ROOT, 'resources/samples/orphaned-shmem');

test.use({ locale: 'en-US', colorScheme: 'light' });

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function importPodStat(page: Page): Promise<{ library: LibraryPage; bundle: BundlePage }> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.row('memory.stat')).toBeVisible();
  return { library, bundle: new BundlePage(page) };
}

async function expectPodBreakdown(bundle: BundlePage): Promise<void> {
  // total_rss 36773888 B = 35.1 MiB; total_shmem 83886080 B = 80.0 MiB; total_cache − total_shmem = 20480 B.
  await expect(bundle.breakdownRow('anon')).toContainText('35.1 MiB');
  await expect(bundle.breakdownRow('anon')).toContainText('total_rss · line 24');
  await expect(bundle.breakdownRow('shmem')).toContainText('80.0 MiB');
  await expect(bundle.breakdownRow('shmem')).toContainText('total_shmem · line 26');
  await expect(bundle.breakdownRow('fileCache')).toContainText('20.0 KiB');
  await expect(bundle.breakdownRow('activeFile')).toContainText('12.0 KiB');
  await expect(bundle.breakdownRow('inactiveFile')).toContainText('8.0 KiB');
  await expect(bundle.breakdownRow('dirty')).toContainText('8.0 KiB');
  await expect(bundle.breakdownRow('kernel')).toContainText(bundle.t('breakdown.unknown'));
  // hierarchical_memory_limit 134217728 = 128 MiB; memory.stat alone has no usage.
  await expect(bundle.limit).toHaveText('128.0 MiB');
  await expect(bundle.workingSetFormula).toHaveText(bundle.t('metric.workingSet.noUsage'));
  await expect(bundle.breakdownBar).toHaveAttribute('aria-label', /Anonymous \(heap, stacks\) 35\.1 MiB/);
}

test('a dropped memory.stat is stored, listed, broken down, shown raw, and still there after a reload', async ({ page }, testInfo) => {
  const { library, bundle } = await importPodStat(page);
  const cells = library.cells('memory.stat');
  await expect(cells.nth(4)).toHaveText('1');
  await expect(cells.nth(5)).toHaveText('1');
  await shot(page, testInfo, '01-library');

  await library.titleLink('memory.stat').click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/);
  await expectPodBreakdown(bundle);
  await shot(page, testInfo, '02-bundle-overview');

  await bundle.filesTab.click();
  await expect(bundle.fileFormat).toHaveText('memory.stat (cgroup v1)');
  await expect(bundle.rawLines).toContainText('hierarchical_memory_limit 134217728');
  await shot(page, testInfo, '03-bundle-files-raw');

  await bundle.parsedButton.click();
  // The lab file has 42 counters, from `cache` (line 1) to `total_unevictable` (line 42).
  await expect(bundle.fileDetail.getByRole('table', { name: bundle.t('parsed.counters', { count: 42 }) })).toContainText('total_shmem');
  await shot(page, testInfo, '04-bundle-files-parsed');

  // Evidence link: the source of the shmem row opens the raw file at that line.
  await bundle.overviewTab.click();
  await bundle.breakdownRow('shmem').getByRole('link').click();
  await expect(page).toHaveURL(/\/files\/memory\.stat\?line=26$/);
  await expect(bundle.rawView.locator('.raw-line-highlight')).toHaveCount(1);

  // Metadata is saved as typed.
  await bundle.titleInput.fill('api pod OOM, lab');
  await bundle.hostInput.fill('vm');
  await bundle.tagsInput.fill('lab, shmem');
  await page.waitForTimeout(600);

  await page.reload();
  await expect(bundle.titleInput).toHaveValue('api pod OOM, lab');
  await expect(bundle.hostInput).toHaveValue('vm');
  await expect(bundle.rawLines).toContainText('hierarchical_memory_limit 134217728');
  await bundle.overviewTab.click();
  await expectPodBreakdown(bundle);

  await library.libraryLink.click();
  await expect(library.row('api pod OOM, lab')).toContainText('vm');
  await expect(library.row('api pod OOM, lab')).toContainText('shmem');
});

test('the same content dropped twice opens the bundle already imported', async ({ page }) => {
  const { library, bundle } = await importPodStat(page);
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.toast(library.t('import.duplicate', { title: 'memory.stat' }))).toBeVisible();
  await expect(page).toHaveURL(/#\/bundle\//);
  await expect(bundle.limit).toHaveText('128.0 MiB');
  await library.libraryLink.click();
  await expect(library.rows).toHaveCount(1);
});

test('a file that is not memory.stat is stored and listed as unrecognised, with the reason', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await library.dropFiles([{ name: 'call-notes.txt', content: 'Call notes: the api pod restarted twice; ask the team about the cache volume.\n' }]);
  const row = library.row('call-notes.txt');
  await expect(row).toBeVisible();
  await expect(library.cells('call-notes.txt').nth(4)).toHaveText('1');
  await expect(library.cells('call-notes.txt').nth(5)).toContainText('0');
  await expect(library.cells('call-notes.txt').nth(5)).toContainText(library.t('library.unrecognisedCount', { count: 1 }));

  await library.titleLink('call-notes.txt').click();
  await expect(bundle.overviewEmpty).toHaveText(bundle.t('bundle.noStats'));
  await bundle.filesTab.click();
  await expect(bundle.fileFormat).toHaveText(bundle.t('format.unknown'));
  await expect(bundle.fileWarnings).toContainText('Not recognised: No known format matches its content.');
  await expect(bundle.rawLines).toContainText('Call notes: the api pod restarted twice');
  await shot(page, testInfo, '05-unrecognised-file');
});

test('a folder chosen with the folder picker keeps its paths and becomes a memory tree', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  const chooser = page.waitForEvent('filechooser');
  await library.importFolderButton.click();
  await (await chooser).setFiles(join(SAMPLE_DIR, 'during'));
  await expect(library.row('during')).toBeVisible();
  // The snapshot's manifest.json names the host.
  await expect(library.row('during')).toContainText('vm');
  await library.titleLink('during').click();
  // Names from the manifest: pod ml/api-7f8c9d6b5-h7j2k, container api.
  await expect(bundle.groupButton('Pod ml/api-7f8c9d6b5-h7j2k')).toBeVisible();
  await expect(bundle.groupButton('Container api')).toBeVisible();
  await expect(bundle.groupButton(bundle.t('overview.label.remainder'))).toBeVisible();
  // The pod: memory.usage_in_bytes 121344000 (115.7 MiB) of a 128 MiB limit; 80 MiB of it shmem that no container owns.
  await expect(bundle.usage).toHaveText('115.7 MiB');
  await expect(bundle.limit).toHaveText('128.0 MiB');
  await expect(bundle.workingSetFormula).toHaveText('working set = usage − inactive_file = 115.7 MiB − 8.0 KiB = 115.7 MiB');
  await bundle.groupButton(bundle.t('overview.label.remainder')).click();
  await expect(bundle.breakdownRow('shmem')).toContainText('80.0 MiB');
  await shot(page, testInfo, '06-folder-overview');
  await bundle.filesTab.click();
  await expect(bundle.fileRow('during/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/memory.stat')).toBeVisible();
});

test('中文: switching the language relabels every screen, and it sticks', async ({ page }, testInfo) => {
  await importPodStat(page);
  const en = new LibraryPage(page);
  await en.languageSelect.selectOption('zh-CN');
  const zhLibrary = new LibraryPage(page, 'zh-CN');
  await expect(zhLibrary.heading).toHaveText('事故资料库');
  await expect(zhLibrary.openSampleButton).toBeVisible();
  await shot(page, testInfo, '07-library-zh');

  await zhLibrary.titleLink('memory.stat').click();
  const zhBundle = new BundlePage(page, 'zh-CN');
  await expect(zhBundle.breakdownRow('anon')).toContainText('匿名内存（堆、栈）');
  await expect(zhBundle.breakdownRow('anon')).toContainText('第 24 行');
  await expect(zhBundle.workingSetFormula).toHaveText(zhBundle.t('metric.workingSet.noUsage'));
  await shot(page, testInfo, '08-bundle-overview-zh');

  await page.reload();
  await expect(zhBundle.overviewTab).toHaveText('概览');
  const settings = new SettingsPage(page, 'zh-CN');
  await settings.goto();
  await expect(settings.chinese).toBeChecked();
  await shot(page, testInfo, '09-settings-zh');
  await settings.english.click();
  await expect(new SettingsPage(page, 'en').heading).toBeVisible();
  await expect(new SettingsPage(page, 'en').english).toBeChecked();
});

test.describe('with a Chinese system language', () => {
  test.use({ locale: 'zh-CN' });
  test('the app follows the system language by default', async ({ page }) => {
    const library = new LibraryPage(page, 'zh-CN');
    await library.goto();
    await expect(library.heading).toHaveText('事故资料库');
  });
});

test('"Open sample incident" imports the bundled sample and opens it', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await expect(library.firstRunPanel).toBeVisible();
  await shot(page, testInfo, '10-library-first-run');
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  await expect(bundle.titleInput).toHaveValue(/^Sample incident/);
  await expect(bundle.filesTab).toContainText('134');
  // Four captures; the latest (after the kill) is shown first.
  await expect(bundle.snapshotTab('after')).toHaveAttribute('aria-selected', 'true');
  await bundle.snapshotTab('during').click();
  await bundle.groupButton('Pod ml/api-7f8c9d6b5-h7j2k').click();
  await expect(bundle.usage).toHaveText('115.7 MiB');
  await expect(bundle.breakdownRow('shmem')).toContainText('80.0 MiB');
  await shot(page, testInfo, '11-sample-overview');

  await bundle.filesTab.click();
  await expect(bundle.fileRow('orphaned-shmem/after/dmesg.txt')).toBeVisible();
  await bundle.fileRow('orphaned-shmem/after/dmesg.txt').getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  await shot(page, testInfo, '12-sample-files');
  // Any format's result shows as tables, without code for that format.
  await bundle.parsedButton.click();
  await expect(bundle.parsedTables.first()).toBeVisible();
  await shot(page, testInfo, '12b-sample-files-parsed-kernel-log');
  await bundle.rawButton.click();

  await bundle.themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, testInfo, '13-sample-files-dark');
  // The snapshot and group chosen on the Overview are in the URL: they survive a tab switch and a reload.
  await bundle.overviewTab.click();
  await bundle.snapshotTab('during').click();
  await bundle.groupButton('Container api').click();
  await page.reload();
  await expect(bundle.snapshotTab('during')).toHaveAttribute('aria-selected', 'true');
  await expect(bundle.groupDetail).toHaveAttribute('aria-label', 'Container api');
  // The container's own memory.usage_in_bytes in `during`: 37224448 B = 35.5 MiB.
  await expect(bundle.usage).toHaveText('35.5 MiB');
  await shot(page, testInfo, '14-sample-overview-dark');
});

test('delete asks for nothing but offers Undo', async ({ page }) => {
  const { library } = await importPodStat(page);
  await library.deleteButton('memory.stat').click();
  await expect(library.rows).toHaveCount(0);
  await library.undoButton().click();
  await expect(library.row('memory.stat')).toBeVisible();
  await library.deleteButton('memory.stat').click();
  await expect(library.rows).toHaveCount(0);
  await expect(library.toast(library.t('library.deleted', { title: 'memory.stat' }))).toBeVisible();
});

test('sizes follow the units chosen in Settings', async ({ page }) => {
  const { library, bundle } = await importPodStat(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.decimalUnits.click();
  await expect(settings.decimalUnits).toBeChecked();
  await library.goto();
  await library.titleLink('memory.stat').click();
  // total_rss 36773888 B = 36.8 MB; hierarchical_memory_limit 134217728 B = 134.2 MB.
  await expect(bundle.breakdownRow('anon')).toContainText('36.8 MB');
  await expect(bundle.limit).toHaveText('134.2 MB');
});
