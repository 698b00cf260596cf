// Messages between the report page and the report worker, which analyses (when no stored analysis
// is current), reads the cited lines from the stored Blobs and builds the ReportModel off the UI thread.
import type { BundleAnalysis, Locale, Note, ReportBundleMeta, ReportModel, TextEncodingName } from '../../../../core';

export interface ReportWorkerFile {
  path: string;
  formatId: string;
  sizeBytes: number;
  sha256: string;
  encoding: TextEncodingName | null;
  /** The parse result: needed for every file when `analysis` is null, else only for manifests. */
  data: unknown;
  /** Raw bytes, for evidence excerpts; null when not stored. */
  blob: Blob | null;
}

export interface ReportCompareSide {
  /** Names the baseline in the report (the other bundle's title; empty for this bundle). */
  title: string;
  analysis: BundleAnalysis | null;
  files: { path: string; formatId: string; data: unknown }[];
  /** null: its latest snapshot. */
  snapshotId: string | null;
}

export interface ReportRequest {
  bundle: ReportBundleMeta;
  /** The stored analysis when it is current; null to analyse `files` here. */
  analysis: BundleAnalysis | null;
  files: ReportWorkerFile[];
  notes: Note[];
  compare: ReportCompareSide | null;
  locale: Locale;
  generatedAt: string;
}

export interface ReportSnapshotChoice {
  id: string;
  label: string;
}

export type FromReportWorker = { type: 'report'; model: ReportModel; snapshots: ReportSnapshotChoice[] } | { type: 'error'; message: string };
