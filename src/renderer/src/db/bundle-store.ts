// Writes to the database: a whole import in one transaction (all or nothing), metadata edits,
// and delete in two steps (to the trash now, purged when the undo period is over).
import type { OomscopeDatabase } from './database';
import type { BundleRecord } from './schema';
import type { ImportRecords } from './import-records';

export type StoreImportResult = { kind: 'stored'; bundleId: string } | { kind: 'duplicate'; bundleId: string; title: string };

export async function storeImport(db: OomscopeDatabase, records: ImportRecords): Promise<StoreImportResult> {
  return db.transaction('rw', [db.bundles, db.files, db.blobs, db.analyses], async () => {
    const same = await db.bundles.where('fingerprint').equals(records.bundle.fingerprint).toArray();
    const existing = same.find((b) => b.status === 'ready');
    if (existing) return { kind: 'duplicate', bundleId: existing.id, title: existing.title };
    await db.bundles.add(records.bundle);
    await db.files.bulkAdd(records.files);
    await db.blobs.bulkAdd(records.blobs);
    if (records.analysis) await db.analyses.put(records.analysis);
    return { kind: 'stored', bundleId: records.bundle.id };
  });
}

export type BundleMetadata = Pick<BundleRecord, 'title' | 'host' | 'capturedAt' | 'tags' | 'incidentStatus' | 'conclusion'>;

export async function updateBundleMetadata(db: OomscopeDatabase, bundleId: string, changes: Partial<BundleMetadata>): Promise<void> {
  await db.bundles.update(bundleId, changes);
}

export async function moveBundleToTrash(db: OomscopeDatabase, bundleId: string, now = new Date()): Promise<void> {
  await db.bundles.update(bundleId, { status: 'trash', deletedAt: now.toISOString() });
}

export async function restoreBundle(db: OomscopeDatabase, bundleId: string): Promise<void> {
  await db.bundles.update(bundleId, { status: 'ready', deletedAt: null });
}

/** Deletes a bundle with its files, raw bytes, notes and analysis, if it is still in the trash. */
export async function purgeBundle(db: OomscopeDatabase, bundleId: string): Promise<void> {
  await db.transaction('rw', [db.bundles, db.files, db.blobs, db.notes, db.analyses], async () => {
    const bundle = await db.bundles.get(bundleId);
    if (!bundle || bundle.status !== 'trash') return;
    await db.analyses.delete(bundleId);
    await db.blobs.where('bundleId').equals(bundleId).delete();
    await db.files.where('bundleId').equals(bundleId).delete();
    await db.notes.where('bundleId').equals(bundleId).delete();
    await db.bundles.delete(bundleId);
  });
}

/** Bundles left in the trash by a previous session whose undo period is over. */
export async function purgeExpiredTrash(db: OomscopeDatabase, undoMs: number, now = new Date()): Promise<void> {
  const trashed = await db.bundles.where('status').equals('trash').toArray();
  for (const b of trashed) {
    const age = b.deletedAt ? now.getTime() - Date.parse(b.deletedAt) : Infinity;
    if (!(age < undoMs)) await purgeBundle(db, b.id);
  }
}
