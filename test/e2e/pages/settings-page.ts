// Locators of the settings screen (#/settings).
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { AppShell } from './app-shell';

export class SettingsPage extends AppShell {
  readonly heading: Locator;
  readonly english: Locator;
  readonly chinese: Locator;
  readonly followSystemLanguage: Locator;
  readonly dark: Locator;
  readonly light: Locator;
  readonly decimalUnits: Locator;
  readonly binaryUnits: Locator;

  constructor(page: Page, locale: Locale = 'en') {
    super(page, locale);
    this.heading = page.getByRole('heading', { name: this.t('settings.title') });
    const language = page.getByRole('group', { name: this.t('settings.language') });
    this.english = language.getByRole('radio', { name: 'English' });
    this.chinese = language.getByRole('radio', { name: '简体中文' });
    this.followSystemLanguage = language.getByRole('radio', { name: this.t('settings.language.system') });
    const theme = page.getByRole('group', { name: this.t('settings.theme') });
    this.dark = theme.getByRole('radio', { name: this.t('settings.theme.dark') });
    this.light = theme.getByRole('radio', { name: this.t('settings.theme.light') });
    const units = page.getByRole('group', { name: this.t('settings.units') });
    this.decimalUnits = units.getByRole('radio', { name: this.t('settings.units.si') });
    this.binaryUnits = units.getByRole('radio', { name: this.t('settings.units.iec') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/settings');
    await this.heading.waitFor();
  }
}
