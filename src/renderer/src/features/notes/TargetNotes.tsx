// The notes on one target, in place (the bundle on the Overview, a memory group in its detail), with
// "Add note". A new note opens for typing at once.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { noteTargetKey, type NoteTarget } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import { addNote, createNote } from './notes-store';
import { useTargetNotes } from './useNotes';
import { NoteCard } from './NoteCard';
import './notes.css';

export interface TargetNotesProps {
  bundleId: string;
  target: NoteTarget;
  /** The section's heading. */
  title: string;
  /** What the notes are about, in words (for the editor's label). */
  label: string;
  /** Open a new note for typing when there is none yet (in a dialog opened to add one). */
  addIfEmpty?: boolean;
}

export function TargetNotes({ bundleId, target, title, label, addIfEmpty = false }: TargetNotesProps): ReactNode {
  const { t } = useI18n();
  const notes = useTargetNotes(bundleId, target);
  const [editingId, setEditingId] = useState<string | null>(null);
  const autoAdded = useRef(false);
  const add = async (): Promise<void> => {
    const note = createNote(bundleId, target);
    setEditingId(note.id);
    await addNote(db, note);
  };
  const empty = notes !== undefined && notes.length === 0;
  useEffect(() => {
    if (!addIfEmpty || autoAdded.current || !empty) return;
    autoAdded.current = true;
    const note = createNote(bundleId, target);
    setEditingId(note.id);
    void addNote(db, note);
    // Once, when the dialog opens on a target without notes.
  }, [addIfEmpty, empty]);
  return (
    <section className="target-notes" aria-label={title} data-testid="target-notes" data-target={noteTargetKey(target)}>
      <div className="target-notes-header">
        <h3>{title}</h3>
        <button type="button" onClick={() => void add()} aria-label={t('notes.addTo', { target: label })}>
          {t('notes.add')}
        </button>
      </div>
      {(notes ?? []).map((n) => (
        <NoteCard key={n.id} note={n} label={label} startEditing={n.id === editingId} />
      ))}
    </section>
  );
}
