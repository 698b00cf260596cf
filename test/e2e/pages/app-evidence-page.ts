// Locators of the application-evidence panels in the Files tab's parsed view (JVM NMT, page cache,
// procdump listing and region with its hex view).
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { BundlePage } from './bundle-page';

export class AppEvidencePage extends BundlePage {
  readonly jvmPanel: Locator;
  readonly nmtTable: Locator;
  readonly flagsTable: Locator;
  readonly nmtBar: Locator;
  readonly pageCachePanel: Locator;
  readonly pageCacheTable: Locator;
  readonly procdumpPanel: Locator;
  readonly copiesTable: Locator;
  readonly regionPanel: Locator;
  readonly runsTable: Locator;
  readonly hexView: Locator;
  readonly hexLines: Locator;
  readonly hexOffset: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.jvmPanel = page.getByTestId('jvm-panel');
    this.nmtTable = this.jvmPanel.getByRole('table', { name: this.t('appEvidence.jvm.categories') });
    this.flagsTable = this.jvmPanel.getByRole('table', { name: this.t('appEvidence.jvm.flags') });
    this.nmtBar = page.getByTestId('nmt-bar');
    this.pageCachePanel = page.getByTestId('page-cache-panel');
    this.pageCacheTable = this.pageCachePanel.getByRole('table', { name: this.t('appEvidence.pageCache.topFiles') });
    this.procdumpPanel = page.getByTestId('procdump-panel');
    this.copiesTable = this.procdumpPanel.getByRole('table', { name: this.t('appEvidence.procdump.copies') });
    this.regionPanel = page.getByTestId('procdump-region-panel');
    this.runsTable = this.regionPanel.getByRole('table', { name: this.t('appEvidence.procdump.region.runs') });
    this.hexView = page.getByTestId('hex-view');
    this.hexLines = this.hexView.locator('pre');
    this.hexOffset = this.hexView.getByRole('textbox', { name: this.t('appEvidence.hex.offset') });
  }

  /** Opens a file of the bundle in the Files tab, parsed. */
  async openParsed(path: string): Promise<void> {
    await this.fileRow(path).click();
    await this.parsedButton.click();
  }

  nmtRow(category: string): Locator {
    return this.nmtTable.locator(`tr[data-category="${category}"]`);
  }
}
