// Pure: the before and after memory trees as one list of rows aligned by group key (a group on
// one side only leaves a gap on the other), and each side's breakdown bar on one shared scale.
// Input: a SnapshotDiff's groups, e.g.
//   { key 'pod:8053…', parentKey null, status 'matched', before { usageBytes 93818880, breakdown }, after {…} }
//   { key 'pod:8053…/container:api', parentKey 'pod:8053…', status 'appeared', before null, after {…} }
import { fileCacheExclShmemBytes, type GroupDiff, type GroupSide } from '../../../../core';

export interface AlignedRow {
  key: string;
  depth: number;
  group: GroupDiff;
}

/** Depth-first from the roots (no parent, or a parent not in the list), children in the diff's order. */
export function alignRows(groups: readonly GroupDiff[]): AlignedRow[] {
  const keys = new Set(groups.map((g) => g.key));
  const children = new Map<string, GroupDiff[]>();
  const roots: GroupDiff[] = [];
  for (const g of groups) {
    if (g.parentKey !== null && g.parentKey !== g.key && keys.has(g.parentKey)) {
      const list = children.get(g.parentKey);
      if (list) list.push(g);
      else children.set(g.parentKey, [g]);
    } else roots.push(g);
  }
  const rows: AlignedRow[] = [];
  const seen = new Set<string>();
  const visit = (g: GroupDiff, depth: number): void => {
    if (seen.has(g.key)) return;
    seen.add(g.key);
    rows.push({ key: g.key, depth, group: g });
    for (const c of children.get(g.key) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // A parent cycle (bad input) leaves groups unvisited: list them at the top level rather than drop them.
  for (const g of groups) visit(g, 0);
  return rows;
}

export type SegmentCategory = 'anon' | 'shmem' | 'fileCache' | 'kernel' | 'other';

export interface SideSegment {
  category: SegmentCategory;
  bytes: number;
}

export const SEGMENT_COLORS: Record<SegmentCategory, string> = {
  anon: 'var(--cat-anon)',
  shmem: 'var(--cat-shmem)',
  fileCache: 'var(--cat-file)',
  kernel: 'var(--cat-kernel)',
  other: 'var(--cat-other)',
};

/** Parts that never overlap (anon, shmem, the rest of the page cache, kernel, what usage holds beyond them). */
export function sideSegments(side: GroupSide): SideSegment[] {
  const b = side.breakdown;
  const parts: [SegmentCategory, number | null][] = [
    ['anon', b.anonBytes],
    ['shmem', b.shmemBytes],
    ['fileCache', fileCacheExclShmemBytes(b)],
    ['kernel', b.kernelBytes],
  ];
  const segments: SideSegment[] = [];
  for (const [category, bytes] of parts) if (bytes !== null && bytes > 0) segments.push({ category, bytes });
  const counted = segments.reduce((s, x) => s + x.bytes, 0);
  if (side.usageBytes !== null && side.usageBytes > counted) segments.push({ category: 'other', bytes: side.usageBytes - counted });
  return segments;
}

/** The usage when known, else the sum of the parts. */
export function sideTotalBytes(side: GroupSide): number {
  const counted = sideSegments(side).reduce((s, x) => s + x.bytes, 0);
  return Math.max(side.usageBytes ?? 0, counted);
}

/** One scale for every bar of both trees: the largest total on either side (limits are marked, not scaled to). */
export function sharedScaleBytes(rows: readonly AlignedRow[]): number {
  let max = 0;
  for (const { group } of rows) {
    if (group.before) max = Math.max(max, sideTotalBytes(group.before));
    if (group.after) max = Math.max(max, sideTotalBytes(group.after));
  }
  return max;
}
