// The import worker: runs the core import pipeline on the dropped or chosen files (archives are
// expanded there), relays its progress, analyses the bundle (snapshots, OOM events, findings,
// headline) and stores it — files, raw bytes as Blobs, analysis — in one IndexedDB transaction,
// so the UI thread never parses, analyses, nor copies parsed results (a 1 GiB bundle's took one
// 155–290 ms task there). The UI's live queries hear of the commit through Dexie's BroadcastChannel.
// `analyze` re-runs the analysis alone on files already stored.
// Protocol in ./protocol.ts (start/cancel → progress/storing/stored; analyze → analysis).
import { analyzeBundle, type AnalysisFile } from '../../../core/analyze/analyze-bundle';
import { importBundle, type ImportEvent } from '../../../core/bundle/import-pipeline';
import { sourceFromReader } from '../../../core/bundle/sources';
import { buildImportRecords, normalisePath } from '../db/import-records';
import { storeImport } from '../db/bundle-store';
import { db } from '../db/database';
import { storageFailure } from '../db/storage-errors';
import type { FromWorker, ImportAnalysis, ImportedFile, ImportWorkItem, StoreRequest, ToWorker } from './protocol';
import { summariseManifests } from './bundle-summary';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const PROGRESS_INTERVAL_MS = 50;
const READ_CHUNK_BYTES = 1024 * 1024;

let cancel = { aborted: false };

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') cancel.aborted = true;
  else if (message.type === 'start') {
    cancel = { aborted: false };
    run(message.items, message.store, cancel).catch((error: unknown) => {
      scope.postMessage({ type: 'error', message: errorText(error) });
    });
  } else if (message.type === 'analyze') {
    const outcome = analyse(message.files);
    if (outcome.analysis) scope.postMessage({ type: 'analysis', analysis: outcome.analysis });
    else scope.postMessage({ type: 'error', message: outcome.analysisError ?? 'analysis failed' });
  }
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failing analysis is an engine bug: the import still succeeds, and "Re-analyse" can retry later. */
function analyse(files: readonly AnalysisFile[]): ImportAnalysis {
  try {
    return { analysis: analyzeBundle(files), analysisError: null };
  } catch (error) {
    return { analysis: null, analysisError: errorText(error) };
  }
}

async function run(items: readonly ImportWorkItem[], store: StoreRequest, token: { readonly aborted: boolean }): Promise<void> {
  let lastProgressAt = 0;
  const onEvent = (e: ImportEvent): void => {
    if (e.type !== 'progress') return;
    const now = Date.now();
    if (now - lastProgressAt < PROGRESS_INTERVAL_MS && e.filesDone < e.filesTotal) return;
    lastProgressAt = now;
    scope.postMessage({ type: 'progress', filesDone: e.filesDone, filesTotal: e.filesTotal, bytesDone: e.bytesDone, bytesTotal: e.bytesTotal, currentPath: e.currentPath || null });
  };
  const sources = items.map((item) =>
    sourceFromReader(
      {
        displayPath: item.path,
        sizeBytes: item.blob.size,
        read: async (offset, length) => new Uint8Array(await item.blob.slice(offset, offset + length).arrayBuffer()),
      },
      READ_CHUNK_BYTES,
    ),
  );
  const outcome = await importBundle(sources, { onEvent, cancel: token, keepRaw: true });
  if (outcome.kind === 'cancelled') {
    scope.postMessage({ type: 'cancelled' });
    return;
  }
  if (outcome.kind === 'refused') {
    scope.postMessage({ type: 'refused', reason: outcome.reason });
    return;
  }
  const { bundle } = outcome;
  const files: ImportedFile[] = bundle.files.map((f, index) => ({
    index,
    path: f.path,
    container: f.container,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    encoding: f.encoding,
    formatId: f.formatId,
    status: f.status,
    warnings: f.warnings,
    data: f.data,
    detectScore: f.detection?.score ?? 0,
    blob: new Blob((f.raw ?? []) as Uint8Array<ArrayBuffer>[]),
  }));
  const skippedWarnings = bundle.skipped.map((s) => s.reason);
  // Paths as the database stores them, so every evidence reference names a stored file.
  const analysis = analyse(bundle.files.map((f) => ({ path: normalisePath(f.path), formatId: f.formatId, data: f.data })));
  const records = buildImportRecords({
    ...store,
    files,
    summary: { fingerprint: bundle.fingerprint, ...summariseManifests(bundle.files), warnings: [...bundle.warnings, ...skippedWarnings] },
    analysis: analysis.analysis,
  });
  if (token.aborted) {
    scope.postMessage({ type: 'cancelled' });
    return;
  }
  scope.postMessage({ type: 'storing' });
  try {
    const result = await storeImport(db, records);
    const title = result.kind === 'duplicate' ? result.title : records.bundle.title;
    scope.postMessage({ type: 'stored', stored: { kind: result.kind, bundleId: result.bundleId, title, fileCount: records.files.length, analysisError: analysis.analysisError } });
  } catch (error) {
    // One transaction: nothing of this import was written, nothing stored before was touched.
    scope.postMessage({ type: 'store-failed', ...storageFailure(error) });
  }
}
