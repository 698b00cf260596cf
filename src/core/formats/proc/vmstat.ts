// `/proc/vmstat`: node-wide VM counters since boot (`nr_*` are current page counts, the rest are
// event counters). Key sets change with every kernel. Sample:
//   nr_free_pages 977769
//   pgmajfault 3127
//   oom_kill 2
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { counter, normaliseKeyValueLine, readKeyValueLines, toCounterTable } from '../text/key-value';
import { capWarnings } from './capped-warnings';

export interface ProcVmstatSummary {
  /** Global and memcg OOM kills since boot (4.13+). */
  oomKill: number | null;
  pgfault: number | null;
  pgmajfault: number | null;
  /** Pages scanned and reclaimed by kswapd (background) and by allocating tasks (direct reclaim). */
  pgscanKswapd: number | null;
  pgscanDirect: number | null;
  pgstealKswapd: number | null;
  pgstealDirect: number | null;
  /** Direct-reclaim stalls: `allocstall`, or the sum of the per-zone `allocstall_*` (4.8+). */
  allocstall: number | null;
  /** Refaults of file pages recently evicted: the page cache is thrashing when this grows. */
  workingsetRefaultFile: number | null;
  nrFreePages: number | null;
  nrShmemPages: number | null;
  nrDirtyPages: number | null;
  nrWritebackPages: number | null;
}

export interface ProcVmstatData {
  raw: Record<string, number | string>;
  lines: Record<string, number>;
  summary: ProcVmstatSummary;
}

// Keys only /proc/vmstat has (memory.stat has pg*/workingset_* too, never nr_*).
const MARKERS = ['nr_free_pages', 'nr_dirty_threshold', 'nr_dirty_background_threshold', 'nr_zone_inactive_anon', 'nr_mapped', 'nr_page_table_pages', 'numa_hit', 'nr_alloc_batch'];

export function detectProcVmstat(head: string, path: string): number {
  let nr = 0;
  let markers = 0;
  let kv = 0;
  let other = 0;
  for (const raw of headLines(head, 300)) {
    const line = normaliseKeyValueLine(raw);
    if (line === '') continue;
    const m = /^([a-z][a-z0-9_]{0,80})[ \t]+-?\d{1,25}$/.exec(line);
    if (!m || m[1] === undefined) {
      other++;
      continue;
    }
    kv++;
    if (m[1].startsWith('nr_')) nr++;
    if (MARKERS.includes(m[1])) markers++;
  }
  if (markers === 0 || nr < 3 || other > kv / 10) return 0;
  const nameHint = /vmstat/.test(path) ? 0.02 : 0;
  return 0.96 + nameHint;
}

function sumPrefixed(raw: Record<string, number | string>, prefix: string): number | null {
  let sum = 0;
  let any = false;
  for (const [key, v] of Object.entries(raw)) {
    if (key.startsWith(prefix) && typeof v === 'number') {
      sum += v;
      any = true;
    }
  }
  return any ? sum : null;
}

export function parseProcVmstat(text: string, _ctx: ParseContext): ParseResult<ProcVmstatData> {
  // Some counters can legitimately be negative transiently (nr_* per-cpu drift): allow the sign.
  const table = toCounterTable(readKeyValueLines(text), true);
  if (Object.keys(table.raw).length === 0) {
    return { status: 'unusable', warnings: [warning('no-counters', 'No "key value" counters found.'), ...table.warnings] };
  }
  const raw = table.raw;
  // Before 4.8 the per-zone forms (pgscan_kswapd_normal, …) were printed instead.
  const summary: ProcVmstatSummary = {
    oomKill: counter(raw, 'oom_kill'),
    pgfault: counter(raw, 'pgfault'),
    pgmajfault: counter(raw, 'pgmajfault'),
    pgscanKswapd: counter(raw, 'pgscan_kswapd') ?? sumPrefixed(raw, 'pgscan_kswapd_'),
    pgscanDirect: counter(raw, 'pgscan_direct') ?? sumPrefixed(raw, 'pgscan_direct_'),
    pgstealKswapd: counter(raw, 'pgsteal_kswapd') ?? sumPrefixed(raw, 'pgsteal_kswapd_'),
    pgstealDirect: counter(raw, 'pgsteal_direct') ?? sumPrefixed(raw, 'pgsteal_direct_'),
    allocstall: counter(raw, 'allocstall') ?? sumPrefixed(raw, 'allocstall_'),
    workingsetRefaultFile: counter(raw, 'workingset_refault_file') ?? counter(raw, 'workingset_refault'),
    nrFreePages: counter(raw, 'nr_free_pages'),
    nrShmemPages: counter(raw, 'nr_shmem'),
    nrDirtyPages: counter(raw, 'nr_dirty'),
    nrWritebackPages: counter(raw, 'nr_writeback'),
  };
  return { status: table.warnings.length > 0 ? 'partial' : 'parsed', value: { raw, lines: table.lines, summary }, warnings: capWarnings(table.warnings) };
}

export const procVmstatFormat: FormatDefinition<ProcVmstatData> = {
  id: 'proc-vmstat',
  area: 'proc',
  detect: detectProcVmstat,
  parse: parseProcVmstat,
};
