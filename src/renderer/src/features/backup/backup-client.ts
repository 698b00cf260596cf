// UI-thread side of backups: gathers the workspace from Dexie for the worker, and stores what the
// worker read from a backup in one transaction (all of it, or nothing).
import type { ExistingBundle } from '../../../../core';
import type { OomscopeDatabase } from '../../db/database';
import { newId } from '../../db/ids';
import type { FromBackupWorker, ToBackupWorker, WorkspaceBundle } from './protocol';
import type { RestoredRecords } from './backup-records';
import BackupWorker from './backup.worker?worker';

export function runBackupWorker(message: ToBackupWorker): Promise<FromBackupWorker> {
  return new Promise((resolve, reject) => {
    const worker = new BackupWorker();
    worker.onmessage = (event: MessageEvent<FromBackupWorker>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The backup worker failed.'));
    };
    worker.postMessage(message);
  });
}

/** Every bundle of the library (not those in the trash) with its files, notes, analysis and raw Blobs. */
export async function collectWorkspace(db: OomscopeDatabase): Promise<WorkspaceBundle[]> {
  return db.transaction('r', [db.bundles, db.files, db.blobs, db.notes, db.analyses], async () => {
    const bundles = (await db.bundles.where('status').equals('ready').toArray()).sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
    const out: WorkspaceBundle[] = [];
    for (const bundle of bundles) {
      const files = await db.files.where('bundleId').equals(bundle.id).sortBy('id');
      const blobRows = await db.blobs.where('bundleId').equals(bundle.id).toArray();
      const notes = await db.notes.where('bundleId').equals(bundle.id).toArray();
      const analysis = (await db.analyses.get(bundle.id)) ?? null;
      out.push({ bundle, files, notes, analysis, blobs: new Map(blobRows.map((r) => [r.fileId, r.blob])) });
    }
    return out;
  });
}

export async function existingBundles(db: OomscopeDatabase): Promise<ExistingBundle[]> {
  return (await db.bundles.toArray()).map((b) => ({ id: b.id, fingerprint: b.fingerprint, title: b.title, live: b.status === 'ready' }));
}

/** Writes every restored bundle in one transaction. A note id already taken gets a new one. */
export async function storeRestored(db: OomscopeDatabase, restored: readonly RestoredRecords[]): Promise<void> {
  await db.transaction('rw', [db.bundles, db.files, db.blobs, db.notes, db.analyses], async () => {
    for (const r of restored) {
      await db.bundles.add(r.bundle);
      await db.files.bulkAdd(r.files);
      await db.blobs.bulkAdd(r.blobs);
      const taken = new Set((await db.notes.bulkGet(r.notes.map((n) => n.id))).filter((n) => n !== undefined).map((n) => n.id));
      await db.notes.bulkAdd(r.notes.map((n) => (taken.has(n.id) ? { ...n, id: newId() } : n)));
      if (r.analysis) await db.analyses.put(r.analysis);
    }
  });
}
