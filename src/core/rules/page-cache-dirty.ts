// page-cache-dirty: dirty + writeback pages are a large part of the limit — a writer outruns the disk,
// and reclaim must wait for write-back before it can free them (cgroup v1 has no per-cgroup dirty
// throttling). Lab dirty-writeback: 54.7% of the limit mid-write must fire.
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, limitFact, percentText, sumFacts } from './group-facts';
import { round3 } from './anon-near-limit';

export const PAGE_CACHE_DIRTY_THRESHOLDS = { minShareOfLimit: 0.2, minBytes: 16 * 1024 * 1024, criticalShareOfLimit: 0.5 } as const;

export const pageCacheDirtyRule = snapshotRule(
  'page-cache-dirty',
  PAGE_CACHE_DIRTY_THRESHOLDS,
  (group) => {
    const dirty = breakdownFact(group, 'dirtyBytes');
    const writeback = breakdownFact(group, 'writebackBytes');
    const both = sumFacts(dirty, writeback);
    const limit = limitFact(group);
    if (!both || !limit || limit.bytes <= 0) return null;
    if (both.bytes < PAGE_CACHE_DIRTY_THRESHOLDS.minBytes || both.bytes < limit.bytes * PAGE_CACHE_DIRTY_THRESHOLDS.minShareOfLimit) return null;
    return {
      severity: both.bytes >= limit.bytes * PAGE_CACHE_DIRTY_THRESHOLDS.criticalShareOfLimit ? 'critical' : 'warning',
      params: {
        dirty: bytesText(dirty?.bytes ?? 0),
        writeback: bytesText(writeback?.bytes ?? 0),
        total: bytesText(both.bytes),
        limit: bytesText(limit.bytes),
        share: percentText(both.bytes, limit.bytes),
      },
      metrics: { dirtyBytes: dirty?.bytes ?? null, writebackBytes: writeback?.bytes ?? null, limitBytes: limit.bytes, shareOfLimit: round3(both.bytes / limit.bytes) },
      evidence: [...both.evidence, ...limit.evidence],
    };
  },
  { innermostOnly: true },
);
