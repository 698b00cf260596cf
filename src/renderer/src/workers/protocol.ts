// Messages between the UI thread and the import worker. Shaped so the worker can later hand its
// items to the streaming core import pipeline (src/core/bundle/) without the UI changing.
import type { ParseStatus, ParseWarning, TextEncodingName } from '../../../core';

export interface ImportWorkItem {
  /** Position in the import, echoed back in `file` replies. */
  index: number;
  path: string;
  sizeBytes: number;
  /** Raw bytes (a File, or a Blob built from bridge reads). Blobs cross to the worker without a copy. */
  blob: Blob;
}

export type ToWorker = { type: 'start'; items: ImportWorkItem[] } | { type: 'cancel' };

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentPath: string | null;
}

export interface ImportedFile {
  index: number;
  path: string;
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

/** What the pipeline learnt about the bundle as a whole (a manifest's host and time, later). */
export interface ImportSummary {
  /** SHA-256 over the sorted (sha256, path) pairs: the same content imported twice has the same one. */
  fingerprint: string;
  host: string | null;
  capturedAt: string | null;
}

export type FromWorker =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'file'; file: ImportedFile }
  | ({ type: 'done' } & ImportSummary)
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
