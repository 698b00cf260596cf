// What importing a backup adds to a workspace: each bundle of the backup is added as it is, skipped
// (the same content, by fingerprint, is already there), or added as a copy under new ids (when the
// user keeps both, or when its id is taken). Ids inside a copy are rewritten everywhere: file ids,
// raw bytes, notes, the stored analysis.
//   planBackupImport(backup.bundles, [{ id: 'b1', fingerprint: 'f1', title: 'x', live: true }], 'skip', newId)
//   → { add: [bundles whose fingerprint is not f1], skipped: [{ bundle: …, existing: { id: 'b1', … } }] }
import type { Note } from '../notes/note';
import type { BackupBundleMeta, BackupFileMeta } from './backup-format';

/** A backed-up bundle as far as merging is concerned; raw bytes may be held in any form (bytes, Blobs). */
export interface MergeableBundle {
  bundle: BackupBundleMeta;
  files: BackupFileMeta[];
  notes: Note[];
  analysis: unknown;
  raw: ReadonlyMap<string, unknown>;
}

export interface ExistingBundle {
  id: string;
  fingerprint: string;
  title: string;
  /** False for a bundle in the trash: its id is taken, but it does not count as "already here". */
  live: boolean;
}

/** What to do with a bundle whose content is already in the workspace. */
export type DuplicateChoice = 'skip' | 'keep-both';

export interface Duplicate<B> {
  bundle: B;
  existing: ExistingBundle;
}

export interface BackupImportPlan<B> {
  add: B[];
  skipped: Duplicate<B>[];
}

/** Bundles of the backup whose content is already in the workspace. */
export function findDuplicates<B extends MergeableBundle>(bundles: readonly B[], existing: readonly ExistingBundle[]): Duplicate<B>[] {
  const live = new Map<string, ExistingBundle>();
  for (const e of existing) if (e.live && !live.has(e.fingerprint)) live.set(e.fingerprint, e);
  const out: Duplicate<B>[] = [];
  for (const b of bundles) {
    const hit = live.get(b.bundle.fingerprint);
    if (hit) out.push({ bundle: b, existing: hit });
  }
  return out;
}

export function planBackupImport<B extends MergeableBundle>(bundles: readonly B[], existing: readonly ExistingBundle[], choice: DuplicateChoice, newId: () => string): BackupImportPlan<B> {
  const duplicates = new Map(findDuplicates(bundles, existing).map((d) => [d.bundle, d]));
  const takenIds = new Set(existing.map((e) => e.id));
  const add: B[] = [];
  const skipped: Duplicate<B>[] = [];
  for (const b of bundles) {
    const duplicate = duplicates.get(b);
    if (duplicate && choice === 'skip') {
      skipped.push(duplicate);
      continue;
    }
    if (duplicate || takenIds.has(b.bundle.id)) {
      let id = newId();
      while (takenIds.has(id)) id = newId();
      const copy = withBundleId(b, id, newId);
      takenIds.add(id);
      add.push(copy);
    } else {
      takenIds.add(b.bundle.id);
      add.push(b);
    }
  }
  return { add, skipped };
}

/** A file id moved to another bundle: `<old bundle id>/<n>` → `<new bundle id>/<n>`. */
function movedFileId(fileId: string, oldBundleId: string, newBundleId: string, index: number): string {
  const prefix = `${oldBundleId}/`;
  return fileId.startsWith(prefix) ? `${newBundleId}/${fileId.slice(prefix.length)}` : `${newBundleId}/${String(index).padStart(6, '0')}`;
}

/** The same bundle under a new id, with new note ids; nothing else changes. */
export function withBundleId<B extends MergeableBundle>(b: B, bundleId: string, newId: () => string): B {
  const oldId = b.bundle.id;
  const raw = new Map<string, unknown>();
  const files: BackupFileMeta[] = b.files.map((f, n) => {
    const id = movedFileId(f.id, oldId, bundleId, n);
    const bytes = b.raw.get(f.id);
    if (bytes) raw.set(id, bytes);
    return { ...f, id, bundleId };
  });
  const notes: Note[] = b.notes.map((note) => ({ ...note, id: newId(), bundleId }));
  const analysis = typeof b.analysis === 'object' && b.analysis !== null && !Array.isArray(b.analysis) ? { ...b.analysis, bundleId } : b.analysis;
  const bundle: BackupBundleMeta = { ...b.bundle, id: bundleId };
  return { ...b, bundle, files, notes, analysis, raw } as B;
}
