// Live lists of notes from the database, after the drafts of a previous page have been applied.
import { useLiveQuery } from 'dexie-react-hooks';
import { compareNoteTargets, noteTargetKey, type Note, type NoteTarget } from '../../../../core';
import { db } from '../../db/database';
import { draftsRecovered } from './drafts';

function byCreation(a: Note, b: Note): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/** Every note of a bundle, by target (list order) then creation; undefined while loading. */
export function useBundleNotes(bundleId: string): Note[] | undefined {
  return useLiveQuery(async () => {
    await draftsRecovered(db);
    const notes = await db.notes.where('bundleId').equals(bundleId).toArray();
    return notes.sort((a, b) => compareNoteTargets(a.target, b.target) || byCreation(a, b));
  }, [bundleId]);
}

/** The notes on one target, oldest first. */
export function useTargetNotes(bundleId: string, target: NoteTarget): Note[] | undefined {
  const key = noteTargetKey(target);
  return useLiveQuery(async () => {
    await draftsRecovered(db);
    const notes = await db.notes.where('bundleId').equals(bundleId).toArray();
    return notes.filter((n) => noteTargetKey(n.target) === key).sort(byCreation);
  }, [bundleId, key]);
}

/** Every note of every bundle that is not in the trash (for the search on the Library). */
export function useAllNotes(): { notes: Note[]; titles: Map<string, string> } | undefined {
  return useLiveQuery(async () => {
    await draftsRecovered(db);
    const bundles = await db.bundles.where('status').equals('ready').toArray();
    const titles = new Map(bundles.map((b) => [b.id, b.title]));
    const notes = (await db.notes.orderBy('updatedAt').reverse().toArray()).filter((n) => titles.has(n.bundleId));
    return { notes, titles };
  }, []);
}
