// One OOM-report message at a time (prefix already stripped), as mm/oom_kill.c and
// mm/memcontrol.c print them from 3.10 to 6.x. Each parser takes the message and returns the
// facts or null; none throws. Samples:
//   oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/a,task_memcg=/a/b,task=java,pid=1,uid=0
//   Memory cgroup out of memory: Killed process 1 (java) total-vm:60768kB, anon-rss:48640kB, file-rss:5936kB, shmem-rss:0kB, UID:0 pgtables:152kB oom_score_adj:999
//   memory: usage 131072kB, limit 131072kB, failcnt 35
import { kibToBytes, safeInt, UNLIMITED_KIB } from './oom-numbers';

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
