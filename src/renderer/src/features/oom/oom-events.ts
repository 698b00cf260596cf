// Pure: the OOM events of a bundle, as the OOM events tab shows them, from the stored parse results
// (FileRecord.data of `kernel-log` files; nothing is parsed again). One report often sits in two
// files of one capture (dmesg.txt and dmesg-T.txt): it is shown once, with a link to each file, and
// takes its wall-clock time from whichever copy has one. Sample of a stored event (kernel-log data):
//   { kind: 'memcg', lines: { start: 1, end: 78 }, time: { raw: '1515.710152', uptimeSeconds: 1515.710152 },
//     oomMemcg: '/oomlab/kubepods/burstable/pod8053180c-…', memcg: { usageBytes: 134217728, limitBytes: 134217728, … },
//     victim: { pid: 21065, comm: 'api-server', … }, tasks: [ … ], cgroupStats: [ … ] }
import { dedupeOomEvents, groupDisplayName, headlineForOomEvent, oomEventsOf, type AnalysisFile, type Headline, type LocatedOomEvent, type OomEvent, type Snapshot } from '../../../../core';
import { groupForCgroupPath, snapshotOfEvent } from '../../../../core/rules/oom-facts';
import { wallClockOf } from './timeline';

export interface OomEventCopy {
  /** Bundle path of a file holding the report. */
  file: string;
  lines: OomEvent['lines'];
}

export interface OomEventView {
  /** Stable within a bundle: the first copy's file and first line. */
  id: string;
  /** The report as parsed from its first copy. */
  event: OomEvent;
  /** Every file holding this report, in bundle order. */
  copies: OomEventCopy[];
  /** The time as written in a copy that has a wall-clock time, else as written in the first copy. */
  timeRaw: string | null;
  wallMs: number | null;
  /** False when the wall-clock time came from a syslog line, which has no year. */
  yearKnown: boolean;
  uptimeSeconds: number | null;
  /** The snapshot captured with the log (same sub-folder), which names the cgroups. */
  snapshot: Snapshot | null;
  /** `ml/api-7f8c9d6b5-h7j2k` for the cgroup whose limit was hit, when the snapshot knows it. */
  scopeName: string | null;
  headline: Headline;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Two located events are one report seen twice: different files of one folder, same report (core's dedupe key). */
function sameReport(a: LocatedOomEvent, b: LocatedOomEvent): boolean {
  if (a.file === b.file || folderOf(a.file) !== folderOf(b.file)) return false;
  return dedupeOomEvents([a, b]).length === 1;
}

/** Groups located events into reports: each group holds one report's copies, at most one per file. */
export function groupCopies(located: readonly LocatedOomEvent[]): LocatedOomEvent[][] {
  const groups: LocatedOomEvent[][] = [];
  const byFolder = new Map<string, LocatedOomEvent[][]>();
  for (const l of located) {
    const folder = folderOf(l.file);
    const candidates = byFolder.get(folder) ?? [];
    const home = candidates.find((g) => g[0] !== undefined && !g.some((c) => c.file === l.file) && sameReport(g[0], l));
    if (home) {
      home.push(l);
      continue;
    }
    const group = [l];
    groups.push(group);
    candidates.push(group);
    byFolder.set(folder, candidates);
  }
  return groups;
}

/** The year for syslog times (which print none): the snapshot's capture year, else this year. */
function syslogYear(snapshot: Snapshot | null, fallbackYear: number): number {
  const captured = snapshot?.capturedAt ? Date.parse(snapshot.capturedAt) : NaN;
  return Number.isNaN(captured) ? fallbackYear : new Date(captured).getUTCFullYear();
}

export function buildOomEventViews(files: readonly AnalysisFile[], snapshots: readonly Snapshot[], fallbackYear = new Date().getUTCFullYear()): OomEventView[] {
  const groups = groupCopies(oomEventsOf(files));
  return groups.map((copies) => {
    const first = copies[0] as LocatedOomEvent;
    const snapshot = snapshotOfEvent(snapshots, first);
    const year = syslogYear(snapshot, fallbackYear);
    let timeRaw = first.event.time?.raw ?? null;
    let wall = null as ReturnType<typeof wallClockOf>;
    for (const c of copies) {
      const w = wallClockOf(c.event.time?.raw, year);
      if (w && (!wall || (w.yearKnown && !wall.yearKnown))) {
        wall = w;
        timeRaw = c.event.time?.raw ?? timeRaw;
      }
    }
    const uptimeSeconds = copies.map((c) => c.event.time?.uptimeSeconds ?? null).find((s) => s !== null) ?? null;
    return {
      id: `${first.file}:${first.event.lines.start}`,
      event: first.event,
      copies: copies.map((c) => ({ file: c.file, lines: c.event.lines })),
      timeRaw,
      wallMs: wall?.ms ?? null,
      yearKnown: wall?.yearKnown ?? false,
      uptimeSeconds,
      snapshot,
      scopeName: nameOfPath(snapshot, first.event.oomMemcg),
      headline: headlineForOomEvent(first.event, first.file, snapshot),
    };
  });
}

/** The pod/container name of a cgroup path printed in the report, when the event's snapshot knows it. */
export function cgroupName(view: OomEventView, path: string | null): string | null {
  return nameOfPath(view.snapshot, path);
}

/** A group's pod/container name; null when the snapshot has no such group or knows no name for it. */
function nameOfPath(snapshot: Snapshot | null, path: string | null): string | null {
  const group = snapshot ? groupForCgroupPath(snapshot, path) : null;
  if (!group) return null;
  const name = groupDisplayName(group);
  return name === group.path ? null : name;
}

/** The file name after the last `/`, for "show in dmesg.txt". */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
