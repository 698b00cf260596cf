// The few figures a reader wants first from one OOM event (for the CLI's Markdown and the UI's list),
// as plain data: no words, so each shell renders them in its own language. Reads an `OomEvent`, e.g.
//   kind memcg, oomMemcg /kubepods/…/pod8053180c…, memory: usage 131072kB, limit 131072kB
//   Memory cgroup stats for …: total_rss 49930240, total_shmem 83886080
//   Killed process 21065 (api-server) anon-rss:48640kB, file-rss:5936kB, shmem-rss:0kB
import type { OomEvent, OomKind, OomReportPart } from './oom-types';

/** Task-table values are pages of this size (the kernel's PAGE_SIZE on x86-64 and most arm64 nodes). */
export const TASK_TABLE_PAGE_BYTES = 4096;

export interface OomTaskSummary {
  pid: number;
  name: string;
  rssBytes: number | null;
  oomScoreAdj: number | null;
}

export interface OomEventSummary {
  kind: OomKind;
  lineStart: number;
  lineEnd: number;
  time: string | null;
  host: string | null;
  /** The cgroup whose limit was hit (`oom_memcg`), or null (global OOM, or not in the text). */
  scope: string | null;
  triggerComm: string | null;
  victimPid: number | null;
  victimComm: string | null;
  /** anon + file + shmem RSS of the victim at the kill; null unless all three are known. */
  victimRssBytes: number | null;
  victimAnonRssBytes: number | null;
  victimShmemRssBytes: number | null;
  usageBytes: number | null;
  limitBytes: number | null;
  /** usage ÷ limit, in [0, …]; null without both. */
  usageShareOfLimit: number | null;
  /** From the OOM cgroup's `Memory cgroup stats` (hierarchical `total_*` where printed): anon/rss, file/cache, shmem. */
  statsAnonBytes: number | null;
  statsFileBytes: number | null;
  statsShmemBytes: number | null;
  taskCount: number;
  /** Sum of the task table's rss column in bytes; null without a task table. */
  tasksRssBytes: number | null;
  /** Largest tasks by rss, at most five. */
  topTasks: OomTaskSummary[];
  groupKillCount: number;
  noKillableProcesses: boolean;
  missing: OomReportPart[];
}

function stat(stats: Record<string, number> | undefined, ...keys: string[]): number | null {
  if (!stats) return null;
  for (const key of keys) {
    const v = stats[key];
    if (typeof v === 'number') return v;
  }
  return null;
}

function pagesToBytes(pages: number | null): number | null {
  if (pages === null) return null;
  const bytes = pages * TASK_TABLE_PAGE_BYTES;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

export function summariseOomEvent(event: OomEvent): OomEventSummary {
  const v = event.victim;
  const m = event.memcg;
  const entry = event.cgroupStats.find((s) => s.path !== null && s.path === event.oomMemcg) ?? event.cgroupStats[0];
  const stats = entry?.stats;
  const rss = v && v.anonRssBytes !== null && v.fileRssBytes !== null && v.shmemRssBytes !== null ? v.anonRssBytes + v.fileRssBytes + v.shmemRssBytes : null;
  const usage = m?.usageBytes ?? null;
  const limit = m?.limitBytes ?? null;
  let tasksRss: number | null = event.tasks.length > 0 ? 0 : null;
  for (const t of event.tasks) {
    const b = pagesToBytes(t.rssPages);
    if (tasksRss !== null && b !== null) tasksRss += b;
  }
  const topTasks = event.tasks
    .map((t) => ({ pid: t.pid, name: t.name, rssBytes: pagesToBytes(t.rssPages), oomScoreAdj: t.oomScoreAdj }))
    .sort((a, b) => (b.rssBytes ?? -1) - (a.rssBytes ?? -1))
    .slice(0, 5);
  return {
    kind: event.kind,
    lineStart: event.lines.start,
    lineEnd: event.lines.end,
    time: event.time?.raw ?? null,
    host: event.host,
    scope: event.oomMemcg,
    triggerComm: event.trigger?.comm ?? null,
    victimPid: v?.pid ?? null,
    victimComm: v?.comm ?? null,
    victimRssBytes: rss,
    victimAnonRssBytes: v?.anonRssBytes ?? null,
    victimShmemRssBytes: v?.shmemRssBytes ?? null,
    usageBytes: usage,
    limitBytes: limit,
    usageShareOfLimit: usage !== null && limit !== null && limit > 0 ? usage / limit : null,
    // v1 prints rss/cache (and total_* in the 6.x block form); v2 prints anon/file.
    statsAnonBytes: stat(stats, 'total_rss', 'rss', 'anon'),
    statsFileBytes: stat(stats, 'total_cache', 'cache', 'file'),
    statsShmemBytes: stat(stats, 'total_shmem', 'shmem'),
    taskCount: event.tasks.length,
    tasksRssBytes: tasksRss,
    topTasks,
    groupKillCount: event.groupKills.length,
    noKillableProcesses: event.noKillableProcesses,
    missing: [...event.missing],
  };
}
