// Overview: the memory tree of the bundle with a breakdown per group, and the chosen group in full.
import { walkGroups, type MemoryGroup } from '../../../../../core';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { bundleHref, navigate } from '../../../app/router';
import type { BundleRecord, FileRecord } from '../../../db/schema';
import { snapshotFromFiles } from './groups-from-files';
import { GroupTree } from './GroupTree';
import { GroupDetail } from './GroupDetail';
import './overview.css';

/** `groupKey` comes from the URL (#/bundle/<id>/overview/<group key>), so a reload keeps the choice. */
export function OverviewTab({ bundle, files, groupKey }: { bundle: BundleRecord; files: readonly FileRecord[]; groupKey: string | null }): ReactNode {
  const { t } = useI18n();
  const snapshot = useMemo(() => snapshotFromFiles(bundle.id, bundle.title, files), [bundle.id, bundle.title, files]);
  const all = useMemo(() => [...walkGroups(snapshot.groups)], [snapshot]);
  const selected: MemoryGroup | undefined = all.find((g) => g.key === groupKey) ?? all[0];
  const select = (key: string): void => navigate(bundleHref(bundle.id, 'overview', key));

  if (all.length === 0) {
    return (
      <div className="empty-state" data-testid="overview-empty">
        <p>{t('bundle.noStats')}</p>
      </div>
    );
  }
  return (
    <div className="overview">
      {all.length > 1 && (
        <div className="panel overview-tree">
          <GroupTree groups={snapshot.groups} selectedKey={selected?.key ?? null} onSelect={select} />
        </div>
      )}
      {selected && <GroupDetail bundleId={bundle.id} group={selected} />}
    </div>
  );
}
