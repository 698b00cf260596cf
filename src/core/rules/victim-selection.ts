// victim-selection: who was killed and why. The kernel picks the task with the highest badness
// (rss + swap entries + page tables, plus oom_score_adj × totalpages / 1000: mm/oom_kill.c
// oom_badness), and the kubelet sets oom_score_adj from the QoS class.
import type { FindingDraft, Rule } from './rule';
import { mergeEvidence } from './rule';
import { bytesText, scopeName } from './group-facts';
import { eventEvidence, groupForCgroupPath, oomCgroupStat, qosFromOomScoreAdj, snapshotOfEvent, timeText } from './oom-facts';

export const VICTIM_SELECTION_THRESHOLDS = { minShmemLeftBytes: 1024 * 1024 } as const;

export const victimSelectionRule: Rule = {
  id: 'victim-selection',
  thresholds: VICTIM_SELECTION_THRESHOLDS,
  evaluate(input) {
    const drafts: FindingDraft[] = [];
    for (const located of input.oomEvents) {
      const e = located.event;
      if (!e.victim) continue;
      const victimTask = e.tasks.find((t) => t.pid === e.victim?.pid);
      const adj = e.victim.oomScoreAdj ?? victimTask?.oomScoreAdj ?? null;
      const qos = qosFromOomScoreAdj(adj);
      const shmemLeft = oomCgroupStat(e, 'shmem');
      const victimShmem = e.victim.shmemRssBytes ?? 0;
      const leftBehind = shmemLeft !== null ? shmemLeft - victimShmem : null;
      const snapshot = snapshotOfEvent(input.snapshots, located);
      const group = snapshot ? groupForCgroupPath(snapshot, e.taskMemcg ?? e.oomMemcg) : null;
      const scope = group ? scopeName(group) : (e.taskMemcg ?? e.oomMemcg ?? 'node');
      const stateLines = [victimTask?.line].filter((l): l is number => typeof l === 'number');
      drafts.push({
        id: 'victim-selection',
        severity: 'info',
        scope,
        scopeKey: group?.key ?? scope,
        snapshotId: snapshot?.id ?? null,
        params: {
          victim: e.victim.comm,
          pid: e.victim.pid,
          adj: adj ?? '—',
          qos: qos ? `@finding.qos.${qos}` : '—',
          qosClass: qos ?? '',
          taskCount: e.tasks.length > 0 ? e.tasks.length : '—',
          anonRss: e.victim.anonRssBytes !== null ? bytesText(e.victim.anonRssBytes) : '—',
          fileRss: e.victim.fileRssBytes !== null ? bytesText(e.victim.fileRssBytes) : '—',
          shmemRss: e.victim.shmemRssBytes !== null ? bytesText(e.victim.shmemRssBytes) : '—',
          shmem: leftBehind !== null ? bytesText(leftBehind) : '—',
          note: leftBehind !== null && leftBehind >= VICTIM_SELECTION_THRESHOLDS.minShmemLeftBytes ? '@finding.victim-selection.noteShmem' : '',
          time: timeText(e),
          when: timeText(e) === '' ? '' : '@finding.when',
        },
        metrics: {
          victimPid: e.victim.pid,
          oomScoreAdj: adj,
          qosClass: qos,
          taskCount: e.tasks.length,
          anonRssBytes: e.victim.anonRssBytes,
          shmemLeftInCgroupBytes: leftBehind,
        },
        evidence: mergeEvidence([...eventEvidence(located), ...stateLines.map((line) => ({ file: located.file, lineStart: line, lineEnd: line }))]),
      });
    }
    return drafts;
  },
};
