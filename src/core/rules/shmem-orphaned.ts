// shmem-orphaned: memory charged to a pod cgroup that no current container owns. On cgroup v1 a
// removed container's pages stay charged to its offline cgroup under the pod, visible only in the
// pod's usage and total_* counters (lab orphaned-shmem, Linux 6.18), so "charged to the pod itself"
// is the pod's hierarchical figure minus the sum of its live children.
import type { MemoryGroup } from '../model/memory-group';
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, isRealCgroup, limitFact, percentText, usageFact, type Fact } from './group-facts';
import { round3 } from './anon-near-limit';
import type { Rule } from './rule';
import { shmemOrphanedAtKills } from './shmem-at-kill';

export const SHMEM_ORPHANED_THRESHOLDS = { minRemainderBytes: 16 * 1024 * 1024, minShareOfPodUsage: 0.2, criticalShareOfLimit: 0.25 } as const;

function liveContainers(pod: MemoryGroup): MemoryGroup[] {
  return pod.children.filter((c) => c.role === 'container' && !c.orphaned && isRealCgroup(c));
}

function sumChildren(children: MemoryGroup[], pick: (g: MemoryGroup) => Fact | null): Fact | null {
  let bytes = 0;
  const evidence: Fact['evidence'] = [];
  for (const child of children) {
    const f = pick(child);
    if (!f) return null;
    bytes += f.bytes;
    evidence.push(...f.evidence);
  }
  return { bytes, evidence };
}

const shmemOrphanedInSnapshots = snapshotRule('shmem-orphaned', SHMEM_ORPHANED_THRESHOLDS, (group) => {
  if (group.role !== 'pod') return null;
  const children = liveContainers(group);
  if (children.length === 0) return null;
  const podUsage = usageFact(group);
  const childUsage = sumChildren(children, usageFact);
  if (!podUsage || !childUsage) return null;
  const remainder = podUsage.bytes - childUsage.bytes;
  if (remainder < SHMEM_ORPHANED_THRESHOLDS.minRemainderBytes) return null;
  if (remainder < podUsage.bytes * SHMEM_ORPHANED_THRESHOLDS.minShareOfPodUsage) return null;
  const podShmem = breakdownFact(group, 'shmemBytes');
  const childShmem = sumChildren(children, (c) => breakdownFact(c, 'shmemBytes'));
  const shmemRemainder = podShmem && childShmem ? Math.max(0, podShmem.bytes - childShmem.bytes) : null;
  const limit = limitFact(group);
  const critical = limit !== null && remainder >= limit.bytes * SHMEM_ORPHANED_THRESHOLDS.criticalShareOfLimit;
  return {
    severity: critical ? 'critical' : 'warning',
    params: {
      podUsage: bytesText(podUsage.bytes),
      containersUsage: bytesText(childUsage.bytes),
      containerCount: children.length,
      remainder: bytesText(remainder),
      shmemRemainder: shmemRemainder === null ? '—' : bytesText(shmemRemainder),
      shareOfLimit: limit ? percentText(remainder, limit.bytes) : '—',
      limit: limit ? bytesText(limit.bytes) : '—',
    },
    metrics: {
      podUsageBytes: podUsage.bytes,
      containersUsageBytes: childUsage.bytes,
      remainderBytes: remainder,
      remainderShmemBytes: shmemRemainder,
      limitBytes: limit?.bytes ?? null,
      remainderShareOfLimit: limit ? round3(remainder / limit.bytes) : null,
    },
    evidence: [...podUsage.evidence, ...childUsage.evidence, ...(podShmem?.evidence ?? []), ...(limit?.evidence ?? [])],
  };
});

/** In the snapshots, and at a kill whose report shows shmem in a finished container's cgroup (pre-5.x kernels). */
export const shmemOrphanedRule: Rule = {
  ...shmemOrphanedInSnapshots,
  evaluate(input) {
    const fromSnapshots = shmemOrphanedInSnapshots.evaluate(input);
    return [...fromSnapshots, ...shmemOrphanedAtKills(input, fromSnapshots, SHMEM_ORPHANED_THRESHOLDS)];
  },
};
