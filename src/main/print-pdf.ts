// report:export-pdf: asks where to save, prints the sender's page (the report route, laid out by its
// print CSS) with Chromium's printToPDF, and writes the file. E.g.
//   request { suggestedFileName: 'oom-incident-2025-03-01.pdf' }
//   → save dialog at ~/Documents/oom-incident-2025-03-01.pdf → printToPDF(A4, backgrounds, page numbers)
//   → { saved: true, filePath: '/home/sre/Documents/oom-incident-2025-03-01.pdf' }
import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { PdfExportRequest, PdfExportResult } from '../shared/bridge';
import { REPORT_PAGE_MARGIN_MM, REPORT_PDF_FOOTER_TEMPLATE, REPORT_PDF_HEADER_TEMPLATE } from '../shared/report-print';
import type { Translator } from '../core/i18n/translate';

const MM_PER_INCH = 25.4;
const m = REPORT_PAGE_MARGIN_MM;

/**
 * A4 with backgrounds (charts), the report's own margins, the document title on top and page numbers
 * below (the same templates the CLI and the e2e tests print with); never the file:// URL.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  pageSize: 'A4',
  landscape: false,
  margins: { top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH },
  displayHeaderFooter: true,
  headerTemplate: REPORT_PDF_HEADER_TEMPLATE,
  footerTemplate: REPORT_PDF_FOOTER_TEMPLATE,
  preferCSSPageSize: true,
};

const FALLBACK_FILE_NAME = 'oomscope-report.pdf';
/** Not allowed in file names on Windows (and `/` nowhere). */
const RESERVED_CHARS = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** A bare file name for the save dialog: no folders, no control or reserved characters, ends in .pdf. */
export function safePdfFileName(suggested: string): string {
  let name = Array.from(suggested, (char) => (char.charCodeAt(0) < 0x20 || char === '\u007f' || RESERVED_CHARS.has(char) ? '-' : char))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 150);
  if (name === '' || /^-+$/.test(name)) name = FALLBACK_FILE_NAME;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

export interface SaveDialogLike<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface PrintableContents {
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

export interface PdfExportDeps<W> {
  dialog: SaveDialogLike<W>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Where the dialog opens (app.getPath('documents')). */
  defaultDirectory: string;
  t: Translator;
}

export async function exportPdf<W>(contents: PrintableContents, window: W, request: PdfExportRequest, deps: PdfExportDeps<W>): Promise<PdfExportResult> {
  const choice = await deps.dialog.showSaveDialog(window, {
    title: deps.t('menu.dialog.exportPdf'),
    defaultPath: join(deps.defaultDirectory, safePdfFileName(request.suggestedFileName)),
    filters: [{ name: deps.t('menu.dialog.pdfFilter'), extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false, filePath: null };
  const pdf = await contents.printToPDF(PDF_OPTIONS);
  await deps.writeFile(choice.filePath, pdf);
  return { saved: true, filePath: choice.filePath };
}
