// The import worker: runs the core import pipeline on the dropped or chosen files (archives are
// expanded there), relays its progress, then hands every file back with its raw bytes as a Blob.
// The UI thread never parses. Protocol in ./protocol.ts (start/cancel → progress/file/done).
import { importBundle, type ImportEvent } from '../../../core/bundle/import-pipeline';
import { sourceFromReader } from '../../../core/bundle/sources';
import type { FromWorker, ImportWorkItem, ToWorker } from './protocol';
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
    run(message.items, cancel).catch((error: unknown) => {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  }
};

async function run(items: readonly ImportWorkItem[], token: { readonly aborted: boolean }): Promise<void> {
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
  bundle.files.forEach((f, index) => {
    scope.postMessage({
      type: 'file',
      file: {
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
      },
    });
  });
  const skippedWarnings = bundle.skipped.map((s) => s.reason);
  scope.postMessage({ type: 'done', fingerprint: bundle.fingerprint, ...summariseManifests(bundle.files), warnings: [...bundle.warnings, ...skippedWarnings] });
}
