// The `kernel-log` data shape (cli-contract.md "kernel-log data"): field names are the contract's;
// fields beyond it are extensions (allowed), never renames. Memory figures are bytes, except the
// task table, which the kernel prints in pages ("Tasks state (memory values in pages)").

/** A line's time as written, plus seconds since boot where the line carries them (dmesg, kmsg). */
export interface KernelTime {
  raw: string;
  uptimeSeconds: number | null;
}

export type OomKind = 'memcg' | 'global' | 'other';

export interface LineRange {
  start: number;
  end: number;
}

/** `<comm> invoked oom-killer: gfp_mask=…, order=…, oom_score_adj=…` and the `CPU: … PID: … Comm:` line. */
export interface OomTrigger {
  comm: string | null;
  pid: number | null;
  gfpMask: string | null;
  order: number | null;
  oomScoreAdj: number | null;
  /** The flag names after the mask, e.g. `GFP_KERNEL`. */
  gfpFlags: string | null;
  line: number;
}

/** `memory: usage …kB, limit …kB, failcnt …` and its `memory+swap:`, `kmem:`, `swap:` siblings. */
export interface OomMemcgCounters {
  usageBytes: number | null;
  limitBytes: number | null;
  failcnt: number | null;
  /** cgroup v1 `memory+swap:`. */
  memswUsageBytes: number | null;
  memswLimitBytes: number | null;
  memswFailcnt: number | null;
  /** cgroup v1 `kmem:`. */
  kmemUsageBytes: number | null;
  kmemLimitBytes: number | null;
  kmemFailcnt: number | null;
  /** cgroup v2 `swap:`. */
  swapUsageBytes: number | null;
  swapLimitBytes: number | null;
  swapFailcnt: number | null;
  /** Counters whose limit is the "no limit" sentinel (`memory`, `memory+swap`, `kmem`, `swap`); their limit is null. */
  unlimited: string[];
  line: number;
}

export interface OomCgroupStats {
  /** null for the pre-5.0 cgroup2 form, which prints memory.stat without a path. */
  path: string | null;
  /** Bytes for memory sizes; event counters (pgfault, workingset_*, thp_*…) stay counts. Kernel names. */
  stats: Record<string, number>;
  /** Values that are not safe integers (e.g. v1 `hierarchical_memsw_limit 9223372036854771712`), as written. */
  statsText: Record<string, string>;
  form: 'v1-line' | 'block';
  line: number;
}

/** One row of `Tasks state (memory values in pages)`. */
export interface OomTask {
  pid: number;
  uid: number | null;
  tgid: number | null;
  totalVmPages: number | null;
  rssPages: number | null;
  pgtablesBytes: number | null;
  swapents: number | null;
  oomScoreAdj: number | null;
  name: string;
  /** 3.x/4.x column `nr_ptes` (page-table pages). */
  nrPtesPages?: number | null;
  /** 4.x column `nr_pmds`. */
  nrPmdsPages?: number | null;
  /** 6.x columns `rss_anon rss_file rss_shmem`. */
  rssAnonPages?: number | null;
  rssFilePages?: number | null;
  rssShmemPages?: number | null;
  /** Columns this parser does not know, by header name. */
  otherColumns?: Record<string, number>;
  line: number;
}

export type VictimSource = 'killed-line' | 'kill-process-line' | 'oom-kill-line' | 'oom-reaper';

/** `Killed process N (comm) total-vm:…kB, anon-rss:…kB, file-rss:…kB, shmem-rss:…kB, UID:… pgtables:…kB oom_score_adj:…`. */
export interface OomVictim {
  pid: number;
  comm: string;
  uid: number | null;
  totalVmBytes: number | null;
  anonRssBytes: number | null;
  fileRssBytes: number | null;
  shmemRssBytes: number | null;
  oomScoreAdj: number | null;
  /** From `Kill process N (x) score S or sacrifice child` when N is the killed PID. */
  score: number | null;
  pgtablesBytes: number | null;
  /** Which line named the victim: the kill line itself, or (when it is missing) an earlier/later one. */
  source: VictimSource;
  line: number;
}

/** `Kill process N (comm) score S or sacrifice child` (3.x/4.x): the task chosen, which may differ from the one killed. */
export interface OomChosen {
  pid: number;
  comm: string;
  score: number | null;
  line: number;
}

/** `oom-kill:constraint=…,task=…,pid=…,uid=…` (4.19+). */
export interface OomKillTask {
  comm: string | null;
  pid: number | null;
  uid: number | null;
  line: number;
}

/** `oom_reaper: reaped process N (comm), now anon-rss:…kB, file-rss:…kB, shmem-rss:…kB`. */
export interface OomReaped {
  pid: number;
  comm: string | null;
  anonRssBytes: number | null;
  fileRssBytes: number | null;
  shmemRssBytes: number | null;
  line: number;
}

/** Parts a complete report has; listed in `missing` when the text lacks them. */
export type OomReportPart = 'invocation' | 'kill' | 'memcg-usage' | 'task-table';

export interface OomEvent {
  kind: OomKind;
  lines: LineRange;
  time: KernelTime | null;
  host: string | null;
  trigger: OomTrigger | null;
  constraint: string | null;
  oomMemcg: string | null;
  taskMemcg: string | null;
  memcg: OomMemcgCounters | null;
  cgroupStats: OomCgroupStats[];
  tasks: OomTask[];
  victim: OomVictim | null;
  reaped: OomReaped | null;
  /** What decided `kind` (e.g. `constraint=CONSTRAINT_MEMCG`, `oom_memcg`, `call-trace:mem_cgroup_out_of_memory`). */
  kindEvidence: string[];
  chosen: OomChosen | null;
  oomKillTask: OomKillTask | null;
  /** `cpuset=` and `mems_allowed=` of the oom-kill line (or of the 4.x `<comm> cpuset=… mems_allowed=…` line). */
  cpuset: string | null;
  memsAllowed: string | null;
  /** From the `CPU: … Comm: … Tainted: … <release>` line. */
  kernelRelease: string | null;
  /** memory.oom.group: `Tasks in <path> are going to be killed due to memory.oom.group set`. */
  oomGroupMemcg: string | null;
  /** Every `Killed process` line after the first one of this report (memory.oom.group kills each task). */
  groupKills: OomVictim[];
  /** `Out of memory and no killable processes...`: this invocation killed nothing. */
  noKillableProcesses: boolean;
  /** Global OOM `Mem-Info:` counters (pages), as printed. */
  memInfoPages: Record<string, number>;
  /** Parts of the report the text lacks. */
  missing: OomReportPart[];
  /** An elision marker (`...`, `[...]`, `<snip>`) sits inside the report. */
  elided: boolean;
  /** Lines of this report whose text was cut short (terminal width, mail, printk limit). */
  cutLines: number[];
}

export type KernelEventType = 'page-allocation-failure' | 'oom-reaper' | 'memcg-oom';

/** Memory-related kernel lines outside a full OOM report. */
export interface KernelMemoryEvent {
  type: KernelEventType;
  line: number;
  time: KernelTime | null;
  host: string | null;
  comm: string | null;
  pid: number | null;
  order: number | null;
  gfpMask: string | null;
  /** The message, without its line prefix (at most 500 characters). */
  text: string;
}

export type LinePrefixStyle = 'dmesg' | 'dmesg-T' | 'syslog' | 'journal-iso' | 'journal-precise' | 'journal-monotonic' | 'kmsg' | 'dmesg-iso' | 'none';

export interface KernelLogData {
  oomEvents: OomEvent[];
  otherEvents: KernelMemoryEvent[];
  /** Lines by prefix style, e.g. `{ "dmesg": 78 }`, of the lines read; lines that are empty are not counted. */
  prefixStyles: Partial<Record<LinePrefixStyle, number>>;
  lineCount: number;
  /**
   * Lines skimmed, not read: a streamed file's runs of lines far from any OOM or memory message
   * (kernel-log.ts KERNEL_LOG_ANCHORS). Absent when every line was read. `prefixStyles` and the
   * "records run together" warning cover the lines read only.
   */
  skimmedLineCount?: number;
}
