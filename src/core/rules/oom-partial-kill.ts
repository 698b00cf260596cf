// oom-partial-kill: a process inside a container was OOM-killed while the container kept running —
// other processes of the killed task's cgroup are still there in the snapshot taken with the log,
// or kubectl/inspect show that container running with no OOMKilled status (it was not restarted).
// Without memory.oom.group the kernel kills one task, not the container.
import type { AnalysisInput, FindingDraft, LocatedOomEvent, Rule, WorkloadFact } from './rule';
import { evidenceFrom, mergeEvidence } from './rule';
import { scopeName } from './group-facts';
import { eventEvidence, groupForCgroupPath, snapshotOfEvent, timeText } from './oom-facts';
import { factMatchesCgroupPath, factScope, factKey, sameContainer } from './workload-match';

const REPORTER: Record<string, string> = { state: 'kubectl', inspect: 'docker/crictl inspect' };

function fromSnapshot(input: AnalysisInput, located: LocatedOomEvent): FindingDraft | null {
  const e = located.event;
  if (!e.victim) return null;
  const snapshot = snapshotOfEvent(input.snapshots, located);
  const group = snapshot ? groupForCgroupPath(snapshot, e.taskMemcg) : null;
  if (!snapshot || !group || group.role !== 'container') return null;
  const victimPid = e.victim.pid;
  const survivors = group.processes.filter((p) => p.pid !== victimPid);
  if (survivors.length === 0) return null;
  return {
    id: 'oom-partial-kill',
    severity: 'warning',
    scope: scopeName(group),
    scopeKey: group.key,
    snapshotId: snapshot.id,
    params: { victim: e.victim.comm, pid: victimPid, scope: scopeName(group), time: timeText(e), survivors: survivors.map((p) => `${p.name ?? '?'} (${p.pid})`).join(', '), status: '' },
    metrics: { victimPid, survivingProcesses: survivors.length },
    evidence: mergeEvidence([...eventEvidence(located), ...survivors.flatMap((p) => evidenceFrom(p.source))]),
  };
}

/** The killed task's container is shown running, and nothing says it was OOMKilled (restarted for it). */
function fromStatus(input: AnalysisInput, located: LocatedOomEvent): FindingDraft | null {
  const e = located.event;
  if (!e.victim) return null;
  const about = input.workloadFacts.filter((f) => factMatchesCgroupPath(f, e.taskMemcg));
  const running = about.find((f) => f.kind === 'container-state' && f.value === 'running');
  if (!running) return null;
  const restartedForOom = input.workloadFacts.some((f) => f.kind === 'terminated-oomkilled' && sameContainer(f, running));
  if (restartedForOom) return null;
  const restarts = about.find((f): f is WorkloadFact & { value: number } => f.kind === 'restart-count' && typeof f.value === 'number');
  const scope = factScope(running);
  return {
    id: 'oom-partial-kill',
    severity: 'warning',
    scope,
    scopeKey: factKey(running),
    snapshotId: null,
    params: {
      victim: e.victim.comm,
      pid: e.victim.pid,
      scope,
      time: timeText(e),
      survivors: '',
      status: '@finding.oom-partial-kill.status',
      reporter: REPORTER[running.basis ?? ''] ?? 'kubectl',
      state: running.text,
      restarts: restarts?.value ?? '—',
    },
    metrics: { victimPid: e.victim.pid, restartCount: restarts?.value ?? null, containerState: 'running' },
    evidence: mergeEvidence([...eventEvidence(located), ...evidenceFrom(running.source), ...evidenceFrom(restarts?.source)]),
  };
}

export const oomPartialKillRule: Rule = {
  id: 'oom-partial-kill',
  thresholds: { minSurvivingProcesses: 1 },
  evaluate(input) {
    const drafts: FindingDraft[] = [];
    for (const located of input.oomEvents) {
      const e = located.event;
      if (e.kind !== 'memcg' || !e.victim || e.oomGroupMemcg !== null) continue;
      const draft = fromSnapshot(input, located) ?? fromStatus(input, located);
      if (draft) drafts.push(draft);
    }
    return drafts;
  },
};
