// Messages between the UI thread and the backup worker (backup.worker.ts): zipping and unzipping,
// hashing every raw file, run off the UI thread.
import type { BackupError, BackupManifest, ReadBackupBundle } from '../../../../core';
import type { AnalysisRecord, BundleRecord, FileRecord, NoteRecord } from '../../db/schema';

export interface WorkspaceBundle {
  bundle: BundleRecord;
  files: FileRecord[];
  notes: NoteRecord[];
  analysis: AnalysisRecord | null;
  /** Raw bytes as stored, by file id. */
  blobs: Map<string, Blob>;
}

/** A bundle read from a backup, its raw bytes as Blobs (so they cross back without a copy). */
export type ReadBundle = Omit<ReadBackupBundle, 'raw'> & { raw: Map<string, Blob> };

export type ToBackupWorker = { type: 'write'; bundles: WorkspaceBundle[]; appVersion: string; createdAt: string } | { type: 'read'; file: Blob };

export type FromBackupWorker =
  | { type: 'written'; blob: Blob; manifest: BackupManifest }
  | { type: 'read'; manifest: BackupManifest; bundles: ReadBundle[] }
  | { type: 'refused'; error: BackupError }
  | { type: 'error'; message: string };
