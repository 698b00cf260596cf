// Pure: a memory group → the bar's segments and the table's rows. The bar's parts never overlap
// (anon, shmem, the rest of the page cache, kernel, and what usage holds beyond them), so their
// lengths add up to the usage when it is known.
import { fileCacheExclShmemBytes, type MemoryBreakdown, type MemoryGroup, type MessageKey, type ValueSource } from '../../../../../core';

export type SegmentId = 'anon' | 'shmem' | 'fileCache' | 'kernel' | 'other';

export interface BarSegment {
  id: SegmentId;
  labelKey: MessageKey;
  bytes: number;
  /** CSS colour variable of the category. */
  color: string;
}

export interface BarModel {
  segments: BarSegment[];
  /** Sum of the segments. */
  countedBytes: number;
  /** The bar's full width: the limit when known, else the larger of usage and the counted sum. */
  scaleBytes: number;
  usageBytes: number | null;
  limitBytes: number | null;
}

export interface BreakdownRow {
  id: string;
  labelKey: MessageKey;
  bytes: number | null;
  /** 0 = a part of the usage; 1 = "of which" detail of the row above. */
  level: 0 | 1;
  /** Share of the usage (or of the counted sum without usage); null when it does not apply (swap). */
  shareOf: number | null;
  source: ValueSource | null;
  /** A derived value: how it was computed, e.g. `total_cache − total_shmem`. */
  derivedFrom?: string;
  color?: string;
}

const COLORS: Record<SegmentId, string> = {
  anon: 'var(--cat-anon)',
  shmem: 'var(--cat-shmem)',
  fileCache: 'var(--cat-file)',
  kernel: 'var(--cat-kernel)',
  other: 'var(--cat-other)',
};

export function countedBytes(b: MemoryBreakdown): number {
  return (b.anonBytes ?? 0) + (b.fileBytes ?? 0) + (b.kernelBytes ?? 0);
}

export function barModel(group: MemoryGroup): BarModel {
  const b = group.breakdown;
  const parts: [SegmentId, MessageKey, number | null][] = [
    ['anon', 'breakdown.anon', b.anonBytes],
    ['shmem', 'breakdown.shmem', b.shmemBytes],
    ['fileCache', 'breakdown.fileCache', fileCacheExclShmemBytes(b)],
    ['kernel', 'breakdown.kernel', b.kernelBytes],
  ];
  const segments: BarSegment[] = [];
  for (const [id, labelKey, bytes] of parts) if (bytes !== null && bytes > 0) segments.push({ id, labelKey, bytes, color: COLORS[id] });
  const counted = segments.reduce((s, x) => s + x.bytes, 0);
  if (group.usageBytes !== null && group.usageBytes > counted) {
    segments.push({ id: 'other', labelKey: 'breakdown.other', bytes: group.usageBytes - counted, color: COLORS.other });
  }
  const total = segments.reduce((s, x) => s + x.bytes, 0);
  const scale = Math.max(group.limitBytes ?? 0, group.usageBytes ?? 0, total);
  return { segments, countedBytes: counted, scaleBytes: scale, usageBytes: group.usageBytes, limitBytes: group.limitBytes };
}

export function breakdownRows(group: MemoryGroup): { rows: BreakdownRow[]; denominatorBytes: number; countedBytes: number } {
  const b = group.breakdown;
  const src = (field: keyof MemoryBreakdown): ValueSource | null => group.sources[`breakdown.${field}`] ?? null;
  const counted = countedBytes(b);
  const denominator = group.usageBytes ?? counted;
  const fileSrc = src('fileBytes');
  const shmemSrc = src('shmemBytes');
  const rows: BreakdownRow[] = [
    { id: 'anon', labelKey: 'breakdown.anon', bytes: b.anonBytes, level: 0, shareOf: b.anonBytes, source: src('anonBytes'), color: COLORS.anon },
    { id: 'anonThp', labelKey: 'breakdown.anonThp', bytes: b.anonThpBytes, level: 1, shareOf: b.anonThpBytes, source: src('anonThpBytes') },
    { id: 'shmem', labelKey: 'breakdown.shmem', bytes: b.shmemBytes, level: 0, shareOf: b.shmemBytes, source: shmemSrc, color: COLORS.shmem },
    {
      id: 'fileCache',
      labelKey: 'breakdown.fileCache',
      bytes: fileCacheExclShmemBytes(b),
      level: 0,
      shareOf: fileCacheExclShmemBytes(b),
      source: fileSrc,
      ...(fileSrc ? { derivedFrom: `${fileSrc.key} − ${shmemSrc?.key ?? 'shmem'}` } : {}),
      color: COLORS.fileCache,
    },
    { id: 'activeFile', labelKey: 'breakdown.activeFile', bytes: b.activeFileBytes, level: 1, shareOf: b.activeFileBytes, source: src('activeFileBytes') },
    { id: 'inactiveFile', labelKey: 'breakdown.inactiveFile', bytes: b.inactiveFileBytes, level: 1, shareOf: b.inactiveFileBytes, source: src('inactiveFileBytes') },
    { id: 'dirty', labelKey: 'breakdown.dirty', bytes: b.dirtyBytes, level: 1, shareOf: b.dirtyBytes, source: src('dirtyBytes') },
    { id: 'writeback', labelKey: 'breakdown.writeback', bytes: b.writebackBytes, level: 1, shareOf: b.writebackBytes, source: src('writebackBytes') },
    { id: 'kernel', labelKey: 'breakdown.kernel', bytes: b.kernelBytes, level: 0, shareOf: b.kernelBytes, source: src('kernelBytes'), color: COLORS.kernel },
  ];
  if (group.usageBytes !== null && group.usageBytes > counted) {
    rows.push({ id: 'other', labelKey: 'breakdown.other', bytes: group.usageBytes - counted, level: 0, shareOf: group.usageBytes - counted, source: null, color: COLORS.other });
  }
  // v1 usage_in_bytes does not include swap (memsw does): shown, but not as a share of the usage.
  rows.push({ id: 'swap', labelKey: 'breakdown.swap', bytes: b.swapBytes, level: 0, shareOf: null, source: src('swapBytes') });
  return { rows, denominatorBytes: denominator, countedBytes: counted };
}
