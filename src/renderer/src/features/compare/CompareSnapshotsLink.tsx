// "Compare snapshots" on a bundle page, shown when the bundle has two snapshots or more (a lab
// capture's init-running/before/during/after, a collector's samples, a memstat series): opens
// the Compare screen on its first and last snapshot.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useBundleSnapshots } from './compare-client';
import { compareHref } from './compare-route';

export function CompareSnapshotsLink({ bundleId }: { bundleId: string }): ReactNode {
  const { t } = useI18n();
  const info = useBundleSnapshots(bundleId);
  if (info.state !== 'ready' || !info.value || info.value.choices.length < 2) return null;
  const { choices } = info.value;
  const first = choices[0];
  const last = choices[choices.length - 1];
  if (!first || !last) return null;
  const href = compareHref({ before: { bundleId, snapshotId: first.id }, after: { bundleId, snapshotId: last.id }, scope: null });
  return (
    <a className="button" href={href} data-testid="compare-snapshots">
      {t('compare.action.compareSnapshots')}
    </a>
  );
}
