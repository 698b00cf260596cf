// anon-near-limit: anonymous memory alone reaches most of the limit — the application's own memory
// grew (heap, native, leak). Tuned on the lab captures: 99.7% (anon-oom) and 89.9%
// (memory-pressure-near-limit) must fire; 37.2% (orphaned-shmem at the kill) must not.
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, limitFact, percentText, scopeName } from './group-facts';
import { mergeEvidence, type AnalysisInput, type FindingDraft, type Rule } from './rule';
import { eventEvidence, groupForCgroupPath, oomCgroupStat, snapshotOfEvent, timeText } from './oom-facts';

export const ANON_NEAR_LIMIT_THRESHOLDS = { warnShareOfLimit: 0.8, criticalShareOfLimit: 0.95 } as const;

const anonNearLimitInSnapshots = snapshotRule(
  'anon-near-limit',
  ANON_NEAR_LIMIT_THRESHOLDS,
  (group) => {
    const anon = breakdownFact(group, 'anonBytes');
    const limit = limitFact(group);
    if (!anon || !limit || limit.bytes <= 0) return null;
    const share = anon.bytes / limit.bytes;
    if (share < ANON_NEAR_LIMIT_THRESHOLDS.warnShareOfLimit) return null;
    return {
      severity: share >= ANON_NEAR_LIMIT_THRESHOLDS.criticalShareOfLimit ? 'critical' : 'warning',
      params: {
        anon: bytesText(anon.bytes),
        limit: bytesText(limit.bytes),
        share: percentText(anon.bytes, limit.bytes),
        threshold: percentText(ANON_NEAR_LIMIT_THRESHOLDS.warnShareOfLimit, 1),
      },
      metrics: { anonBytes: anon.bytes, limitBytes: limit.bytes, anonShareOfLimit: round3(share) },
      evidence: [...anon.evidence, ...limit.evidence],
    };
  },
  { innermostOnly: true },
);

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// At an OOM kill the report's own stats of the OOM cgroup say how much was anonymous at that moment
// (anon-oom lab: total_rss 99.7% of the limit), which samplers taken seconds apart can miss.
function atKills(input: AnalysisInput, fromSnapshots: FindingDraft[]): FindingDraft[] {
  const added: FindingDraft[] = [];
  for (const located of input.oomEvents) {
    const e = located.event;
    const limit = e.memcg?.limitBytes ?? null;
    const anon = oomCgroupStat(e, 'rss') ?? oomCgroupStat(e, 'anon');
    if (e.kind !== 'memcg' || limit === null || limit <= 0 || anon === null) continue;
    const share = anon / limit;
    if (share < ANON_NEAR_LIMIT_THRESHOLDS.warnShareOfLimit) continue;
    const snapshot = snapshotOfEvent(input.snapshots, located);
    const group = snapshot ? groupForCgroupPath(snapshot, e.oomMemcg) : null;
    const related = new Set([group?.key, ...(group?.children.map((c) => c.key) ?? [])]);
    const existing = fromSnapshots.find((d) => related.has(d.scopeKey));
    const metrics = { anonBytesAtKill: anon, limitBytes: limit, anonShareOfLimitAtKill: round3(share) };
    const evidence = eventEvidence(located);
    if (existing) {
      // Same story, seen at the kill: one finding, as severe as the kill shows it was.
      if (share >= ANON_NEAR_LIMIT_THRESHOLDS.criticalShareOfLimit) existing.severity = 'critical';
      Object.assign(existing.metrics, metrics);
      existing.evidence = mergeEvidence([...existing.evidence, ...evidence]);
      continue;
    }
    const scope = group ? scopeName(group) : (e.oomMemcg ?? '?');
    added.push({
      id: 'anon-near-limit',
      severity: share >= ANON_NEAR_LIMIT_THRESHOLDS.criticalShareOfLimit ? 'critical' : 'warning',
      scope,
      scopeKey: group?.key ?? scope,
      snapshotId: snapshot?.id ?? null,
      params: {
        scope,
        snapshot: timeText(e) || (snapshot?.label ?? ''),
        anon: bytesText(anon),
        limit: bytesText(limit),
        share: percentText(anon, limit),
        threshold: percentText(ANON_NEAR_LIMIT_THRESHOLDS.warnShareOfLimit, 1),
      },
      metrics,
      evidence,
    });
  }
  return added;
}

export const anonNearLimitRule: Rule = {
  ...anonNearLimitInSnapshots,
  evaluate(input) {
    const fromSnapshots = anonNearLimitInSnapshots.evaluate(input);
    return [...fromSnapshots, ...atKills(input, fromSnapshots)];
  },
};
