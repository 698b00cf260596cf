// Where a note's target is on screen, and what its snapshot and group are called (from the stored
// analysis: snapshot labels, pod and container names).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { walkGroups, type NoteTarget, type NoteTargetNames, type Translator } from '../../../../core';
import { bundleHref, overviewHref } from '../../app/router';
import { db } from '../../db/database';
import type { AnalysisRecord } from '../../db/schema';
import { groupLabel } from '../bundle/overview/group-label';

export function noteTargetHref(bundleId: string, target: NoteTarget): string {
  switch (target.kind) {
    case 'bundle':
    case 'finding':
      return bundleHref(bundleId, 'overview');
    case 'snapshot':
      return overviewHref(bundleId, target.snapshotId, null);
    case 'group':
      return overviewHref(bundleId, target.snapshotId, target.groupKey);
    case 'oom-event':
      return bundleHref(bundleId, 'oom');
    case 'lines':
      return bundleHref(bundleId, 'files', target.file, target.lineStart, target.lineEnd);
  }
}

/** Names of snapshots and groups as the Overview shows them. */
export function targetNamesFrom(analysis: Pick<AnalysisRecord, 'snapshots'> | null | undefined, t: Translator): NoteTargetNames {
  if (!analysis) return {};
  const snapshots = new Map(analysis.snapshots.map((s) => [s.id, s]));
  return {
    snapshot: (id) => snapshots.get(id)?.label,
    group: (snapshotId, key) => {
      const candidates = snapshotId !== null ? [snapshots.get(snapshotId)] : analysis.snapshots;
      for (const s of candidates) {
        if (!s) continue;
        for (const g of walkGroups(s.groups)) {
          if (g.key !== key) continue;
          const label = groupLabel(g);
          return t(label.key, label.params);
        }
      }
      return undefined;
    },
  };
}

export function useTargetNames(bundleId: string, t: Translator): NoteTargetNames {
  const analysis = useLiveQuery(() => db.analyses.get(bundleId), [bundleId]);
  return useMemo(() => targetNamesFrom(analysis, t), [analysis, t]);
}
