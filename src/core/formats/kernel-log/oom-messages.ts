// One OOM-report message at a time (prefix already stripped), as mm/oom_kill.c and
// mm/memcontrol.c print them from 3.10 to 6.x. Each parser takes the message and returns the
// facts or null; none throws. Samples:
//   oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/a,task_memcg=/a/b,task=java,pid=1,uid=0
//   Memory cgroup out of memory: Killed process 1 (java) total-vm:60768kB, anon-rss:48640kB, file-rss:5936kB, shmem-rss:0kB, UID:0 pgtables:152kB oom_score_adj:999
//   [  21065]     0 21065    15192    13644    12160     1484         0   155648        0           999 api-server

const KIB = 1024;
/** v1 page_counter "no limit" printed in kB (PAGE_COUNTER_MAX × 4 KiB / 1 KiB). */
const UNLIMITED_KIB = 2 ** 62 / KIB;

function safeInt(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function kibToBytes(text: string | undefined): number | null {
  const n = safeInt(text);
  if (n === null) return null;
  const bytes = n * KIB;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

export interface InvokedLine {
  comm: string;
  gfpMask: string | null;
  gfpFlags: string | null;
  order: number | null;
  oomScoreAdj: number | null;
  cut: boolean;
}

const INVOKED = ' invoked oom-killer:';

export function parseInvoked(msg: string): InvokedLine | null {
  const at = msg.indexOf(INVOKED);
  if (at <= 0 || at > 64) return null;
  const tail = msg.slice(at + INVOKED.length);
  const gfp = /gfp_mask=(0x[0-9a-fA-F]+)(?:\(([^)]{0,400})\))?/.exec(tail);
  const order = /order=(-?\d{1,3})\b/.exec(tail);
  const adj = /oom_score_adj=(-?\d{1,5})\b/.exec(tail);
  return {
    comm: msg.slice(0, at),
    gfpMask: gfp?.[1] ?? null,
    gfpFlags: gfp?.[2] ?? null,
    order: safeInt(order?.[1]),
    oomScoreAdj: safeInt(adj?.[1]),
    cut: !/oom_score_adj=-?\d+\s*$/.test(tail),
  };
}

export interface CpuLine {
  pid: number | null;
  comm: string;
  kernelRelease: string | null;
}

const CPU_LINE = /^CPU: \d{1,5} (?:UID: \d{1,10} )?PID: (\d{1,10}) Comm: (.{1,64}?) (Not tainted|Tainted:)(.*)$/;
const OLD_PID_LINE = /^Pid: (\d{1,10}), comm: (.{1,64}?) (Not tainted|Tainted:)(.*)$/;

/** `CPU: 3 PID: 213115 Comm: GC Thread#2 Tainted: G        W  OE     4.19.91-22.2.al7.x86_64 #1`. */
export function parseCpuLine(msg: string): CpuLine | null {
  const m = CPU_LINE.exec(msg) ?? OLD_PID_LINE.exec(msg);
  if (!m || m[2] === undefined) return null;
  const release = (m[4] ?? '').split(' ').find((t) => /^\d+\.\d+/.test(t)) ?? null;
  return { pid: safeInt(m[1]), comm: m[2], kernelRelease: release };
}

/** 3.x/4.x `<comm> cpuset=<name> mems_allowed=<nodes>`. */
export function parseCpusetLine(msg: string): { cpuset: string; memsAllowed: string } | null {
  const m = / cpuset=(\S{0,512}) mems_allowed=(\S{1,256})\s*$/.exec(msg);
  if (!m || m.index > 64 || m[1] === undefined || m[2] === undefined) return null;
  return { cpuset: m[1], memsAllowed: m[2] };
}

const TASK_IN = 'Task in ';
const LIMIT_OF = ' killed as a result of limit of ';

/** 4.x `Task in <task memcg> killed as a result of limit of <oom memcg>`. */
export function parseTaskIn(msg: string): { taskMemcg: string; oomMemcg: string | null; cut: boolean } | null {
  if (!msg.startsWith(TASK_IN)) return null;
  const at = msg.indexOf(LIMIT_OF);
  if (at < 0) {
    if (!msg.startsWith('/', TASK_IN.length)) return null;
    return { taskMemcg: msg.slice(TASK_IN.length).trim(), oomMemcg: null, cut: true };
  }
  return { taskMemcg: msg.slice(TASK_IN.length, at), oomMemcg: msg.slice(at + LIMIT_OF.length).trim() || null, cut: false };
}

export type CounterName = 'memory' | 'memory+swap' | 'kmem' | 'swap';

export interface CounterLine {
  name: CounterName;
  usageBytes: number | null;
  limitBytes: number | null;
  unlimited: boolean;
  failcnt: number | null;
}

const COUNTER_LINE = /^(memory|memory\+swap|kmem|swap): usage (\d{1,20})kB, limit (\d{1,20})kB, failcnt (\d{1,20})\s*$/;

/** `memory: usage 10240kB, limit 10240kB, failcnt 1432` (mem_cgroup_print_oom_meminfo). */
export function parseCounterLine(msg: string): CounterLine | null {
  const m = COUNTER_LINE.exec(msg);
  if (!m) return null;
  const limitKib = Number(m[3]);
  const unlimited = limitKib >= UNLIMITED_KIB;
  return {
    name: m[1] as CounterName,
    usageBytes: kibToBytes(m[2]),
    limitBytes: unlimited ? null : kibToBytes(m[3]),
    unlimited,
    failcnt: safeInt(m[4]),
  };
}

/** The 4.18-rc cgroup2 form from the patch that introduced it: `memory 33554432 (max 33554432)`, in bytes. */
export function parsePreMergeMemoryLine(msg: string): { usageBytes: number | null; limitBytes: number | null; unlimited: boolean } | null {
  const m = /^memory (\d{1,20}) \(max (\d{1,20}|max)\)\s*$/.exec(msg);
  if (!m) return null;
  const unlimited = m[2] === 'max';
  return { usageBytes: safeInt(m[1]), limitBytes: unlimited ? null : safeInt(m[2]), unlimited };
}

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

export interface OomKillLine {
  constraint: string | null;
  nodemask: string | null;
  cpuset: string | null;
  memsAllowed: string | null;
  oomMemcg: string | null;
  taskMemcg: string | null;
  globalOom: boolean;
  task: string | null;
  pid: number | null;
  uid: number | null;
  cut: boolean;
}

const OOM_KILL_KEYS = ['constraint', 'nodemask', 'cpuset', 'mems_allowed', 'oom_memcg', 'task_memcg', 'task', 'pid', 'uid'] as const;

/**
 * `oom-kill:constraint=…,nodemask=…,cpuset=…,mems_allowed=…,[global_oom|oom_memcg=…],task_memcg=…,task=…,pid=…,uid=…`
 * (dump_oom_summary). Values are cut at the next known `,key=` so a comm with a comma or space survives.
 */
export function parseOomKillLine(msg: string): OomKillLine | null {
  if (!msg.startsWith('oom-kill:')) return null;
  let body = msg.slice('oom-kill:'.length).trimEnd();
  const cut = !/,uid=\d+$/.test(body);
  // A terminal-width cut marks the end with `>` (less -S, dmesg | cut); it is not part of a value.
  if (cut && body.endsWith('>')) body = body.slice(0, -1);
  const found: { key: string; at: number; valueAt: number }[] = [];
  let from = 0;
  for (const key of OOM_KILL_KEYS) {
    const marker = from === 0 && key === 'constraint' ? 'constraint=' : `,${key}=`;
    const at = key === 'constraint' ? (body.startsWith(marker) ? 0 : -1) : body.indexOf(marker, from);
    if (at < 0) continue;
    found.push({ key, at, valueAt: at + marker.length });
    from = at + marker.length;
  }
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (!f) continue;
    const end = found[k + 1]?.at ?? body.length;
    let value = body.slice(f.valueAt, end);
    if (value.endsWith(',global_oom')) value = value.slice(0, -',global_oom'.length);
    values[f.key] = value;
  }
  return {
    constraint: values['constraint'] ?? null,
    nodemask: values['nodemask'] ?? null,
    cpuset: values['cpuset'] ?? null,
    memsAllowed: values['mems_allowed'] ?? null,
    oomMemcg: values['oom_memcg'] || null,
    taskMemcg: values['task_memcg'] || null,
    globalOom: body.includes(',global_oom'),
    task: values['task'] ?? null,
    pid: safeInt(values['pid']),
    uid: safeInt(values['uid']),
    cut,
  };
}

/** The reason printed before a kill (`oom_kill_process(oc, message)`), or null when the line has none (4.x `Killed process`). */
export type KillReason = 'memcg' | 'global' | null;

const REASONS: readonly [string, KillReason][] = [
  ['Memory cgroup out of memory: ', 'memcg'],
  ['Out of memory (oom_kill_allocating_task): ', 'global'],
  ['Out of memory: ', 'global'],
];

function splitReason(msg: string): { reason: KillReason; rest: string } {
  for (const [text, reason] of REASONS) {
    if (msg.startsWith(text)) return { reason, rest: msg.slice(text.length) };
  }
  return { reason: null, rest: msg };
}

export interface KilledLine {
  reason: KillReason;
  pid: number;
  comm: string;
  uid: number | null;
  totalVmBytes: number | null;
  anonRssBytes: number | null;
  fileRssBytes: number | null;
  shmemRssBytes: number | null;
  pgtablesBytes: number | null;
  oomScoreAdj: number | null;
  cut: boolean;
}

const COMM_ENDS = [') total-vm:', '), UID ', ') vsz:', '), total-vm:'];

/** `Killed process 7220 (sh) total-vm:37652kB, anon-rss:9448kB, …` with or without the reason before it. */
export function parseKilledLine(msg: string): KilledLine | null {
  const { reason, rest } = splitReason(msg);
  const m = /^Killed process (\d{1,10}) \(/.exec(rest);
  if (!m) return null;
  const afterOpen = rest.slice(m[0].length);
  let end = -1;
  for (const marker of COMM_ENDS) {
    const at = afterOpen.indexOf(marker);
    if (at >= 0 && (end < 0 || at < end)) end = at;
  }
  if (end < 0) end = afterOpen.lastIndexOf(')');
  const comm = end < 0 ? afterOpen : afterOpen.slice(0, end);
  const tail = end < 0 ? '' : afterOpen.slice(end + 1);
  const kb: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  const pairs = /(total-vm|vsz|anon-rss|file-rss|shmem-rss|pgtables):(\d{1,20})kB/g;
  let p: RegExpExecArray | null;
  while ((p = pairs.exec(tail)) !== null) {
    if (p[1] !== undefined && !(p[1] in kb)) kb[p[1]] = kibToBytes(p[2]);
  }
  const uid = /UID[: ](\d{1,10})/.exec(tail);
  const adj = /oom_score_adj:(-?\d{1,5})/.exec(tail);
  const trimmed = tail.trimEnd();
  return {
    reason,
    pid: Number(m[1]),
    comm,
    uid: safeInt(uid?.[1]),
    totalVmBytes: kb['total-vm'] ?? kb['vsz'] ?? null,
    anonRssBytes: kb['anon-rss'] ?? null,
    fileRssBytes: kb['file-rss'] ?? null,
    shmemRssBytes: kb['shmem-rss'] ?? null,
    pgtablesBytes: kb['pgtables'] ?? null,
    oomScoreAdj: safeInt(adj?.[1]),
    cut: end < 0 || !/(?:kB|oom_score_adj:-?\d+)$/.test(trimmed),
  };
}

export interface KillProcessLine {
  reason: KillReason;
  pid: number;
  comm: string;
  score: number | null;
}

/** 3.x/4.x `[Memory cgroup out of memory|Out of memory]: Kill process N (comm) score S or sacrifice child`. */
export function parseKillProcessLine(msg: string): KillProcessLine | null {
  const { reason, rest } = splitReason(msg);
  const m = /^Kill process (\d{1,10}) \((.{0,64})\) score (-?\d{1,10}) or (?:sacrifice|a) child/.exec(rest);
  if (m && m[2] !== undefined) return { reason, pid: Number(m[1]), comm: m[2], score: safeInt(m[3]) };
  const bare = /^Kill process (\d{1,10}) \((.{0,64})\)/.exec(rest);
  if (bare && bare[2] !== undefined) return { reason, pid: Number(bare[1]), comm: bare[2], score: null };
  return null;
}

export function isNoKillableLine(msg: string): boolean {
  return msg.startsWith('Out of memory and no killable processes');
}

/** `Tasks in <path> are going to be killed due to memory.oom.group set` (4.19+). */
export function parseOomGroupLine(msg: string): string | null {
  const m = /^Tasks in (.{1,4096}) are going to be killed due to memory\.oom\.group set/.exec(msg);
  return m?.[1] ?? null;
}

export interface ReaperLine {
  pid: number;
  comm: string | null;
  anonRssBytes: number | null;
  fileRssBytes: number | null;
  shmemRssBytes: number | null;
  reaped: boolean;
}

/** `oom_reaper: reaped process N (comm), now anon-rss:0kB, file-rss:0kB, shmem-rss:32kB`, or `unable to reap pid:N (comm)`. */
export function parseReaperLine(msg: string): ReaperLine | null {
  if (!msg.startsWith('oom_reaper: ')) return null;
  const r = /^oom_reaper: reaped process (\d{1,10}) \((.{0,64})\), now anon-rss:(\d{1,20})kB, file-rss:(\d{1,20})kB, shmem-rss:(\d{1,20})kB/.exec(msg);
  if (r && r[2] !== undefined) {
    return { pid: Number(r[1]), comm: r[2], anonRssBytes: kibToBytes(r[3]), fileRssBytes: kibToBytes(r[4]), shmemRssBytes: kibToBytes(r[5]), reaped: true };
  }
  const u = /^oom_reaper: unable to reap pid:(\d{1,10}) \((.{0,64})\)/.exec(msg);
  if (u) return { pid: Number(u[1]), comm: u[2] ?? null, anonRssBytes: null, fileRssBytes: null, shmemRssBytes: null, reaped: false };
  return null;
}

/** `<comm>: page allocation failure: order:N, mode:0x…(GFP_…)` (warn_alloc). */
export function parseAllocationFailure(msg: string): { comm: string; order: number | null; gfpMask: string | null } | null {
  const at = msg.indexOf(': page allocation failure: ');
  if (at <= 0 || at > 64) return null;
  const tail = msg.slice(at);
  const order = /order:(\d{1,3})/.exec(tail);
  const mode = /mode:(0x[0-9a-fA-F]+)/.exec(tail);
  return { comm: msg.slice(0, at), order: safeInt(order?.[1]), gfpMask: mode?.[1] ?? null };
}

export function isMemcgOomLine(msg: string): boolean {
  return msg.startsWith('Memory cgroup out of memory');
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
