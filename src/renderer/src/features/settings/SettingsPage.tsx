// Settings: language, theme and size units, saved in Dexie as soon as they change.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useSettings, type LocaleSetting, type ThemeSetting } from '../../app/settings';
import type { SizeUnits } from '../../../../core';
import './settings.css';

export function SettingsPage(): ReactNode {
  const { t } = useI18n();
  const { settings, setSetting } = useSettings();
  return (
    <div className="page settings">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <div className="panel settings-panel">
        <fieldset>
          <legend>{t('settings.language')}</legend>
          <Radio<LocaleSetting> name="locale" value="system" current={settings.locale} onChange={(v) => setSetting('locale', v)} label={t('settings.language.system')} />
          <Radio<LocaleSetting> name="locale" value="en" current={settings.locale} onChange={(v) => setSetting('locale', v)} label="English" />
          <Radio<LocaleSetting> name="locale" value="zh-CN" current={settings.locale} onChange={(v) => setSetting('locale', v)} label="简体中文" />
        </fieldset>
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          <Radio<ThemeSetting> name="theme" value="system" current={settings.theme} onChange={(v) => setSetting('theme', v)} label={t('settings.theme.system')} />
          <Radio<ThemeSetting> name="theme" value="light" current={settings.theme} onChange={(v) => setSetting('theme', v)} label={t('settings.theme.light')} />
          <Radio<ThemeSetting> name="theme" value="dark" current={settings.theme} onChange={(v) => setSetting('theme', v)} label={t('settings.theme.dark')} />
        </fieldset>
        <fieldset>
          <legend>{t('settings.units')}</legend>
          <Radio<SizeUnits> name="units" value="iec" current={settings.units} onChange={(v) => setSetting('units', v)} label={t('settings.units.iec')} />
          <Radio<SizeUnits> name="units" value="si" current={settings.units} onChange={(v) => setSetting('units', v)} label={t('settings.units.si')} />
        </fieldset>
        <p className="muted settings-note">{t('settings.storedLocally')}</p>
      </div>
    </div>
  );
}

function Radio<T extends string>(props: { name: string; value: T; current: T; label: string; onChange: (v: T) => void }): ReactNode {
  return (
    <label className="settings-option">
      <input type="radio" name={props.name} value={props.value} checked={props.current === props.value} onChange={() => props.onChange(props.value)} />
      {props.label}
    </label>
  );
}
