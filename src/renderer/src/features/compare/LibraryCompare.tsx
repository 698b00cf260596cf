// The Library's hook into Compare: a checkbox per bundle row and a "Compare the two selected"
// button that opens #/compare on the two ticked bundles (the earlier capture before).
import { useCallback, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { compareHref } from './compare-route';
import { selectionTarget, toggleSelection, type SelectableBundle } from './library-selection';

export interface CompareSelection {
  selected: readonly string[];
  toggle: (id: string) => void;
}

export function useCompareSelection(): CompareSelection {
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = useCallback((id: string) => setSelected((s) => toggleSelection(s, id)), []);
  return { selected, toggle };
}

export function CompareCheckbox({ bundle, selection }: { bundle: { id: string; title: string }; selection: CompareSelection }): ReactNode {
  const { t } = useI18n();
  return (
    <input
      type="checkbox"
      className="library-compare-check"
      checked={selection.selected.includes(bundle.id)}
      onChange={() => selection.toggle(bundle.id)}
      aria-label={t('compare.library.select', { title: bundle.title })}
      style={{ marginRight: 8, verticalAlign: 'middle' }}
    />
  );
}

export function CompareSelectedButton({ selection, bundles }: { selection: CompareSelection; bundles: readonly SelectableBundle[] }): ReactNode {
  const { t } = useI18n();
  const target = selectionTarget(selection.selected, bundles);
  if (bundles.length < 2) return null;
  return (
    <button type="button" disabled={!target} title={target ? undefined : t('compare.library.compareHint')} onClick={() => target && navigate(compareHref(target))}>
      {t('compare.library.compare')}
    </button>
  );
}
