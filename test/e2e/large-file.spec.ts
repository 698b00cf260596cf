// A 60 MB log (generated here, not committed) is above what Monaco is given: it opens in the
// virtualised viewer, which counts its lines from the stored Blob in chunks; go-to-line 1,000,000
// shows that line, search finds a string near the end, and only a screenful of lines is in the page.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { BundlePage } from './pages/bundle-page';
import { LargeFileViewerPage } from './pages/large-file-viewer';

test.use({ locale: 'en-US', colorScheme: 'light' });

const LINES = 1_050_000;
const NEEDLE_LINE = LINES - 7;
const NEEDLE = 'needle-near-the-end 4f2c';
let logPath = '';

/** `[   18.700000] line 1000 eth0: renamed from tmp5a3c1f` — about 60 MB. */
async function writeLog(path: string): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (let n = 1; n <= LINES; n++) {
    const seconds = (5 + n * 0.0137).toFixed(6).padStart(12, ' ');
    batch.push(n === NEEDLE_LINE ? `[${seconds}] line ${n} ${NEEDLE}\n` : `[${seconds}] line ${n} eth0: renamed from tmp${(n * 2654435761 >>> 0).toString(16)}\n`);
    if (batch.length === 20_000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
}

test.beforeAll(async () => {
  logPath = test.info().outputPath('big-kern.log');
  await writeLog(logPath);
});

test('a 60 MB log opens in the large-file viewer: go to line 1,000,000, search near the end', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const library = new LibraryPage(page);
  const bundle = new BundlePage(page);
  const viewer = new LargeFileViewerPage(page);
  await library.goto();
  const chooser = page.waitForEvent('filechooser');
  await library.importFilesButton.click();
  await (await chooser).setFiles(logPath);
  await expect(library.row('big-kern.log')).toBeVisible({ timeout: 120_000 });
  await library.titleLink('big-kern.log').click();
  await bundle.filesTab.click();

  await expect(viewer.viewer).toBeVisible();
  await expect(viewer.line(1)).toContainText('line 1 eth0: renamed from tmp');
  await expect(viewer.summary).toContainText(`${LINES.toLocaleString('en-US')} lines`, { timeout: 60_000 });
  // Only about a screenful of lines is rendered, never the file.
  expect(await viewer.viewer.locator('.large-file-line').count()).toBeLessThan(150);

  await viewer.gotoInput.fill('1000000');
  await viewer.goButton.click();
  await expect(viewer.line(1_000_000)).toBeVisible();
  await expect(viewer.line(1_000_000)).toContainText('line 1000000 eth0:');
  await expect(viewer.currentLine).toHaveAttribute('data-line', '1000000');
  await page.screenshot({ path: testInfo.outputPath('large-file-goto.png') });

  await viewer.findInput.fill(NEEDLE.toUpperCase());
  await viewer.findNextButton.click();
  await expect(viewer.status).toHaveText(`Found on line ${NEEDLE_LINE.toLocaleString('en-US')}.`, { timeout: 60_000 });
  await expect(viewer.line(NEEDLE_LINE)).toBeVisible();
  await expect(viewer.line(NEEDLE_LINE).locator('mark')).toHaveText(NEEDLE);
  await page.screenshot({ path: testInfo.outputPath('large-file-search.png') });

  // The next search goes round from the end to the top and says so.
  await viewer.findInput.fill('line 3 eth0');
  await viewer.findNextButton.click();
  await expect(viewer.status).toHaveText('Found on line 3 (went round from the end to the top).');
  await expect(viewer.line(3)).toBeVisible();
});
