// Locators of the library screen (#/).
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export class LibraryPage extends AppShell {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly importFilesButton: Locator;
  readonly importFolderButton: Locator;
  readonly openSampleButton: Locator;
  readonly firstRunPanel: Locator;
  readonly collectPanel: Locator;
  readonly collectNodeCommands: Locator;
  readonly collectDebugCommands: Locator;
  readonly copyScriptButton: Locator;
  readonly scriptCopied: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.heading = page.getByRole('heading', { name: this.t('library.title') });
    this.table = page.getByRole('table', { name: this.t('library.title') });
    this.rows = page.getByTestId('library-row');
    this.search = page.getByRole('searchbox', { name: this.t('library.search') });
    this.importFilesButton = page.getByRole('button', { name: this.t('library.import') });
    this.importFolderButton = page.getByRole('button', { name: this.t('library.importFolder') });
    this.openSampleButton = page.getByRole('button', { name: this.t('library.openSample') }).first();
    this.firstRunPanel = page.getByRole('heading', { name: this.t('library.welcome') });
    this.collectPanel = page.getByText(this.t('collect.title'));
    this.collectNodeCommands = page.getByLabel(this.t('collect.onNode'));
    this.collectDebugCommands = page.getByLabel(this.t('collect.withDebug'));
    this.copyScriptButton = page.getByRole('button', { name: this.t('collect.copyScript') });
    this.scriptCopied = page.getByRole('button', { name: this.t('collect.scriptCopied') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await this.heading.waitFor();
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  titleLink(title: string): Locator {
    return this.row(title).getByRole('link', { name: title, exact: true });
  }

  deleteButton(title: string): Locator {
    return this.page.getByRole('button', { name: this.t('library.deleteNamed', { title }) });
  }

  undoButton(): Locator {
    return this.page.getByRole('button', { name: this.t('library.undo') });
  }

  /** Cells of a row, in column order: title, host, captured, imported, files, recognised, tags, actions. */
  cells(title: string): Locator {
    return this.row(title).getByRole('cell');
  }
}
