// One OOM report while it is being read: the facts so far, and the rules that turn them into an
// `OomEvent` when the report ends (victim fallbacks, kind from evidence, what is missing).
// Sample of the lines it collects (kernel 6.18, cgroup v1):
//   memory: usage 131072kB, limit 131072kB, failcnt 35
//   Memory cgroup stats for /oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48:
//   oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/oomlab/…,task=api-server,pid=21065,uid=0
import type { LogRecord } from './log-records';
import type { CounterLine, KilledLine } from './oom-messages';
import type { TaskRow } from './oom-tables';
import type { OomCgroupStats, OomEvent, OomKind, OomMemcgCounters, OomReportPart, OomTask, OomVictim, VictimSource } from './oom-types';

/** Order of a report's parts as dump_header/oom_kill_process print them; a step back starts a new report. */
export const Stage = {
  invoked: 0,
  header: 1,
  trace: 2,
  taskIn: 3,
  counters: 4,
  stats: 5,
  tasks: 6,
  oomKill: 7,
  chosen: 8,
  killed: 9,
  after: 10,
} as const;

export const MAX_TASKS_PER_REPORT = 100_000;
const MAX_STATS_ENTRIES = 512;
const MAX_STAT_KEYS = 2048;

export function emptyCounters(line: number): OomMemcgCounters {
  return {
    usageBytes: null,
    limitBytes: null,
    failcnt: null,
    memswUsageBytes: null,
    memswLimitBytes: null,
    memswFailcnt: null,
    kmemUsageBytes: null,
    kmemLimitBytes: null,
    kmemFailcnt: null,
    swapUsageBytes: null,
    swapLimitBytes: null,
    swapFailcnt: null,
    unlimited: [],
    line,
  };
}

export function victimFromKilled(k: KilledLine, line: number): OomVictim {
  return {
    pid: k.pid,
    comm: k.comm,
    uid: k.uid,
    totalVmBytes: k.totalVmBytes,
    anonRssBytes: k.anonRssBytes,
    fileRssBytes: k.fileRssBytes,
    shmemRssBytes: k.shmemRssBytes,
    oomScoreAdj: k.oomScoreAdj,
    score: null,
    pgtablesBytes: k.pgtablesBytes,
    source: 'killed-line',
    line,
  };
}

function bareVictim(pid: number, comm: string, source: VictimSource, line: number): OomVictim {
  return {
    pid,
    comm,
    uid: null,
    totalVmBytes: null,
    anonRssBytes: null,
    fileRssBytes: null,
    shmemRssBytes: null,
    oomScoreAdj: null,
    score: null,
    pgtablesBytes: null,
    source,
    line,
  };
}

// Column sets of the task table by kernel, for rows shown without their header line.
const COLUMNS_3X = ['uid', 'tgid', 'total_vm', 'rss', 'nr_ptes', 'swapents', 'oom_score_adj'];
const COLUMNS_4X = ['uid', 'tgid', 'total_vm', 'rss', 'nr_ptes', 'nr_pmds', 'swapents', 'oom_score_adj'];
const COLUMNS_419 = ['uid', 'tgid', 'total_vm', 'rss', 'pgtables_bytes', 'swapents', 'oom_score_adj'];
const COLUMNS_6X = ['uid', 'tgid', 'total_vm', 'rss', 'rss_anon', 'rss_file', 'rss_shmem', 'pgtables_bytes', 'swapents', 'oom_score_adj'];

/** Header columns for a row printed without its header, from the count (and size) of its numbers. */
export function inferColumns(values: (number | null)[]): string[] | null {
  if (values.length === 8) return COLUMNS_4X;
  if (values.length === 10) return COLUMNS_6X;
  if (values.length === 7) {
    // pgtables_bytes (4.15+) is a byte count in whole pages; nr_ptes (3.x) is a small page count.
    const fifth = values[4] ?? 0;
    return fifth >= 4096 && fifth % 4096 === 0 ? COLUMNS_419 : COLUMNS_3X;
  }
  return null;
}

const COLUMN_FIELDS: Record<string, keyof OomTask> = {
  uid: 'uid',
  tgid: 'tgid',
  total_vm: 'totalVmPages',
  rss: 'rssPages',
  pgtables_bytes: 'pgtablesBytes',
  swapents: 'swapents',
  oom_score_adj: 'oomScoreAdj',
  nr_ptes: 'nrPtesPages',
  nr_pmds: 'nrPmdsPages',
  rss_anon: 'rssAnonPages',
  rss_file: 'rssFilePages',
  rss_shmem: 'rssShmemPages',
};

export function taskFromRow(row: TaskRow, columns: string[], line: number): OomTask {
  const task: OomTask = {
    pid: row.pid,
    uid: null,
    tgid: null,
    totalVmPages: null,
    rssPages: null,
    pgtablesBytes: null,
    swapents: null,
    oomScoreAdj: null,
    name: row.name,
    line,
  };
  const record = task as unknown as Record<string, number | null | Record<string, number>>;
  for (let i = 0; i < row.values.length; i++) {
    const column = columns[i];
    if (column === undefined || column === 'name') continue;
    const value = row.values[i] ?? null;
    const field = Object.prototype.hasOwnProperty.call(COLUMN_FIELDS, column) ? COLUMN_FIELDS[column] : undefined;
    if (field !== undefined) record[field] = value;
    else if (value !== null) {
      task.otherColumns ??= Object.create(null) as Record<string, number>;
      task.otherColumns[column] = value;
    }
  }
  if (task.otherColumns) task.otherColumns = { ...task.otherColumns };
  return task;
}

export class OomDraft {
  readonly event: OomEvent;
  stage: number = Stage.invoked;
  lastLine: number;
  lastUptime: number | null;
  /** Kernel lines since the last line of this report. */
  foreignLines = 0;
  elisionPending = false;
  lineCount = 0;
  mode: 'none' | 'block-stats' | 'meminfo' = 'none';
  currentStats: OomCgroupStats | null = null;
  currentStatKeys = 0;
  taskColumns: string[] | null = null;
  tasksStateSeen = false;
  /** A `Killed process` line, `no killable processes`, or a reaper line ended the kill part. */
  killed = false;
  hasInvoked = false;
  rowsInferred = false;
  tasksDropped = 0;
  /** False while the report is only task rows (a lone row is not yet an OOM report). */
  oomSpecific = false;
  readonly counterNames = new Set<string>();
  private readonly memcgEvidence: string[] = [];
  private readonly globalEvidence: string[] = [];
  private readonly otherEvidence: string[] = [];

  constructor(rec: LogRecord) {
    this.lastLine = rec.lineEnd;
    this.lastUptime = rec.time?.uptimeSeconds ?? null;
    this.event = {
      kind: 'other',
      lines: { start: rec.line, end: rec.lineEnd },
      time: rec.time,
      host: rec.host,
      trigger: null,
      constraint: null,
      oomMemcg: null,
      taskMemcg: null,
      memcg: null,
      cgroupStats: [],
      tasks: [],
      victim: null,
      reaped: null,
      kindEvidence: [],
      chosen: null,
      oomKillTask: null,
      cpuset: null,
      memsAllowed: null,
      kernelRelease: null,
      oomGroupMemcg: null,
      groupKills: [],
      noKillableProcesses: false,
      memInfoPages: {},
      missing: [],
      elided: false,
      cutLines: [],
    };
  }

  touch(rec: LogRecord): void {
    this.lastLine = rec.lineEnd;
    this.event.lines.end = rec.lineEnd;
    if (rec.time?.uptimeSeconds != null) this.lastUptime = rec.time.uptimeSeconds;
    if (this.event.time === null && rec.time !== null) this.event.time = rec.time;
    if (this.event.host === null && rec.host !== null) this.event.host = rec.host;
    this.foreignLines = 0;
    this.elisionPending = false;
    this.lineCount++;
  }

  evidence(kind: OomKind, what: string): void {
    const list = kind === 'memcg' ? this.memcgEvidence : kind === 'global' ? this.globalEvidence : this.otherEvidence;
    if (!list.includes(what)) list.push(what);
  }

  markCut(line: number): void {
    if (!this.event.cutLines.includes(line)) this.event.cutLines.push(line);
  }

  counter(c: CounterLine, line: number): void {
    const m = (this.event.memcg ??= emptyCounters(line));
    this.counterNames.add(c.name);
    if (c.unlimited) m.unlimited.push(c.name);
    if (c.name === 'memory') {
      m.usageBytes = c.usageBytes;
      m.limitBytes = c.limitBytes;
      m.failcnt = c.failcnt;
      m.line = line;
    } else if (c.name === 'memory+swap') {
      m.memswUsageBytes = c.usageBytes;
      m.memswLimitBytes = c.limitBytes;
      m.memswFailcnt = c.failcnt;
    } else if (c.name === 'kmem') {
      m.kmemUsageBytes = c.usageBytes;
      m.kmemLimitBytes = c.limitBytes;
      m.kmemFailcnt = c.failcnt;
    } else {
      m.swapUsageBytes = c.usageBytes;
      m.swapLimitBytes = c.limitBytes;
      m.swapFailcnt = c.failcnt;
    }
  }

  addStats(entry: OomCgroupStats): boolean {
    if (this.event.cgroupStats.length >= MAX_STATS_ENTRIES) return false;
    this.event.cgroupStats.push(entry);
    return true;
  }

  addStat(key: string, value: number | null, text: string): void {
    const s = this.currentStats;
    if (!s || this.currentStatKeys >= MAX_STAT_KEYS) return;
    if (Object.prototype.hasOwnProperty.call(s.stats, key) || Object.prototype.hasOwnProperty.call(s.statsText, key)) return;
    this.currentStatKeys++;
    if (value === null) s.statsText[key] = text;
    else s.stats[key] = value;
  }

  addTask(task: OomTask): void {
    if (this.event.tasks.length >= MAX_TASKS_PER_REPORT) this.tasksDropped++;
    else this.event.tasks.push(task);
  }

  /** Settles kind, victim fallbacks and the list of missing parts. */
  finish(): OomEvent {
    const e = this.event;
    for (const s of e.cgroupStats) {
      s.stats = { ...s.stats };
      s.statsText = { ...s.statsText };
    }
    e.memInfoPages = { ...e.memInfoPages };
    if (e.victim === null) {
      if (e.oomKillTask?.pid != null && e.oomKillTask.comm !== null) {
        e.victim = bareVictim(e.oomKillTask.pid, e.oomKillTask.comm, 'oom-kill-line', e.oomKillTask.line);
      } else if (e.chosen) {
        e.victim = bareVictim(e.chosen.pid, e.chosen.comm, 'kill-process-line', e.chosen.line);
      } else if (e.reaped && e.reaped.comm !== null) {
        e.victim = bareVictim(e.reaped.pid, e.reaped.comm, 'oom-reaper', e.reaped.line);
      }
    }
    const v = e.victim;
    if (v) {
      if (v.score === null && e.chosen?.pid === v.pid) v.score = e.chosen.score;
      if (v.uid === null && e.oomKillTask?.pid === v.pid) v.uid = e.oomKillTask.uid;
    }
    const constraint = e.constraint ?? '';
    if (constraint === 'CONSTRAINT_CPUSET' || constraint === 'CONSTRAINT_MEMORY_POLICY') this.evidence('other', `constraint=${constraint}`);
    if (this.memcgEvidence.length > 0) {
      e.kind = 'memcg';
      e.kindEvidence = [...this.memcgEvidence];
    } else if (this.otherEvidence.length > 0) {
      e.kind = 'other';
      e.kindEvidence = [...this.otherEvidence];
    } else if (this.globalEvidence.length > 0) {
      e.kind = 'global';
      e.kindEvidence = [...this.globalEvidence];
    } else {
      e.kind = 'other';
      e.kindEvidence = [];
    }
    const missing: OomReportPart[] = [];
    if (!this.hasInvoked) missing.push('invocation');
    if (!e.noKillableProcesses && (e.victim === null || e.victim.source !== 'killed-line')) missing.push('kill');
    if (e.kind === 'memcg' && (e.memcg === null || e.memcg.usageBytes === null)) missing.push('memcg-usage');
    if (e.tasks.length === 0 && this.taskColumns === null) missing.push('task-table');
    e.missing = missing;
    e.cutLines.sort((a, b) => a - b);
    return e;
  }
}
