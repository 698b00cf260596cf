// The compare worker: reads a bundle's stored analysis (table `analyses`; analysed here from the
// stored parsed files when it is missing or older than the engine) and answers the Compare
// screen — snapshots and series of a bundle, the comparison of two snapshots — so the UI thread
// never assembles nor diffs. Protocol in ./compare-protocol.ts.
import { analyzeBundle, type BundleAnalysis, type PairableFile } from '../../../../core';
import { db } from '../../db/database';
import { analysisState } from '../../db/analysis-store';
import { bundleSnapshots, compareSides } from './compare-analysis';
import type { FromCompareWorker, ToCompareWorker } from './compare-protocol';

interface WorkerScope {
  postMessage(message: FromCompareWorker): void;
  onmessage: ((event: MessageEvent<ToCompareWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

interface LoadedBundle {
  analysis: BundleAnalysis;
  files: PairableFile[];
}

/** Bundles never change after import: a few recent ones stay in memory for quick re-comparisons. */
const CACHE_SIZE = 4;
const cache = new Map<string, Promise<LoadedBundle | null>>();

async function load(bundleId: string): Promise<LoadedBundle | null> {
  const bundle = await db.bundles.get(bundleId);
  if (!bundle || bundle.status !== 'ready') return null;
  const records = await db.files.where('bundleId').equals(bundleId).toArray();
  const stored = await db.analyses.get(bundleId);
  const analysis = stored && analysisState(stored) === 'current' ? stored : analyzeBundle(records.map(({ path, formatId, data }) => ({ path, formatId, data })));
  return { analysis, files: records.map(({ path, formatId }) => ({ path, formatId })) };
}

function loaded(bundleId: string): Promise<LoadedBundle | null> {
  let entry = cache.get(bundleId);
  if (entry) cache.delete(bundleId);
  else {
    entry = load(bundleId);
    // A failed or missing load is not kept: the bundle may be imported (or re-analysed) later.
    entry.then(
      (value) => value === null && cache.delete(bundleId),
      () => cache.delete(bundleId),
    );
  }
  cache.set(bundleId, entry);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

async function answer(message: ToCompareWorker): Promise<FromCompareWorker> {
  if (message.type === 'snapshots') {
    const b = await loaded(message.bundleId);
    return { type: 'snapshots', id: message.id, result: b ? bundleSnapshots(message.bundleId, b.analysis) : null };
  }
  const [before, after] = await Promise.all([loaded(message.before.bundleId), loaded(message.after.bundleId)]);
  if (!before || !after) throw new Error(`Bundle ${before ? message.after.bundleId : message.before.bundleId} not found.`);
  const result = compareSides({ ...message.before, analysis: before.analysis, files: before.files }, { ...message.after, analysis: after.analysis, files: after.files }, message.scope);
  return { type: 'compare', id: message.id, result };
}

scope.onmessage = (event) => {
  const message = event.data;
  answer(message).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
};
