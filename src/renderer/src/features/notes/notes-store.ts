// Notes in the database: add, save as typed (through the draft stash), delete and put back (undo).
import type { Note, NoteTarget } from '../../../../core';
import type { OomscopeDatabase } from '../../db/database';
import { newId } from '../../db/ids';
import { dropDraft, readDraft, settleDraft, stashDraft } from './drafts';

export function createNote(bundleId: string, target: NoteTarget, markdown = '', now = new Date()): Note {
  const at = now.toISOString();
  return { id: newId(), bundleId, target, markdown, createdAt: at, updatedAt: at };
}

export async function addNote(db: OomscopeDatabase, note: Note): Promise<void> {
  await db.notes.add(note);
}

/** Stashes the text at once; the returned function writes it (call it debounced, and on leaving). */
export function stashNoteText(id: string, markdown: string, now = new Date()): { markdown: string; updatedAt: string } {
  const changes = { markdown, updatedAt: now.toISOString() };
  stashDraft('notes', id, changes);
  return changes;
}

export async function writeNoteText(db: OomscopeDatabase, id: string, changes: { markdown: string; updatedAt: string }): Promise<void> {
  await db.notes.update(id, changes);
  settleDraft('notes', id, changes);
}

/** Deletes a note and returns it, for Undo. */
export async function deleteNote(db: OomscopeDatabase, id: string): Promise<Note | undefined> {
  dropDraft('notes', id);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note;
  });
}

export async function restoreNote(db: OomscopeDatabase, note: Note): Promise<void> {
  await db.notes.put(note);
}

/** Removes the notes among `ids` that hold no text, counting text typed but not yet written. */
export async function deleteIfEmpty(db: OomscopeDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    for (const id of ids) {
      const note = await db.notes.get(id);
      const typed = readDraft('notes', id)?.markdown;
      const text = typeof typed === 'string' ? typed : (note?.markdown ?? '');
      if (note && text.trim() === '') await db.notes.delete(id);
    }
  });
}
