// Pure (runs in the compare worker): from two bundles' analyses (analyzeBundle's result, stored in
// the `analyses` table) to what the Compare screen shows — each bundle's snapshots to choose from
// and its series, and the comparison of two snapshots: the diff (groups, explanation, notes,
// findings new/resolved/persisting) and the raw files paired for the side-by-side view.
// The diff's texts are English here; the screen re-renders them in the user's language.
import { diffSnapshots, pairFiles, type BundleAnalysis, type FilePair, type FindingDraft, type PairableFile, type Snapshot, type SnapshotDiff } from '../../../../core';
import { extractSeries, type Series } from './series';

/** A snapshot a bundle offers to compare (one with memory groups). */
export interface SnapshotChoice {
  id: string;
  label: string;
  capturedAt: string | null;
}

/** What a bundle offers the Compare screen. */
export interface BundleSnapshots {
  bundleId: string;
  /** Snapshots that have memory groups, in time order. */
  choices: SnapshotChoice[];
  series: Series;
}

export interface ComparisonSide {
  bundleId: string;
  snapshot: SnapshotChoice;
  /** Files of this side's snapshot (bundle paths), for the raw pairs. */
  fileCount: number;
}

export interface Comparison {
  before: ComparisonSide;
  after: ComparisonSide;
  diff: SnapshotDiff<FindingDraft>;
  pairs: FilePair[];
}

export function comparableSnapshots(analysis: Pick<BundleAnalysis, 'snapshots'>): Snapshot[] {
  return analysis.snapshots.filter((s) => s.groups.length > 0);
}

export function choiceOf(s: Snapshot): SnapshotChoice {
  return { id: s.id, label: s.label, capturedAt: s.capturedAt };
}

export function bundleSnapshots(bundleId: string, analysis: Pick<BundleAnalysis, 'snapshots'>): BundleSnapshots {
  const snapshots = comparableSnapshots(analysis);
  return { bundleId, choices: snapshots.map(choiceOf), series: extractSeries(snapshots) };
}

export interface SideInput {
  bundleId: string;
  snapshotId: string;
  analysis: Pick<BundleAnalysis, 'snapshots' | 'findingsBySnapshot'>;
  /** Every file of the bundle (path and format); pairFiles keeps those of the snapshot. */
  files: readonly PairableFile[];
}

export class SnapshotNotFoundError extends Error {
  constructor(
    readonly bundleId: string,
    readonly snapshotId: string,
  ) {
    super(`No snapshot "${snapshotId}" in bundle ${bundleId}.`);
  }
}

function snapshotOf(side: SideInput): Snapshot {
  const s = comparableSnapshots(side.analysis).find((x) => x.id === side.snapshotId);
  if (!s) throw new SnapshotNotFoundError(side.bundleId, side.snapshotId);
  return s;
}

export function compareSides(before: SideInput, after: SideInput, scopeKey: string | null): Comparison {
  const b = snapshotOf(before);
  const a = snapshotOf(after);
  const findingsOf = (side: SideInput, id: string): FindingDraft[] => side.analysis.findingsBySnapshot.filter((d) => d.snapshotId === id);
  const diff = diffSnapshots(b, a, { scopeKey, findings: { before: findingsOf(before, b.id), after: findingsOf(after, a.id) } });
  const pairs = pairFiles({ files: before.files, snapshot: b }, { files: after.files, snapshot: a });
  return {
    before: { bundleId: before.bundleId, snapshot: choiceOf(b), fileCount: b.files.length },
    after: { bundleId: after.bundleId, snapshot: choiceOf(a), fileCount: a.files.length },
    diff,
    pairs,
  };
}
