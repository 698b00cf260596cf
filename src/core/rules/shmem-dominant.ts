// shmem-dominant: shmem/tmpfs (emptyDir medium: Memory, /dev/shm, memfd) is a large part of the usage.
// It is not reclaimable without swap, and killing a process does not free it.
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, limitFact, percentText, usageFact } from './group-facts';
import { round3 } from './anon-near-limit';
import type { Rule } from './rule';
import { shmemDominantAtKills } from './shmem-at-kill';

export const SHMEM_DOMINANT_THRESHOLDS = { minShareOfUsage: 0.3, minBytes: 16 * 1024 * 1024, criticalShareOfLimit: 0.5 } as const;

const shmemDominantInSnapshots = snapshotRule(
  'shmem-dominant',
  SHMEM_DOMINANT_THRESHOLDS,
  (group) => {
    const shmem = breakdownFact(group, 'shmemBytes');
    const usage = usageFact(group);
    if (!shmem || !usage || usage.bytes <= 0) return null;
    if (shmem.bytes < SHMEM_DOMINANT_THRESHOLDS.minBytes || shmem.bytes < usage.bytes * SHMEM_DOMINANT_THRESHOLDS.minShareOfUsage) return null;
    const limit = limitFact(group);
    const critical = limit !== null && shmem.bytes >= limit.bytes * SHMEM_DOMINANT_THRESHOLDS.criticalShareOfLimit;
    return {
      severity: critical ? 'critical' : 'warning',
      params: {
        shmem: bytesText(shmem.bytes),
        usage: bytesText(usage.bytes),
        share: percentText(shmem.bytes, usage.bytes),
        shareOfLimit: limit ? percentText(shmem.bytes, limit.bytes) : '—',
      },
      metrics: { shmemBytes: shmem.bytes, usageBytes: usage.bytes, shmemShareOfUsage: round3(shmem.bytes / usage.bytes), limitBytes: limit?.bytes ?? null },
      evidence: [...shmem.evidence, ...usage.evidence],
    };
  },
  { innermostOnly: true },
);

/** In the snapshots, and at each kill the report of which shows shmem filling the cgroup. */
export const shmemDominantRule: Rule = {
  ...shmemDominantInSnapshots,
  evaluate(input) {
    const fromSnapshots = shmemDominantInSnapshots.evaluate(input);
    return [...fromSnapshots, ...shmemDominantAtKills(input, fromSnapshots, SHMEM_DOMINANT_THRESHOLDS)];
  },
};
