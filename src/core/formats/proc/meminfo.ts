// `/proc/meminfo` (node-wide; inside a container without lxcfs it is still the node's), and the
// per-NUMA-node `/sys/devices/system/node/nodeN/meminfo` (`Node 0 MemTotal: …`). Sample:
//   MemTotal:        8009912 kB
//   MemFree:          538760 kB
//   HugePages_Total:       0
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { readColonField, readSize } from './colon-fields';
import { capWarnings } from './capped-warnings';

export interface MeminfoSummary {
  memTotalBytes: number | null;
  memFreeBytes: number | null;
  memAvailableBytes: number | null;
  buffersBytes: number | null;
  cachedBytes: number | null;
  swapCachedBytes: number | null;
  activeAnonBytes: number | null;
  inactiveAnonBytes: number | null;
  activeFileBytes: number | null;
  inactiveFileBytes: number | null;
  unevictableBytes: number | null;
  dirtyBytes: number | null;
  writebackBytes: number | null;
  anonPagesBytes: number | null;
  mappedBytes: number | null;
  /** tmpfs, shm and shared anonymous memory: inside Cached, but not reclaimable without swap. */
  shmemBytes: number | null;
  slabBytes: number | null;
  sReclaimableBytes: number | null;
  sUnreclaimBytes: number | null;
  kernelStackBytes: number | null;
  pageTablesBytes: number | null;
  swapTotalBytes: number | null;
  swapFreeBytes: number | null;
  anonHugePagesBytes: number | null;
  commitLimitBytes: number | null;
  committedAsBytes: number | null;
  hugePagesTotal: number | null;
  hugePagesFree: number | null;
  hugepagesizeBytes: number | null;
}

export interface ProcMeminfoData {
  /** NUMA node of a `/sys/devices/system/node/nodeN/meminfo` file; null for /proc/meminfo. */
  numaNode: number | null;
  /** Every key as written, with its value text as written (`8009912 kB`). */
  raw: Record<string, string>;
  /** Keys with a `kB` unit, converted to bytes (×1024). */
  bytes: Record<string, number>;
  /** Keys without a unit (`HugePages_Total`, …): counts, not bytes. */
  counts: Record<string, number>;
  /** 1-based line of each key. */
  lines: Record<string, number>;
  summary: MeminfoSummary;
}

const SUMMARY_KEYS: Record<Exclude<keyof MeminfoSummary, 'hugePagesTotal' | 'hugePagesFree'>, string> = {
  memTotalBytes: 'MemTotal',
  memFreeBytes: 'MemFree',
  memAvailableBytes: 'MemAvailable',
  buffersBytes: 'Buffers',
  cachedBytes: 'Cached',
  swapCachedBytes: 'SwapCached',
  activeAnonBytes: 'Active(anon)',
  inactiveAnonBytes: 'Inactive(anon)',
  activeFileBytes: 'Active(file)',
  inactiveFileBytes: 'Inactive(file)',
  unevictableBytes: 'Unevictable',
  dirtyBytes: 'Dirty',
  writebackBytes: 'Writeback',
  anonPagesBytes: 'AnonPages',
  mappedBytes: 'Mapped',
  shmemBytes: 'Shmem',
  slabBytes: 'Slab',
  sReclaimableBytes: 'SReclaimable',
  sUnreclaimBytes: 'SUnreclaim',
  kernelStackBytes: 'KernelStack',
  pageTablesBytes: 'PageTables',
  swapTotalBytes: 'SwapTotal',
  swapFreeBytes: 'SwapFree',
  anonHugePagesBytes: 'AnonHugePages',
  commitLimitBytes: 'CommitLimit',
  committedAsBytes: 'Committed_AS',
  hugepagesizeBytes: 'Hugepagesize',
};

const MARKERS = new Set(['MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'SwapCached', 'Active(anon)', 'Inactive(file)', 'SwapTotal', 'Shmem', 'Slab', 'SReclaimable', 'Committed_AS', 'Hugepagesize']);
const NODE_PREFIX = /^Node[ \t]+(\d{1,4})[ \t]+/;

export function detectMeminfo(head: string, path: string): number {
  let markers = 0;
  let kbLines = 0;
  let other = 0;
  for (const raw of headLines(head, 120)) {
    if (raw.trim() === '') continue;
    const field = readColonField(raw.trim().replace(NODE_PREFIX, ''), 0);
    if (field && readSize(field.valueText).kind !== 'text') {
      kbLines++;
      if (MARKERS.has(field.key)) markers++;
    } else other++;
  }
  if (markers < 3 || other > kbLines) return 0;
  const nameHint = /meminfo/.test(path) ? 0.04 : 0;
  return Math.min(0.95, 0.8 + markers / 50) + nameHint;
}

export function parseMeminfo(text: string, _ctx: ParseContext): ParseResult<ProcMeminfoData> {
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const bytes: Record<string, number> = Object.create(null) as Record<string, number>;
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const warnings: ParseWarning[] = [];
  let numaNode: number | null = null;
  let skipped = 0;
  let firstSkipped = 0;
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    let t = (all[i] ?? '').trim();
    if (t === '' || t === '--') continue;
    const node = NODE_PREFIX.exec(t);
    if (node && node[1] !== undefined) {
      numaNode ??= Number(node[1]);
      t = t.slice(node[0].length);
    }
    const field = readColonField(t, i + 1);
    if (!field) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(raw, field.key)) {
      warnings.push(warning('duplicate-key', `Key "${field.key}" appears again; the first value is kept.`, i + 1, { key: field.key }));
      continue;
    }
    raw[field.key] = field.valueText;
    lines[field.key] = i + 1;
    const size = readSize(field.valueText);
    if (size.kind === 'kB' && size.bytes !== null) bytes[field.key] = size.bytes;
    else if (size.kind === 'count') counts[field.key] = size.number;
    else {
      warnings.push(warning('value-not-integer', `Value of "${field.key}" (${field.valueText}) is not a usable integer; kept as text.`, i + 1, { key: field.key, value: field.valueText }));
    }
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not "Key: value" and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (Object.keys(raw).length === 0) return { status: 'unusable', warnings: [warning('no-counters', 'No "Key: value" lines found.'), ...warnings] };
  if (!('MemTotal' in bytes)) warnings.push(warning('missing-key', 'Key "MemTotal" is not present.', undefined, { key: 'MemTotal' }));
  const summary = {} as MeminfoSummary;
  for (const [field, key] of Object.entries(SUMMARY_KEYS) as [keyof typeof SUMMARY_KEYS, string][]) summary[field] = bytes[key] ?? null;
  summary.hugePagesTotal = counts['HugePages_Total'] ?? null;
  summary.hugePagesFree = counts['HugePages_Free'] ?? null;
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { numaNode, raw: { ...raw }, bytes: { ...bytes }, counts: { ...counts }, lines: { ...lines }, summary },
    warnings: capWarnings(warnings),
  };
}

export const meminfoFormat: FormatDefinition<ProcMeminfoData> = {
  id: 'proc-meminfo',
  area: 'proc',
  detect: detectMeminfo,
  parse: parseMeminfo,
};
