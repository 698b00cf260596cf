// Pure: a bundle's snapshots as time series per memory group — usage, limit and each category at
// every capture time — and where the points sit on the chart. Input: the assembled snapshots,
// e.g. the lab's init-running / before / during / after, or one per sample of a memstat series:
//   Thu Nov 18 13:37:49 CST 2021
//   total_cache 9075990528
//   total_shmem 9069502464
import { fileCacheExclShmemBytes, isOwnChargesGroup, type GroupRef, type MemoryGroup, type Snapshot } from '../../../../core';

export type SeriesMetric = 'usage' | 'anon' | 'shmem' | 'fileCache' | 'kernel';
export const SERIES_METRICS: readonly SeriesMetric[] = ['usage', 'anon', 'shmem', 'fileCache', 'kernel'];

export interface SeriesPoint {
  snapshotId: string;
  label: string;
  capturedAt: string | null;
  /** Epoch milliseconds of capturedAt; null when unknown or unreadable. */
  timeMs: number | null;
}

export interface SeriesGroup {
  key: string;
  ref: GroupRef;
  depth: number;
  /** One value per point; null where the group is absent or the input lacks the figure. */
  values: Record<SeriesMetric, (number | null)[]>;
  limit: (number | null)[];
}

export interface Series {
  points: SeriesPoint[];
  groups: SeriesGroup[];
}

function refOf(g: MemoryGroup, parent: MemoryGroup | null): GroupRef {
  const base = { key: g.key, role: g.role, path: g.path, podName: g.podName, podNamespace: g.podNamespace, containerName: g.containerName };
  const owner = parent && isOwnChargesGroup(g, parent) ? { key: parent.key, role: parent.role, path: parent.path, podName: parent.podName, podNamespace: parent.podNamespace, containerName: parent.containerName } : null;
  return { ...base, ownChargesOf: owner };
}

function valueOf(g: MemoryGroup, metric: SeriesMetric): number | null {
  switch (metric) {
    case 'usage':
      return g.usageBytes;
    case 'anon':
      return g.breakdown.anonBytes;
    case 'shmem':
      return g.breakdown.shmemBytes;
    case 'fileCache':
      return fileCacheExclShmemBytes(g.breakdown);
    case 'kernel':
      return g.breakdown.kernelBytes;
  }
}

/** Snapshots without groups are left out (nothing to draw). Groups in tree order, as first seen. */
export function extractSeries(snapshots: readonly Snapshot[]): Series {
  const withGroups = snapshots.filter((s) => s.groups.length > 0);
  const points: SeriesPoint[] = withGroups.map((s) => {
    const ms = s.capturedAt ? Date.parse(s.capturedAt) : NaN;
    return { snapshotId: s.id, label: s.label, capturedAt: s.capturedAt, timeMs: Number.isNaN(ms) ? null : ms };
  });
  const byKey = new Map<string, SeriesGroup>();
  const order: SeriesGroup[] = [];
  const n = withGroups.length;
  withGroups.forEach((s, i) => {
    const walk = (g: MemoryGroup, parent: MemoryGroup | null, depth: number): void => {
      let sg = byKey.get(g.key);
      if (!sg) {
        const values = {} as Record<SeriesMetric, (number | null)[]>;
        for (const m of SERIES_METRICS) values[m] = new Array<number | null>(n).fill(null);
        sg = { key: g.key, ref: refOf(g, parent), depth, values, limit: new Array<number | null>(n).fill(null) };
        byKey.set(g.key, sg);
        order.push(sg);
      } else {
        // Later snapshots often know more names (a kubectl file in the last capture).
        sg.ref = refOf(g, parent);
      }
      for (const m of SERIES_METRICS) sg.values[m][i] = valueOf(g, m);
      sg.limit[i] = g.limitBytes;
      for (const c of g.children) walk(c, g, depth + 1);
    };
    for (const root of s.groups) walk(root, null, 0);
  });
  return { points, groups: order };
}

/** Metrics with at least one known, non-zero value in the group (an all-zero shmem line says nothing). */
export function metricsShown(group: SeriesGroup): SeriesMetric[] {
  return SERIES_METRICS.filter((m) => group.values[m].some((v) => v !== null && v !== 0));
}

/**
 * Horizontal positions (0…1): proportional to capture time when every point has one and they
 * strictly increase; else evenly spaced in snapshot order.
 */
export function pointXs(points: readonly SeriesPoint[]): { xs: number[]; timeScaled: boolean } {
  if (points.length === 0) return { xs: [], timeScaled: false };
  if (points.length === 1) return { xs: [0.5], timeScaled: false };
  const times = points.map((p) => p.timeMs);
  const increasing = times.every((t, i) => t !== null && (i === 0 || t > (times[i - 1] as number)));
  if (increasing) {
    const first = times[0] as number;
    const span = (times[times.length - 1] as number) - first;
    return { xs: times.map((t) => ((t as number) - first) / span), timeScaled: true };
  }
  return { xs: points.map((_, i) => i / (points.length - 1)), timeScaled: false };
}

/**
 * Top of the vertical axis: the largest value shown, and the limit when it is close enough to
 * matter (at most 1.5 × the largest value); a far-away limit would flatten every line.
 */
export function valueRange(group: SeriesGroup, metrics: readonly SeriesMetric[]): { maxBytes: number; showLimit: boolean } {
  let max = 0;
  for (const m of metrics) for (const v of group.values[m]) if (v !== null && v > max) max = v;
  let limitMax = 0;
  for (const v of group.limit) if (v !== null && v > limitMax) limitMax = v;
  const showLimit = limitMax > 0 && (max === 0 || limitMax <= max * 1.5);
  return { maxBytes: Math.max(max, showLimit ? limitMax : 0), showLimit };
}

/** The two points clicked, in time order: the earlier is before. */
export function orderedPair(points: readonly SeriesPoint[], a: string, b: string): { before: string; after: string } | null {
  const i = points.findIndex((p) => p.snapshotId === a);
  const j = points.findIndex((p) => p.snapshotId === b);
  if (i < 0 || j < 0 || i === j) return null;
  return i < j ? { before: a, after: b } : { before: b, after: a };
}

/** The group a series chart opens on: the scope when it has a line, else the first pod, else the first group. */
export function defaultSeriesGroup(series: Series, preferredKey: string | null): SeriesGroup | undefined {
  return series.groups.find((g) => g.key === preferredKey) ?? series.groups.find((g) => g.ref.role === 'pod') ?? series.groups[0];
}
