// Loads what the report needs from Dexie (bundle, files with their Blobs, the stored analysis when
// current, notes, the baseline of a comparison) and has the report worker build the ReportModel.
// Rebuilds when any of it changes (a note typed elsewhere, another language), keeping the last
// report on screen meanwhile.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { parseNote, type Locale, type Note } from '../../../../core';
import { db } from '../../db/database';
import { analysisState } from '../../db/analysis-store';
import type { BundleRecord } from '../../db/schema';
import type { BuiltReport } from './report-builder';
import { startReportBuild } from './report-client';
import type { ReportCompareSide, ReportRequest, ReportWorkerFile } from './report-protocol';

/** `<bundleId>:<snapshotId>`; an empty snapshot id means that bundle's latest snapshot. */
export function parseCompareRef(ref: string | null): { bundleId: string; snapshotId: string | null } | null {
  if (!ref) return null;
  const colon = ref.indexOf(':');
  const bundleId = colon < 0 ? ref : ref.slice(0, colon);
  const snapshotId = colon < 0 ? '' : ref.slice(colon + 1);
  return bundleId === '' ? null : { bundleId, snapshotId: snapshotId === '' ? null : snapshotId };
}

/** The engineer's incident status (open / explained / closed) on bundles that carry one. */
function incidentStatusOf(bundle: BundleRecord): string | null {
  return 'incidentStatus' in bundle && typeof bundle.incidentStatus === 'string' ? bundle.incidentStatus : null;
}

/** Typed a little while ago: wait for the typing to pause before rebuilding. */
const REBUILD_DELAY_MS = 250;

export type ReportBuildState = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; built: BuiltReport; building: boolean } | { state: 'error'; message: string; built: BuiltReport | null };

async function compareSide(ref: { bundleId: string; snapshotId: string | null }, thisBundleId: string): Promise<ReportCompareSide | null> {
  const other = await db.bundles.get(ref.bundleId);
  if (!other || other.status !== 'ready') return null;
  const record = await db.analyses.get(ref.bundleId);
  const current = analysisState(record) === 'current' ? (record ?? null) : null;
  const files = current ? [] : (await db.files.where('bundleId').equals(ref.bundleId).toArray()).map(({ path, formatId, data }) => ({ path, formatId, data }));
  return { title: ref.bundleId === thisBundleId ? '' : other.title, analysis: current, files, snapshotId: ref.snapshotId };
}

export function useReportBuild(bundleId: string, locale: Locale, compareRef: string | null, author: string): ReportBuildState & { bundle: BundleRecord | null | undefined } {
  const bundle = useLiveQuery(() => db.bundles.get(bundleId).then((b) => b ?? null), [bundleId]);
  const files = useLiveQuery(() => db.files.where('bundleId').equals(bundleId).toArray(), [bundleId]);
  const analysis = useLiveQuery(() => db.analyses.get(bundleId).then((a) => a ?? null), [bundleId]);
  const notes = useLiveQuery(() => db.notes.where('bundleId').equals(bundleId).toArray(), [bundleId]);
  const [state, setState] = useState<ReportBuildState>({ state: 'loading' });

  useEffect(() => {
    if (bundle === undefined || files === undefined || analysis === undefined || notes === undefined) return undefined;
    if (bundle === null || bundle.status !== 'ready') {
      setState({ state: 'missing' });
      return undefined;
    }
    let cancel: (() => void) | null = null;
    let live = true;
    setState((s) => (s.state === 'ready' ? { ...s, building: true } : s));
    const timer = window.setTimeout(() => {
      void (async () => {
        try {
          const current = analysisState(analysis) === 'current' ? analysis : null;
          const blobs = new Map((await db.blobs.where('bundleId').equals(bundleId).toArray()).map((b) => [b.fileId, b.blob]));
          const workerFiles: ReportWorkerFile[] = files.map((f) => ({
            path: f.path,
            formatId: f.formatId,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            encoding: f.encoding,
            data: current && f.formatId !== 'manifest' ? null : f.data,
            blob: blobs.get(f.id) ?? null,
          }));
          const ref = parseCompareRef(compareRef);
          const request: ReportRequest = {
            bundle: { title: bundle.title, host: bundle.host, tags: bundle.tags, status: incidentStatusOf(bundle), conclusion: bundle.conclusion ?? '', author: author.trim() || null },
            analysis: current,
            files: workerFiles,
            // Rows written by any schema version: only well-formed notes go into the report.
            notes: notes.map((n) => parseNote(n)).filter((n): n is Note => n !== null),
            compare: ref ? await compareSide(ref, bundleId) : null,
            locale,
            generatedAt: new Date().toISOString(),
          };
          if (!live) return;
          const build = startReportBuild(request);
          cancel = build.cancel;
          const built = await build.result;
          if (live) setState({ state: 'ready', built, building: false });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (live) setState((s) => ({ state: 'error', message, built: s.state === 'ready' ? s.built : null }));
        }
      })();
    }, REBUILD_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
      cancel?.();
    };
  }, [bundleId, bundle, files, analysis, notes, locale, compareRef, author]);

  return { ...state, bundle };
}
