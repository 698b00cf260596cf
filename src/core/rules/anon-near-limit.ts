// anon-near-limit: anonymous memory alone reaches most of the limit — the application's own memory
// grew (heap, native, leak). Tuned on the lab captures: 99.7% (anon-oom) and 89.9%
// (memory-pressure-near-limit) must fire; 37.2% (orphaned-shmem at the kill) must not.
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, limitFact, percentText } from './group-facts';

export const ANON_NEAR_LIMIT_THRESHOLDS = { warnShareOfLimit: 0.8, criticalShareOfLimit: 0.95 } as const;

export const anonNearLimitRule = snapshotRule(
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
