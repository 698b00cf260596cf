import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { translator } from '../core/i18n/translate';
import { exportPdf, PDF_OPTIONS, safePdfFileName, type PdfExportDeps } from './print-pdf';

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n');

function setup(choice: { canceled: boolean; filePath?: string }) {
  const dialogs: SaveDialogOptions[] = [];
  const written: [string, Uint8Array][] = [];
  const printed: PrintToPDFOptions[] = [];
  const deps: PdfExportDeps<'win'> = {
    dialog: {
      showSaveDialog: async (window, options) => {
        expect(window).toBe('win');
        dialogs.push(options);
        return choice;
      },
    },
    writeFile: async (path, data) => {
      written.push([path, data]);
    },
    defaultDirectory: '/home/sre/Documents',
    t: translator('en'),
  };
  const contents = {
    printToPDF: async (options: PrintToPDFOptions) => {
      printed.push(options);
      return PDF_BYTES;
    },
  };
  return { deps, contents, dialogs, written, printed };
}

describe('exportPdf', () => {
  it('prints the sender page as A4 with backgrounds and writes it where the user chose', async () => {
    const s = setup({ canceled: false, filePath: '/home/sre/out/report.pdf' });
    const result = await exportPdf(s.contents, 'win', { suggestedFileName: 'oom-incident-2025-03-01' }, s.deps);
    expect(result).toEqual({ saved: true, filePath: '/home/sre/out/report.pdf' });
    expect(s.dialogs[0]?.defaultPath).toBe('/home/sre/Documents/oom-incident-2025-03-01.pdf');
    expect(s.dialogs[0]?.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(s.printed).toEqual([PDF_OPTIONS]);
    expect(s.written).toEqual([['/home/sre/out/report.pdf', PDF_BYTES]]);
  });
  it('does nothing when the user cancels', async () => {
    const s = setup({ canceled: true, filePath: '' });
    expect(await exportPdf(s.contents, 'win', { suggestedFileName: 'x.pdf' }, s.deps)).toEqual({ saved: false, filePath: null });
    expect(s.printed).toEqual([]);
    expect(s.written).toEqual([]);
  });
});

describe('PDF_OPTIONS', () => {
  it('uses A4, backgrounds, header and footer with page numbers and no URL', () => {
    expect(PDF_OPTIONS).toMatchObject({ printBackground: true, pageSize: 'A4', displayHeaderFooter: true });
    expect(PDF_OPTIONS.footerTemplate).toContain('class="pageNumber"');
    expect(PDF_OPTIONS.footerTemplate).toContain('class="totalPages"');
    expect(`${PDF_OPTIONS.headerTemplate}${PDF_OPTIONS.footerTemplate}`).not.toContain('class="url"');
  });
  it('prints the report’s own page box: A4 from its CSS, its margins (18/15 mm) in inches', () => {
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true);
    expect(PDF_OPTIONS.margins).toEqual({ top: 18 / 25.4, bottom: 18 / 25.4, left: 15 / 25.4, right: 15 / 25.4 });
    expect(PDF_OPTIONS.headerTemplate).toContain('class="title"');
  });
});

describe('safePdfFileName', () => {
  it('keeps a plain name and adds .pdf', () => {
    expect(safePdfFileName('OOM 事故报告 2025-03-01')).toBe('OOM 事故报告 2025-03-01.pdf');
    expect(safePdfFileName('report.PDF')).toBe('report.PDF');
  });
  it('strips folders, reserved and control characters', () => {
    expect(safePdfFileName('../../etc/passwd')).toBe('-..-etc-passwd.pdf');
    expect(safePdfFileName('C:\\Windows\\x.pdf')).toBe('C--Windows-x.pdf');
    expect(safePdfFileName('a\u0000b\nc')).toBe('a-b-c.pdf');
  });
  it('falls back to a default name for empty or meaningless input', () => {
    expect(safePdfFileName('')).toBe('oomscope-report.pdf');
    expect(safePdfFileName('...')).toBe('oomscope-report.pdf');
    expect(safePdfFileName('///')).toBe('oomscope-report.pdf');
  });
  it('caps the length', () => {
    expect(safePdfFileName('x'.repeat(1000)).length).toBe(154);
  });
});
