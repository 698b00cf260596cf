// shmem-dominant and shmem-orphaned as the OOM report shows them at the kill, for bundles where no
// snapshot was taken then (seed 004: only the kernel log of a 16 GiB pod, 8.4 GiB of it shmem in a
// finished container's cgroup). Where a snapshot finding already names the same group, the kill's
// figures are added to it instead of a second finding.
import { oomGroupStats, shmemLeftByOthers } from '../model/oom-stats';
import type { AnalysisInput, FindingDraft, LocatedOomEvent } from './rule';
import { mergeEvidence } from './rule';
import { bytesText, percentText, scopeName } from './group-facts';
import { eventEvidence, groupForCgroupPath, snapshotOfEvent, timeText } from './oom-facts';
import { round3 } from './anon-near-limit';

export interface KillFigures {
  located: LocatedOomEvent;
  usageBytes: number;
  limitBytes: number;
  shmemBytes: number;
  scope: string;
  scopeKey: string;
  snapshotId: string | null;
  related: Set<string>;
  evidence: FindingDraft['evidence'];
  /** Shmem in cgroups other than the killed task's, holding no process memory (see oomGroupStats). */
  shmemLeftByOthers: number | null;
  /** The killed task's own cgroup line: its rss + cache. */
  taskCgroupBytes: number | null;
}

/** The figures of each memcg kill with a usage, a limit and a shmem counter in its report. */
export function killFigures(input: AnalysisInput): KillFigures[] {
  const out: KillFigures[] = [];
  for (const located of input.oomEvents) {
    const e = located.event;
    const stats = oomGroupStats(e);
    const usage = e.memcg?.usageBytes ?? null;
    const limit = e.memcg?.limitBytes ?? null;
    if (e.kind !== 'memcg' || !stats || usage === null || limit === null || limit <= 0) continue;
    const shmem = stats.stats['total_shmem'] ?? stats.stats['shmem'] ?? null;
    if (shmem === null) continue;
    const snapshot = snapshotOfEvent(input.snapshots, located);
    const group = snapshot ? groupForCgroupPath(snapshot, e.oomMemcg) : null;
    const scope = group ? scopeName(group) : (e.oomMemcg ?? '?');
    const left = shmemLeftByOthers(stats);
    const statLines = stats.lines.map((line) => ({ file: located.file, lineStart: line, lineEnd: line }));
    out.push({
      located,
      usageBytes: usage,
      limitBytes: limit,
      shmemBytes: shmem,
      scope,
      scopeKey: group?.key ?? scope,
      snapshotId: snapshot?.id ?? null,
      related: new Set([group?.key, ...(group?.children.map((c) => c.key) ?? [])].filter((k): k is string => k !== undefined)),
      evidence: mergeEvidence([...eventEvidence(located), ...statLines]),
      shmemLeftByOthers: left,
      taskCgroupBytes: stats.taskCgroupBytes,
    });
  }
  return out;
}

export function shmemDominantAtKills(input: AnalysisInput, fromSnapshots: FindingDraft[], thresholds: { minShareOfUsage: number; minBytes: number; criticalShareOfLimit: number }): FindingDraft[] {
  const added: FindingDraft[] = [];
  for (const k of killFigures(input)) {
    if (k.shmemBytes < thresholds.minBytes || k.shmemBytes < k.usageBytes * thresholds.minShareOfUsage) continue;
    const critical = k.shmemBytes >= k.limitBytes * thresholds.criticalShareOfLimit;
    const metrics = { shmemBytesAtKill: k.shmemBytes, usageBytesAtKill: k.usageBytes, limitBytes: k.limitBytes, shmemShareOfLimitAtKill: round3(k.shmemBytes / k.limitBytes) };
    const existing = fromSnapshots.find((d) => k.related.has(d.scopeKey));
    if (existing) {
      if (critical) existing.severity = 'critical';
      Object.assign(existing.metrics, metrics);
      existing.evidence = mergeEvidence([...existing.evidence, ...k.evidence]);
      continue;
    }
    added.push({
      id: 'shmem-dominant',
      severity: critical ? 'critical' : 'warning',
      scope: k.scope,
      scopeKey: k.scopeKey,
      snapshotId: k.snapshotId,
      params: {
        scope: k.scope,
        snapshot: timeText(k.located.event) || '—',
        shmem: bytesText(k.shmemBytes),
        usage: bytesText(k.usageBytes),
        share: percentText(k.shmemBytes, k.usageBytes),
        shareOfLimit: percentText(k.shmemBytes, k.limitBytes),
      },
      metrics: { ...metrics, shmemBytes: k.shmemBytes, usageBytes: k.usageBytes, shmemShareOfUsage: round3(k.shmemBytes / k.usageBytes) },
      evidence: k.evidence,
    });
  }
  return added;
}

export function shmemOrphanedAtKills(input: AnalysisInput, fromSnapshots: FindingDraft[], thresholds: { minRemainderBytes: number; minShareOfPodUsage: number; criticalShareOfLimit: number }): FindingDraft[] {
  const added: FindingDraft[] = [];
  for (const k of killFigures(input)) {
    const left = k.shmemLeftByOthers;
    if (left === null || k.taskCgroupBytes === null) continue;
    if (fromSnapshots.some((d) => k.related.has(d.scopeKey))) continue;
    const remainder = Math.max(0, k.usageBytes - k.taskCgroupBytes);
    if (remainder < thresholds.minRemainderBytes || remainder < k.usageBytes * thresholds.minShareOfPodUsage) continue;
    const critical = remainder >= k.limitBytes * thresholds.criticalShareOfLimit;
    added.push({
      id: 'shmem-orphaned',
      severity: critical ? 'critical' : 'warning',
      scope: k.scope,
      scopeKey: k.scopeKey,
      snapshotId: k.snapshotId,
      params: {
        scope: k.scope,
        snapshot: timeText(k.located.event) || '—',
        podUsage: bytesText(k.usageBytes),
        containersUsage: bytesText(k.taskCgroupBytes),
        containerCount: 1,
        remainder: bytesText(remainder),
        shmemRemainder: bytesText(left),
        shareOfLimit: percentText(remainder, k.limitBytes),
        limit: bytesText(k.limitBytes),
      },
      metrics: {
        podUsageBytes: k.usageBytes,
        containersUsageBytes: k.taskCgroupBytes,
        remainderBytes: remainder,
        remainderShmemBytes: left,
        limitBytes: k.limitBytes,
        remainderShareOfLimit: round3(remainder / k.limitBytes),
      },
      evidence: k.evidence,
    });
  }
  return added;
}
