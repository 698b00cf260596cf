// Writing a workspace backup (layout in backup-format.ts): bundles in, one ZIP's bytes out.
//   writeBackup([{ bundle, files, notes, analysis, raw }], { appVersion: '0.1.0', createdAt: '2025-…' })
//   → Uint8Array starting "PK\x03\x04", manifest.json first
// Everything is held in memory at once (fflate's zipSync): fine for workspaces of a few hundred MiB.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '../bundle/sha256';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  bundleFolder,
  rawEntryName,
  type BackupBundle,
  type BackupManifest,
  type BackupManifestBundle,
  type BackupRawEntry,
} from './backup-format';

export interface WriteBackupOptions {
  appVersion: string;
  /** ISO 8601; also the entries' modification time. */
  createdAt: string;
}

function json(value: unknown): Uint8Array {
  return strToU8(JSON.stringify(value, null, 1));
}

/** The manifest alone, as `writeBackup` would write it (for a summary before the bytes are made). */
export function backupManifest(bundles: readonly BackupBundle[], options: WriteBackupOptions): BackupManifest {
  return buildManifest(bundles, options).manifest;
}

function buildManifest(bundles: readonly BackupBundle[], options: WriteBackupOptions): { manifest: BackupManifest; entries: Zippable } {
  const entries: Zippable = {};
  const list: BackupManifestBundle[] = [];
  let rawBytes = 0;
  let rawFiles = 0;
  for (const b of bundles) {
    const folder = bundleFolder(b.bundle.id);
    const raw: BackupRawEntry[] = [];
    for (const file of b.files) {
      const bytes = b.raw.get(file.id);
      if (!bytes) continue;
      const entry = rawEntryName(folder, file.id);
      raw.push({ fileId: file.id, entry, sizeBytes: bytes.byteLength, sha256: sha256Hex(bytes) });
      entries[entry] = bytes;
      rawBytes += bytes.byteLength;
      rawFiles++;
    }
    entries[`${folder}/bundle.json`] = json(b.bundle);
    entries[`${folder}/files.json`] = json(b.files);
    entries[`${folder}/notes.json`] = json(b.notes);
    const hasAnalysis = b.analysis !== null && b.analysis !== undefined;
    if (hasAnalysis) entries[`${folder}/analysis.json`] = json(b.analysis);
    list.push({ id: b.bundle.id, fingerprint: b.bundle.fingerprint, title: b.bundle.title, folder, files: b.files.length, notes: b.notes.length, analysis: hasAnalysis, raw });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.createdAt,
    counts: {
      bundles: bundles.length,
      files: bundles.reduce((n, b) => n + b.files.length, 0),
      rawFiles,
      rawBytes,
      notes: bundles.reduce((n, b) => n + b.notes.length, 0),
      analyses: list.filter((b) => b.analysis).length,
    },
    bundles: list,
  };
  return { manifest, entries };
}

export function writeBackup(bundles: readonly BackupBundle[], options: WriteBackupOptions): { bytes: Uint8Array; manifest: BackupManifest } {
  const { manifest, entries } = buildManifest(bundles, options);
  const ms = Date.parse(options.createdAt);
  // ZIP times cannot go before 1980; a bad or early date falls back to the format's first day.
  const mtime = Number.isNaN(ms) || ms < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : new Date(ms);
  // The manifest first, so that a reader can tell what the archive is from its start.
  const ordered: Zippable = { [MANIFEST_ENTRY]: json(manifest), ...entries };
  return { bytes: zipSync(ordered, { level: 6, mtime }), manifest };
}
