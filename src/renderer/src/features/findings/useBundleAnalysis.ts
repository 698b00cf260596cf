// The stored analysis of a bundle (table `analyses`), live, and "Re-analyse": the import worker runs
// `analyzeBundle` again on the stored parsed files and the result replaces the row. A bundle
// imported before analyses were stored is analysed once, on its own, when first shown.
// Usable from any tab (Overview, OOM events, Compare): `const a = useBundleAnalysis(id, files)`.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { db } from '../../db/database';
import { analysisRecord, analysisState, saveAnalysis, type AnalysisState } from '../../db/analysis-store';
import type { AnalysisRecord, FileRecord } from '../../db/schema';
import { runAnalysis } from '../../workers/import-client';

export interface BundleAnalysisView {
  /** undefined while loading; null when the bundle has none. */
  record: AnalysisRecord | null | undefined;
  state: AnalysisState;
  running: boolean;
  error: string | null;
  reanalyse(): void;
}

// One run per bundle at a time, shared by every component that shows it.
const running = new Map<string, Promise<void>>();
// Bundles whose automatic first analysis failed in this session: not retried without the user.
const autoTried = new Set<string>();

async function analyseAndStore(bundleId: string, files: readonly FileRecord[]): Promise<void> {
  const pending = running.get(bundleId);
  if (pending) return pending;
  const run = (async () => {
    const analysis = await runAnalysis(files.map(({ path, formatId, data }) => ({ path, formatId, data })));
    await saveAnalysis(db, analysisRecord(bundleId, analysis, new Date().toISOString()));
  })();
  running.set(bundleId, run);
  try {
    await run;
  } finally {
    running.delete(bundleId);
  }
}

/**
 * `files`: the bundle's file records, undefined while they load; `fileCount` (BundleRecord.fileCount)
 * tells a complete list from a partial one, so the first analysis never runs on half a bundle.
 */
export function useBundleAnalysis(bundleId: string, files: readonly FileRecord[] | undefined, fileCount?: number): BundleAnalysisView {
  const record = useLiveQuery(async () => (await db.analyses.get(bundleId)) ?? null, [bundleId]);
  const [busy, setBusy] = useState(() => running.has(bundleId));
  const [error, setError] = useState<string | null>(null);

  const reanalyse = useCallback(() => {
    if (!files) return;
    setBusy(true);
    setError(null);
    analyseAndStore(bundleId, files)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  }, [bundleId, files]);

  const complete = files !== undefined && (fileCount === undefined || files.length === fileCount);
  useEffect(() => {
    if (record !== null || !complete || autoTried.has(bundleId)) return;
    autoTried.add(bundleId);
    reanalyse();
  }, [record, complete, bundleId, reanalyse]);

  return { record, state: analysisState(record), running: busy, error, reanalyse };
}
