// The multi-line parts of an OOM report: `Memory cgroup stats for` (v1 one-line KB pairs, or a
// block of memory.stat lines in bytes), the task table, `Mem-Info:` pairs and the call trace.
// Samples:
//   Memory cgroup stats for /docker/66ece93b…: cache:24KB rss:10104KB rss_huge:0KB …
//   [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name
//   [  21065]     0 21065    15192    13644    12160     1484         0   155648        0           999 api-server
import { kibToBytes, safeInt } from './oom-numbers';

const STATS_FOR = 'Memory cgroup stats for ';

export interface StatsHeader {
  path: string;
  /** The v1 one-line form's `key:NNNKB` text after the path, or null for the block form. */
  inline: string | null;
  cut: boolean;
}

/** `Memory cgroup stats for /docker/…: cache:24KB rss:10104KB …` (v1 ≤ 5.x) or `Memory cgroup stats for /foo:` (block). */
export function parseStatsHeader(msg: string): StatsHeader | null {
  if (!msg.startsWith(STATS_FOR)) return null;
  const rest = msg.slice(STATS_FOR.length).trimEnd();
  const sep = rest.indexOf(': ');
  if (sep >= 0) return { path: rest.slice(0, sep), inline: rest.slice(sep + 2), cut: false };
  if (rest.endsWith(':')) return { path: rest.slice(0, -1), inline: null, cut: false };
  return { path: rest, inline: null, cut: true };
}

export interface StatValues {
  stats: Record<string, number>;
  statsText: Record<string, string>;
  /** The last pair was cut short (`inactive_file:`), or a pair was not `key:NNNKB`. */
  cut: boolean;
}

const INLINE_PAIR = /^([a-z][a-z0-9_]{0,63}):(\d{1,20})KB$/;

/** The one-line v1 form: every value is in KiB. */
export function parseInlineStats(text: string): StatValues {
  const stats: Record<string, number> = Object.create(null) as Record<string, number>;
  const statsText: Record<string, string> = Object.create(null) as Record<string, string>;
  let cut = false;
  for (const token of text.split(' ')) {
    if (token === '') continue;
    const m = INLINE_PAIR.exec(token);
    if (!m || m[1] === undefined) {
      cut = true;
      continue;
    }
    const bytes = kibToBytes(m[2]);
    if (bytes === null) statsText[m[1]] = `${m[2] ?? ''}KB`;
    else if (!(m[1] in stats)) stats[m[1]] = bytes;
  }
  return { stats, statsText, cut };
}

const BLOCK_LINE = /^([a-z][a-z0-9_]{0,63}) (-?\d{1,20})\s*$/;

/** One `key N` line of the block form (memory.stat as the file prints it: bytes, or counts for events). */
export function parseBlockStat(msg: string): { key: string; value: number | null; text: string } | null {
  const m = BLOCK_LINE.exec(msg);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { key: m[1], value: safeInt(m[2]), text: m[2] };
}

export function isTasksStateLine(msg: string): boolean {
  return msg.startsWith('Tasks state (memory values in pages)');
}

/** `[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name` → column names after pid. */
export function parseTaskHeader(msg: string): string[] | null {
  if (msg.charCodeAt(0) !== 91) return null;
  const close = msg.indexOf(']');
  if (close < 0 || close > 16 || msg.slice(1, close).trim() !== 'pid') return null;
  const columns = msg.slice(close + 1).trim().split(/\s+/);
  if (columns[0] !== 'uid' || columns[columns.length - 1] !== 'name' || columns.length < 4 || columns.length > 24) return null;
  return columns;
}

export interface TaskRow {
  pid: number;
  /** Numeric columns in order (after pid, before name). */
  values: (number | null)[];
  name: string;
}

/**
 * `[  26934]     0 26934      411      128    40960        0           937 entrypoint.sh`. `numeric` is
 * the count of number columns the header announced; without a header, every leading number but
 * the name is one. Names may hold spaces ("CPU 11/KVM").
 */
export function parseTaskRow(msg: string, numeric: number | null): TaskRow | null {
  if (msg.charCodeAt(0) !== 91) return null;
  const close = msg.indexOf(']');
  if (close < 2 || close > 16) return null;
  const pidText = msg.slice(1, close).trim();
  if (!/^\d{1,10}$/.test(pidText)) return null;
  const values: (number | null)[] = [];
  let i = close + 1;
  const n = msg.length;
  const max = numeric ?? 16;
  while (values.length < max) {
    while (i < n && msg.charCodeAt(i) === 32) i++;
    let j = i;
    while (j < n && msg.charCodeAt(j) !== 32) j++;
    const token = msg.slice(i, j);
    if (!/^-?\d{1,20}$/.test(token)) break;
    // Without a header the last token is the name even when it looks like a number.
    if (numeric === null && j >= n) break;
    values.push(safeInt(token));
    i = j;
  }
  while (i < n && msg.charCodeAt(i) === 32) i++;
  const name = msg.slice(i).trimEnd();
  if (values.length < 5 || (numeric !== null && values.length !== numeric) || name === '') return null;
  return { pid: Number(pidText), values, name };
}

/** `active_anon:123 inactive_anon:456 isolated_anon:0` lines after `Mem-Info:` (pages). */
export function parseMemInfoPairs(msg: string): Record<string, number> | null {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  let count = 0;
  for (const token of msg.trim().split(/\s+/)) {
    const m = /^([a-z_]{1,40}):(\d{1,20})$/.exec(token);
    if (!m || m[1] === undefined) return null;
    const v = safeInt(m[2]);
    if (v !== null) out[m[1]] = v;
    count++;
  }
  return count > 0 ? out : null;
}

// Frames that only a memcg charge path goes through (mm/memcontrol.c): a memcg OOM, not a global one.
const MEMCG_FRAMES = new Set(['mem_cgroup_out_of_memory', 'mem_cgroup_oom_synchronize', 'try_charge', 'try_charge_memcg', 'mem_cgroup_oom']);
const GLOBAL_FRAMES = new Set(['__alloc_pages_may_oom', '__alloc_pages_slowpath']);

/** The function of a call-trace line (` dump_stack+0x66/0x8b`, ` [<ffffffff8137ad47>] dump_stack+0x4d/0x63`), or null. */
export function traceFunction(msg: string): { name: string; uncertain: boolean } | null {
  let t = msg.trim();
  if (t.startsWith('[<')) {
    const close = t.indexOf('>] ');
    if (close < 0) return null;
    t = t.slice(close + 3);
  }
  const uncertain = t.startsWith('? ');
  if (uncertain) t = t.slice(2);
  const m = /^([A-Za-z_][\w.$]{0,127})\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}/.exec(t);
  if (!m || m[1] === undefined) return null;
  const dot = m[1].indexOf('.');
  return { name: dot > 0 ? m[1].slice(0, dot) : m[1], uncertain };
}

export function frameKind(name: string): 'memcg' | 'global' | null {
  if (MEMCG_FRAMES.has(name)) return 'memcg';
  if (GLOBAL_FRAMES.has(name)) return 'global';
  return null;
}

/** Other lines a report dump holds: hardware, trace markers, registers, zone and swap summaries. */
export function isReportBodyLine(msg: string): boolean {
  const t = msg.trim();
  if (t === '' || t === 'Call Trace:' || t === '<TASK>' || t === '</TASK>' || t === '<IRQ>' || t === '</IRQ>') return true;
  if (/^(?:Hardware name|RIP|RSP|RAX|RDX|RBP|R10|R13|FS|CS|CR2|Code|Mem-Info|Node \d+|lowmem_reserve|Free swap|Total swap|Swap cache stats|\d+ (?:total pagecache pages|pages (?:RAM|reserved|in swap cache|HighMem|hwpoisoned)|pages cma reserved))\b/.test(t)) {
    return true;
  }
  return /^(?:[0-9a-f]{16} ){2,}/.test(t) || /^(?:Normal|DMA32|DMA|HighMem|Movable) /.test(t) || /^(?:active_|inactive_|unevictable:|slab_|mapped:|free:)/.test(t);
}
