// Locators of the large-file viewer (components/LargeFileViewer.tsx) and the import progress bar's
// bytes and time-left parts.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export class LargeFileViewerPage extends AppShell {
  readonly viewer: Locator;
  readonly summary: Locator;
  readonly status: Locator;
  readonly gotoInput: Locator;
  readonly goButton: Locator;
  readonly findInput: Locator;
  readonly findNextButton: Locator;
  readonly stopButton: Locator;
  readonly region: Locator;
  readonly currentLine: Locator;
  readonly importBytes: Locator;
  readonly importEta: Locator;
  readonly importCancel: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.viewer = page.getByTestId('large-file-viewer');
    this.summary = page.getByTestId('large-file-summary');
    this.status = page.getByTestId('large-file-status');
    this.gotoInput = this.viewer.getByRole('textbox', { name: this.t('largeFile.goTo') });
    this.goButton = this.viewer.getByRole('button', { name: this.t('largeFile.go'), exact: true });
    this.findInput = this.viewer.getByRole('searchbox', { name: this.t('largeFile.find') });
    this.findNextButton = this.viewer.getByRole('button', { name: this.t('largeFile.findNext') });
    this.stopButton = this.viewer.getByRole('button', { name: this.t('largeFile.stop') });
    this.region = this.viewer.getByRole('region');
    this.currentLine = this.viewer.locator('.large-file-line[aria-current="true"]');
    this.importBytes = page.getByTestId('import-bytes');
    this.importEta = page.getByTestId('import-eta');
    this.importCancel = this.importProgress.getByRole('button', { name: this.t('import.cancel') });
  }

  line(n: number): Locator {
    return this.viewer.locator(`.large-file-line[data-line="${n}"]`);
  }
}
