// Pure: what the import worker returned → the rows one import writes (bundle, files, blobs).
// Kept free of Dexie so it is unit-tested; import-store.ts writes the rows in one transaction.
import type { BundleAnalysis } from '../../../core';
import type { ImportedFile, ImportSummary } from '../workers/protocol';
import { analysisRecord } from './analysis-store';
import type { AnalysisRecord, BlobRecord, BundleRecord, FileRecord } from './schema';

export const UNKNOWN_FORMAT_ID = 'unknown';

export interface ImportRecords {
  bundle: BundleRecord;
  files: FileRecord[];
  blobs: BlobRecord[];
  /** null when the worker could not analyse the bundle (it is stored anyway; "Re-analyse" retries). */
  analysis: AnalysisRecord | null;
}

export interface BuildImportInput {
  bundleId: string;
  importedAt: string;
  /** A title chosen by the caller (the sample's name); otherwise derived from the paths. */
  title?: string;
  files: readonly ImportedFile[];
  summary: ImportSummary;
  /** The worker's analysis of the same files (its paths are the normalised bundle paths). */
  analysis?: BundleAnalysis | null;
}

export function buildImportRecords(input: BuildImportInput): ImportRecords {
  const ordered = [...input.files].sort((a, b) => a.index - b.index);
  const files: FileRecord[] = [];
  const blobs: BlobRecord[] = [];
  ordered.forEach((f, n) => {
    const id = fileId(input.bundleId, n);
    files.push({
      id,
      bundleId: input.bundleId,
      path: normalisePath(f.path),
      container: f.container,
      formatId: f.formatId,
      status: f.status,
      warnings: f.warnings,
      data: f.data,
      sha256: f.sha256,
      sizeBytes: f.sizeBytes,
      encoding: f.encoding,
      detectScore: f.detectScore,
    });
    blobs.push({ fileId: id, bundleId: input.bundleId, blob: f.blob });
  });
  const bundle: BundleRecord = {
    id: input.bundleId,
    title: input.title?.trim() || bundleTitleFromPaths(files.map((f) => f.path)),
    host: input.summary.host,
    capturedAt: input.summary.capturedAt,
    importedAt: input.importedAt,
    tags: [],
    status: 'ready',
    deletedAt: null,
    conclusion: '',
    incidentStatus: 'open',
    fingerprint: input.summary.fingerprint,
    importWarnings: input.summary.warnings,
    fileCount: files.length,
    recognisedCount: files.filter((f) => f.formatId !== UNKNOWN_FORMAT_ID).length,
    warningCount: files.reduce((sum, f) => sum + f.warnings.length, 0),
    sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
  };
  const analysis = input.analysis ? analysisRecord(input.bundleId, input.analysis, input.importedAt) : null;
  return { bundle, files, blobs, analysis };
}

/** Zero-padded so that ids sort in import order. */
export function fileId(bundleId: string, n: number): string {
  return `${bundleId}/${String(n).padStart(6, '0')}`;
}

export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').replace(/\/{2,}/g, '/');
}

/** The one top folder every path shares; a single file's name; else the first name and a count. */
export function bundleTitleFromPaths(paths: readonly string[]): string {
  const first = paths[0];
  if (first === undefined) return 'empty';
  const top = first.includes('/') ? first.slice(0, first.indexOf('/')) : null;
  if (top && paths.every((p) => p.startsWith(`${top}/`))) return top;
  if (paths.length === 1) return first;
  const name = first.slice(first.lastIndexOf('/') + 1);
  return `${name} +${paths.length - 1}`;
}
