// eviction: the kubelet evicted a pod because the node was low on memory — a kubelet decision on the
// node's working set (pkg/kubelet/eviction), not a kernel OOM kill. Read from a pod's status
// (reason Evicted), `Evicted` events and their message. Sample (kubectl get pod -o yaml):
//   message: 'The node was low on resource: memory. Container node was using 35505620Ki,
//     which exceeds its request of 12Gi. '
//   reason: Evicted
// Evictions for another resource (ephemeral-storage, pids) are not memory incidents: left out.
import { formatBytes } from '../model/units';
import { readEvictionMessage } from '../analyze/workload-facts';
import type { FindingDraft, Rule, WorkloadFact } from './rule';
import { mergeEvidence, evidenceFrom } from './rule';
import { factScope, factsOf, samePod } from './workload-match';

export const EVICTION_THRESHOLDS = { minMemoryEvictions: 1 } as const;

function podKey(f: WorkloadFact): string {
  return `workload:${f.podNamespace ?? ''}/${f.podName ?? f.podUid ?? ''}`;
}

export const evictionRule: Rule = {
  id: 'eviction',
  thresholds: EVICTION_THRESHOLDS,
  evaluate(input) {
    const memory = factsOf(input.workloadFacts, 'evicted').filter((f) => f.value === 'memory');
    const byPod: WorkloadFact[][] = [];
    for (const f of memory) {
      const same = byPod.find((list) => list[0] !== undefined && (samePod(list[0], f) || (podKey(list[0]) === podKey(f))));
      if (same) same.push(f);
      else byPod.push([f]);
    }
    return byPod.map((facts): FindingDraft => {
      const first = facts[0] as WorkloadFact;
      const withUsage = facts.map((f) => readEvictionMessage(f.text)).find((m) => m.usageBytes !== null) ?? null;
      const message = facts.find((f) => f.text !== '')?.text ?? '';
      const scope = factScope({ ...first, containerName: null });
      return {
        id: 'eviction',
        severity: 'critical',
        scope,
        scopeKey: podKey(first),
        snapshotId: null,
        params: {
          scope,
          message,
          usage: withUsage ? '@finding.eviction.usage' : '',
          container: withUsage?.containerName ?? '',
          containerUsage: withUsage?.usageBytes != null ? formatBytes(withUsage.usageBytes) : '—',
          request: withUsage?.requestBytes != null ? formatBytes(withUsage.requestBytes) : '—',
          count: facts.length,
        },
        metrics: {
          resource: 'memory',
          evictionReports: facts.length,
          containerUsageBytes: withUsage?.usageBytes ?? null,
          containerRequestBytes: withUsage?.requestBytes ?? null,
        },
        evidence: mergeEvidence(facts.flatMap((f) => evidenceFrom(f.source))),
      };
    });
  },
};
