// The IndexedDB schema (through Dexie), one entry per version. A new version is appended, never
// edited: Dexie upgrades an older database step by step, running each version's `upgrade`.
import type { Transaction } from 'dexie';
import type { BundleAnalysis, Note, ParseStatus, ParseWarning, TextEncodingName } from '../../../core';

export type BundleStatus = 'ready' | 'trash';

/** Where the investigation stands, set by the engineer (since schema version 3). */
export type IncidentStatus = 'open' | 'explained' | 'closed';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['open', 'explained', 'closed'];

export interface BundleRecord {
  id: string;
  title: string;
  host: string | null;
  /** ISO 8601, or null when nothing says when it was captured. */
  capturedAt: string | null;
  importedAt: string;
  tags: string[];
  /** 'trash' = deleted by the user, waiting for the undo period to end. */
  status: BundleStatus;
  deletedAt: string | null;
  /** The engineer's conclusion for the incident (Markdown), empty until written. */
  conclusion: string;
  /** Not `status`, which is the record's own life (ready / trash). */
  incidentStatus: IncidentStatus;
  fingerprint: string;
  /** Problems with the import as a whole: archive members left out, sources cut short. */
  importWarnings: ParseWarning[];
  fileCount: number;
  recognisedCount: number;
  warningCount: number;
  sizeBytes: number;
}

export interface FileRecord {
  /** `<bundleId>/<index>`: stable, and sorts with the bundle. */
  id: string;
  bundleId: string;
  /** Path inside the bundle, `/`-separated. */
  path: string;
  /** The archive (bundle path) the file came out of; null for a file given directly. */
  container: string | null;
  formatId: string;
  status: ParseStatus;
  warnings: ParseWarning[];
  /** The format's parse result; null when unrecognised or unusable. */
  data: unknown;
  sha256: string;
  sizeBytes: number;
  encoding: TextEncodingName | null;
  detectScore: number;
}

/** Raw bytes, kept apart from FileRecord so that listing files never loads them. */
export interface BlobRecord {
  fileId: string;
  bundleId: string;
  blob: Blob;
}

/**
 * A note (since schema version 3: the shape of src/core/notes/note.ts): Markdown on the bundle, a
 * snapshot, a memory group, a finding, an OOM event, or a line range of a file named by its path.
 * Version 1 declared the table with another shape, but nothing wrote to it before version 3.
 */
export type NoteRecord = Note;

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * The engine's answer for one bundle (since schema version 2), written by the import worker in the
 * same transaction as the bundle, or later by "Re-analyse". Plain data, exactly `analyzeBundle`'s
 * result (src/core/analyze/analyze-bundle.ts) plus who/when:
 *   - `snapshots`: Snapshot[] — the memory trees, one per capture time, in time order;
 *   - `oomEvents`: LocatedOomEvent[] ({ file, event }) — kernel OOM reports, deduplicated;
 *   - `findingsBySnapshot`: FindingDraft[] — per snapshot (what a comparison diffs);
 *   - `findings`: FindingDraft & { snapshotIds } — one per rule and group for the bundle, most severe first;
 *   - `headline` / `eventHeadlines`: Headline — the answer for the bundle / for each OOM event (same order as oomEvents);
 *   - `ruleFailures`: rules that threw (bugs), with their message.
 * Drafts hold message keys and parameters, not texts: render them with `localizeFinding(draft,
 * locale, readLines)` and `renderHeadline(headline, locale, units)`. Every `file` in them is a
 * FileRecord `path` of the same bundle (evidence links use it as is).
 * A bundle imported before version 2, or analysed by an older engine (`engineVersion` below
 * ANALYSIS_ENGINE_VERSION in db/analysis-store.ts), has no row or an old one: offer "Re-analyse".
 */
export interface AnalysisRecord extends BundleAnalysis {
  bundleId: string;
  engineVersion: number;
  /** ISO 8601. */
  analysedAt: string;
}

export type TableName = 'bundles' | 'files' | 'blobs' | 'notes' | 'settings' | 'analyses';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. Only what changed needs listing, but we list all. */
  stores: Partial<Record<TableName, string>>;
  /** Rewrites records written by older versions (Dexie runs it once, when the database is upgraded). */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** A bundle record from before version 3, with the investigation fields it lacks. */
export function withIncidentFields<T extends Partial<Pick<BundleRecord, 'incidentStatus' | 'conclusion'>>>(bundle: T): T & Pick<BundleRecord, 'incidentStatus' | 'conclusion'> {
  const status = bundle.incidentStatus;
  return { ...bundle, incidentStatus: status && INCIDENT_STATUSES.includes(status) ? status : 'open', conclusion: typeof bundle.conclusion === 'string' ? bundle.conclusion : '' };
}

export const DATABASE_NAME = 'oomscope';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      bundles: 'id, importedAt, fingerprint, status',
      files: 'id, bundleId, [bundleId+path]',
      blobs: 'fileId, bundleId',
      notes: 'id, bundleId',
      settings: 'key',
    },
  },
  {
    // Adds the stored analysis. No upgrade step: bundles from version 1 stay without one until re-analysed.
    version: 2,
    stores: {
      bundles: 'id, importedAt, fingerprint, status',
      files: 'id, bundleId, [bundleId+path]',
      blobs: 'fileId, bundleId',
      notes: 'id, bundleId',
      settings: 'key',
      analyses: 'bundleId',
    },
  },
  {
    // Notes get their shape (src/core/notes) and an index by edit time (the notes search lists the
    // latest first); bundles get the incident status. Existing bundles become "open".
    version: 3,
    stores: {
      bundles: 'id, importedAt, fingerprint, status',
      files: 'id, bundleId, [bundleId+path]',
      blobs: 'fileId, bundleId',
      notes: 'id, bundleId, updatedAt',
      settings: 'key',
      analyses: 'bundleId',
    },
    upgrade: async (tx) => {
      await tx
        .table<BundleRecord, string>('bundles')
        .toCollection()
        .modify((bundle) => {
          Object.assign(bundle, withIncidentFields(bundle));
        });
    },
  },
];
