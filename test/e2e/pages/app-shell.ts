// Locators of the window's frame: header navigation, language and theme, toasts, import progress,
// and the window-wide drop zone.
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '../../../src/core/i18n/translate';
import { textFor, type Text } from './i18n';

export interface DroppedFile {
  name: string;
  content: Buffer | string;
}

export class AppShell {
  readonly t: Text;
  readonly libraryLink: Locator;
  readonly settingsLink: Locator;
  readonly languageSelect: Locator;
  readonly themeSelect: Locator;
  readonly toasts: Locator;
  readonly importProgress: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale = 'en',
  ) {
    this.t = textFor(locale);
    const nav = page.getByRole('navigation', { name: this.t('nav.main') });
    this.libraryLink = nav.getByRole('link', { name: this.t('nav.library') });
    this.settingsLink = nav.getByRole('link', { name: this.t('nav.settings') });
    this.languageSelect = page.getByRole('combobox', { name: this.t('settings.language') });
    this.themeSelect = page.getByRole('combobox', { name: this.t('settings.theme') });
    this.toasts = page.getByTestId('toast');
    this.importProgress = page.getByTestId('import-progress');
  }

  toast(text: string): Locator {
    return this.toasts.filter({ hasText: text });
  }

  /** Drops files on the window the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
  async dropFiles(files: readonly DroppedFile[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.content).toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((items) => {
      // Runs in the page; typed by hand because the test project has no DOM library.
      const web = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string) => unknown;
        atob(base64: string): string;
      };
      const dt = new web.DataTransfer();
      for (const item of items) {
        const binary = web.atob(item.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        dt.items.add(new web.File([bytes], item.name));
      }
      return dt;
    }, payload);
    const body = this.page.locator('body');
    await body.dispatchEvent('dragenter', { dataTransfer });
    await body.dispatchEvent('dragover', { dataTransfer });
    await body.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }
}
