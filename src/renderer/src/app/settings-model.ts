// Pure: the settings' shape, defaults, and reading them back from `settings` rows (key → value),
// ignoring values a newer or older version may have left there.
import { isLocale, type Locale, type SizeUnits } from '../../../core';

export type LocaleSetting = 'system' | Locale;
export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  locale: LocaleSetting;
  theme: ThemeSetting;
  units: SizeUnits;
}

export const DEFAULT_SETTINGS: Settings = { locale: 'system', theme: 'system', units: 'iec' };

export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (key === 'locale' && (value === 'system' || isLocale(value))) s.locale = value;
    else if (key === 'theme' && (value === 'system' || value === 'light' || value === 'dark')) s.theme = value;
    else if (key === 'units' && (value === 'iec' || value === 'si')) s.units = value;
  }
  return s;
}
