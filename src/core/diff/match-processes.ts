// Processes of one group across two snapshots, matched by name (and command line where the input
// has one): a restarted process keeps its name but gets a new PID.
import type { ProcessInfo } from '../model/memory-group';
import type { ProcessDiff, ProcessSide } from './diff-types';

/** ProcessInfo, with the command line some inputs give (`/proc/<pid>/cmdline`, `ps -o args`). */
type ProcessWithCommand = ProcessInfo & { command?: string | null };

function commandOf(p: ProcessWithCommand): string | null {
  return typeof p.command === 'string' && p.command !== '' ? p.command : null;
}

function identity(p: ProcessWithCommand): string {
  const name = p.name ?? `pid ${p.pid}`;
  const command = commandOf(p);
  return command === null ? name : `${name}\u0000${command}`;
}

function side(p: ProcessInfo): ProcessSide {
  return {
    pid: p.pid,
    rssBytes: p.rssBytes,
    rssAnonBytes: p.rssAnonBytes,
    rssFileBytes: p.rssFileBytes,
    rssShmemBytes: p.rssShmemBytes,
    swapBytes: p.swapBytes,
  };
}

function sub(after: number | null | undefined, before: number | null | undefined): number | null {
  const a = after === undefined ? 0 : after;
  const b = before === undefined ? 0 : before;
  return a === null || b === null ? null : a - b;
}

function diffOf(before: ProcessWithCommand | null, after: ProcessWithCommand | null): ProcessDiff {
  const any = (after ?? before) as ProcessWithCommand;
  const b = before ? side(before) : null;
  const a = after ? side(after) : null;
  return {
    name: any.name ?? `pid ${any.pid}`,
    command: commandOf(any),
    status: before && after ? 'matched' : after ? 'appeared' : 'vanished',
    pidChanged: before !== null && after !== null && before.pid !== after.pid,
    renamedFrom: before && after && identity(before) !== identity(after) ? (before.name ?? `pid ${before.pid}`) : null,
    before: b,
    after: a,
    delta: {
      rssBytes: sub(a?.rssBytes, b?.rssBytes),
      rssAnonBytes: sub(a?.rssAnonBytes, b?.rssAnonBytes),
      rssFileBytes: sub(a?.rssFileBytes, b?.rssFileBytes),
      rssShmemBytes: sub(a?.rssShmemBytes, b?.rssShmemBytes),
      swapBytes: sub(a?.swapBytes, b?.swapBytes),
    },
  };
}

/** Pairs processes by identity: the same PID first, then in order of RSS, largest first. */
export function diffProcesses(before: readonly ProcessInfo[], after: readonly ProcessInfo[]): ProcessDiff[] {
  const byRss = (x: ProcessInfo, y: ProcessInfo): number => (y.rssBytes ?? -1) - (x.rssBytes ?? -1) || x.pid - y.pid;
  const sortedAfter = [...after].sort(byRss);
  const pending = new Map<string, ProcessWithCommand[]>();
  for (const p of [...before].sort(byRss)) {
    const id = identity(p);
    const list = pending.get(id);
    if (list) list.push(p);
    else pending.set(id, [p]);
  }
  const take = (p: ProcessInfo, samePidOnly: boolean): ProcessWithCommand | null => {
    const list = pending.get(identity(p));
    if (!list || list.length === 0) return null;
    const i = list.findIndex((q) => q.pid === p.pid);
    if (i < 0 && samePidOnly) return null;
    return list.splice(i >= 0 ? i : 0, 1)[0] ?? null;
  };
  const matches = new Map<ProcessInfo, ProcessWithCommand | null>();
  for (const p of sortedAfter) matches.set(p, take(p, true));
  for (const p of sortedAfter) if (matches.get(p) === null) matches.set(p, take(p, false));
  // Same PID under another name: the process exec'd (dirty-writeback lab: image-importer → dd).
  const leftovers = [...pending.values()].flat();
  for (const p of sortedAfter) {
    if (matches.get(p) !== null) continue;
    const i = leftovers.findIndex((q) => q.pid === p.pid);
    if (i >= 0) matches.set(p, leftovers.splice(i, 1)[0] ?? null);
  }
  const out = sortedAfter.map((p) => diffOf(matches.get(p) ?? null, p));
  for (const p of leftovers) out.push(diffOf(p, null));
  return out;
}
