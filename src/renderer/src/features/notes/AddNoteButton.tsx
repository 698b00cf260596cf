// "Add note" for any target, as a small button that opens the target's notes in a dialog — for
// places without room for them in line: a finding, an OOM event, a snapshot. Shows the count once
// there are notes. Usage (the bundle id, and the target the note is about):
//   <AddNoteButton bundleId={bundle.id} target={{ kind: 'finding', findingId: f.id, scopeKey: f.scopeKey }} label={f.title} />
//   <AddNoteButton bundleId={bundle.id} target={{ kind: 'oom-event', file: e.file, lineStart: e.event.lineStart }} />
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { noteTargetLabel, type NoteTarget } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import { deleteIfEmpty } from './notes-store';
import { useTargetNotes } from './useNotes';
import { TargetNotes } from './TargetNotes';
import './notes.css';

export interface AddNoteButtonProps {
  bundleId: string;
  target: NoteTarget;
  /** What the target is called on screen; defaults to core's label of the target. */
  label?: string;
  className?: string;
}

export function AddNoteButton({ bundleId, target, label, className }: AddNoteButtonProps): ReactNode {
  const { t } = useI18n();
  const notes = useTargetNotes(bundleId, target);
  const [open, setOpen] = useState(false);
  const name = label ?? noteTargetLabel(target, t);
  const count = notes?.length ?? 0;
  return (
    <>
      <button
        type="button"
        className={['note-button', count > 0 ? 'has-notes' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-label={count > 0 ? t('notes.on', { target: name }) : t('notes.addTo', { target: name })}
        title={count > 0 ? t('notes.on', { target: name }) : t('notes.addTo', { target: name })}
        aria-haspopup="dialog"
        data-testid="add-note-button"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">✎ </span>
        {count > 0 ? t('notes.buttonCount', { count }) : t('notes.add')}
      </button>
      {open && <NotesDialog bundleId={bundleId} target={target} label={name} onClose={() => setOpen(false)} />}
    </>
  );
}

export function NotesDialog({ bundleId, target, label, onClose }: { bundleId: string; target: NoteTarget; label: string; onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const notes = useTargetNotes(bundleId, target);
  const notesRef = useRef(notes);
  notesRef.current = notes;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = (): void => {
    // Opening the dialog starts a note; closing it without a word leaves nothing behind.
    void deleteIfEmpty(
      db,
      (notesRef.current ?? []).map((n) => n.id),
    );
    ref.current?.close();
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="notes-dialog"
      aria-label={t('notes.on', { target: label })}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <TargetNotes bundleId={bundleId} target={target} title={t('notes.on', { target: label })} label={label} addIfEmpty />
      <div className="notes-dialog-bar">
        <button type="button" onClick={close}>
          {t('notes.close')}
        </button>
      </div>
    </dialog>
  );
}
