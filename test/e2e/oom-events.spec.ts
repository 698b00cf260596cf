// Bundle → OOM events in a browser: the sample incident's kill (verdict, usage against limit, the
// pod's total_* stats, the task table, "show in dmesg.txt" opening the report highlighted), seed
// 004's report with per-cgroup stats (the pod's own 8.4 GiB of shmem beside the container's JVM),
// a log with several events and no wall-clock time, and the empty state. English and 中文, light
// and dark. Screenshots go to $OOM_SHOTS_DIR when set (else the test's output folder).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { OomEventsPage } from './pages/oom-events-page';

const ROOT = join(import.meta.dirname, '../..');
const fixture = (path: string): Buffer => readFileSync(join(ROOT, 'test/fixtures', path));
const SEED_004 = 'seed-004-report-1-shmem-emptydir.txt';
const TWO_KILLS = '15-k6.1-dmesg-global-oom-group-less-truncated-two-kills.log';
const AKS_V2 = '13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log';
const POD_V1 = '/oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';

test.use({ locale: 'en-US', colorScheme: 'light' });

/** The whole page: the app scrolls inside its main area, so the window is made tall enough for it. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = process.env.OOM_SHOTS_DIR;
  // A toast may time out between the lookup and the click.
  for (const close of await page.locator('.toast-close').all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.locator('.app-main').evaluate((main) => main.scrollHeight + main.getBoundingClientRect().top);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path: dir ? join(dir, `${name}.png`) : testInfo.outputPath(`${name}.png`) });
  await page.setViewportSize(size);
}

async function dropAndOpen(page: Page, name: string, content: Buffer): Promise<OomEventsPage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.dropFiles([{ name, content }]);
  await expect(library.row(name)).toBeVisible();
  await library.titleLink(name).click();
  const oom = new OomEventsPage(page);
  await oom.oomTab.click();
  await expect(page).toHaveURL(/\/oom$/);
  return oom;
}

async function toChinese(page: Page): Promise<OomEventsPage> {
  await new OomEventsPage(page).languageSelect.selectOption('zh-CN');
  const zh = new OomEventsPage(page, 'zh-CN');
  await expect(zh.oomTab).toHaveText(zh.t('bundle.tab.oom'));
  return zh;
}

test('the sample incident: the kill, its usage and stats, the task table, and "show in dmesg.txt"', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  const oom = new OomEventsPage(page);
  await oom.oomTab.click();

  // One report, in after/dmesg.txt and after/dmesg-T.txt: shown once, placed by dmesg -T's time.
  await expect(oom.events).toHaveCount(1);
  await expect(oom.summary).toHaveText(oom.t('oomView.summary', { count: 1, files: 2 }));
  await expect(oom.markers).toHaveCount(1);
  await expect(oom.timelineMode).toHaveAttribute('data-mode', 'time');
  const e = oom.event(1);
  await expect(e.verdict).toContainText('api-server (pid 21065) was killed in ml/api-7f8c9d6b5-h7j2k because its 128.0 MiB limit was reached');
  await expect(e.headline).toContainText('80.0 MiB shmem charged to the pod itself');

  // memory: usage 131072kB, limit 131072kB, failcnt 35.
  await expect(e.usage).toHaveText('128.0 MiB');
  await expect(e.limit).toHaveText('128.0 MiB');
  await expect(e.share).toHaveText('100.0%');
  await expect(e.failcnt).toHaveText('35');
  await expect(e.usageBar).toHaveAttribute('aria-label', /128\.0 MiB of 128\.0 MiB \(100\.0%\)/);

  // The pod's hierarchical stats: total_shmem 83886080 (80.0 MiB), total_rss 49930240 (47.6 MiB).
  const pod = e.statsBar(POD_V1);
  await expect(e.statsBars).toHaveCount(1);
  await expect(pod).toHaveAttribute('data-scope', 'v1-hierarchical');
  await expect(pod).toContainText('ml/api-7f8c9d6b5-h7j2k');
  await expect(pod).toContainText(oom.t('oomView.stats.limitHit'));
  await expect(e.segment(pod, 'shmem')).toContainText('80.0 MiB');
  await expect(e.segment(pod, 'shmem')).toContainText('total_shmem');
  await expect(e.segment(pod, 'anon')).toContainText('47.6 MiB');
  await expect(e.segment(pod, 'anon')).toContainText('total_rss');
  // usage − total_rss − total_cache = 401408 B.
  await expect(e.segment(pod, 'other')).toContainText('392.0 KiB');

  // [  21065] … rss 13644 pages (53.3 MiB) … oom_score_adj 999 api-server: Burstable, the victim.
  const victim = e.taskRow(21065);
  await expect(e.taskRows).toHaveCount(1);
  await expect(victim).toHaveAttribute('data-victim', 'true');
  await expect(victim).toContainText('api-server');
  await expect(victim).toContainText(oom.t('oomView.tasks.killed'));
  await expect(victim).toContainText('53.3 MiB');
  await expect(victim).toContainText('999');
  await expect(victim).toContainText('Burstable');
  await shot(page, testInfo, 'oom-sample-en-light');

  await oom.themeSelect.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, testInfo, 'oom-sample-en-dark');

  const zh = await toChinese(page);
  await expect(zh.event(1).verdict).toContainText('api-server（pid 21065）在 ml/api-7f8c9d6b5-h7j2k 中被杀，因为达到了 128.0 MiB 的限制');
  await expect(zh.event(1).taskRow(21065)).toContainText(zh.t('oomView.tasks.killed'));
  await shot(page, testInfo, 'oom-sample-zh-dark');
  await zh.themeSelect.selectOption('light');
  await shot(page, testInfo, 'oom-sample-zh-light');
  await zh.languageSelect.selectOption('en');
  await expect(oom.oomTab).toHaveText(oom.t('bundle.tab.oom'));

  // "Show in dmesg.txt": the Files tab, that file in Monaco, the report's lines 1–78 highlighted.
  await e.showInFile('orphaned-shmem/after/dmesg.txt').click();
  await expect(page).toHaveURL(/\/files\/orphaned-shmem\/after\/dmesg\.txt\?line=1&lineEnd=78$/);
  await expect(oom.fileDetail).toHaveAttribute('aria-label', 'orphaned-shmem/after/dmesg.txt');
  await expect(oom.rawLines).toContainText('api-server invoked oom-killer');
  await expect(oom.rawView.locator('.raw-line-highlight').first()).toBeVisible();
  expect(await oom.rawView.locator('.raw-line-highlight').count()).toBeGreaterThan(10);
  await shot(page, testInfo, 'oom-sample-show-in-file');
  // The other copy opens the same way.
  await page.goBack();
  await oom.event(1).showInFile('orphaned-shmem/after/dmesg-T.txt').click();
  await expect(page).toHaveURL(/\/files\/orphaned-shmem\/after\/dmesg-T\.txt\?line=1&lineEnd=78$/);
  await expect(oom.rawLines).toContainText('[Sun Nov 22 12:09:34 2026] api-server invoked oom-killer');
});

test("seed 004: the pod's own 8.4 GiB of shmem beside the container's 7.6 GiB of anon, summed against the 16 GiB limit", async ({ page }, testInfo) => {
  const oom = await dropAndOpen(page, SEED_004, fixture(`kernel-log/${SEED_004}`));
  const e = oom.event(1);
  await expect(e.verdict).toContainText('java (pid 212425) was killed in /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice because its 16.0 GiB limit was reached');
  // No "Killed process" line in the paste: the oom_reaper line names java.
  await expect(e.missing).toContainText(oom.t('oomView.missing', { parts: oom.t('oomPart.kill') }));
  await expect(e.missing).toContainText(oom.t('oomView.victimFrom.oom-reaper'));
  await expect(e.usage).toHaveText('16.0 GiB');
  await expect(e.limit).toHaveText('16.0 GiB');
  await expect(e.failcnt).toHaveText('17883');

  // Two one-line v1 stats (each cgroup's own pages) and their sum.
  await expect(e.statsBars).toHaveCount(3);
  const pod = e.statsBar('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-po*34a0838.scope');
  const container = e.statsBar('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-p*8000ff2f7516.scope');
  await expect(pod).toHaveAttribute('data-scope', 'v1-local');
  await expect(pod).toContainText(oom.t('oomView.stats.limitHit'));
  // shmem:8840436KB; rss:388KB.
  await expect(e.segment(pod, 'shmem')).toContainText('8.4 GiB');
  await expect(e.segment(pod, 'anon')).toContainText('388.0 KiB');
  // rss:7917200KB; cache:132KB.
  await expect(e.segment(container, 'anon')).toContainText('7.6 GiB');
  await expect(e.segment(container, 'shmem')).toContainText('0 B');
  const sum = e.statsSum();
  await expect(sum).toContainText(oom.t('oomView.stats.scope.sum'));
  await expect(e.segment(sum, 'shmem')).toContainText('8.4 GiB');
  await expect(e.segment(sum, 'anon')).toContainText('7.6 GiB');
  // usage 16777216 kB − Σ rss 7917588 kB − Σ cache 8840568 kB = 19060 kB.
  await expect(e.segment(sum, 'other')).toContainText('18.6 MiB');

  // Tasks by RSS: java (1985479 pages = 7.6 GiB, adj 873 → Burstable, killed), tini, pause (−998).
  await expect(e.taskRows).toHaveCount(3);
  await expect(e.taskRows.nth(0)).toHaveAttribute('data-pid', '212425');
  await expect(e.taskRow(212425)).toHaveAttribute('data-victim', 'true');
  await expect(e.taskRow(212425)).toContainText('7.6 GiB');
  await expect(e.taskRow(212425)).toContainText('Burstable');
  await expect(e.taskRow(2064649)).toContainText(oom.t('oomView.qos.pause'));
  await e.sortButton('name').click();
  await expect(e.taskRows.nth(0)).toHaveAttribute('data-pid', '212425');
  await expect(e.taskRows.nth(2)).toHaveAttribute('data-pid', '212336');
  await e.sortButton('name').click();
  await expect(e.taskRows.nth(0)).toHaveAttribute('data-pid', '212336');
  await e.sortButton('rss').click();
  await expect(e.taskRows.nth(0)).toHaveAttribute('data-pid', '212425');
  await shot(page, testInfo, 'oom-seed004-en-light');

  await oom.themeSelect.selectOption('dark');
  await shot(page, testInfo, 'oom-seed004-en-dark');
  const zh = await toChinese(page);
  await expect(zh.event(1).statsSum()).toContainText(zh.t('oomView.stats.scope.sum'));
  await expect(zh.event(1).missing).toContainText(zh.t('oomView.victimFrom.oom-reaper'));
  await shot(page, testInfo, 'oom-seed004-zh-dark');
  await zh.themeSelect.selectOption('light');
  await shot(page, testInfo, 'oom-seed004-zh-light');
});

test('a log without wall-clock times: three events in log order, labelled with their uptime', async ({ page }, testInfo) => {
  const oom = await dropAndOpen(page, TWO_KILLS, fixture(`kernel-log/${TWO_KILLS}`));
  await expect(oom.events).toHaveCount(3);
  await expect(oom.markers).toHaveCount(3);
  await expect(oom.timelineMode).toHaveAttribute('data-mode', 'order');
  await expect(oom.timeline).toContainText(oom.t('oomView.uptime', { seconds: '3457.65' }));
  // Three events: all opened; the second ends before it names a victim.
  await expect(oom.event(1).verdict).toContainText('prometheus-conf');
  await expect(oom.event(2).verdict).toHaveText(oom.t('oomView.verdict.noVictim', { scope: oom.t('oomView.scope.node') }));
  await expect(oom.event(3).verdict).toContainText('memory_leak');
  await expect(oom.event(1).root.getByText(oom.t('oomView.globalNoLimit'))).toBeVisible();
  // Closing a card and choosing its marker opens it again.
  await oom.event(3).summary.click();
  await expect(oom.event(3).root).not.toHaveAttribute('open', '');
  await oom.markers.nth(2).click();
  await expect(oom.event(3).root).toHaveAttribute('open', '');
  await shot(page, testInfo, 'oom-order-en-light');
  const zh = await toChinese(page);
  await expect(zh.timeline).toContainText(zh.t('oomView.uptime', { seconds: '3457.65' }));
  await shot(page, testInfo, 'oom-order-zh-light');
});

test('cgroup v2 (AKS, syslog): memory.stat of the pod with the rest of the usage, nine tasks, the victim by RSS and adj', async ({ page }, testInfo) => {
  const oom = await dropAndOpen(page, AKS_V2, fixture(`kernel-log/${AKS_V2}`));
  await expect(oom.events).toHaveCount(2);
  const e = oom.event(1);
  await expect(e.verdict).toContainText('stress-ng-vm (pid 183960) was killed in /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_7c71cf55cfb5.slice because its 100.0 MiB limit was reached');
  const pod = e.statsBars.first();
  await expect(pod).toHaveAttribute('data-scope', 'v2');
  // anon 98742272 B = 94.2 MiB; usage 104857600 − anon − file 2469888 = 3645440 B = 3.5 MiB.
  await expect(e.segment(pod, 'anon')).toContainText('94.2 MiB');
  await expect(e.segment(pod, 'other')).toContainText('3.5 MiB');
  await expect(e.taskRows).toHaveCount(9);
  // The victim has the most RSS (23376 pages = 91.3 MiB) and adj 1000 (BestEffort's value).
  await expect(e.taskRows.first()).toHaveAttribute('data-pid', '183960');
  await expect(e.taskRows.first()).toHaveAttribute('data-victim', 'true');
  await expect(e.taskRows.first()).toContainText('91.3 MiB');
  await expect(e.taskRows.first()).toContainText('BestEffort');
  await e.sortButton('adj').click();
  await expect(e.taskRows.last()).toHaveAttribute('data-pid', '181505');
  await shot(page, testInfo, 'oom-v2-en-light');
  await oom.themeSelect.selectOption('dark');
  await shot(page, testInfo, 'oom-v2-en-dark');
});

test('a bundle without a kernel log: the empty state', async ({ page }, testInfo) => {
  const oom = await dropAndOpen(page, 'memory.stat', fixture('cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt'));
  await expect(oom.empty).toHaveText(oom.t('oomView.empty'));
  await shot(page, testInfo, 'oom-empty-en-light');
  await oom.themeSelect.selectOption('dark');
  const zh = await toChinese(page);
  await expect(zh.empty).toHaveText(zh.t('oomView.empty'));
  await shot(page, testInfo, 'oom-empty-zh-dark');
});
