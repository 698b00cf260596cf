// Messages between the Compare screen and its worker (compare.worker.ts), which reads the bundles'
// stored analyses and files from IndexedDB and computes the comparison off the UI thread.
//   → { type: 'snapshots', id: 1, bundleId: '3f2a…' }
//   ← { type: 'snapshots', id: 1, result: { bundleId, choices: [{ id: 'orphaned-shmem/before', … }], series } }
import type { BundleSnapshots, Comparison } from './compare-analysis';

/** One side of a comparison, fully chosen. */
export interface ChosenSnapshot {
  bundleId: string;
  snapshotId: string;
}

export type ToCompareWorker = { type: 'snapshots'; id: number; bundleId: string } | { type: 'compare'; id: number; before: ChosenSnapshot; after: ChosenSnapshot; scope: string | null };

export type FromCompareWorker =
  /** result null: no such bundle (deleted, or never imported here). */
  | { type: 'snapshots'; id: number; result: BundleSnapshots | null }
  | { type: 'compare'; id: number; result: Comparison }
  | { type: 'error'; id: number; message: string };
