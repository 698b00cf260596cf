// User settings, persisted in the Dexie `settings` table (key → value), with defaults that follow
// the system until the user chooses.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { isLocale, type Locale, type SizeUnits } from '../../../core';
import { db } from '../db/database';

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

export function useSettings(): { settings: Settings; loaded: boolean; setSetting: <K extends keyof Settings>(key: K, value: Settings[K]) => void } {
  const rows = useLiveQuery(() => db.settings.toArray(), []);
  const setSetting = useCallback(<K extends keyof Settings>(key: K, value: Settings[K]) => {
    void db.settings.put({ key, value });
  }, []);
  return { settings: rows ? settingsFromRows(rows) : DEFAULT_SETTINGS, loaded: rows !== undefined, setSetting };
}
