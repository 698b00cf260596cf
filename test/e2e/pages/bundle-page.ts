// Locators of the bundle screen (#/bundle/<id>/<tab>): metadata, tabs, overview, files.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export type BreakdownRowId = 'anon' | 'anonThp' | 'shmem' | 'fileCache' | 'activeFile' | 'inactiveFile' | 'dirty' | 'writeback' | 'kernel' | 'other' | 'swap';

export class BundlePage extends AppShell {
  readonly titleInput: Locator;
  readonly hostInput: Locator;
  readonly tagsInput: Locator;
  readonly overviewTab: Locator;
  readonly filesTab: Locator;
  readonly oomTab: Locator;
  readonly notesTab: Locator;
  readonly breakdownTable: Locator;
  readonly groupTree: Locator;
  readonly groupDetail: Locator;
  readonly usage: Locator;
  readonly limit: Locator;
  readonly workingSet: Locator;
  readonly workingSetFormula: Locator;
  readonly breakdownBar: Locator;
  readonly fileDetail: Locator;
  readonly fileFormat: Locator;
  readonly fileWarnings: Locator;
  readonly rawView: Locator;
  readonly rawLines: Locator;
  readonly rawButton: Locator;
  readonly parsedButton: Locator;
  readonly overviewEmpty: Locator;
  readonly parsedView: Locator;
  readonly parsedTables: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.titleInput = page.getByRole('textbox', { name: this.t('bundle.meta.title') });
    this.hostInput = page.getByRole('textbox', { name: this.t('library.col.host') });
    this.tagsInput = page.getByRole('textbox', { name: this.t('library.col.tags') });
    const tabs = page.getByRole('tablist', { name: this.t('bundle.tabs') });
    this.overviewTab = tabs.getByRole('tab', { name: this.t('bundle.tab.overview') });
    this.filesTab = tabs.getByRole('tab', { name: this.t('bundle.tab.files') });
    this.oomTab = tabs.getByRole('tab', { name: this.t('bundle.tab.oom') });
    this.notesTab = tabs.getByRole('tab', { name: this.t('bundle.tab.notes') });
    this.groupDetail = page.getByTestId('group-detail');
    this.breakdownTable = this.groupDetail.getByRole('table', { name: this.t('breakdown.title') });
    this.breakdownBar = this.groupDetail.getByRole('img', { name: new RegExp(`^${this.t('breakdown.title')}`) });
    this.groupTree = page.getByRole('table', { name: this.t('overview.tree') });
    this.usage = page.getByTestId('metric-usage');
    this.limit = page.getByTestId('metric-limit');
    this.workingSet = page.getByTestId('metric-working-set');
    this.workingSetFormula = page.getByTestId('working-set-formula');
    this.fileDetail = page.getByTestId('file-detail');
    this.fileFormat = page.getByTestId('file-format');
    this.fileWarnings = page.getByTestId('file-warnings');
    this.rawView = page.getByTestId('raw-file-view');
    this.rawLines = this.rawView.locator('.view-lines');
    const switcher = page.getByRole('tablist', { name: this.t('bundle.file.view') });
    this.rawButton = switcher.getByRole('tab', { name: this.t('bundle.file.raw') });
    this.parsedButton = switcher.getByRole('tab', { name: this.t('bundle.file.parsed') });
    this.overviewEmpty = page.getByTestId('overview-empty');
    this.parsedView = page.getByTestId('parsed-view');
    this.parsedTables = this.parsedView.getByRole('table');
  }

  breakdownRow(id: BreakdownRowId): Locator {
    return this.breakdownTable.locator(`tr[data-row="${id}"]`);
  }

  fileRow(path: string): Locator {
    return this.page.locator(`[data-testid="file-row"][data-path="${path}"]`);
  }

  /** A group of the memory tree by its label ("Pod ml/api-…", "Container api", …). */
  groupButton(label: string): Locator {
    return this.groupTree.getByRole('button', { name: label, exact: true });
  }

  snapshotTab(label: string): Locator {
    return this.page.getByRole('tablist', { name: this.t('overview.snapshots') }).getByRole('tab', { name: new RegExp(`^${label}\\b`) });
  }
}
