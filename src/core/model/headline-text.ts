// Renders a headline as one sentence in the chosen language.
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { formatBytes, formatPercent, type SizeUnits } from './units';
import type { Headline, HeadlinePart } from './headline';

function partText(part: HeadlinePart, headline: Headline, locale: Locale, units: SizeUnits): string {
  const bytes = formatBytes(part.bytes, units);
  if (part.category === 'anon' && headline.victim?.anonRssBytes != null) {
    return translate(locale, 'headline.part.anonVictim', { bytes, victimAnon: formatBytes(headline.victim.anonRssBytes, units) });
  }
  if (part.category === 'fileCache' && part.dirtyBytes !== undefined) {
    return translate(locale, 'headline.part.fileCacheDirty', { bytes, dirty: formatBytes(part.dirtyBytes, units) });
  }
  const key: MessageKey = part.category === 'shmem' && part.place === 'pod-itself' ? 'headline.part.shmem.podItself' : (`headline.part.${part.category}` as MessageKey);
  return translate(locale, key, { bytes });
}

export function renderHeadline(headline: Headline | null, locale: Locale, units: SizeUnits = 'iec'): string {
  if (!headline) return translate(locale, 'headline.none');
  const parts = headline.parts.map((p) => partText(p, headline, locale, units)).join(translate(locale, 'headline.separator'));
  const params = {
    scope: headline.scope,
    usage: formatBytes(headline.usageBytes, units),
    limit: formatBytes(headline.limitBytes, units),
    share: headline.usageBytes !== null && headline.limitBytes ? formatPercent(headline.usageBytes, headline.limitBytes) : '—',
    parts,
    victim: headline.victim?.comm ?? '',
    pid: headline.victim?.pid ?? '',
  };
  if (headline.kind === 'oom') return translate(locale, headline.victim ? 'headline.oom' : 'headline.oomNoVictim', params);
  if (headline.usageBytes === null) return translate(locale, 'headline.breakdownOnly', params);
  return translate(locale, headline.limitBytes !== null ? 'headline.snapshot' : 'headline.snapshotNoLimit', params);
}
