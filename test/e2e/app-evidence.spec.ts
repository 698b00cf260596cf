// Application evidence in the Files tab: a JVM Native Memory Tracking report (the JDK 21 sample)
// with its categories and bar against the container limit, the JVM flags found in a pod spec beside
// it, seed 004's fincore output and procdump dd messages, and a dumped region (the first 1248 bytes
// of seed 004's region, rebuilt from the post's hexdump) read slice by slice. English and 中文.
// The pod spec is hand-written: no real sample carries JVM flags. Its -Xmx8136m is the NMT sample's
// Java Heap reserved (8531214336 B), under an 8Gi limit: the heap alone leaves 0.7% (jvm-heap-headroom).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { AppEvidencePage } from './pages/app-evidence-page';
import { FindingsPanel } from './pages/findings-panel';

const ROOT = join(import.meta.dirname, '../..');
const SHOTS = '/tmp/h5/shots';
const fixture = (path: string): Buffer => readFileSync(join(ROOT, 'test/fixtures', path));

const POD_YAML = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: orders-0',
  '  namespace: shop',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: eclipse-temurin:21',
  '    env:',
  '    - {name: JAVA_TOOL_OPTIONS, value: "-Xmx8136m -XX:NativeMemoryTracking=summary"}',
  '    resources:',
  '      limits:',
  '        memory: 8Gi',
  '',
].join('\n');

const FILES = [
  { name: 'nmt.txt', content: fixture('jvm-nmt/nmt-summary.prometheus-client_java-scale-bytes-jdk21.txt') },
  { name: 'pod.yaml', content: POD_YAML },
  { name: 'fincore.txt', content: fixture('fincore/seed-004-fincore-detection-script-summarize.txt') },
  { name: 'procdump.txt', content: fixture('procdump-listing/seed-004-procdump-dd-output.txt') },
  { name: '1241520_mem_55c9bab6c000.bin', content: fixture('procdump-region/1241520_mem_55c9bab6c000.bin') },
];

test.use({ locale: 'en-US', colorScheme: 'light' });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function importBundle(page: Page): Promise<AppEvidencePage> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.dropFiles(FILES);
  const title = 'nmt.txt +4';
  await expect(library.row(title)).toBeVisible();
  await library.titleLink(title).click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/);
  const dismiss = library.toasts.getByRole('button', { name: library.t('common.dismiss') });
  if (await dismiss.count()) await dismiss.first().click();
  // The engine took the heap from the pod spec's flag and the limit from its resources.
  const heapFinding = new FindingsPanel(page).finding('jvm-heap-headroom');
  await expect(heapFinding).toHaveAttribute('data-severity', 'critical');
  await expect(heapFinding).toContainText('-Xmx8136m (JAVA_TOOL_OPTIONS)');
  await expect(heapFinding).toContainText('99.3% of the 8.0 GiB');
  await shot(page, 'en-overview-jvm-finding');
  const evidence = new AppEvidencePage(page);
  await evidence.filesTab.click();
  return evidence;
}

test('JVM NMT, page cache and procdump panels show the files’ numbers, in English and 中文', async ({ page }) => {
  const ev = await importBundle(page);

  // NMT: Total reserved=10341970661 committed=642716389 (line 3); Java Heap reserved=8531214336 committed=536870912 (line 7).
  await ev.openParsed('nmt.txt');
  await expect(ev.jvmPanel.getByTestId('nmt-total')).toContainText(ev.t('appEvidence.jvm.total', { reserved: '9.6 GiB', committed: '612.9 MiB' }));
  await expect(ev.jvmPanel.getByTestId('nmt-total')).toContainText(ev.t('appEvidence.line', { line: 3 }));
  await expect(ev.jvmPanel.getByTestId('nmt-heap')).toContainText(ev.t('appEvidence.jvm.heapMax', { reserved: '7.9 GiB' }));
  // 642716389 − 536870912 = 105845477 B outside the heap.
  await expect(ev.jvmPanel.getByTestId('nmt-non-heap')).toContainText('100.9 MiB');
  // The pod spec's limit (8Gi, line 14) is the only one in the bundle: the NMT total is 7.5% of it.
  await expect(ev.jvmPanel.getByTestId('jvm-limit')).toContainText('8.0 GiB (shop/orders-0 / app)');
  await expect(ev.jvmPanel.getByTestId('jvm-limit')).toContainText(`pod.yaml · ${ev.t('appEvidence.line', { line: 14 })}`);
  await expect(ev.jvmPanel.getByTestId('nmt-vs-limit')).toContainText('7.5%');
  await expect(ev.nmtRow('Java Heap')).toContainText('7.9 GiB');
  await expect(ev.nmtRow('Java Heap')).toContainText('512.0 MiB');
  await expect(ev.nmtRow('GC').getByRole('cell').nth(2)).toHaveText('73.0 MiB');
  await expect(ev.nmtTable.locator('tbody tr').first()).toHaveAttribute('data-category', 'Java Heap');
  await expect(ev.nmtBar).toHaveAttribute('aria-label', /^Committed memory by NMT category against the container’s limit 8\.0 GiB, Java Heap 512\.0 MiB, GC 73\.0 MiB/);
  await expect(ev.nmtBar.getByTestId('heap-max-mark')).toHaveCount(1);
  await expect(ev.flagsTable.locator('tbody tr').first()).toContainText('-Xmx8136m');
  await expect(ev.flagsTable.locator('tbody tr').first()).toContainText('JAVA_TOOL_OPTIONS');
  await expect(ev.flagsTable.locator('tbody tr').first()).toContainText('shop/orders-0 / app');
  await shot(page, 'en-jvm');

  // fincore (seed 004): access.log 7602176 B first; the script's own total 20422656 B.
  await ev.openParsed('fincore.txt');
  await expect(ev.pageCacheTable.locator('tbody tr').first()).toContainText('/var/log/nginx/access.log');
  await expect(ev.pageCacheTable.locator('tbody tr').first()).toContainText('7.3 MiB');
  await expect(ev.pageCachePanel.getByTestId('page-cache-tool-total')).toContainText('19.5 MiB');
  await expect(ev.pageCachePanel.getByTestId('page-cache-total')).toContainText(ev.t('appEvidence.pageCache.total', { bytes: '11.1 MiB', count: 6 }));
  await shot(page, 'en-page-cache');

  // procdump dd (seed 004): the 926601216-byte copy first; 926666752 B copied in all.
  await ev.openParsed('procdump.txt');
  await expect(ev.copiesTable.locator('tbody tr').first()).toContainText('883.7 MiB');
  await expect(ev.copiesTable.locator('tbody tr').first()).toContainText('226221+0');
  await expect(ev.procdumpPanel.getByTestId('procdump-total')).toContainText(ev.t('appEvidence.procdump.totalCopied', { bytes: '883.7 MiB', count: 4 }));
  await expect(ev.copiesTable).toContainText('Input/output error');

  // The region: 1248 bytes, the kubelet log line the post found, hexdump -C lines read from the blob.
  await ev.openParsed('1241520_mem_55c9bab6c000.bin');
  await expect(ev.regionPanel.getByRole('heading', { name: ev.t('appEvidence.procdump.region.title', { pid: 1241520, address: '0x55c9bab6c000' }) })).toBeVisible();
  await expect(ev.regionPanel.getByTestId('region-size')).toContainText('1.2 KiB');
  await expect(ev.runsTable).toContainText('iZ2zeizuxt2naq812t2pf9Z kubelet: I1107 18:46:45.553753');
  await expect(ev.hexLines).toContainText('00000000  00 00 00 00 00 00 00 00  91 02 00 00 00 00 00 00  |................|');
  await expect(ev.hexLines).toContainText('000002b0  69 5a 32 7a 65 69 7a 75  78 74 32 6e 61 71 38 31  |iZ2zeizuxt2naq81|');
  await expect(ev.hexView.getByTestId('hex-range')).toContainText(ev.t('appEvidence.hex.range', { start: 0, end: 1248, size: '1.2 KiB' }));
  await ev.hexOffset.fill('0x4d0');
  await ev.hexView.getByRole('button', { name: ev.t('appEvidence.hex.show') }).click();
  await expect(ev.hexLines).toHaveText('000004d0  6e 64 65 6d 61 69 6c 20  7c 20 65 6c 73 65 20 7c  |ndemail | else ||');
  await ev.hexOffset.fill('0x2b0');
  await ev.hexView.getByRole('button', { name: ev.t('appEvidence.hex.show') }).click();
  await expect(ev.hexLines).toContainText('|iZ2zeizuxt2naq81|');
  await shot(page, 'en-procdump-region');

  // 中文
  await ev.languageSelect.selectOption('zh-CN');
  const zh = new AppEvidencePage(page, 'zh-CN');
  await expect(zh.regionPanel.getByRole('heading', { name: zh.t('appEvidence.procdump.region.title', { pid: 1241520, address: '0x55c9bab6c000' }) })).toBeVisible();
  await shot(page, 'zh-procdump-region');
  await zh.openParsed('nmt.txt');
  await expect(zh.jvmPanel.getByTestId('nmt-total')).toContainText(zh.t('appEvidence.jvm.total', { reserved: '9.6 GiB', committed: '612.9 MiB' }));
  await expect(zh.jvmPanel.getByTestId('jvm-limit')).toContainText('8.0 GiB（shop/orders-0 / app）');
  await shot(page, 'zh-jvm');
  await zh.openParsed('fincore.txt');
  await expect(zh.pageCachePanel.getByTestId('page-cache-tool-total')).toContainText(zh.t('appEvidence.pageCache.totalByTool', { bytes: '19.5 MiB' }));
  await shot(page, 'zh-page-cache');
  await zh.languageSelect.selectOption('en');
});
