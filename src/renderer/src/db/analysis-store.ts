// The stored analysis of a bundle (table `analyses`, shape documented on AnalysisRecord in
// schema.ts): built from the worker's result, written with the import or by "Re-analyse".
import type { BundleAnalysis } from '../../../core';
import type { OomscopeDatabase } from './database';
import type { AnalysisRecord } from './schema';

/**
 * Bump when the engine's output changes in a way stored analyses should pick up (new rules, new
 * fields): the Overview then offers to re-analyse bundles analysed by an older engine.
 */
export const ANALYSIS_ENGINE_VERSION = 1;

export function analysisRecord(bundleId: string, analysis: BundleAnalysis, analysedAt: string, engineVersion = ANALYSIS_ENGINE_VERSION): AnalysisRecord {
  return { ...analysis, bundleId, engineVersion, analysedAt };
}

/** 'missing' for bundles imported before analyses were stored; 'outdated' after an engine upgrade. */
export type AnalysisState = 'current' | 'outdated' | 'missing';

export function analysisState(record: Pick<AnalysisRecord, 'engineVersion'> | null | undefined, current = ANALYSIS_ENGINE_VERSION): AnalysisState {
  if (!record) return 'missing';
  return record.engineVersion < current ? 'outdated' : 'current';
}

/** Replaces the bundle's analysis, unless the bundle was deleted meanwhile. */
export async function saveAnalysis(db: OomscopeDatabase, record: AnalysisRecord): Promise<boolean> {
  return db.transaction('rw', db.bundles, db.analyses, async () => {
    if (!(await db.bundles.get(record.bundleId))) return false;
    await db.analyses.put(record);
    return true;
  });
}
