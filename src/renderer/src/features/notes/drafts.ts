// Nothing typed is lost on a reload or a crash: every change to a note or to a bundle's metadata is
// stashed in localStorage at once (synchronous, it survives the page), written to IndexedDB a moment
// later, and the stash is dropped once that write has landed. A stash still there when the app
// starts is a write the page did not live to finish: it is applied then, before anything is shown.
//   localStorage["oomscope.draft.notes.3f0c…"] = {"markdown":"The kill…","updatedAt":"2025-…"}
import type { OomscopeDatabase } from '../../db/database';

const PREFIX = 'oomscope.draft.';

export type DraftTable = 'notes' | 'bundles';
export type DraftChanges = Record<string, unknown>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function keyOf(table: DraftTable, id: string): string {
  return `${PREFIX}${table}.${id}`;
}

function read(store: Storage, key: string): DraftChanges | null {
  try {
    const value: unknown = JSON.parse(store.getItem(key) ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as DraftChanges) : null;
  } catch {
    return null;
  }
}

/** Records changes not yet written; merged with what is already stashed for the same record. */
export function stashDraft(table: DraftTable, id: string, changes: DraftChanges): void {
  const store = storage();
  if (!store) return;
  const key = keyOf(table, id);
  try {
    store.setItem(key, JSON.stringify({ ...read(store, key), ...changes }));
  } catch {
    // Storage full or refused: the database write still happens, only the crash safety net is lost.
  }
}

/** After a write: drops the stash if it holds nothing newer than what was written. */
export function settleDraft(table: DraftTable, id: string, written: DraftChanges): void {
  const store = storage();
  if (!store) return;
  const key = keyOf(table, id);
  const stashed = read(store, key);
  if (!stashed) return;
  const newer = Object.keys(stashed).some((k) => !(k in written) || JSON.stringify(stashed[k]) !== JSON.stringify(written[k]));
  if (!newer) store.removeItem(key);
}

/** The changes stashed for a record and not yet known to be written, if any. */
export function readDraft(table: DraftTable, id: string): DraftChanges | null {
  const store = storage();
  return store ? read(store, keyOf(table, id)) : null;
}

/** Forgets a record's stash (the record was deleted). */
export function dropDraft(table: DraftTable, id: string): void {
  storage()?.removeItem(keyOf(table, id));
}

/** Applies stashes left by a page that went away before its writes landed; resolves when done. */
export async function recoverDrafts(db: OomscopeDatabase): Promise<number> {
  const store = storage();
  if (!store) return 0;
  const found: { key: string; table: DraftTable; id: string; changes: DraftChanges }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const rest = key.slice(PREFIX.length);
    const dot = rest.indexOf('.');
    const table = rest.slice(0, dot);
    const changes = read(store, key);
    if ((table === 'notes' || table === 'bundles') && changes) found.push({ key, table, id: rest.slice(dot + 1), changes });
  }
  let applied = 0;
  for (const d of found) {
    try {
      applied += await db.table(d.table).update(d.id, d.changes);
      store.removeItem(d.key);
    } catch {
      // Kept for the next start: a stash is only dropped once it is in the database.
    }
  }
  return applied;
}

let recovered: Promise<unknown> | null = null;

/** Resolves once the stashes of the previous page are applied (the first call starts it). */
export function draftsRecovered(db: OomscopeDatabase): Promise<unknown> {
  // The first caller is often a live query, which may not write: the recovery starts from a timer,
  // outside the query's (read-only) context.
  recovered ??= new Promise((resolve) => {
    window.setTimeout(() => void recoverDrafts(db).then(resolve, () => resolve(0)), 0);
  });
  return recovered;
}
