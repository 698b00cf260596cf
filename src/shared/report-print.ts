// How the incident report prints, shared by every engine that prints it: Electron's printToPDF
// (src/main/print-pdf.ts), the CLI's Chromium (src/cli/print-report-pdf.ts) and the e2e tests'
// page.pdf(). A4 with the report's margins; the document title on top of each page and
// "page / pages" below, drawn by Chromium in the margins (the `title`, `pageNumber` and
// `totalPages` classes are filled in by Chromium; never the URL).

/** Page margins in millimetres; the report's CSS `@page` rule uses the same. */
export const REPORT_PAGE_MARGIN_MM = { top: 18, right: 15, bottom: 18, left: 15 } as const;

const TEMPLATE_FONT = "'Segoe UI', Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const TEMPLATE_STYLE = `font-size:8px;width:100%;padding:0 ${REPORT_PAGE_MARGIN_MM.left}mm;color:#666;font-family:${TEMPLATE_FONT};`;

export const REPORT_PDF_HEADER_TEMPLATE = `<div style="${TEMPLATE_STYLE}white-space:nowrap;overflow:hidden;text-overflow:ellipsis;"><span class="title"></span></div>`;
export const REPORT_PDF_FOOTER_TEMPLATE = `<div style="${TEMPLATE_STYLE}text-align:right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

const m = REPORT_PAGE_MARGIN_MM;

/** The same print as Playwright's `page.pdf()` options (the CLI and the e2e tests; Electron's differ in name). */
export const REPORT_PAGE_PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: REPORT_PDF_HEADER_TEMPLATE,
  footerTemplate: REPORT_PDF_FOOTER_TEMPLATE,
  margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
} as const;
