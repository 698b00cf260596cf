// UI-thread side of an import: turns ImportItems into Blobs, runs the import worker, and relays
// its progress. Never parses, analyses nor stores; the worker does (also for "Re-analyse": runAnalysis).
import type { AnalysisFile, BundleAnalysis, ParseWarning } from '../../../core';
import type { ImportItem } from '../platform/types';
import type { FromWorker, ImportProgress, ImportWorkItem, StoredImport, StoreRequest, ToWorker } from './protocol';
import ImportWorker from './import.worker?worker';

export type ImportOutcome =
  | { kind: 'finished'; stored: StoredImport }
  | { kind: 'cancelled' }
  | { kind: 'refused'; reason: ParseWarning }
  /** Storing failed; nothing of the import was written. */
  | { kind: 'store-failed'; quota: boolean; message: string };

export interface ImportRun {
  outcome: Promise<ImportOutcome>;
  cancel(): void;
}

const READ_CHUNK_BYTES = 8 * 1024 * 1024;

async function toBlob(item: ImportItem): Promise<Blob> {
  if (item.blob) return item.blob;
  const parts: BlobPart[] = [];
  for (let offset = 0; offset < item.sizeBytes; offset += READ_CHUNK_BYTES) {
    const chunk = await item.readSlice(offset, Math.min(READ_CHUNK_BYTES, item.sizeBytes - offset));
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    if (chunk.byteLength === 0) break;
  }
  return new Blob(parts);
}

export function runImport(items: readonly ImportItem[], store: StoreRequest, onProgress: (p: ImportProgress) => void): ImportRun {
  let cancelled = false;
  let storing = false;
  let worker: Worker | null = null;
  let settleCancelled: (() => void) | null = null;

  const outcome = new Promise<ImportOutcome>((resolve, reject) => {
    settleCancelled = () => resolve({ kind: 'cancelled' });
    void (async () => {
      const bytesTotal = items.reduce((s, i) => s + i.sizeBytes, 0);
      const work: ImportWorkItem[] = [];
      for (let n = 0; n < items.length; n++) {
        const item = items[n];
        if (!item) continue;
        if (!item.blob) onProgress({ filesDone: 0, filesTotal: items.length, bytesDone: 0, bytesTotal, currentPath: item.displayPath });
        work.push({ index: n, path: item.displayPath, sizeBytes: item.sizeBytes, blob: await toBlob(item) });
        if (cancelled) return;
      }
      worker = new ImportWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'storing') storing = true;
        else if (m.type === 'stored') {
          finish();
          resolve({ kind: 'finished', stored: m.stored });
        } else if (m.type === 'store-failed') {
          finish();
          resolve({ kind: 'store-failed', quota: m.quota, message: m.message });
        } else if (m.type === 'cancelled') {
          finish();
          resolve({ kind: 'cancelled' });
        } else if (m.type === 'refused') {
          finish();
          resolve({ kind: 'refused', reason: m.reason });
        } else if (m.type === 'error') {
          finish();
          reject(new Error(m.message));
        }
      };
      worker.onerror = (event) => {
        finish();
        reject(new Error(event.message || 'The import worker failed.'));
      };
      post({ type: 'start', items: work, store });
    })().catch((error: unknown) => {
      finish();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });

  function post(message: ToWorker): void {
    worker?.postMessage(message);
  }
  function finish(): void {
    worker?.terminate();
    worker = null;
  }

  return {
    outcome,
    cancel: () => {
      // Once the transaction has begun, the import finishes: stopping the worker then could leave
      // the user told "cancelled" about a bundle that was stored after all.
      if (storing) return;
      cancelled = true;
      if (worker) {
        post({ type: 'cancel' });
        // Terminating at once is safe: nothing is written before the worker says it is storing.
        finish();
      }
      settleCancelled?.();
    },
  };
}

/** Runs the analysis alone in a worker, on files already stored (their parsed data, not their bytes). */
export function runAnalysis(files: readonly AnalysisFile[]): Promise<BundleAnalysis> {
  return new Promise<BundleAnalysis>((resolve, reject) => {
    const worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type !== 'analysis' && m.type !== 'error') return;
      worker.terminate();
      if (m.type === 'analysis') resolve(m.analysis);
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The analysis worker failed.'));
    };
    const message: ToWorker = { type: 'analyze', files: files.map(({ path, formatId, data }) => ({ path, formatId, data })) };
    worker.postMessage(message);
  });
}
