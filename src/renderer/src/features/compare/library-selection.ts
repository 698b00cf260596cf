// Pure: the Library's choice of two bundles to compare — ticking a third drops the first ticked —
// and which one is "before": the earlier capture (capture time, else import time).
import type { CompareTarget } from './compare-route';

export interface SelectableBundle {
  id: string;
  capturedAt: string | null;
  importedAt: string;
}

export const MAX_SELECTED = 2;

export function toggleSelection(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  return [...selected, id].slice(-MAX_SELECTED);
}

function timeOf(b: SelectableBundle): string {
  return b.capturedAt ?? b.importedAt;
}

/** The two selected bundles as a comparison (each side its latest snapshot), or null unless exactly two are selected. */
export function selectionTarget(selected: readonly string[], bundles: readonly SelectableBundle[]): CompareTarget | null {
  const chosen = selected.map((id) => bundles.find((b) => b.id === id)).filter((b): b is SelectableBundle => b !== undefined);
  if (chosen.length !== 2) return null;
  const [a, b] = chosen as [SelectableBundle, SelectableBundle];
  const [before, after] = timeOf(a) <= timeOf(b) ? [a, b] : [b, a];
  return { before: { bundleId: before.id, snapshotId: null }, after: { bundleId: after.id, snapshotId: null }, scope: null };
}
