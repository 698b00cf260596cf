// The import worker: bytes in, detected format + parse result + SHA-256 out, one file at a time,
// so the UI thread never parses. Protocol in ./protocol.ts (start/cancel → progress/file/done).
import { decodeText, parseFileText } from '../../../core';
import type { FromWorker, ImportedFile, ImportWorkItem, ToWorker } from './protocol';
import { bundleFingerprint, sha256Hex } from './fingerprint';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let cancelled = false;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') cancelled = true;
  else if (message.type === 'start') {
    cancelled = false;
    run(message.items).catch((error: unknown) => {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  }
};

async function run(items: readonly ImportWorkItem[]): Promise<void> {
  const bytesTotal = items.reduce((sum, i) => sum + i.sizeBytes, 0);
  let bytesDone = 0;
  const hashes: { path: string; sha256: string }[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (!item) continue;
    if (cancelled) {
      scope.postMessage({ type: 'cancelled' });
      return;
    }
    scope.postMessage({ type: 'progress', filesDone: n, filesTotal: items.length, bytesDone, bytesTotal, currentPath: item.path });
    const file = await importOne(item);
    hashes.push({ path: file.path, sha256: file.sha256 });
    bytesDone += item.sizeBytes;
    scope.postMessage({ type: 'file', file });
  }
  if (cancelled) {
    scope.postMessage({ type: 'cancelled' });
    return;
  }
  scope.postMessage({ type: 'progress', filesDone: items.length, filesTotal: items.length, bytesDone, bytesTotal, currentPath: null });
  scope.postMessage({ type: 'done', fingerprint: await bundleFingerprint(hashes), host: null, capturedAt: null });
}

async function importOne(item: ImportWorkItem): Promise<ImportedFile> {
  const base = { index: item.index, path: item.path, sizeBytes: item.sizeBytes, blob: item.blob };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await item.blob.arrayBuffer());
  } catch (error) {
    // A file that vanished or cannot be read is still listed, with the reason.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      blob: new Blob([]),
      sha256: await sha256Hex(new Uint8Array(0)),
      encoding: null,
      formatId: 'unknown',
      status: 'unusable',
      warnings: [{ code: 'read-failed', message: `The file could not be read: ${message}`, params: { message } }],
      data: null,
      detectScore: 0,
    };
  }
  const sha256 = await sha256Hex(bytes);
  const { text, encoding } = decodeText(bytes);
  const parsed = parseFileText(item.path, text);
  return {
    ...base,
    sha256,
    encoding,
    formatId: parsed.formatId,
    status: parsed.status,
    warnings: parsed.warnings,
    data: parsed.data,
    detectScore: parsed.detection.score,
  };
}
