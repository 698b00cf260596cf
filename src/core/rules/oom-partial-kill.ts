// oom-partial-kill: a process inside a container was OOM-killed while the container kept running —
// other processes of the killed task's cgroup are still there in the snapshot taken with the log.
// Without memory.oom.group the kernel kills one task, not the container.
import type { FindingDraft, Rule } from './rule';
import { evidenceFrom, mergeEvidence } from './rule';
import { scopeName } from './group-facts';
import { eventEvidence, groupForCgroupPath, snapshotOfEvent, timeText } from './oom-facts';

export const oomPartialKillRule: Rule = {
  id: 'oom-partial-kill',
  thresholds: { minSurvivingProcesses: 1 },
  evaluate(input) {
    const drafts: FindingDraft[] = [];
    for (const located of input.oomEvents) {
      const e = located.event;
      if (e.kind !== 'memcg' || !e.victim || e.oomGroupMemcg !== null) continue;
      const snapshot = snapshotOfEvent(input.snapshots, located);
      const group = snapshot ? groupForCgroupPath(snapshot, e.taskMemcg) : null;
      if (!snapshot || !group || group.role !== 'container') continue;
      const victimPid = e.victim.pid;
      const survivors = group.processes.filter((p) => p.pid !== victimPid);
      if (survivors.length === 0) continue;
      drafts.push({
        id: 'oom-partial-kill',
        severity: 'warning',
        scope: scopeName(group),
        scopeKey: group.key,
        snapshotId: snapshot.id,
        params: { victim: e.victim.comm, pid: victimPid, scope: scopeName(group), time: timeText(e), survivors: survivors.map((p) => `${p.name ?? '?'} (${p.pid})`).join(', ') },
        metrics: { victimPid, survivingProcesses: survivors.length },
        evidence: mergeEvidence([...eventEvidence(located), ...survivors.flatMap((p) => evidenceFrom(p.source))]),
      });
    }
    return drafts;
  },
};
