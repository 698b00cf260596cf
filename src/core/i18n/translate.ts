// Message catalogues: every user-visible string, in English and Simplified Chinese.
import { en as baseEn } from './en';
import { zhCN as baseZhCN } from './zh-CN';
import { findingsEn } from './findings-en';
import { findingsZhCN } from './findings-zh-CN';
import { rosettaEn } from './rosetta-en';
import { rosettaZhCN } from './rosetta-zh-CN';
import { oomEn } from './oom-en';
import { oomZhCN } from './oom-zh-CN';
import { reportEn } from './report-en';
import { reportZhCN } from './report-zh-CN';
import { findingsUiEn } from './findings-ui-en';
import { findingsUiZhCN } from './findings-ui-zh-CN';
import { compareEn } from './compare-en';
import { compareZhCN } from './compare-zh-CN';
import { notesEn } from './notes-en';
import { notesZhCN } from './notes-zh-CN';
import { appEvidenceEn } from './app-evidence-en';
import { appEvidenceZhCN } from './app-evidence-zh-CN';
import { perfEn } from './perf-en';
import { perfZhCN } from './perf-zh-CN';
import { hardeningEn } from './hardening-en';
import { hardeningZhCN } from './hardening-zh-CN';

// Catalogues are split by area; each zh-CN part is typed against its English part, so a missing
// translation fails the type check.
const en = { ...baseEn, ...findingsEn, ...rosettaEn, ...oomEn, ...reportEn, ...compareEn, ...findingsUiEn, ...notesEn, ...appEvidenceEn, ...perfEn, ...hardeningEn };
const zhCN: Record<keyof typeof en, string> = { ...baseZhCN, ...findingsZhCN, ...rosettaZhCN, ...oomZhCN, ...reportZhCN, ...compareZhCN, ...findingsUiZhCN, ...notesZhCN, ...appEvidenceZhCN, ...perfZhCN, ...hardeningZhCN };

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

const CATALOGUES: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };

/** Picks the closest supported locale for a BCP 47 tag (navigator.language, LANG, app.getLocale()). */
export function resolveLocale(tag: string | null | undefined): Locale {
  const t = (tag ?? '').toLowerCase().replace('_', '-');
  return t.startsWith('zh') ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN';
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `{name}` placeholders are replaced by params; unknown keys fall back to English, then the key itself. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[locale][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
