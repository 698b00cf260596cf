// Pure: the two sides of #/compare and how they are written in the URL, e.g.
//   #/compare?before=3f2a…:orphaned-shmem%2Fbefore&after=3f2a…:orphaned-shmem%2Fduring&scope=pod%3A8053…
// A side is `<bundleId>:<snapshotId>`, or `<bundleId>` alone (its latest snapshot; the Library's
// "Compare" does not know snapshot ids). Bundle ids are UUIDs, so the first ':' ends the bundle id.
import { routeHref } from '../../app/router';
import type { SnapshotChoice } from './compare-analysis';

export type { SnapshotChoice };

export interface SnapshotAddress {
  bundleId: string;
  /** null: not chosen yet (the page picks one). */
  snapshotId: string | null;
}

export interface CompareTarget {
  before: SnapshotAddress | null;
  after: SnapshotAddress | null;
  scope: string | null;
}

export function parseSnapshotAddress(text: string | null | undefined): SnapshotAddress | null {
  if (!text) return null;
  const i = text.indexOf(':');
  if (i < 0) return { bundleId: text, snapshotId: null };
  const bundleId = text.slice(0, i);
  if (bundleId === '') return null;
  const snapshotId = text.slice(i + 1);
  return { bundleId, snapshotId: snapshotId === '' ? null : snapshotId };
}

export function formatSnapshotAddress(a: SnapshotAddress): string {
  return a.snapshotId === null ? a.bundleId : `${a.bundleId}:${a.snapshotId}`;
}

export function sameAddress(a: SnapshotAddress | null, b: SnapshotAddress | null): boolean {
  return a !== null && b !== null && a.bundleId === b.bundleId && a.snapshotId === b.snapshotId;
}

export function compareHref(target: CompareTarget): string {
  return routeHref({
    name: 'compare',
    before: target.before ? formatSnapshotAddress(target.before) : null,
    after: target.after ? formatSnapshotAddress(target.after) : null,
    scope: target.scope,
  });
}

/**
 * Fills the sides the URL leaves open. After: the latest snapshot. Before: in the same bundle as
 * after, the first snapshot (the whole span of the capture); in another bundle, its latest. A
 * snapshot id the bundle no longer has is treated as not chosen.
 */
export function resolveSides(
  before: SnapshotAddress | null,
  after: SnapshotAddress | null,
  snapshotsOf: (bundleId: string) => readonly SnapshotChoice[] | undefined,
): { before: SnapshotAddress | null; after: SnapshotAddress | null } {
  const known = (a: SnapshotAddress | null): SnapshotAddress | null => {
    if (!a || a.snapshotId === null) return a;
    const list = snapshotsOf(a.bundleId);
    if (list === undefined || list.some((s) => s.id === a.snapshotId)) return a;
    return { bundleId: a.bundleId, snapshotId: null };
  };
  const b = known(before);
  const a = known(after);
  let resolvedAfter = a;
  if (a && a.snapshotId === null) {
    const list = snapshotsOf(a.bundleId);
    const last = list?.[list.length - 1];
    if (last) resolvedAfter = { bundleId: a.bundleId, snapshotId: last.id };
  }
  let resolvedBefore = b;
  if (b && b.snapshotId === null) {
    const list = snapshotsOf(b.bundleId);
    if (list && list.length > 0) {
      const sameBundle = resolvedAfter?.bundleId === b.bundleId;
      const first = list[0];
      const last = list[list.length - 1];
      const pick = sameBundle ? (first && first.id !== resolvedAfter?.snapshotId ? first : list.find((s) => s.id !== resolvedAfter?.snapshotId)) : last;
      if (pick) resolvedBefore = { bundleId: b.bundleId, snapshotId: pick.id };
    }
  }
  return { before: resolvedBefore, after: resolvedAfter };
}
