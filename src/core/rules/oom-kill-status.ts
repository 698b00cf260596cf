// oom-kill-memcg from what Kubernetes and the container runtime say, for bundles without a kernel log
// or cgroup counters of the kill: a container state with reason OOMKilled (exit code 137), `kubectl
// get pods` STATUS OOMKilled, docker/CRI State.OOMKilled, or an OOMKilling event. Samples:
//   Last State:     Terminated / Reason: OOMKilled / Exit Code: 137       (kubectl describe pod)
//   importer-wbm-vda   0/1   OOMKilled   1   76s                           (kubectl get po, seed 002)
//   Warning OOMKilling Memory cgroup out of memory: Kill process 4481 (stress) score 1994 …
import { formatBytes } from '../model/units';
import type { AnalysisInput, FindingDraft, WorkloadFact } from './rule';
import { evidenceFrom, mergeEvidence } from './rule';
import { limitFact, scopeName } from './group-facts';
import { factKey, factScope, groupForFact, sameContainer } from './workload-match';

const REPORTER: Record<string, string> = {
  state: 'kubectl',
  'last-state': 'kubectl',
  'get-pods': 'kubectl get pods',
  inspect: 'docker/crictl inspect',
  event: 'kubectl events',
};

// node-problem-detector's kernel monitor quotes the kernel: "Kill process 4481 (stress) score 1994".
const KILL_PROCESS = /Kill(?:ed)? process (\d{1,10}) \(([^)]{1,64})\)/;

function isKill(f: WorkloadFact): boolean {
  return f.kind === 'terminated-oomkilled' || (f.kind === 'oom-killing-event' && f.value === 'memcg');
}

export function memcgFromWorkloadFacts(input: AnalysisInput): FindingDraft[] {
  const groups: WorkloadFact[][] = [];
  for (const f of input.workloadFacts.filter(isKill)) {
    const same = groups.find((g) => g[0] !== undefined && (sameContainer(g[0], f) || factKey(g[0]) === factKey(f)));
    if (same) same.push(f);
    else groups.push([f]);
  }
  return groups.map((facts): FindingDraft => {
    const first = facts[0] as WorkloadFact;
    const placed = groupForFact(input.snapshots, first);
    const ownLimit = input.workloadFacts.find((l) => l.kind === 'memory-limit' && typeof l.value === 'number' && sameContainer(l, first));
    const limit = ownLimit ? { bytes: ownLimit.value as number, evidence: evidenceFrom(ownLimit.source) } : placed ? limitFact(placed.group) : null;
    const restarts = input.workloadFacts.find((r) => r.kind === 'restart-count' && typeof r.value === 'number' && sameContainer(r, first));
    const exitCode = facts.map((f) => f.value).find((v): v is number => typeof v === 'number') ?? null;
    const killed = facts.map((f) => KILL_PROCESS.exec(f.text)).find((m) => m !== null) ?? null;
    const scope = placed ? scopeName(placed.group) : factScope(first);
    const reporters = [...new Set(facts.map((f) => REPORTER[f.basis ?? ''] ?? 'kubectl'))];
    return {
      id: 'oom-kill-memcg',
      severity: 'critical',
      scope,
      scopeKey: placed?.group.key ?? factKey(first),
      snapshotId: null,
      params: {
        lead: '@finding.oom-kill-memcg.fromStatus',
        scope,
        reporter: reporters.join(', '),
        status: facts.map((f) => f.text).filter((t) => t !== '')[0] ?? 'OOMKilled',
        limit: limit ? formatBytes(limit.bytes) : '—',
        victim: killed?.[2] ?? '—',
        pid: killed?.[1] ?? '—',
        time: '',
        when: '',
      },
      metrics: {
        exitCode,
        restartCount: typeof restarts?.value === 'number' ? restarts.value : null,
        limitBytes: limit?.bytes ?? null,
        statusReports: facts.length,
        victimPid: killed?.[1] !== undefined ? Number(killed[1]) : null,
      },
      evidence: mergeEvidence([...facts.flatMap((f) => evidenceFrom(f.source)), ...(limit?.evidence ?? []), ...evidenceFrom(restarts?.source)]),
    };
  });
}
