// Report → preview → PDF in a browser: the sample incident (lab orphaned-shmem), with a note on the
// pod and a note on a dmesg line typed through the notes UI, as a report in English and Chinese,
// printed with page.pdf() the way Electron's printToPDF prints it (A4, title on top, page numbers
// below), then read back with pdftotext (headline numbers, findings, notes, page numbers; no app
// chrome) and rendered with pdftoppm for a look at every page.
// PDFs and page images go to $REPORT_ARTIFACTS_DIR when set (else the test's output folder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './clean-page';
import { REPORT_PAGE_PDF_OPTIONS } from '../../src/shared/report-print';
import { textFor } from './pages/i18n';
import { LibraryPage } from './pages/library-page';
import { NotesPage } from './pages/notes-page';
import { ReportPage } from './pages/report-page';

test.use({ locale: 'en-US', colorScheme: 'light' });

const DMESG = 'orphaned-shmem/after/dmesg.txt';
const POD = 'Pod ml/api-7f8c9d6b5-h7j2k';
const POD_NOTE = 'The **warm-cache** init container left 80 MiB in the emptyDir (medium: Memory).';
const LINE_NOTE = 'usage = limit: the pod was at its 128 MiB when api-server was killed.';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = hasTool('pdftotext') && hasTool('pdftoppm');

function artifactsDir(testInfo: TestInfo): string {
  const dir = process.env.REPORT_ARTIFACTS_DIR ?? testInfo.outputPath();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Prints the page as the app's Export PDF does (src/main/print-pdf.ts uses the same templates). */
async function printPdf(page: Page, path: string): Promise<void> {
  await page.pdf({ ...REPORT_PAGE_PDF_OPTIONS, path });
}

/** The PDF's text with runs of white space made single, so wrapped sentences still match. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** One PNG per page at 60 dpi, for looking at; returns their paths. */
function pdfPages(path: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', path, prefix]);
  const dir = join(prefix, '..');
  const base = prefix.slice(dir.length + 1);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Through the notes UI: a note on the pod (group, snapshot "after") and one on line 28 of dmesg.txt. */
async function addNotes(page: Page): Promise<void> {
  const bundle = new NotesPage(page);
  await bundle.snapshotTab('after').click();
  await bundle.groupButton(POD).click();
  await bundle.addNoteIn(bundle.groupNotes, POD).click();
  await bundle.editor(POD).fill(POD_NOTE);
  await bundle.doneButton(bundle.groupNotes).click();
  await expect(bundle.groupNotes.getByTestId('note')).toContainText('left 80 MiB in the emptyDir');

  await bundle.filesTab.click();
  await bundle.fileRow(DMESG).getByRole('link').click();
  await expect(bundle.rawLines).toContainText('api-server invoked oom-killer');
  await bundle.selectLines(28, 28);
  await bundle.addNoteShortcut();
  const label = `${DMESG}, line 28`;
  const dialog = bundle.dialog(label);
  await expect(dialog).toBeVisible();
  await bundle.editor(label).fill(LINE_NOTE);
  await bundle.closeButton(dialog).click();
  await expect(dialog).toBeHidden();
}

async function openSampleReport(page: Page, withNotes = false): Promise<{ report: ReportPage; bundleId: string }> {
  const library = new LibraryPage(page);
  await library.goto();
  await library.openSampleButton.click();
  await expect(page).toHaveURL(/#\/bundle\/[^/]+\/overview$/, { timeout: 30_000 });
  const bundleId = decodeURIComponent(/#\/bundle\/([^/]+)\//.exec(page.url())?.[1] ?? '');
  if (withNotes) await addNotes(page);
  await page.getByTestId('bundle-report-link').click();
  await expect(page).toHaveURL(new RegExp(`#/report/${bundleId}$`));
  const report = new ReportPage(page);
  await report.waitReady();
  return { report, bundleId };
}

test('the sample incident’s report, with a note on the pod and one on a dmesg line, previews and prints to PDF in English and Chinese', async ({ page }, testInfo) => {
  test.skip(!POPPLER, 'pdftotext/pdftoppm (poppler-utils) not installed: apt-get install poppler-utils');
  const dir = artifactsDir(testInfo);
  const { report, bundleId } = await openSampleReport(page, true);
  const en = textFor('en');

  // The preview: cover with the answer, findings, appendix.
  await expect(report.answer).toContainText('80.0 MiB shmem charged to the pod itself');
  await expect(report.answer).toContainText('api-server (pid 21065)');
  await expect(report.findings.first()).toContainText(en('finding.oom-kill-memcg.title'));
  await expect(report.appendix).toContainText('orphaned-shmem/after/');
  await expect(report.notes).toHaveCount(2);
  await expect(report.notes.nth(0)).toContainText(`Group ${POD} in after`);
  await expect(report.notes.nth(0).locator('strong')).toHaveText('warm-cache');
  await expect(report.notes.nth(1)).toContainText(`${DMESG}, line 28`);
  await expect(report.notes.nth(1)).toContainText('memory: usage 131072kB, limit 131072kB, failcnt 35');
  await expect(report.exportButton).toBeEnabled();
  await expect(page).toHaveTitle(/^Incident report: Sample incident/);
  await page.screenshot({ path: join(dir, 'report-preview-en.png') });

  const enPdf = join(dir, 'report-en.pdf');
  await printPdf(page, enPdf);
  const enText = pdfText(enPdf);
  for (const expected of ['Incident report', 'The answer', '80.0 MiB', '128.0 MiB', 'api-server (pid 21065)', 'ml/api-7f8c9d6b5-h7j2k', 'Timeline', 'OOM events', 'Appendix: imported files']) {
    expect(enText, expected).toContain(expected);
  }
  for (const id of ['oom-kill-memcg', 'shmem-orphaned', 'victim-selection'] as const) expect(enText).toContain(en(`finding.${id}.title`));
  // The notes: their text, what they are about, the cited line, and the line note on the timeline.
  for (const expected of ['left 80 MiB in the emptyDir (medium: Memory).', LINE_NOTE, `Group ${POD} in after`, `Note on ${DMESG}, line 28`, 'memory: usage 131072kB, limit 131072kB, failcnt 35']) {
    expect(enText, expected).toContain(expected);
  }
  // Page numbers from the footer template, the title from the header template; no app chrome.
  expect(enText).toMatch(/\b1 \/ \d+\b/);
  expect(enText).toContain('Incident report: Sample incident');
  expect(enText).not.toContain(en('report.toolbar.language'));
  expect(enText).not.toContain(en('nav.settings'));
  const enPages = pdfPages(enPdf, join(dir, 'report-en'));
  expect(enPages.length).toBeGreaterThan(2);

  // 中文: the same report, Chinese words and a CJK font.
  await report.languageChoice.selectOption('zh-CN');
  await expect(page).toHaveURL(new RegExp(`#/report/${bundleId}\\?lang=zh-CN$`));
  const zhReport = new ReportPage(page);
  await expect(page.locator('.report[lang="zh-CN"]')).toBeVisible();
  await zhReport.waitReady();
  await expect(zhReport.answer).toContainText('记在 Pod 自身');
  await page.screenshot({ path: join(dir, 'report-preview-zh-CN.png') });
  const zhPdf = join(dir, 'report-zh-CN.pdf');
  await printPdf(page, zhPdf);
  const zhText = pdfText(zhPdf);
  const zh = textFor('zh-CN');
  for (const expected of ['事故报告', '80.0 MiB', '128.0 MiB', 'api-server', '记在 Pod 自身', zh('report.timeline'), zh('report.appendix')]) {
    expect(zhText, expected).toContain(expected);
  }
  expect(zhText).toContain(zh('finding.shmem-orphaned.title'));
  expect(zhText).toContain(LINE_NOTE);
  expect(zhText).toContain(zh('report.timeline.note', { target: zh('notes.target.line', { file: DMESG, line: 28 }) }));
  const zhPages = pdfPages(zhPdf, join(dir, 'report-zh-CN'));
  expect(zhPages.length).toBeGreaterThan(2);
  for (const png of [...enPages, ...zhPages]) expect(existsSync(png)).toBe(true);
});

test('File → Export Report PDF from a bundle opens its report and prints it (browser: the print dialog)', async ({ page }) => {
  const { bundleId } = await openSampleReport(page);
  // The browser build prints with window.print(): count the calls instead of opening a dialog.
  await page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; printed: number };
    w.printed = 0;
    w.print = () => {
      w.printed++;
    };
  });
  await page.goto(`/#/report/${encodeURIComponent(bundleId)}?export=pdf`);
  const report = new ReportPage(page);
  await report.waitReady();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);
  // The request is consumed: the address no longer asks for a print.
  await expect(page).toHaveURL(new RegExp(`#/report/${bundleId}$`));
});

test('the report compares with another snapshot chosen in its toolbar', async ({ page }, testInfo) => {
  const { report, bundleId } = await openSampleReport(page);
  await report.compareChoice.selectOption({ label: report.t('report.toolbar.compareSnapshot', { snapshot: 'before' }) });
  await expect(page).toHaveURL(new RegExp(`#/report/${bundleId}\\?compare=`));
  await report.waitReady();
  const comparison = page.getByTestId('report-comparison');
  await expect(comparison).toContainText('before → after');
  await expect(comparison).toContainText(report.t('report.comparison.explanation'));
  await page.screenshot({ path: join(artifactsDir(testInfo), 'report-preview-compare.png'), fullPage: false });
});

