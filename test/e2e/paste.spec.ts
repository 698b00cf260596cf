// Text pasted into the window (not into a field) becomes a file of a new bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './clean-page';
import { LibraryPage } from './pages/library-page';
import { OomEventsPage } from './pages/oom-events-page';

const DMESG = readFileSync(join(import.meta.dirname, '../fixtures/kernel-log/lab-orphaned-shmem-after-dmesg.txt'), 'utf8');

test('a pasted kernel log becomes a bundle whose OOM event is read', async ({ page }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, DMESG);
  await expect(library.rows).toHaveCount(1, { timeout: 30_000 });
  await expect(library.rows.first()).toContainText(/pasted-\d{8}-\d{6}\.txt/);
  await page.screenshot({ path: testInfo.outputPath('pasted.png'), fullPage: true });
  await library.rows.first().getByRole('link').first().click();
  const oom = new OomEventsPage(page);
  await oom.oomTab.click();
  await expect(oom.event(1).verdict).toContainText('api-server (pid 21065) was killed in /oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48 because its 128.0 MiB limit was reached');
});

test('a paste into a text field stays there', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.search.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'cache 1\nrss 2\nshmem 3\n');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(library.rows).toHaveCount(0);
});
