// The backup worker: builds a backup ZIP from the workspace's records and raw Blobs, or reads and
// checks one (core's writeBackup / readBackup), so that hashing and (de)compressing a workspace
// never blocks the window.
import { readBackup, writeBackup, type BackupBundle } from '../../../../core';
import type { BundleRecord, FileRecord } from '../../db/schema';
import type { FromBackupWorker, ReadBundle, ToBackupWorker } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToBackupWorker>) => void) | null; postMessage(message: FromBackupWorker): void };

async function write(message: Extract<ToBackupWorker, { type: 'write' }>): Promise<FromBackupWorker> {
  const bundles: BackupBundle<BundleRecord, FileRecord>[] = [];
  for (const b of message.bundles) {
    const raw = new Map<string, Uint8Array>();
    for (const [fileId, blob] of b.blobs) raw.set(fileId, new Uint8Array(await blob.arrayBuffer()));
    bundles.push({ bundle: b.bundle, files: b.files, notes: b.notes, analysis: b.analysis, raw });
  }
  const { bytes, manifest } = writeBackup(bundles, { appVersion: message.appVersion, createdAt: message.createdAt });
  return { type: 'written', blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), manifest };
}

async function read(file: Blob): Promise<FromBackupWorker> {
  const result = readBackup(new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) return { type: 'refused', error: result.error };
  const bundles: ReadBundle[] = result.bundles.map((b) => {
    const raw = new Map<string, Blob>();
    for (const [fileId, bytes] of b.raw) raw.set(fileId, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return { ...b, raw };
  });
  return { type: 'read', manifest: result.manifest, bundles };
}

scope.onmessage = (event) => {
  const message = event.data;
  void (message.type === 'write' ? write(message) : read(message.file))
    .catch((error: unknown): FromBackupWorker => ({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .then((reply) => scope.postMessage(reply));
};
