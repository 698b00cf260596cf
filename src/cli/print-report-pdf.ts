// `oomscope report --out report.pdf`: prints the report's HTML with a Chromium found on the machine
// (find-chromium.ts), driven by playwright-core, A4 with the same header (title) and footer
// (page / pages) as the app's Export PDF. playwright-core is loaded only here, when a PDF is asked for.
import { REPORT_PAGE_PDF_OPTIONS } from '../shared/report-print';

export const REPORT_PDF_TIMEOUT_MS = 60_000;

export async function printReportPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: REPORT_PDF_TIMEOUT_MS,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: REPORT_PDF_TIMEOUT_MS });
    const pdf = await page.pdf(REPORT_PAGE_PDF_OPTIONS);
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
