// Pure: the report's "Memory cgroup stats" as stacked bars (anon, shmem, file cache without shmem,
// other) on one scale, and the usage-against-limit bar. Reads `OomEvent.cgroupStats` and `memcg`:
//   memory: usage 16777216kB, limit 16777216kB, failcnt 17883
//   Memory cgroup stats for /kubepods.slice/…pod96bc….slice: cache:8840436KB rss:388KB shmem:8840436KB …
//   Memory cgroup stats for /kubepods.slice/…/docker-24ec….scope: cache:132KB rss:7917200KB shmem:0KB …
// What a block's numbers cover depends on the form (mm/memcontrol.c):
// - cgroup v1, one line per cgroup (4.x): each cgroup's own pages; the kernel prints every cgroup
//   under the one whose limit was hit, so their sum is the whole subtree;
// - cgroup v1 block (6.x): the cgroup's own pages, then `total_*` for it and its children;
// - cgroup v2: memory.stat, which always counts the children.
import type { OomCgroupStats, OomEvent } from '../../../../core';

export type StatsCategory = 'anon' | 'shmem' | 'fileCache' | 'other';
export type StatsScope = 'v1-hierarchical' | 'v1-local' | 'v2' | 'sum';

export interface StatsSegment {
  category: StatsCategory;
  bytes: number;
  /** Where the number comes from: kernel stat names, or a formula. */
  from: string;
}

export interface StatsBar {
  /** null for the pre-5.0 cgroup2 form (no path) and for the sum row. */
  path: string | null;
  /** Report line of the stats (the file's line number); null for the sum row. */
  line: number | null;
  scope: StatsScope;
  segments: StatsSegment[];
  /** Sum of the segments. */
  countedBytes: number;
  /** The cgroup whose limit was hit (`oom_memcg`, or `killed as a result of limit of`). */
  limitHit: boolean;
  /** The cgroup the victim ran in. */
  victimCgroup: boolean;
  /** This bar covers the whole cgroup whose limit was hit: `other` (usage − counted) is on it. */
  whole: boolean;
  /** Kernels before 4.x print no `shmem`: the file cache then includes it. */
  shmemPrinted: boolean;
}

export interface StatsModel {
  bars: StatsBar[];
  /** Common full width of every bar: the largest of limit, usage and any bar's sum. */
  scaleBytes: number;
  limitBytes: number | null;
  usageBytes: number | null;
}

function num(stats: Record<string, number>, key: string): number | null {
  const v = stats[key];
  return typeof v === 'number' ? v : null;
}

function isV2(s: OomCgroupStats): boolean {
  return num(s.stats, 'anon') !== null || (num(s.stats, 'file') !== null && num(s.stats, 'cache') === null);
}

function samePath(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a === b;
}

interface Parts {
  anon: number | null;
  shmem: number | null;
  /** Page cache including shmem (v1 cache, v2 file). */
  cache: number | null;
  keys: { anon: string; shmem: string; cache: string };
  scope: StatsScope;
}

function partsOf(s: OomCgroupStats): Parts {
  if (isV2(s)) {
    return { anon: num(s.stats, 'anon'), shmem: num(s.stats, 'shmem'), cache: num(s.stats, 'file'), keys: { anon: 'anon', shmem: 'shmem', cache: 'file' }, scope: 'v2' };
  }
  const total = num(s.stats, 'total_rss') !== null || num(s.stats, 'total_cache') !== null;
  const p = total ? 'total_' : '';
  return {
    anon: num(s.stats, `${p}rss`),
    shmem: num(s.stats, `${p}shmem`),
    cache: num(s.stats, `${p}cache`),
    keys: { anon: `${p}rss`, shmem: `${p}shmem`, cache: `${p}cache` },
    scope: total ? 'v1-hierarchical' : 'v1-local',
  };
}

function segmentsOf(parts: Parts): StatsSegment[] {
  const segments: StatsSegment[] = [];
  if (parts.anon !== null) segments.push({ category: 'anon', bytes: parts.anon, from: parts.keys.anon });
  if (parts.shmem !== null) segments.push({ category: 'shmem', bytes: parts.shmem, from: parts.keys.shmem });
  if (parts.cache !== null) {
    // shmem pages are page cache (swap-backed): v1 `cache` and v2 `file` include them.
    const bytes = Math.max(0, parts.cache - (parts.shmem ?? 0));
    segments.push({ category: 'fileCache', bytes, from: parts.shmem !== null ? `${parts.keys.cache} − ${parts.keys.shmem}` : parts.keys.cache });
  }
  return segments;
}

function sum(segments: readonly StatsSegment[]): number {
  return segments.reduce((a, s) => a + s.bytes, 0);
}

/** usage − anon − page cache: kernel memory and whatever else the stats do not name. */
function withOther(bar: StatsBar, parts: { anon: number | null; cache: number | null; anonKey: string; cacheKey: string }, usage: number | null): StatsBar {
  if (usage === null || parts.anon === null || parts.cache === null) return bar;
  const other = Math.max(0, usage - parts.anon - parts.cache);
  const segments = [...bar.segments, { category: 'other' as const, bytes: other, from: `usage − ${parts.anonKey} − ${parts.cacheKey}` }];
  return { ...bar, segments, countedBytes: sum(segments), whole: true };
}

export function statsModel(event: OomEvent): StatsModel {
  const usage = event.memcg?.usageBytes ?? null;
  const limit = event.memcg?.limitBytes ?? null;
  const entries = event.cgroupStats;
  const oneLine = entries.length > 0 && entries.every((s) => s.form === 'v1-line' && !isV2(s));
  const bars: StatsBar[] = entries.map((s, i) => {
    const parts = partsOf(s);
    const segments = segmentsOf(parts);
    // The kernel prints the cgroup whose limit was hit first, then its children (pre-order walk):
    // the first block is that cgroup even when its path was shortened or masked in a paste.
    const limitHit = samePath(s.path, event.oomMemcg) || (i === 0 && !entries.some((e) => samePath(e.path, event.oomMemcg)));
    const bar: StatsBar = {
      path: s.path,
      line: s.line,
      scope: parts.scope,
      segments,
      countedBytes: sum(segments),
      limitHit,
      victimCgroup: samePath(s.path, event.taskMemcg),
      whole: false,
      shmemPrinted: parts.shmem !== null,
    };
    // When that block counts its children (v2, v1 total_*) or has none printed, it is the whole.
    const coversSubtree = parts.scope !== 'v1-local' || entries.length === 1;
    if (i === 0 && limitHit && coversSubtree) return withOther(bar, { anon: parts.anon, cache: parts.cache, anonKey: parts.keys.anon, cacheKey: parts.keys.cache }, usage);
    return bar;
  });
  // One line per cgroup (4.x, v1): each cgroup's own pages, so the subtree is their sum.
  if (oneLine && entries.length > 1) {
    const all = entries.map(partsOf);
    const total = (pick: (p: Parts) => number | null): number | null => (all.some((p) => pick(p) === null) ? null : all.reduce((a, p) => a + (pick(p) ?? 0), 0));
    const parts: Parts = { anon: total((p) => p.anon), shmem: total((p) => p.shmem), cache: total((p) => p.cache), keys: { anon: 'Σ rss', shmem: 'Σ shmem', cache: 'Σ cache' }, scope: 'sum' };
    const segments = segmentsOf(parts);
    const base: StatsBar = { path: null, line: null, scope: 'sum', segments, countedBytes: sum(segments), limitHit: false, victimCgroup: false, whole: false, shmemPrinted: parts.shmem !== null };
    bars.push(withOther(base, { anon: parts.anon, cache: parts.cache, anonKey: 'Σ rss', cacheKey: 'Σ cache' }, usage));
  }
  const scaleBytes = Math.max(limit ?? 0, usage ?? 0, ...bars.map((b) => b.countedBytes), 1);
  return { bars, scaleBytes, limitBytes: limit, usageBytes: usage };
}

export interface UsageBar {
  /** Filled share of the bar, 0…1 (usage ÷ limit, at most 1). */
  fill: number;
  /** usage ÷ limit, unclamped; null without both. */
  ratio: number | null;
  /** Usage above the limit (v1 can read a little over it while the charge is refused). */
  over: boolean;
}

export function usageBar(usageBytes: number | null, limitBytes: number | null): UsageBar | null {
  if (usageBytes === null || limitBytes === null || limitBytes <= 0) return null;
  const ratio = usageBytes / limitBytes;
  return { fill: Math.min(1, Math.max(0, ratio)), ratio, over: usageBytes > limitBytes };
}

/** A length on the bar, in percent of the scale (never negative, never beyond 100). */
export function percentOf(bytes: number, scaleBytes: number): number {
  if (!(scaleBytes > 0) || !(bytes > 0)) return 0;
  return Math.min(100, (bytes / scaleBytes) * 100);
}
