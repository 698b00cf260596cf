// Pure: the app's records ↔ the bundles of a backup (src/core/backup). Reading back fills what an
// older or hand-edited backup may lack, so every stored record has the shape the app expects.
import type { BackupBundle, Note, ParseStatus, ReadBackupBundle } from '../../../../core';
import { INCIDENT_STATUSES, type AnalysisRecord, type BlobRecord, type BundleRecord, type FileRecord, type IncidentStatus, type NoteRecord } from '../../db/schema';

export function toBackupBundle(bundle: BundleRecord, files: readonly FileRecord[], notes: readonly NoteRecord[], analysis: AnalysisRecord | null, raw: Map<string, Uint8Array>): BackupBundle<BundleRecord, FileRecord> {
  return { bundle, files: [...files], notes: [...notes], analysis, raw };
}

/** The rows one backed-up bundle becomes; raw bytes arrive as Blobs (made in the worker). */
export interface RestoredRecords {
  bundle: BundleRecord;
  files: FileRecord[];
  blobs: BlobRecord[];
  notes: NoteRecord[];
  analysis: AnalysisRecord | null;
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
const PARSE_STATUSES: readonly ParseStatus[] = ['parsed', 'partial', 'unusable'];

export function restoreBundle(b: Omit<ReadBackupBundle, 'raw'>, blobs: ReadonlyMap<string, Blob>, now: string): RestoredRecords {
  const m = b.bundle;
  const files: FileRecord[] = b.files.map((f) => ({
    ...f,
    id: f.id,
    bundleId: m.id,
    path: f.path,
    container: strOrNull(f.container),
    formatId: str(f.formatId, 'unknown'),
    status: PARSE_STATUSES.includes(f.status as ParseStatus) ? (f.status as ParseStatus) : 'unusable',
    warnings: Array.isArray(f.warnings) ? (f.warnings as FileRecord['warnings']) : [],
    data: f.data ?? null,
    sha256: f.sha256,
    sizeBytes: f.sizeBytes,
    encoding: (strOrNull(f.encoding) as FileRecord['encoding']) ?? null,
    detectScore: count(f.detectScore, 0),
  }));
  const incident = m.incidentStatus as IncidentStatus;
  const bundle: BundleRecord = {
    ...m,
    id: m.id,
    title: m.title,
    host: strOrNull(m.host),
    capturedAt: strOrNull(m.capturedAt),
    importedAt: str(m.importedAt, now),
    tags: Array.isArray(m.tags) ? m.tags.filter((x): x is string => typeof x === 'string') : [],
    // A backup holds bundles that were in the library: they come back in it, whatever they were.
    status: 'ready',
    deletedAt: null,
    conclusion: str(m.conclusion, ''),
    incidentStatus: INCIDENT_STATUSES.includes(incident) ? incident : 'open',
    fingerprint: m.fingerprint,
    importWarnings: Array.isArray(m.importWarnings) ? (m.importWarnings as BundleRecord['importWarnings']) : [],
    fileCount: files.length,
    recognisedCount: count(m.recognisedCount, files.filter((f) => f.formatId !== 'unknown').length),
    warningCount: count(m.warningCount, files.reduce((n, f) => n + f.warnings.length, 0)),
    sizeBytes: count(m.sizeBytes, files.reduce((n, f) => n + f.sizeBytes, 0)),
  };
  const blobRecords: BlobRecord[] = [];
  for (const f of files) {
    const blob = blobs.get(f.id);
    if (blob) blobRecords.push({ fileId: f.id, bundleId: m.id, blob });
  }
  const notes: Note[] = b.notes.map((n) => ({ ...n, bundleId: m.id }));
  const a = b.analysis;
  const analysis = typeof a === 'object' && a !== null && Array.isArray((a as AnalysisRecord).snapshots) ? ({ ...(a as AnalysisRecord), bundleId: m.id } as AnalysisRecord) : null;
  return { bundle, files, blobs: blobRecords, notes, analysis };
}
