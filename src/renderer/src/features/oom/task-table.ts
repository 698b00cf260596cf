// Pure: the report's task table as rows to show and sort. Reads `OomEvent.tasks`, the kernel's
// "Tasks state (memory values in pages)" rows, e.g.
//   [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
//   [ 212336]  1001 212336     1095      184    49152        0           873 tini
//   [ 212425]  1001 212425  4025962  1985479 16760832        0           873 java
import { qosFromOomScoreAdj, TASK_TABLE_PAGE_BYTES, type OomEvent, type OomTask } from '../../../../core';

export type QosFromAdj = NonNullable<ReturnType<typeof qosFromOomScoreAdj>>;

export interface TaskRow {
  pid: number;
  tgid: number | null;
  uid: number | null;
  name: string;
  rssBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  swapBytes: number | null;
  pgtablesBytes: number | null;
  oomScoreAdj: number | null;
  qos: QosFromAdj | null;
  /** The task the OOM killer killed (the "Killed process" line, or the line that stood for it). */
  victim: boolean;
  /** Killed as well, by memory.oom.group. */
  groupKilled: boolean;
  line: number;
}

export type TaskSortKey = 'rss' | 'pid' | 'name' | 'adj';
export type SortDirection = 'asc' | 'desc';

function pagesToBytes(pages: number | null | undefined): number | null {
  if (pages === null || pages === undefined) return null;
  const bytes = pages * TASK_TABLE_PAGE_BYTES;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** The kernel kills a process (thread group): a row is that process when its pid or tgid is the killed PID. */
function isProcess(task: OomTask, pid: number): boolean {
  return task.pid === pid || task.tgid === pid;
}

export function taskRows(event: OomEvent): TaskRow[] {
  const victimPid = event.victim?.pid ?? null;
  const groupPids = event.groupKills.map((k) => k.pid);
  return event.tasks.map((t) => ({
    pid: t.pid,
    tgid: t.tgid,
    uid: t.uid,
    name: t.name,
    rssBytes: pagesToBytes(t.rssPages),
    rssAnonBytes: pagesToBytes(t.rssAnonPages),
    rssFileBytes: pagesToBytes(t.rssFilePages),
    rssShmemBytes: pagesToBytes(t.rssShmemPages),
    swapBytes: pagesToBytes(t.swapents),
    pgtablesBytes: t.pgtablesBytes,
    oomScoreAdj: t.oomScoreAdj,
    qos: qosFromOomScoreAdj(t.oomScoreAdj),
    victim: victimPid !== null && isProcess(t, victimPid),
    groupKilled: groupPids.some((pid) => isProcess(t, pid)),
    line: t.line,
  }));
}

/** Whether any row has the 6.x `rss_anon rss_file rss_shmem` split. */
export function hasRssSplit(rows: readonly TaskRow[]): boolean {
  return rows.some((r) => r.rssAnonBytes !== null || r.rssFileBytes !== null || r.rssShmemBytes !== null);
}

function compareNullable(a: number | null, b: number | null, dir: SortDirection): number {
  // Unknown values sort last in either direction.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return dir === 'asc' ? a - b : b - a;
}

/** A sorted copy; ties keep the kernel's order (by pid), so the result is stable. */
export function sortTasks(rows: readonly TaskRow[], key: TaskSortKey, dir: SortDirection): TaskRow[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((x, y) => {
    const a = x.row;
    const b = y.row;
    let c: number;
    if (key === 'rss') c = compareNullable(a.rssBytes, b.rssBytes, dir);
    else if (key === 'pid') c = dir === 'asc' ? a.pid - b.pid : b.pid - a.pid;
    else if (key === 'adj') c = compareNullable(a.oomScoreAdj, b.oomScoreAdj, dir);
    else c = dir === 'asc' ? a.name.localeCompare(b.name) : b.name.localeCompare(a.name);
    return c || x.i - y.i;
  });
  return indexed.map((x) => x.row);
}

/** The direction a column sorts in first: big numbers first for RSS and adj, A→Z and low PIDs first. */
export function defaultDirection(key: TaskSortKey): SortDirection {
  return key === 'rss' || key === 'adj' ? 'desc' : 'asc';
}

/** Rows shown before "show all": the victim stays visible even when it is not among the first. */
export function visibleRows(sorted: readonly TaskRow[], cap: number, showAll: boolean): TaskRow[] {
  if (showAll || sorted.length <= cap) return [...sorted];
  const head = sorted.slice(0, cap);
  const missing = sorted.filter((r, i) => i >= cap && (r.victim || r.groupKilled));
  return [...head, ...missing];
}
