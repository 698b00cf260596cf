// Reading a workspace backup (layout in backup-format.ts): checks that it is one of ours, of a
// version we read, complete, and that every raw file's bytes have the SHA-256 the manifest recorded;
// refuses it as a whole otherwise (with a code for a message in the user's language).
//   readBackup(bytes) → { ok: true, manifest, bundles: [{ bundle, files, notes, analysis, raw }] }
//   readBackup(new Uint8Array([1, 2, 3])) → { ok: false, error: { code: 'not-zip', … } }
//   readBackup(zipOfSomethingElse) → { ok: false, error: { code: 'not-backup', … } }
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { sha256Hex } from '../bundle/sha256';
import { parseNote, type Note } from '../notes/note';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  type BackupBundle,
  type BackupBundleMeta,
  type BackupError,
  type BackupErrorCode,
  type BackupFileMeta,
  type BackupManifest,
  type BackupManifestBundle,
  type BackupRawEntry,
} from './backup-format';

/** Bundle and file records as read: the fields a backup relies on, checked, and every other field kept. */
export type ReadBundleMeta = BackupBundleMeta & Record<string, unknown>;
export type ReadFileMeta = BackupFileMeta & Record<string, unknown>;
export type ReadBackupBundle = BackupBundle<ReadBundleMeta, ReadFileMeta>;

export type ReadBackupResult = { ok: true; manifest: BackupManifest; bundles: ReadBackupBundle[] } | { ok: false; error: BackupError };

export interface ReadBackupOptions {
  /** Refuse archives that unpack to more than this (everything is held in memory). */
  maxUnpackedBytes?: number;
}

export const DEFAULT_MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;

class Refused extends Error {
  constructor(readonly error: BackupError) {
    super(error.message);
  }
}

function refuse(code: BackupErrorCode, message: string, params: Record<string, string | number> = {}): never {
  throw new Refused({ code, params, message });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON without `__proto__` keys, so nothing read can reach an object's prototype. */
function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

function readJson(files: Unzipped, entry: string): unknown {
  const bytes = files[entry];
  if (!bytes) refuse('missing-entry', `${entry} is missing.`, { entry });
  try {
    return parseJson(strFromU8(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('bad-entry', `${entry} is not valid JSON: ${detail}`, { entry, detail });
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkManifest(value: unknown): BackupManifest {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) refuse('not-backup', 'This ZIP archive is not an OOMScope backup.');
  const version = value.formatVersion;
  if (!isCount(version)) refuse('bad-manifest', 'manifest.json has no format version.', { detail: 'formatVersion' });
  if (version > BACKUP_FORMAT_VERSION) refuse('newer-version', `Backup format ${version} is newer than ${BACKUP_FORMAT_VERSION}.`, { version, supported: BACKUP_FORMAT_VERSION });
  const bad = (detail: string): never => refuse('bad-manifest', `manifest.json: ${detail}`, { detail });
  if (!isString(value.appVersion) || !isString(value.createdAt)) bad('appVersion/createdAt');
  if (!Array.isArray(value.bundles)) return bad('bundles');
  const bundles: BackupManifestBundle[] = value.bundles.map((b: unknown, n: number) => {
    if (!isObject(b) || !isString(b.id) || !isString(b.fingerprint) || !isString(b.title) || !isString(b.folder) || !Array.isArray(b.raw)) return bad(`bundles[${n}]`);
    if (!isCount(b.files) || !isCount(b.notes) || typeof b.analysis !== 'boolean') return bad(`bundles[${n}]`);
    const raw: BackupRawEntry[] = b.raw.map((r: unknown, k: number) => {
      if (!isObject(r) || !isString(r.fileId) || !isString(r.entry) || !isCount(r.sizeBytes) || !isString(r.sha256)) return bad(`bundles[${n}].raw[${k}]`);
      return { fileId: r.fileId, entry: r.entry, sizeBytes: r.sizeBytes, sha256: r.sha256.toLowerCase() };
    });
    return { id: b.id, fingerprint: b.fingerprint, title: b.title, folder: b.folder, files: b.files, notes: b.notes, analysis: b.analysis, raw };
  });
  const ids = new Set(bundles.map((b) => b.id));
  if (ids.size !== bundles.length) bad('a bundle id appears twice');
  const counts = isObject(value.counts) ? value.counts : {};
  return {
    format: BACKUP_FORMAT,
    formatVersion: version,
    appVersion: value.appVersion as string,
    createdAt: value.createdAt as string,
    counts: {
      bundles: bundles.length,
      files: bundles.reduce((s, b) => s + b.files, 0),
      rawFiles: bundles.reduce((s, b) => s + b.raw.length, 0),
      rawBytes: bundles.reduce((s, b) => s + b.raw.reduce((t, r) => t + r.sizeBytes, 0), 0),
      notes: bundles.reduce((s, b) => s + b.notes, 0),
      analyses: isCount(counts.analyses) ? counts.analyses : bundles.filter((b) => b.analysis).length,
    },
    bundles,
  };
}

function readBundle(files: Unzipped, m: BackupManifestBundle): ReadBackupBundle {
  const bundleEntry = `${m.folder}/bundle.json`;
  const filesEntry = `${m.folder}/files.json`;
  const notesEntry = `${m.folder}/notes.json`;
  const badEntry = (entry: string, detail: string): never => refuse('bad-entry', `${entry}: ${detail}`, { entry, detail });

  const bundle = readJson(files, bundleEntry);
  if (!isObject(bundle) || bundle.id !== m.id || !isString(bundle.fingerprint) || !isString(bundle.title)) return badEntry(bundleEntry, 'not the bundle the manifest names');

  const fileList = readJson(files, filesEntry);
  if (!Array.isArray(fileList) || fileList.length !== m.files) return badEntry(filesEntry, `expected ${m.files} file records`);
  const fileRecords: ReadFileMeta[] = fileList.map((f: unknown, n: number) => {
    if (!isObject(f) || !isString(f.id) || f.bundleId !== m.id || !isString(f.path) || !isString(f.sha256) || !isCount(f.sizeBytes)) return badEntry(filesEntry, `record ${n}`);
    return f as ReadFileMeta;
  });
  const pathById = new Map(fileRecords.map((f) => [f.id, f.path]));
  if (pathById.size !== fileRecords.length) badEntry(filesEntry, 'a file id appears twice');

  const noteList = readJson(files, notesEntry);
  if (!Array.isArray(noteList) || noteList.length !== m.notes) return badEntry(notesEntry, `expected ${m.notes} notes`);
  const notes: Note[] = noteList.map((value: unknown, n: number) => {
    const note = parseNote(value);
    if (!note || note.bundleId !== m.id) return badEntry(notesEntry, `note ${n}`);
    return note;
  });

  const analysis = m.analysis ? readJson(files, `${m.folder}/analysis.json`) : null;

  const raw = new Map<string, Uint8Array>();
  for (const r of m.raw) {
    const bytes = files[r.entry];
    if (!bytes) refuse('missing-entry', `${r.entry} is missing.`, { entry: r.entry });
    const path = pathById.get(r.fileId);
    if (path === undefined) return badEntry(`${m.folder}/raw`, `${r.fileId} is not a file of this bundle`);
    if (bytes.byteLength !== r.sizeBytes || sha256Hex(bytes) !== r.sha256) refuse('checksum', `${path} of “${m.title}”: SHA-256 mismatch.`, { path, bundle: m.title });
    raw.set(r.fileId, bytes);
  }
  return { bundle: bundle as ReadBundleMeta, files: fileRecords, notes, analysis, raw };
}

function isZipStart(bytes: Uint8Array): boolean {
  // Local file header "PK\3\4", or the end record "PK\5\6" of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export function readBackup(bytes: Uint8Array, options: ReadBackupOptions = {}): ReadBackupResult {
  const max = options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  try {
    if (!isZipStart(bytes)) refuse('not-zip', 'The file is not a ZIP archive.');
    let unpacked = 0;
    let tooLarge = false;
    let files: Unzipped;
    try {
      files = unzipSync(bytes, {
        // Only our own entries are unpacked; a foreign archive costs no more than its manifest check.
        filter: (entry) => {
          if (entry.name !== MANIFEST_ENTRY && !entry.name.startsWith('bundles/')) return false;
          unpacked += entry.originalSize;
          if (unpacked > max) tooLarge = true;
          return !tooLarge;
        },
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return refuse('corrupt', `The archive is damaged: ${detail}`, { detail });
    }
    if (tooLarge) refuse('too-large', `The archive unpacks to more than ${max} bytes.`, { size: unpacked, max });
    if (!files[MANIFEST_ENTRY]) refuse('not-backup', 'This ZIP archive has no manifest.json.');
    const manifest = checkManifest(readJson(files, MANIFEST_ENTRY));
    const bundles = manifest.bundles.map((m) => readBundle(files, m));
    return { ok: true, manifest, bundles };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}
