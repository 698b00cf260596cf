// The answer in one sentence: for an OOM event, or for the fullest group of a snapshot, the limit
// and the parts that filled it, largest first, each with the evidence behind its number.
import type { OomEvent } from '../formats/kernel-log/oom-types';
import type { MemoryGroup, ValueSource } from './memory-group';
import type { Snapshot } from './snapshot';
import { groupDisplayName, groupForCgroupPath, walkGroups } from './memory-group';
import { oomGroupStats, shmemLeftByOthers } from './oom-stats';

export type HeadlineCategory = 'anon' | 'shmem' | 'fileCache' | 'kernel';
/** Where a part sits: charged to the pod itself (owned by no running container), or in the group. */
export type HeadlinePlace = 'pod-itself' | 'group';

export interface HeadlinePart {
  category: HeadlineCategory;
  bytes: number;
  place: HeadlinePlace;
  source: ValueSource | null;
  /** For page cache: how much of it is dirty or under writeback (cannot be reclaimed until written). */
  dirtyBytes?: number;
}

export interface Headline {
  kind: 'oom' | 'snapshot';
  /** Human name of the group whose limit matters. */
  scope: string;
  scopeKey: string | null;
  snapshotId: string | null;
  usageBytes: number | null;
  limitBytes: number | null;
  /** For an OOM event: the victim. */
  victim: { comm: string; pid: number; anonRssBytes: number | null } | null;
  parts: HeadlinePart[];
}

const MIN_PART_BYTES = 1024 * 1024;

function statOf(stats: Record<string, number>, ...keys: string[]): number | null {
  for (const k of keys) if (typeof stats[k] === 'number') return stats[k];
  return null;
}

function findGroup(snapshot: Snapshot | null, path: string | null): MemoryGroup | null {
  return snapshot ? groupForCgroupPath(snapshot.groups, path) : null;
}

/** Shmem charged to a pod that its live containers do not hold (pod total − Σ live containers). */
function podOwnShmem(group: MemoryGroup | null): number | null {
  if (!group || group.role !== 'pod' || group.breakdown.shmemBytes === null) return null;
  const live = group.children.filter((c) => c.role === 'container' && !c.orphaned);
  if (live.length === 0) return null;
  let childShmem = 0;
  for (const c of live) childShmem += c.breakdown.shmemBytes ?? 0;
  return Math.max(0, group.breakdown.shmemBytes - childShmem);
}

function sortParts(parts: HeadlinePart[]): HeadlinePart[] {
  return parts.filter((p) => p.bytes >= MIN_PART_BYTES).sort((a, b) => b.bytes - a.bytes);
}

export function headlineForOomEvent(event: OomEvent, file: string, snapshot: Snapshot | null): Headline {
  const stats = oomGroupStats(event);
  const group = findGroup(snapshot, event.oomMemcg);
  const parts: HeadlinePart[] = [];
  const firstLine = stats?.lines[0] ?? 0;
  const lastLine = stats?.lines[stats.lines.length - 1] ?? 0;
  const src = (key: string): ValueSource | null => (stats ? { file, line: firstLine, ...(lastLine > firstLine ? { lineEnd: lastLine } : {}), key } : null);
  if (stats) {
    const s = stats.stats;
    const v1 = typeof s['total_rss'] === 'number' || typeof s['rss'] === 'number' || typeof s['cache'] === 'number';
    const anon = v1 ? statOf(s, 'total_rss', 'rss') : statOf(s, 'anon');
    const file_ = v1 ? statOf(s, 'total_cache', 'cache') : statOf(s, 'file');
    const shmem = v1 ? statOf(s, 'total_shmem', 'shmem') : statOf(s, 'shmem');
    if (anon !== null) parts.push({ category: 'anon', bytes: anon, place: 'group', source: src(v1 ? 'total_rss' : 'anon') });
    if (shmem !== null && shmem > 0) {
      // From a snapshot of the pod taken with the log, else from the report's own per-cgroup lines.
      const own = podOwnShmem(group) ?? shmemLeftByOthers(stats);
      const place: HeadlinePlace = own !== null && own >= shmem * 0.5 ? 'pod-itself' : 'group';
      parts.push({ category: 'shmem', bytes: shmem, place, source: src(v1 ? 'total_shmem' : 'shmem') });
    }
    if (file_ !== null) parts.push({ category: 'fileCache', bytes: Math.max(0, file_ - (shmem ?? 0)), place: 'group', source: src(v1 ? 'total_cache' : 'file') });
    const usage = event.memcg?.usageBytes ?? null;
    const kernel = v1 ? (usage !== null && anon !== null && file_ !== null ? Math.max(0, usage - anon - file_) : null) : statOf(s, 'kernel');
    if (kernel !== null) parts.push({ category: 'kernel', bytes: kernel, place: 'group', source: v1 ? null : src('kernel') });
  }
  return {
    kind: 'oom',
    scope: group ? groupDisplayName(group) : (event.oomMemcg ?? event.taskMemcg ?? 'node'),
    scopeKey: group?.key ?? null,
    snapshotId: snapshot?.id ?? null,
    usageBytes: event.memcg?.usageBytes ?? null,
    limitBytes: event.memcg?.limitBytes ?? null,
    victim: event.victim ? { comm: event.victim.comm, pid: event.victim.pid, anonRssBytes: event.victim.anonRssBytes } : null,
    parts: sortParts(parts),
  };
}

/**
 * The group closest to its limit (pods and containers), else the biggest. Where a pod and its
 * container are about equally full (they often share one limit), the container is the clearer answer.
 */
export function fullestGroup(snapshot: Snapshot): MemoryGroup | null {
  const scored: { group: MemoryGroup; score: number }[] = [];
  for (const g of walkGroups(snapshot.groups)) {
    if (g.usageBytes === null || (g.role !== 'pod' && g.role !== 'container')) continue;
    scored.push({ group: g, score: g.limitBytes ? g.usageBytes / g.limitBytes : g.usageBytes / 2 ** 50 });
  }
  if (scored.length === 0) return biggestGroup(snapshot);
  const best = Math.max(...scored.map((s) => s.score));
  const near = scored.filter((s) => s.score >= best - 0.01);
  return (near.find((s) => s.group.role === 'container') ?? near[0])?.group ?? null;
}

/** Without pods or containers with a usage (a loose memory.stat): the group holding the most. */
function biggestGroup(snapshot: Snapshot): MemoryGroup | null {
  let best: MemoryGroup | null = null;
  let bestBytes = -1;
  for (const g of walkGroups(snapshot.groups)) {
    if (g.orphaned) continue;
    const bytes = g.usageBytes ?? (g.breakdown.anonBytes ?? 0) + (g.breakdown.fileBytes ?? 0) + (g.breakdown.kernelBytes ?? 0);
    if (bytes > bestBytes) {
      best = g;
      bestBytes = bytes;
    }
  }
  return bestBytes > 0 ? best : null;
}

function fullness(group: MemoryGroup | null): number {
  if (!group || group.usageBytes === null) return -1;
  return group.limitBytes ? group.usageBytes / group.limitBytes : 0;
}

/** The snapshot whose fullest group is closest to its limit: the moment worth a sentence. */
export function headlineForSnapshots(snapshots: readonly Snapshot[]): Headline | null {
  let best: Snapshot | null = null;
  for (const s of snapshots) if (!best || fullness(fullestGroup(s)) > fullness(fullestGroup(best)) + 1e-9) best = s;
  return best ? headlineForSnapshot(best) : null;
}

export function headlineForSnapshot(snapshot: Snapshot): Headline | null {
  const group = fullestGroup(snapshot);
  if (!group) return null;
  const b = group.breakdown;
  const parts: HeadlinePart[] = [];
  const src = (key: string) => group.sources[key] ?? null;
  if (b.anonBytes !== null) parts.push({ category: 'anon', bytes: b.anonBytes, place: 'group', source: src('breakdown.anonBytes') });
  if (b.shmemBytes !== null && b.shmemBytes > 0) {
    const own = podOwnShmem(group);
    parts.push({ category: 'shmem', bytes: b.shmemBytes, place: own !== null && own >= b.shmemBytes * 0.5 ? 'pod-itself' : 'group', source: src('breakdown.shmemBytes') });
  }
  if (b.fileBytes !== null) {
    const part: HeadlinePart = { category: 'fileCache', bytes: Math.max(0, b.fileBytes - (b.shmemBytes ?? 0)), place: 'group', source: src('breakdown.fileBytes') };
    const dirty = (b.dirtyBytes ?? 0) + (b.writebackBytes ?? 0);
    if (dirty >= part.bytes * 0.1 && dirty >= MIN_PART_BYTES) part.dirtyBytes = Math.min(dirty, part.bytes);
    parts.push(part);
  }
  const kernel = b.kernelBytes ?? (group.cgroupVersion === 1 && group.usageBytes !== null && b.anonBytes !== null && b.fileBytes !== null ? Math.max(0, group.usageBytes - b.anonBytes - b.fileBytes) : null);
  if (kernel !== null) parts.push({ category: 'kernel', bytes: kernel, place: 'group', source: src('breakdown.kernelBytes') });
  return {
    kind: 'snapshot',
    scope: groupDisplayName(group),
    scopeKey: group.key,
    snapshotId: snapshot.id,
    usageBytes: group.usageBytes,
    limitBytes: group.limitBytes,
    victim: null,
    parts: sortParts(parts),
  };
}
