// The workspace backup: one ZIP (`<name>.oomscope-backup.zip`) holding every bundle with its raw
// files, parsed results, notes, metadata and stored analysis, so that another machine gets the same
// workspace back. Layout (names URI-encoded, so a file id's "/" never makes a folder):
//   manifest.json                       { "format": "oomscope-backup", "formatVersion": 1, "appVersion": "0.1.0",
//                                         "createdAt": "…", "counts": {…}, "bundles": [{ "id", "folder", "raw": [{ "fileId", "entry", "sha256", … }] }] }
//   bundles/<id>/bundle.json            the bundle record (title, tags, status, conclusion, fingerprint, …)
//   bundles/<id>/files.json             the file records (path, format, parsed data, sha256, …)
//   bundles/<id>/notes.json             the notes (src/core/notes/note.ts)
//   bundles/<id>/analysis.json          the stored analysis, when there is one
//   bundles/<id>/raw/<fileId>           the raw bytes of each file
import type { Note } from '../notes/note';

export const BACKUP_FORMAT = 'oomscope-backup';
/** Bumped when a reader of the previous version could not read the new layout. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_SUFFIX = '.oomscope-backup.zip';
export const MANIFEST_ENTRY = 'manifest.json';

/** The bundle fields a backup relies on. The app's records carry more, and every field is kept. */
export interface BackupBundleMeta {
  id: string;
  fingerprint: string;
  title: string;
}

/** The file fields a backup relies on; the rest (format, parsed data, warnings…) is kept as is. */
export interface BackupFileMeta {
  id: string;
  bundleId: string;
  path: string;
  sha256: string;
  sizeBytes: number;
}

export interface BackupBundle<B extends BackupBundleMeta = BackupBundleMeta, F extends BackupFileMeta = BackupFileMeta> {
  bundle: B;
  files: F[];
  notes: Note[];
  /** The stored analysis (plain data), or null when the bundle has none. */
  analysis: unknown;
  /** Raw bytes by file id; a file left out had no stored bytes. */
  raw: Map<string, Uint8Array>;
}

export interface BackupRawEntry {
  fileId: string;
  /** Name of the ZIP entry holding the bytes. */
  entry: string;
  sizeBytes: number;
  /** SHA-256 of exactly the bytes stored, checked on import. */
  sha256: string;
}

export interface BackupManifestBundle {
  id: string;
  fingerprint: string;
  title: string;
  /** ZIP folder of this bundle's entries. */
  folder: string;
  files: number;
  notes: number;
  analysis: boolean;
  raw: BackupRawEntry[];
}

export interface BackupCounts {
  bundles: number;
  files: number;
  rawFiles: number;
  rawBytes: number;
  notes: number;
  analyses: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** ISO 8601. */
  createdAt: string;
  counts: BackupCounts;
  bundles: BackupManifestBundle[];
}

export type BackupErrorCode = 'not-zip' | 'corrupt' | 'not-backup' | 'newer-version' | 'bad-manifest' | 'missing-entry' | 'bad-entry' | 'checksum' | 'too-large';

/** Why an archive is refused: a code (catalogue key `backup.error.<code>`), its parameters, and English. */
export interface BackupError {
  code: BackupErrorCode;
  params: Record<string, string | number>;
  message: string;
}

export function bundleFolder(bundleId: string): string {
  return `bundles/${encodeURIComponent(bundleId)}`;
}

export function rawEntryName(folder: string, fileId: string): string {
  return `${folder}/raw/${encodeURIComponent(fileId)}`;
}

/** A suggested file name: `oomscope-2025-01-31-1542.oomscope-backup.zip` (local time of `date`). */
export function backupFileName(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `oomscope-${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${BACKUP_FILE_SUFFIX}`;
}
