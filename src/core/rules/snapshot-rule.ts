// Shared shape of the rules that judge one memory group of one snapshot at a time.
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import type { AnalysisInput, FindingDraft, FindingId, Rule, Severity } from './rule';
import { mergeEvidence } from './rule';
import { isRealCgroup, scopeName, snapshotGroups } from './group-facts';

export interface GroupVerdict {
  severity: Severity;
  params: FindingDraft['params'];
  metrics: FindingDraft['metrics'];
  evidence: FindingDraft['evidence'];
}

export function snapshotRule(
  id: FindingId,
  thresholds: Readonly<Record<string, number>>,
  judge: (group: MemoryGroup, snapshot: Snapshot) => GroupVerdict | null,
  options: { innermostOnly?: boolean } = {},
): Rule {
  return {
    id,
    thresholds,
    evaluate(input: AnalysisInput): FindingDraft[] {
      const drafts: FindingDraft[] = [];
      const firedPaths = new Set<string>();
      // The remainder is derived from its parent's figures: judging it too would say the same thing twice.
      const candidates = [...snapshotGroups(input.snapshots)].filter(({ group }) => isRealCgroup(group));
      // Innermost first, so a pod whose container already explains the same thing can be skipped.
      if (options.innermostOnly) candidates.sort((a, b) => depth(b.group) - depth(a.group));
      for (const { snapshot, group } of candidates) {
        if (options.innermostOnly && group.children.some((c) => firedPaths.has(`${snapshot.id}\u0000${c.path}`))) continue;
        const verdict = judge(group, snapshot);
        if (!verdict) continue;
        firedPaths.add(`${snapshot.id}\u0000${group.path}`);
        drafts.push({
          id,
          severity: verdict.severity,
          scope: scopeName(group),
          scopeKey: group.key,
          snapshotId: snapshot.id,
          params: { scope: scopeName(group), snapshot: snapshot.label, ...verdict.params },
          metrics: verdict.metrics,
          evidence: mergeEvidence(verdict.evidence),
        });
      }
      return drafts;
    },
  };
}

function depth(group: MemoryGroup): number {
  return group.role === 'container' ? 3 : group.role === 'pod' ? 2 : group.role === 'qos' ? 1 : group.role === 'node' ? 0 : 2;
}
