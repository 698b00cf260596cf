// Messages between the UI thread and the import worker, which runs the core import pipeline
// (src/core/bundle/import-pipeline.ts: archives, streaming parse, SHA-256, fingerprint), the
// analysis (src/core/analyze/analyze-bundle.ts), and stores it all in one IndexedDB transaction:
// a 1 GiB bundle's parsed results never cross to the UI thread, whose every task stays short
// (bench/RESULTS.md). `analyze` re-runs only the analysis on files already stored (old bundles,
// engine upgrades).
import type { AnalysisFile, BundleAnalysis, ParseStatus, ParseWarning, TextEncodingName } from '../../../core';

export interface ImportWorkItem {
  /** Position in the import. */
  index: number;
  path: string;
  sizeBytes: number;
  /** Raw bytes (a File, or a Blob built from bridge reads). Blobs cross to the worker without a copy. */
  blob: Blob;
}

/** The id and title the stored bundle gets (chosen by the UI thread, which opens it afterwards). */
export interface StoreRequest {
  bundleId: string;
  importedAt: string;
  /** A title chosen by the caller (the sample's name); otherwise derived from the paths. */
  title?: string;
}

export type ToWorker = { type: 'start'; items: ImportWorkItem[]; store: StoreRequest } | { type: 'cancel' } | { type: 'analyze'; files: AnalysisFile[] };

/** What the worker stored: this import, or nothing because the same content is already there. */
export interface StoredImport {
  kind: 'stored' | 'duplicate';
  bundleId: string;
  /** The new bundle's title, or the title of the bundle that already holds the same content. */
  title: string;
  fileCount: number;
  /** Why the analysis failed (an engine bug); the bundle is stored anyway and can be re-analysed. */
  analysisError: string | null;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentPath: string | null;
}

export interface ImportedFile {
  /** Order in which the pipeline finished the file. */
  index: number;
  /** Unique path inside the bundle (archive members under the archive's name). */
  path: string;
  /** The archive it came out of; null for a file given directly. */
  container: string | null;
  sizeBytes: number;
  sha256: string;
  encoding: TextEncodingName | null;
  formatId: string;
  status: ParseStatus;
  warnings: ParseWarning[];
  /** The format's parse result (plain data); null when unrecognised or unusable. */
  data: unknown;
  /** Detection score of the chosen format, 0 when unknown. */
  detectScore: number;
  /** The raw bytes, to be stored as they are. */
  blob: Blob;
}

/** What the pipeline learnt about the bundle as a whole. */
export interface ImportSummary {
  /** SHA-256 over the sorted (sha256, path) pairs: the same content imported twice has the same one. */
  fingerprint: string;
  /** From a collector manifest, when there is one. */
  host: string | null;
  capturedAt: string | null;
  /** Archive members not stored and sources that could not be read, each with its reason. */
  warnings: ParseWarning[];
}

/** The worker's analysis of what it imported. */
export interface ImportAnalysis {
  /** Over the imported files, with their paths normalised as they are stored; null when it failed. */
  analysis: BundleAnalysis | null;
  /** Why the analysis failed (an engine bug); the bundle is stored anyway and can be re-analysed. */
  analysisError: string | null;
}

export type FromWorker =
  | ({ type: 'progress' } & ImportProgress)
  /** Every byte is read and analysed; the one transaction begins: too late to cancel. */
  | { type: 'storing' }
  | { type: 'stored'; stored: StoredImport }
  /** The transaction failed (a full disk, the origin's quota): nothing of this import was written. */
  | { type: 'store-failed'; quota: boolean; message: string }
  | { type: 'cancelled' }
  /** The pipeline refused the import as a whole (an archive over the size ceilings, …). */
  | { type: 'refused'; reason: ParseWarning }
  | { type: 'error'; message: string }
  /** Answer to `analyze`. */
  | { type: 'analysis'; analysis: BundleAnalysis };
