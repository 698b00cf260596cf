// report:export-pdf: asks where to save, prints the sender's page (the report route, laid out by its
// print CSS) with Chromium's printToPDF, and writes the file. E.g.
//   request { suggestedFileName: 'oom-incident-2025-03-01.pdf' }
//   → save dialog at ~/Documents/oom-incident-2025-03-01.pdf → printToPDF(A4, backgrounds, page numbers)
//   → { saved: true, filePath: '/home/sre/Documents/oom-incident-2025-03-01.pdf' }
import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { PdfExportRequest, PdfExportResult } from '../shared/bridge';
import type { Translator } from '../core/i18n/translate';

const FOOTER_STYLE = 'font-size:8px;width:100%;padding:0 12mm;color:#666;font-family:sans-serif;';

/** A4 with backgrounds (charts), the document title on top and page numbers below; never the file:// URL. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  pageSize: 'A4',
  landscape: false,
  displayHeaderFooter: true,
  headerTemplate: `<div style="${FOOTER_STYLE}"><span class="title"></span></div>`,
  footerTemplate: `<div style="${FOOTER_STYLE}text-align:right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
  preferCSSPageSize: false,
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
