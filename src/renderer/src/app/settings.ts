// User settings, persisted in the Dexie `settings` table (key → value), with defaults that follow
// the system until the user chooses.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { db } from '../db/database';
import { DEFAULT_SETTINGS, settingsFromRows, type Settings } from './settings-model';

export { DEFAULT_SETTINGS, type LocaleSetting, type Settings, type ThemeSetting } from './settings-model';

export function useSettings(): { settings: Settings; loaded: boolean; setSetting: <K extends keyof Settings>(key: K, value: Settings[K]) => void } {
  const rows = useLiveQuery(() => db.settings.toArray(), []);
  const setSetting = useCallback(<K extends keyof Settings>(key: K, value: Settings[K]) => {
    void db.settings.put({ key, value });
  }, []);
  return { settings: rows ? settingsFromRows(rows) : DEFAULT_SETTINGS, loaded: rows !== undefined, setSetting };
}
