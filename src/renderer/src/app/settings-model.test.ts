import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromRows } from './settings-model';

describe('settingsFromRows', () => {
  it('follows the system and uses binary units until the user chooses', () => {
    expect(settingsFromRows([])).toEqual({ locale: 'system', theme: 'system', units: 'iec' });
    expect(DEFAULT_SETTINGS.units).toBe('iec');
  });
  it('reads saved choices', () => {
    expect(settingsFromRows([{ key: 'locale', value: 'zh-CN' }, { key: 'theme', value: 'dark' }, { key: 'units', value: 'si' }])).toEqual({ locale: 'zh-CN', theme: 'dark', units: 'si' });
  });
  it('ignores values it does not know, and other keys', () => {
    expect(settingsFromRows([{ key: 'locale', value: 'fr' }, { key: 'theme', value: 42 }, { key: '__proto__', value: 'x' }])).toEqual(DEFAULT_SETTINGS);
  });
});
