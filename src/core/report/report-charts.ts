// The report's breakdown bars: the answer's group in each snapshot (memory.stat + usage/limit files)
// and at each OOM kill (the kernel report's `Memory cgroup stats`), its parts against its limit.
// Parts add up to the usage: what memory.stat does not itemise is `other`, and limit − usage is
// `headroom`, so a bar's length is max(usage, limit).
import { walkGroups, type MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { fullestGroup, type Headline } from '../model/headline';
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import type { ReportChart, ReportChartCategory, ReportChartPart } from './report-model';

/** Fixed order, so the same colour sits in the same place on every bar. */
export const CHART_CATEGORIES: readonly ReportChartCategory[] = ['anon', 'shmem', 'fileCache', 'kernel', 'other', 'headroom'];

const LABEL_KEYS: Record<ReportChartCategory, MessageKey> = {
  anon: 'breakdown.anon',
  shmem: 'breakdown.shmem',
  fileCache: 'breakdown.fileCache',
  kernel: 'breakdown.kernel',
  other: 'breakdown.other',
  headroom: 'breakdown.headroom',
};

export function chartPartLabel(category: ReportChartCategory, locale: Locale): string {
  return translate(locale, LABEL_KEYS[category]);
}

/** Known parts in bytes (null = not in the input), completed with `other` and `headroom`. */
export function chartParts(known: Partial<Record<'anon' | 'shmem' | 'fileCache' | 'kernel', number | null>>, usageBytes: number | null, limitBytes: number | null, locale: Locale): ReportChartPart[] {
  const bytes = new Map<ReportChartCategory, number>();
  let counted = 0;
  for (const category of ['anon', 'shmem', 'fileCache', 'kernel'] as const) {
    const value = known[category];
    if (value === null || value === undefined || value <= 0) continue;
    bytes.set(category, value);
    counted += value;
  }
  if (usageBytes !== null && usageBytes > counted) bytes.set('other', usageBytes - counted);
  const filled = usageBytes ?? counted;
  if (limitBytes !== null && limitBytes > filled) bytes.set('headroom', limitBytes - filled);
  return CHART_CATEGORIES.filter((c) => bytes.has(c)).map((category) => ({ category, bytes: bytes.get(category) ?? 0, label: chartPartLabel(category, locale) }));
}

export function groupChartParts(group: MemoryGroup, locale: Locale): ReportChartPart[] {
  const b = group.breakdown;
  const fileCache = b.fileBytes !== null ? Math.max(0, b.fileBytes - (b.shmemBytes ?? 0)) : null;
  return chartParts({ anon: b.anonBytes, shmem: b.shmemBytes, fileCache, kernel: b.kernelBytes }, group.usageBytes, group.limitBytes, locale);
}

/** The group the answer is about in this snapshot: same stable key, else the fullest one. */
export function answerGroup(snapshot: Snapshot, scopeKey: string | null): MemoryGroup | null {
  if (scopeKey !== null) for (const g of walkGroups(snapshot.groups)) if (g.key === scopeKey) return g;
  return fullestGroup(snapshot);
}

export function snapshotChart(snapshot: Snapshot, group: MemoryGroup, scope: string, locale: Locale): ReportChart {
  return {
    id: `snapshot:${snapshot.id}`,
    title: snapshot.label,
    at: snapshot.capturedAt,
    scope,
    usageBytes: group.usageBytes,
    limitBytes: group.limitBytes,
    parts: groupChartParts(group, locale),
  };
}

/** At the kill: the headline's parts (read from the kernel report) against the limit it printed. */
export function eventChart(headline: Headline, index: number, timeText: string, locale: Locale): ReportChart {
  const known: Partial<Record<'anon' | 'shmem' | 'fileCache' | 'kernel', number>> = {};
  for (const part of headline.parts) known[part.category] = (known[part.category] ?? 0) + part.bytes;
  return {
    id: `oom:${index}`,
    title: translate(locale, 'report.charts.atKill', { time: timeText }),
    at: null,
    scope: headline.scope,
    usageBytes: headline.usageBytes,
    limitBytes: headline.limitBytes,
    parts: chartParts(known, headline.usageBytes, headline.limitBytes, locale),
  };
}
