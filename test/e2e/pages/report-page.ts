// Locators of the report screen (#/report/<bundleId>): toolbar and the printed document.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export class ReportPage extends AppShell {
  readonly toolbar: Locator;
  readonly languageChoice: Locator;
  readonly compareChoice: Locator;
  readonly authorInput: Locator;
  readonly exportButton: Locator;
  readonly document: Locator;
  readonly preview: Locator;
  readonly answer: Locator;
  readonly findings: Locator;
  readonly notes: Locator;
  readonly appendix: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.toolbar = page.getByRole('toolbar', { name: this.t('report.toolbar') });
    this.languageChoice = this.toolbar.getByRole('combobox', { name: this.t('report.toolbar.language') });
    this.compareChoice = this.toolbar.getByRole('combobox', { name: this.t('report.toolbar.compare') });
    this.authorInput = this.toolbar.getByRole('textbox', { name: this.t('report.toolbar.author') });
    // "Export PDF" in Electron, "Print…" in a browser.
    this.exportButton = this.toolbar.getByRole('button', { name: new RegExp(`^(${escape(this.t('report.toolbar.exportPdf'))}|${escape(this.t('report.toolbar.print'))})$`) });
    this.document = page.getByTestId('report-document');
    this.preview = page.locator('.report-preview');
    this.answer = page.getByTestId('report-answer');
    this.findings = page.getByTestId('report-finding');
    this.notes = page.getByTestId('report-note');
    this.appendix = page.getByTestId('report-appendix');
  }

  /** The report is built and no rebuild is pending. */
  async waitReady(): Promise<void> {
    await this.document.waitFor();
    await this.page.locator('.report-preview[aria-busy="false"]').waitFor();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
