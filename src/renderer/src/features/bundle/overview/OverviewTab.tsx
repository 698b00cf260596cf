// Overview: the bundle's snapshots (one per capture time), the memory tree of the chosen one with a
// breakdown per group, and the chosen group in full. Snapshot and group live in the URL.
import { walkGroups, type MemoryGroup, type Snapshot } from '../../../../../core';
import { assembleSnapshots } from '../../../../../core/assemble/assemble-snapshots';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { navigate, overviewHref } from '../../../app/router';
import type { BundleRecord, FileRecord } from '../../../db/schema';
import { GroupTree } from './GroupTree';
import { GroupDetail } from './GroupDetail';
import './overview.css';

interface Props {
  bundle: BundleRecord;
  files: readonly FileRecord[];
  snapshotId: string | null;
  groupKey: string | null;
}

export function OverviewTab({ bundle, files, snapshotId, groupKey }: Props): ReactNode {
  const { t } = useI18n();
  const snapshots = useMemo(() => assembleSnapshots(files.map(({ path, formatId, data }) => ({ path, formatId, data }))), [files]);
  const withGroups = snapshots.filter((s) => s.groups.length > 0);
  // The latest capture by default: the state the incident ended in.
  const snapshot: Snapshot | undefined = withGroups.find((s) => s.id === snapshotId) ?? withGroups[withGroups.length - 1];
  const groups = useMemo(() => (snapshot ? [...walkGroups(snapshot.groups)] : []), [snapshot]);
  const selected: MemoryGroup | undefined = groups.find((g) => g.key === groupKey) ?? firstInteresting(snapshot);

  if (!snapshot) {
    return (
      <div className="empty-state" data-testid="overview-empty">
        <p>{t('bundle.noStats')}</p>
      </div>
    );
  }
  const go = (s: string, g: string | null): void => navigate(overviewHref(bundle.id, s, g));
  return (
    <div className="overview">
      {withGroups.length > 1 && <SnapshotPicker snapshots={withGroups} selectedId={snapshot.id} onSelect={(id) => go(id, null)} />}
      {groups.length > 1 && (
        <div className="panel overview-tree">
          <GroupTree groups={snapshot.groups} selectedKey={selected?.key ?? null} onSelect={(key) => go(snapshot.id, key)} />
        </div>
      )}
      {selected && <GroupDetail bundleId={bundle.id} group={selected} />}
    </div>
  );
}

/** The pod when there is one (where a limit is hit), else the first root. */
function firstInteresting(snapshot: Snapshot | undefined): MemoryGroup | undefined {
  if (!snapshot) return undefined;
  for (const g of walkGroups(snapshot.groups)) if (g.role === 'pod') return g;
  return snapshot.groups[0];
}

function SnapshotPicker({ snapshots, selectedId, onSelect }: { snapshots: readonly Snapshot[]; selectedId: string; onSelect: (id: string) => void }): ReactNode {
  const { t, dateTime } = useI18n();
  return (
    <div className="snapshot-picker" role="tablist" aria-label={t('overview.snapshots')}>
      {snapshots.map((s) => (
        <button key={s.id} type="button" role="tab" aria-selected={s.id === selectedId} onClick={() => onSelect(s.id)} title={s.id}>
          <span className="snapshot-label">{s.label}</span>
          {s.capturedAt && <span className="snapshot-time">{dateTime(s.capturedAt)}</span>}
        </button>
      ))}
    </div>
  );
}
