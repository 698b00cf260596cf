// The language and size units in effect, for every component: `const { t, bytes } = useI18n()`.
// Strings come only from the core catalogues (src/core/i18n), so the CLI and the report agree.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatBytes, formatPercent, hasMessage, translator, type Locale, type MessageKey, type MessageParams, type ParseWarning, type SizeUnits, type Translator } from '../../../core';

export interface I18n {
  locale: Locale;
  units: SizeUnits;
  t: Translator;
  bytes(value: number | null | undefined): string;
  percent(part: number, whole: number): string;
  dateTime(iso: string | null): string;
  /** A parse warning in the user's language when the catalogue knows its code, else its English message. */
  warning(w: ParseWarning): string;
  /** A format id's display name (`format.<id>`), or the id itself. */
  formatName(formatId: string): string;
}

export function createI18n(locale: Locale, units: SizeUnits): I18n {
  const t = translator(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return {
    locale,
    units,
    t,
    bytes: (value) => formatBytes(value, units),
    percent: (part, whole) => formatPercent(part, whole),
    dateTime: (iso) => {
      if (!iso) return '—';
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? iso : dateFormat.format(new Date(ms));
    },
    warning: (w) => {
      const key = `warning.${w.code}`;
      return hasMessage(key) ? t(key, w.params as MessageParams | undefined) : w.message;
    },
    formatName: (formatId) => {
      const key = `format.${formatId}`;
      return hasMessage(key) ? t(key as MessageKey) : formatId;
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('en', 'iec'));

export function I18nProvider({ locale, units, children }: { locale: Locale; units: SizeUnits; children: ReactNode }): ReactNode {
  const value = useMemo(() => createI18n(locale, units), [locale, units]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
