// oom-kill-memcg and oom-kill-global: a kill in the kernel log, or in the counters (memory.events
// oom_kill, memory.oom_control oom_kill) when the bundle has no log of it, or else in what
// Kubernetes and the runtime say (reason OOMKilled, docker State.OOMKilled, an OOMKilling event).
import type { AnalysisInput, FindingDraft, Rule } from './rule';
import { evidenceFrom, mergeEvidence } from './rule';
import { bytesText, scopeName, snapshotGroups } from './group-facts';
import { eventEvidence, groupForCgroupPath, snapshotOfEvent, timeText } from './oom-facts';
import { memcgFromWorkloadFacts } from './oom-kill-status';

function memcgFromLogs(input: AnalysisInput): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const located of input.oomEvents) {
    const e = located.event;
    if (e.kind !== 'memcg') continue;
    const snapshot = snapshotOfEvent(input.snapshots, located);
    const group = snapshot ? groupForCgroupPath(snapshot, e.oomMemcg) : null;
    const scope = group ? scopeName(group) : (e.oomMemcg ?? e.taskMemcg ?? '?');
    drafts.push({
      id: 'oom-kill-memcg',
      severity: 'critical',
      scope,
      scopeKey: group?.key ?? scope,
      snapshotId: snapshot?.id ?? null,
      params: {
        lead: '@finding.oom-kill-memcg.fromLog',
        victim: e.victim?.comm ?? '?',
        pid: e.victim?.pid ?? '?',
        scope,
        usage: e.memcg?.usageBytes != null ? bytesText(e.memcg.usageBytes) : '—',
        limit: e.memcg?.limitBytes != null ? bytesText(e.memcg.limitBytes) : '—',
        failcnt: e.memcg?.failcnt ?? '—',
        time: timeText(e),
        when: timeText(e) === '' ? '' : '@finding.when',
      },
      metrics: {
        usageBytes: e.memcg?.usageBytes ?? null,
        limitBytes: e.memcg?.limitBytes ?? null,
        failcnt: e.memcg?.failcnt ?? null,
        victimPid: e.victim?.pid ?? null,
        oomMemcg: e.oomMemcg,
        taskMemcg: e.taskMemcg,
      },
      evidence: mergeEvidence(eventEvidence(located)),
    });
  }
  return drafts;
}

function memcgFromCounters(input: AnalysisInput): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const seen = new Set<string>();
  // The latest snapshot's counter is the one that says most; earlier ones are the same kills again.
  const latestFirst = [...snapshotGroups(input.snapshots)].reverse();
  for (const { snapshot, group } of latestFirst) {
    const kills = group.events.oomKill;
    if (kills === null || kills <= 0 || seen.has(group.key)) continue;
    seen.add(group.key);
    const scope = scopeName(group);
    drafts.push({
      id: 'oom-kill-memcg',
      severity: 'critical',
      scope,
      scopeKey: group.key,
      snapshotId: snapshot.id,
      params: {
        lead: '@finding.oom-kill-memcg.fromCounter',
        kills,
        scope,
        usage: group.usageBytes !== null ? bytesText(group.usageBytes) : '—',
        limit: group.limitBytes !== null ? bytesText(group.limitBytes) : '—',
        failcnt: group.events.failcnt ?? '—',
        time: '',
        when: '',
      },
      metrics: { oomKills: kills, usageBytes: group.usageBytes, limitBytes: group.limitBytes, failcnt: group.events.failcnt },
      evidence: evidenceFrom(group.sources['events.oomKill']),
    });
  }
  return drafts;
}

export const oomKillMemcgRule: Rule = {
  id: 'oom-kill-memcg',
  thresholds: { minKills: 1 },
  evaluate(input) {
    const fromLogs = memcgFromLogs(input);
    // Counters only speak when no log does: v1 counts the kill in the victim's cgroup, the log is richer.
    if (fromLogs.length > 0) return fromLogs;
    const fromCounters = memcgFromCounters(input);
    // Statuses only when the bundle has neither: they say that, not how full the cgroup was.
    return fromCounters.length > 0 ? fromCounters : memcgFromWorkloadFacts(input);
  },
};

export const oomKillGlobalRule: Rule = {
  id: 'oom-kill-global',
  thresholds: {},
  evaluate(input) {
    return input.oomEvents
      .filter((l) => l.event.kind === 'global')
      .map((located): FindingDraft => {
        const e = located.event;
        const snapshot = snapshotOfEvent(input.snapshots, located);
        return {
          id: 'oom-kill-global',
          severity: 'critical',
          scope: 'node',
          scopeKey: 'node',
          snapshotId: snapshot?.id ?? null,
          params: {
            victim: e.victim?.comm ?? '?',
            pid: e.victim?.pid ?? '?',
            anonRss: e.victim?.anonRssBytes != null ? bytesText(e.victim.anonRssBytes) : '—',
            constraint: e.constraint ?? 'CONSTRAINT_NONE',
                time: timeText(e),
          },
          metrics: { victimPid: e.victim?.pid ?? null, anonRssBytes: e.victim?.anonRssBytes ?? null, constraint: e.constraint },
          evidence: mergeEvidence(eventEvidence(located)),
        };
      });
  },
};
