// Pure: the per-group, per-category delta table of a comparison — rows, text/role filter, sort.
// Input: a SnapshotDiff's groups, e.g. container api: before.breakdown.anonBytes 9510912,
// after.breakdown.anonBytes 36773888, delta.anonBytes 27262976 → one row "container api · anon".
import { fileCacheExclShmemBytes, type GroupDiff, type GroupDiffStatus, type GroupRole, type GroupSide } from '../../../../core';

export type DeltaMetric = 'usage' | 'workingSet' | 'anon' | 'shmem' | 'fileCache' | 'dirtyWriteback' | 'activeFile' | 'inactiveFile' | 'kernel' | 'swap';

export const DELTA_METRICS: readonly DeltaMetric[] = ['usage', 'workingSet', 'anon', 'shmem', 'fileCache', 'dirtyWriteback', 'activeFile', 'inactiveFile', 'kernel', 'swap'];

export interface DeltaRow {
  id: string;
  groupKey: string;
  groupLabel: string;
  role: GroupRole;
  status: GroupDiffStatus;
  metric: DeltaMetric;
  metricLabel: string;
  beforeBytes: number | null;
  afterBytes: number | null;
  /** after − before; a side where the group does not exist counts as 0 (the engine's rule). */
  deltaBytes: number | null;
  /** Change relative to before; null when before is 0 or unknown. */
  deltaRatio: number | null;
  /** Position of the group in the tree. */
  groupOrder: number;
  /** Tree order of the group, then metric order: the tie-breaker of every sort. */
  order: number;
}

function sideValue(side: GroupSide | null, metric: DeltaMetric): number | null {
  if (!side) return null;
  const b = side.breakdown;
  switch (metric) {
    case 'usage':
      return side.usageBytes;
    case 'workingSet':
      return side.workingSetBytes;
    case 'anon':
      return b.anonBytes;
    case 'shmem':
      return b.shmemBytes;
    case 'fileCache':
      return fileCacheExclShmemBytes(b);
    case 'dirtyWriteback':
      return b.dirtyBytes === null && b.writebackBytes === null ? null : (b.dirtyBytes ?? 0) + (b.writebackBytes ?? 0);
    case 'activeFile':
      return b.activeFileBytes;
    case 'inactiveFile':
      return b.inactiveFileBytes;
    case 'kernel':
      return b.kernelBytes;
    case 'swap':
      return b.swapBytes;
  }
}

function deltaValue(g: GroupDiff, metric: DeltaMetric): number | null {
  const d = g.delta;
  switch (metric) {
    case 'usage':
      return d.usageBytes;
    case 'workingSet':
      return d.workingSetBytes;
    case 'anon':
      return d.anonBytes;
    case 'shmem':
      return d.shmemBytes;
    case 'fileCache':
      return d.fileCacheBytes;
    case 'dirtyWriteback':
      return d.dirtyWritebackBytes;
    case 'activeFile':
      return d.activeFileBytes;
    case 'inactiveFile':
      return d.inactiveFileBytes;
    case 'kernel':
      return d.kernelBytes;
    case 'swap':
      return d.swapBytes;
  }
}

/** A row per group (in the order given) and metric that at least one side has. */
export function deltaRows(groups: readonly GroupDiff[], labelOf: (g: GroupDiff) => string, metricLabel: (m: DeltaMetric) => string): DeltaRow[] {
  const rows: DeltaRow[] = [];
  groups.forEach((g, gi) => {
    DELTA_METRICS.forEach((metric, mi) => {
      const beforeBytes = sideValue(g.before, metric);
      const afterBytes = sideValue(g.after, metric);
      if (beforeBytes === null && afterBytes === null) return;
      const deltaBytes = deltaValue(g, metric);
      rows.push({
        id: `${g.key}\u0000${metric}`,
        groupKey: g.key,
        groupLabel: labelOf(g),
        role: g.role,
        status: g.status,
        metric,
        metricLabel: metricLabel(metric),
        beforeBytes,
        afterBytes,
        deltaBytes,
        deltaRatio: deltaBytes !== null && beforeBytes !== null && beforeBytes > 0 ? deltaBytes / beforeBytes : null,
        groupOrder: gi,
        order: gi * DELTA_METRICS.length + mi,
      });
    });
  });
  return rows;
}

export interface DeltaFilter {
  /** Case-insensitive, matched against the group's name and key and the category's name. */
  text: string;
  role: GroupRole | 'all';
  showUnchanged: boolean;
}

export function filterRows(rows: readonly DeltaRow[], filter: DeltaFilter): DeltaRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return rows.filter((r) => {
    if (filter.role !== 'all' && r.role !== filter.role) return false;
    if (!filter.showUnchanged && (r.deltaBytes === 0 || (r.deltaBytes === null && r.beforeBytes === r.afterBytes))) return false;
    if (words.length === 0) return true;
    const haystack = `${r.groupLabel}\u0000${r.groupKey}\u0000${r.metricLabel}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export type DeltaSortKey = 'group' | 'metric' | 'before' | 'after' | 'delta' | 'ratio';
export interface DeltaSort {
  key: DeltaSortKey;
  dir: 'asc' | 'desc';
}

/** The table opens on the biggest changes, growth or shrinkage alike. */
export const DEFAULT_SORT: DeltaSort = { key: 'delta', dir: 'desc' };

/** Change columns sort by size (|Δ|), so growth and shrinkage of the same size sit together; unknown values go last either way. */
export function sortRows(rows: readonly DeltaRow[], sort: DeltaSort): DeltaRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const num = (r: DeltaRow): number | null => {
    switch (sort.key) {
      case 'before':
        return r.beforeBytes;
      case 'after':
        return r.afterBytes;
      case 'delta':
        return r.deltaBytes === null ? null : Math.abs(r.deltaBytes);
      case 'ratio':
        return r.deltaRatio === null ? null : Math.abs(r.deltaRatio);
      default:
        return null;
    }
  };
  return rows.slice().sort((a, b) => {
    let c: number;
    // Groups sort in tree order (the pod, then its containers), not by name.
    if (sort.key === 'group') c = sign * (a.groupOrder - b.groupOrder);
    else if (sort.key === 'metric') c = sign * (DELTA_METRICS.indexOf(a.metric) - DELTA_METRICS.indexOf(b.metric));
    else {
      const x = num(a);
      const y = num(b);
      if (x === null || y === null) c = x === null ? (y === null ? 0 : 1) : -1;
      else c = sign * (x - y);
    }
    return c !== 0 ? c : a.order - b.order;
  });
}

/** Clicking a column: the same one flips direction; another starts descending for numbers, ascending for names. */
export function nextSort(current: DeltaSort, key: DeltaSortKey): DeltaSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'group' || key === 'metric' ? 'asc' : 'desc' };
}
