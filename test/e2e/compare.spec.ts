// The Compare screen on the sample incident (orphaned-shmem: init-running, before, during, after):
// the explanation of before → during, the pod's shmem unchanged, findings persisting, swap,
// the init container's shmem moved to the pod itself, the raw memory.stat side by side, the
// series chart, the Library's "Compare", and screenshots in English/中文, light/dark.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { BundlePage } from './pages/bundle-page';
import { ComparePage } from './pages/compare-page';

const ROOT = join(import.meta.dirname, '../..');
// Screenshots go to a folder of our own: other specs' runs wipe test-results/.
const SHOTS = process.env.COMPARE_SHOTS ?? join(ROOT, 'test-results', 'compare-shots');
const POD_MEMORY_STAT = readFileSync(join(ROOT, 'test/fixtures/cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));

const POD = 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const API = `${POD}/container:api`;
const WARM_CACHE = `${POD}/container:warm-cache`;
const POD_ITSELF = `${POD}/(not owned by any container)`;

test.use({ locale: 'en-US', colorScheme: 'light' });

/** The whole screen: the window grows to the height of the scrolling main area for the picture. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // The import's toast would cover part of the picture.
  for (const close of await page.locator('.toast-close').all()) await close.click({ timeout: 1000 }).catch(() => undefined);
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('.app-main');
    return main ? main.scrollHeight + main.getBoundingClientRect().top : document.body.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 8000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

/** One part of the screen, at full size. */
async function shotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await locator.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Imports the sample incident and opens Compare from its bundle page (first → last snapshot). */
async function openSampleCompare(page: Page, bundleShot?: string): Promise<{ bundleId: string; compare: ComparePage }> {
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview/, { timeout: 30_000 });
  const bundleId = decodeURIComponent(/#\/bundle\/([^/]+)\//.exec(page.url())?.[1] ?? '');
  await expect(bundle.titleInput).toHaveValue(/^Sample incident/);
  const link = page.getByRole('link', { name: bundle.t('compare.action.compareSnapshots') });
  await expect(link).toBeVisible();
  if (bundleShot) await shot(page, bundleShot);
  await link.click();
  const compare = new ComparePage(page);
  await expect(compare.heading).toBeVisible();
  // The bundle page opens the whole span: the first capture (init-running) against the last (after).
  await expect(page).toHaveURL(/before=[^&]+init-running/);
  await expect(page).toHaveURL(/after=[^&]+after/);
  return { bundleId, compare };
}

test('before → during: the app container’s anon growth, the pod’s own shmem unchanged, findings persisting; swap flips the signs', async ({ page }) => {
  const { compare } = await openSampleCompare(page);
  await compare.chooseSnapshot('before', 'before');
  await compare.chooseSnapshot('after', 'during');
  await expect(page).toHaveURL(/before=[^&]+%2Fbefore&after=[^&]+%2Fduring/);

  // Pod usage 93818880 → 121344000 B; container api's total_rss 9510912 → 36773888 B (+26.0 MiB).
  await expect(compare.explanationLines.first()).toHaveText('+26.0 MiB anon in container api');
  await expect(compare.summary).toContainText('Usage 89.5 MiB → 115.7 MiB (+26.3 MiB)');
  await expect(compare.notes).toContainText('80.0 MiB shmem in the pod itself unchanged (±0 B).');
  await expect(compare.findings('persisting').locator('[data-finding="shmem-orphaned"]')).toHaveCount(1);
  await expect(compare.findings('new').locator('[data-finding="shmem-orphaned"]')).toHaveCount(0);
  // Waterfall: usage before, the steps, usage after; the first step is the anon growth.
  await expect(compare.waterfallRows.first()).toContainText('89.5 MiB');
  await expect(compare.waterfallRows.nth(1)).toContainText('+26.0 MiB');
  await expect(compare.waterfallRows.last()).toContainText('115.7 MiB');
  // Trees aligned by group: the pod, container api, the pod itself.
  await expect(compare.treeRow(API)).toHaveAttribute('data-status', 'matched');
  await expect(compare.treeRow(POD_ITSELF)).toContainText('80.0 MiB');
  // Delta table: the biggest change first; the filter narrows to one group.
  await expect(compare.deltaRows.first()).toContainText('+26.');
  await compare.deltaFilter.fill('container api anonymous');
  await expect(compare.deltaRows).toHaveCount(1);
  await expect(compare.deltaRows.first()).toContainText('+26.0 MiB');
  await compare.unitsSelect.selectOption('bytes');
  await expect(compare.deltaRows.first()).toContainText('+27,262,976 B');
  await compare.unitsSelect.selectOption('iec');
  await compare.deltaFilter.fill('');
  // Sorting by a column: Before, largest first (the pod's 89.5 MiB).
  await compare.deltaTable.getByRole('button', { name: compare.t('compare.table.before'), exact: true }).click();
  await expect(compare.deltaTable.getByRole('columnheader', { name: compare.t('compare.table.before') })).toHaveAttribute('aria-sort', 'descending');
  await expect(compare.deltaRows.first().getByRole('cell').nth(2)).toHaveText('89.5 MiB');
  await shot(page, 'compare-before-during-en-light');

  // The change of one container alone; the scope goes into the URL.
  await compare.scopeSelect.selectOption(API);
  await expect(page).toHaveURL(/scope=pod%3A8053180c/);
  await expect(compare.summary).toContainText(compare.t('compare.scopeOf', { group: 'Container api' }));
  await expect(compare.summary).toContainText('Usage 9.3 MiB → 35.5 MiB (+26.3 MiB)');
  await expect(compare.explanationLines.first()).toHaveText('+26.0 MiB anon in container api');
  await compare.scopeSelect.selectOption('');
  await expect(page).not.toHaveURL(/scope=/);

  await compare.swapButton.click();
  await expect(page).toHaveURL(/before=[^&]+%2Fduring&after=[^&]+%2Fbefore/);
  await expect(compare.explanationLines.first()).toHaveText('−26.0 MiB anon in container api');
  await expect(compare.summary).toContainText('Usage 115.7 MiB → 89.5 MiB (−26.3 MiB)');
  // A reload keeps the place.
  await page.reload();
  await expect(compare.explanationLines.first()).toHaveText('−26.0 MiB anon in container api');
  await expect(compare.snapshotSelect('before')).toHaveValue(/during$/);
});

test('init-running → before: the init container is gone and its shmem moved to the pod itself, not freed; raw memory.stat side by side', async ({ page }) => {
  const { compare } = await openSampleCompare(page);
  await compare.chooseSnapshot('after', 'before');
  await expect(page).toHaveURL(/before=[^&]+%2Finit-running&after=[^&]+%2Fbefore/);
  await expect(compare.treeRow(WARM_CACHE)).toHaveAttribute('data-status', 'vanished');
  await expect(compare.treeRow(WARM_CACHE)).toContainText(compare.t('compare.status.movedTo', { group: 'the pod itself' }));
  await expect(compare.treeRow(API)).toHaveAttribute('data-status', 'appeared');
  const moved = compare.explanationLines.filter({ hasText: 'moved from container warm-cache to the pod itself' });
  await expect(moved).toHaveText('80.0 MiB shmem moved from container warm-cache to the pod itself: not freed, the pages of a removed cgroup stay charged to its parent');
  await expect(compare.explanation).not.toContainText('−80.0 MiB shmem');

  // The pod's memory.stat opens first: total_shmem 83886080 on both sides.
  await expect(compare.rawPair(`group:${POD}:memory.stat`)).toHaveAttribute('aria-pressed', 'true');
  await expect(compare.rawBefore).toContainText('total_shmem 83886080', { timeout: 30_000 });
  await expect(compare.rawAfter).toContainText('total_shmem 83886080');
  await expect(compare.rawBefore).toContainText('total_rss 5316608');
  await expect(compare.rawAfter).toContainText('total_rss 9510912');
  await shot(page, 'compare-init-running-before-en-light');
  await shotOf(compare.waterfall, 'part-waterfall-init-running-before');
  await shotOf(compare.seriesChart, 'part-series');
  await shotOf(page.locator('.cmp-trees'), 'part-trees-init-running-before');

  await compare.themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'compare-init-running-before-en-dark');
});

test('the series chart has a point per snapshot; clicking two compares them', async ({ page }) => {
  const { compare } = await openSampleCompare(page, 'bundle-compare-link-en-light');
  await expect(compare.seriesPoints).toHaveCount(4);
  const ids = await compare.seriesPoints.evaluateAll((els) => els.map((e) => e.getAttribute('data-snapshot') ?? ''));
  expect(ids.map((id) => id.slice(id.lastIndexOf('/') + 1))).toEqual(['init-running', 'before', 'during', 'after']);
  // Later point first: the comparison still puts the earlier one before.
  await compare.seriesPoint(ids[2] as string).click();
  await expect(compare.seriesPoint(ids[2] as string)).toHaveAttribute('aria-pressed', 'true');
  await compare.seriesPoint(ids[1] as string).click();
  await expect(page).toHaveURL(/before=[^&]+%2Fbefore&after=[^&]+%2Fduring/);
  await expect(compare.explanationLines.first()).toHaveText('+26.0 MiB anon in container api');
  // Keyboard: Enter on two points.
  await compare.seriesPoint(ids[0] as string).focus();
  await page.keyboard.press('Enter');
  await compare.seriesPoint(ids[3] as string).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/before=[^&]+%2Finit-running&after=[^&]+%2Fafter/);
});

test('中文: the Compare screen in Chinese, light and dark', async ({ page }) => {
  const { compare } = await openSampleCompare(page);
  await compare.chooseSnapshot('before', 'before');
  await compare.chooseSnapshot('after', 'during');
  await compare.languageSelect.selectOption('zh-CN');
  const zh = new ComparePage(page, 'zh-CN');
  await expect(zh.heading).toHaveText('对比');
  await expect(zh.explanationLines.first()).toContainText('容器 api');
  await expect(zh.findings('persisting')).toContainText(zh.t('compare.findings.persisting'));
  await shot(page, 'compare-before-during-zh-light');
  await zh.themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, 'compare-before-during-zh-dark');
});

test('the Library compares two ticked bundles, the earlier capture before', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\//, { timeout: 30_000 });
  await library.goto();
  await library.dropFiles([{ name: 'memory.stat', content: POD_MEMORY_STAT }]);
  await expect(library.row('memory.stat')).toBeVisible();
  await library.goto();
  const sampleTitle = (await library.rows.filter({ hasText: 'Sample incident' }).getByRole('link').first().textContent()) ?? '';
  const compareButton = page.getByRole('button', { name: library.t('compare.library.compare') });
  await expect(compareButton).toBeDisabled();
  await page.getByRole('checkbox', { name: library.t('compare.library.select', { title: sampleTitle }) }).check();
  await page.getByRole('checkbox', { name: library.t('compare.library.select', { title: 'memory.stat' }) }).check();
  await expect(compareButton).toBeEnabled();
  await shot(page, 'library-two-ticked-en-light');
  await compareButton.click();
  const compare = new ComparePage(page);
  await expect(compare.heading).toBeVisible();
  // The sample was captured in 2026-11-22 (manifest); the loose memory.stat has no capture time, so its import time counts: later.
  await expect(compare.bundleSelect('before')).toHaveValue(/.+/);
  await expect(compare.bundleSelect('before').locator('option:checked')).toHaveText(sampleTitle);
  await expect(compare.bundleSelect('after').locator('option:checked')).toHaveText('memory.stat');
  await expect(compare.snapshotSelect('before')).toHaveValue(/after$/);
  await expect(compare.explanationLines.first()).toBeVisible();
  await shot(page, 'compare-two-bundles-en-light');
});
