// jvm-heap-headroom: a JVM's maximum heap leaves too little of the container limit for everything
// else a JVM needs (metaspace, code cache, thread stacks, GC structures, direct buffers, malloc
// arenas). The heap comes from -Xmx/MaxHeapSize, MaxRAMPercentage × limit, or NMT's Java Heap
// reserved; with NMT, the non-heap it has committed is added to the maximum heap.
// Thresholds: the heap above 75% of the limit leaves less than the 25% that MaxRAMPercentage=75
// (the usual container advice, 60–75) keeps free; above 90% or heap + committed non-heap above 90%,
// the JVM alone can reach the limit. Seed 004 (-Xms8g -Xmx8g under a 16 GiB limit: 50%) stays
// silent: that pod was killed by 8.4 GiB of shmem, not by its heap.
import type { Fact } from './group-facts';
import { bytesText, limitFact, percentText, scopeName, usageFact } from './group-facts';
import { round3 } from './anon-near-limit';
import type { FindingDraft, Rule, WorkloadFact } from './rule';
import { evidenceFrom, mergeEvidence } from './rule';
import { factKey, factScope, factsOf, groupForFact, sameContainer } from './workload-match';
import { walkGroups } from '../model/memory-group';

export const JVM_HEAP_HEADROOM_THRESHOLDS = { warnHeapShareOfLimit: 0.75, criticalHeapShareOfLimit: 0.9, warnProjectedShareOfLimit: 0.9, criticalProjectedShareOfLimit: 1 } as const;

const BASIS_ORDER = ['xmx', 'max-ram-percentage', 'nmt'];

interface JvmTarget {
  heaps: WorkloadFact[];
  nonHeap: WorkloadFact | null;
  committed: WorkloadFact | null;
}

function attributed(f: WorkloadFact): boolean {
  return f.podName != null || f.podUid != null || f.containerName != null || f.containerId != null;
}

/** One target per JVM container; NMT facts, which name no container, go to the only JVM when there is one. */
function targetsOf(facts: readonly WorkloadFact[]): JvmTarget[] {
  const targets: JvmTarget[] = [];
  const loose: WorkloadFact[] = [];
  for (const f of factsOf(facts, 'jvm-max-heap')) {
    if (!attributed(f)) {
      loose.push(f);
      continue;
    }
    const t = targets.find((x) => x.heaps[0] !== undefined && sameContainer(x.heaps[0], f));
    if (t) t.heaps.push(f);
    else targets.push({ heaps: [f], nonHeap: null, committed: null });
  }
  const nonHeap = factsOf(facts, 'jvm-nmt-non-heap').find((f) => !attributed(f)) ?? null;
  const committed = factsOf(facts, 'jvm-nmt-committed').find((f) => !attributed(f)) ?? null;
  if (targets.length === 1 && targets[0]) {
    targets[0].heaps.push(...loose);
    targets[0].nonHeap = nonHeap;
    targets[0].committed = committed;
  } else if (targets.length === 0 && loose.length > 0) {
    targets.push({ heaps: loose, nonHeap, committed });
  }
  return targets;
}

function bestHeap(heaps: readonly WorkloadFact[]): WorkloadFact | null {
  const sorted = [...heaps].filter((h) => typeof h.value === 'number').sort((a, b) => BASIS_ORDER.indexOf(a.basis ?? '') - BASIS_ORDER.indexOf(b.basis ?? ''));
  return sorted[0] ?? null;
}

interface LimitAndUsage {
  limit: Fact | null;
  usage: Fact | null;
  /** For a JVM known only from NMT: the container the limit belongs to. */
  owner: string | null;
  ownerKey: string | null;
}

/** The container's limit (its spec or inspect, else its cgroup) and its cgroup usage. */
function limitFor(heap: WorkloadFact, facts: readonly WorkloadFact[], input: Parameters<Rule['evaluate']>[0]): LimitAndUsage {
  const limits = factsOf(facts, 'memory-limit').filter((f) => typeof f.value === 'number');
  const placed = attributed(heap) ? groupForFact(input.snapshots, heap) : null;
  const usage = placed ? usageFact(placed.group) : null;
  if (attributed(heap)) {
    const own = limits.find((l) => sameContainer(l, heap));
    if (own) return { limit: { bytes: own.value as number, evidence: evidenceFrom(own.source) }, usage, owner: null, ownerKey: null };
    return { limit: placed ? limitFact(placed.group) : null, usage, owner: null, ownerKey: null };
  }
  // A JVM known only from NMT: the bundle's only container limit, if it has exactly one.
  const distinct = new Set(limits.map((l) => l.value));
  const one = limits[0];
  if (distinct.size === 1 && one) {
    const placedOne = groupForFact(input.snapshots, one);
    return { limit: { bytes: one.value as number, evidence: evidenceFrom(one.source) }, usage: placedOne ? usageFact(placedOne.group) : null, owner: factScope(one), ownerKey: placedOne?.group.key ?? factKey(one) };
  }
  const last = input.snapshots[input.snapshots.length - 1];
  const containers = last ? [...walkGroups(last.groups)].filter((g) => g.role === 'container' && g.limitBytes !== null) : [];
  const only = containers.length === 1 ? containers[0] : undefined;
  return only ? { limit: limitFact(only), usage: usageFact(only), owner: scopeName(only), ownerKey: only.key } : { limit: null, usage: null, owner: null, ownerKey: null };
}

export const jvmHeapHeadroomRule: Rule = {
  id: 'jvm-heap-headroom',
  thresholds: JVM_HEAP_HEADROOM_THRESHOLDS,
  evaluate(input) {
    const drafts: FindingDraft[] = [];
    const T = JVM_HEAP_HEADROOM_THRESHOLDS;
    for (const target of targetsOf(input.workloadFacts)) {
      const heap = bestHeap(target.heaps);
      if (!heap) continue;
      const maxHeap = heap.value as number;
      const { limit, usage, owner, ownerKey } = limitFor(heap, input.workloadFacts, input);
      if (!limit || limit.bytes <= 0) continue;
      const heapShare = maxHeap / limit.bytes;
      const nonHeap = typeof target.nonHeap?.value === 'number' ? target.nonHeap.value : null;
      const projected = nonHeap !== null ? maxHeap + nonHeap : null;
      const projectedShare = projected !== null ? projected / limit.bytes : null;
      const critical = heapShare >= T.criticalHeapShareOfLimit || (projectedShare !== null && projectedShare >= T.criticalProjectedShareOfLimit);
      const warn = heapShare > T.warnHeapShareOfLimit || (projectedShare !== null && projectedShare > T.warnProjectedShareOfLimit);
      if (!critical && !warn) continue;
      const scope = attributed(heap) ? factScope(heap) : (owner ?? 'JVM');
      const committed = typeof target.committed?.value === 'number' ? target.committed.value : null;
      const headroom = limit.bytes - maxHeap;
      drafts.push({
        id: 'jvm-heap-headroom',
        severity: critical ? 'critical' : 'warning',
        scope,
        scopeKey: placedKey(heap, input) ?? ownerKey ?? factKey(heap),
        snapshotId: null,
        params: {
          scope,
          maxHeap: bytesText(maxHeap),
          source: heap.text,
          limit: bytesText(limit.bytes),
          heapShare: percentText(maxHeap, limit.bytes),
          threshold: percentText(T.warnHeapShareOfLimit, 1),
          headroom: headroom >= 0 ? bytesText(headroom) : `−${bytesText(-headroom)}`,
          headroomShare: percentText(Math.max(0, headroom), limit.bytes),
          nmt: projected !== null ? '@finding.jvm-heap-headroom.nmt' : '',
          nonHeap: nonHeap !== null ? bytesText(nonHeap) : '—',
          projected: projected !== null ? bytesText(projected) : '—',
          projectedShare: projected !== null ? percentText(projected, limit.bytes) : '—',
          nmtUsage: committed !== null && usage !== null ? '@finding.jvm-heap-headroom.nmtUsage' : '',
          nmtCommitted: committed !== null ? bytesText(committed) : '—',
          usage: usage !== null ? bytesText(usage.bytes) : '—',
          outside: committed !== null && usage !== null ? bytesText(Math.max(0, usage.bytes - committed)) : '—',
        },
        metrics: {
          maxHeapBytes: maxHeap,
          maxHeapBasis: heap.basis ?? null,
          limitBytes: limit.bytes,
          heapShareOfLimit: round3(heapShare),
          headroomBytes: headroom,
          nmtNonHeapCommittedBytes: nonHeap,
          projectedBytes: projected,
          nmtCommittedBytes: committed,
          usageBytes: usage?.bytes ?? null,
        },
        evidence: mergeEvidence([
          ...evidenceFrom(heap.source),
          ...limit.evidence,
          ...(target.nonHeap ? evidenceFrom(target.nonHeap.source) : []),
          ...(committed !== null && usage !== null ? [...evidenceFrom(target.committed?.source), ...usage.evidence] : []),
        ]),
      });
    }
    return drafts;
  },
};

function placedKey(heap: WorkloadFact, input: Parameters<Rule['evaluate']>[0]): string | null {
  return attributed(heap) ? (groupForFact(input.snapshots, heap)?.group.key ?? null) : null;
}
