// One side of the comparison: a bundle of the library, then one of its snapshots (capture times).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { BundleRecord } from '../../db/schema';
import type { SnapshotAddress, SnapshotChoice } from './compare-route';

interface Props {
  side: 'before' | 'after';
  bundles: readonly BundleRecord[];
  value: SnapshotAddress | null;
  /** The chosen bundle's snapshots; undefined while they load. */
  choices: readonly SnapshotChoice[] | undefined;
  onChange: (value: SnapshotAddress) => void;
}

export function SnapshotPicker({ side, bundles, value, choices, onChange }: Props): ReactNode {
  const { t, dateTime } = useI18n();
  const sideLabel = t(side === 'before' ? 'compare.before' : 'compare.after');
  const bundleKnown = value !== null && bundles.some((b) => b.id === value.bundleId);
  return (
    <fieldset className={`cmp-picker cmp-picker-${side}`} data-testid={`picker-${side}`}>
      <legend>{sideLabel}</legend>
      <label>
        <span>{t('compare.bundle')}</span>
        <select
          aria-label={`${sideLabel}: ${t('compare.bundle')}`}
          value={bundleKnown ? value.bundleId : ''}
          onChange={(e) => e.target.value && onChange({ bundleId: e.target.value, snapshotId: null })}
        >
          {!bundleKnown && <option value="">{t('compare.chooseBundle')}</option>}
          {bundles.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('compare.snapshot')}</span>
        <select
          aria-label={`${sideLabel}: ${t('compare.snapshot')}`}
          value={value?.snapshotId ?? ''}
          disabled={!choices || choices.length === 0}
          onChange={(e) => value && e.target.value && onChange({ bundleId: value.bundleId, snapshotId: e.target.value })}
        >
          {(!value?.snapshotId || !choices?.some((c) => c.id === value.snapshotId)) && <option value="">{t('compare.chooseSnapshot')}</option>}
          {(choices ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.capturedAt ? `${c.label} — ${dateTime(c.capturedAt)}` : c.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
