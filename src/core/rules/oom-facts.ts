// Reading OOM events for rules: which group a kernel cgroup path names, what the QoS class of an
// oom_score_adj is, and the evidence lines of a report.
import type { OomEvent } from '../formats/kernel-log/oom-types';
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { groupForCgroupPath as groupForCgroupPathIn } from '../model/memory-group';
import { oomGroupStats } from '../model/oom-stats';
import type { EvidenceRef, LocatedOomEvent } from './rule';

/** The group of a snapshot whose cgroup is the kernel's `path` (bundle and kernel paths differ in prefix). */
export function groupForCgroupPath(snapshot: Snapshot, path: string | null): MemoryGroup | null {
  return groupForCgroupPathIn(snapshot.groups, path);
}

/** The snapshot captured with the log the event came from (same bundle sub-folder), else the last one. */
export function snapshotOfEvent(snapshots: readonly Snapshot[], located: LocatedOomEvent): Snapshot | null {
  const owner = snapshots.find((s) => s.files.includes(located.file));
  return owner ?? snapshots[snapshots.length - 1] ?? null;
}

export type QosFromAdj = 'guaranteed' | 'burstable' | 'besteffort' | 'pause' | 'system';

// pkg/kubelet/qos/policy.go: Guaranteed −997, BestEffort 1000, Burstable 2…999, pause (PodInfraOOMAdj) −998.
export function qosFromOomScoreAdj(adj: number | null): QosFromAdj | null {
  if (adj === null) return null;
  if (adj === -997) return 'guaranteed';
  if (adj === -998) return 'pause';
  if (adj === 1000) return 'besteffort';
  if (adj >= 2 && adj <= 999) return 'burstable';
  return 'system';
}

/** The report's key lines: invocation, the memcg usage line, the stats header, the kill. */
export function eventEvidence(located: LocatedOomEvent): EvidenceRef[] {
  const e = located.event;
  const lines = [e.trigger?.line, e.memcg?.line, e.cgroupStats[0]?.line, e.oomKillTask?.line, e.victim?.line].filter(
    (l): l is number => typeof l === 'number' && l > 0,
  );
  if (lines.length === 0) return [{ file: located.file, lineStart: e.lines.start, lineEnd: e.lines.start }];
  return lines.map((line) => ({ file: located.file, lineStart: line, lineEnd: line }));
}

/**
 * The stats of the OOM cgroup from `Memory cgroup stats for …`: hierarchical (total_*) where present;
 * on older kernels, which print each cgroup of the subtree with its local counters, their sum.
 */
export function oomCgroupStat(event: OomEvent, key: string): number | null {
  const stats = oomGroupStats(event);
  if (!stats) return null;
  const value = stats.stats[`total_${key}`] ?? stats.stats[key];
  return typeof value === 'number' ? value : null;
}

export function timeText(event: OomEvent): string {
  return event.time?.raw ?? '';
}
