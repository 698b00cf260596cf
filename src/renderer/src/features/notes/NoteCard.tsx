// One note: its Markdown, when it was last edited, Edit and Delete (with Undo). Editing happens in
// place, in a textarea saved as typed: Done, Escape or Ctrl/Cmd+Enter leave it; an empty note left
// that way is removed.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Note } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { useToasts } from '../../app/toasts';
import { db } from '../../db/database';
import { deleteNote, restoreNote, stashNoteText, writeNoteText } from './notes-store';
import { useSaveAsTyped } from './useSaveAsTyped';
import { MarkdownView } from './MarkdownView';

/** Delete with an Undo toast. */
export function useDeleteNote(): (id: string) => Promise<void> {
  const toasts = useToasts();
  return async (id) => {
    const note = await deleteNote(db, id);
    if (!note) return;
    toasts.show({ message: { key: 'notes.deleted' }, timeoutMs: 10_000, action: { label: { key: 'notes.undo' }, run: () => void restoreNote(db, note) } });
  };
}

export function NoteCard({ note, label, startEditing = false }: { note: Note; label: string; startEditing?: boolean }): ReactNode {
  const { t, dateTime } = useI18n();
  const [editing, setEditing] = useState(startEditing);
  const remove = useDeleteNote();
  return (
    <article className={editing ? 'note note-editing' : 'note'} data-testid="note" data-note-id={note.id} aria-label={t('notes.on', { target: label })}>
      {editing ? (
        <NoteTextEditor
          note={note}
          label={label}
          onDone={(text) => {
            setEditing(false);
            if (text.trim() === '') void deleteNote(db, note.id);
          }}
        />
      ) : note.markdown.trim() === '' ? (
        <p className="faint note-empty">{t('notes.emptyNote')}</p>
      ) : (
        <MarkdownView markdown={note.markdown} className="note-body" />
      )}
      <footer className="note-footer">
        <span className="faint" title={note.updatedAt}>
          {t('notes.edited', { time: dateTime(note.updatedAt) })}
        </span>
        {!editing && (
          <button type="button" className="button-link" onClick={() => setEditing(true)}>
            {t('notes.edit')}
          </button>
        )}
        <button type="button" className="button-link danger" onClick={() => void remove(note.id)}>
          {t('notes.delete')}
        </button>
      </footer>
    </article>
  );
}

function NoteTextEditor({ note, label, onDone }: { note: Note; label: string; onDone: (text: string) => void }): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState(note.markdown);
  const saver = useSaveAsTyped<{ markdown: string; updatedAt: string }>((changes) => void writeNoteText(db, note.id, changes));
  const done = (): void => {
    saver.flush();
    onDone(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      // Escape ends the editing, not the dialog the note may sit in.
      e.preventDefault();
      e.stopPropagation();
      done();
    }
  };
  const rows = Math.min(20, Math.max(3, text.split('\n').length + 1));
  return (
    <div className="note-editor">
      <textarea
        aria-label={t('notes.editor', { target: label })}
        placeholder={t('notes.placeholder')}
        value={text}
        rows={rows}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          saver.change(stashNoteText(note.id, e.target.value));
        }}
        onBlur={saver.flush}
        onKeyDown={onKeyDown}
      />
      <div className="note-editor-bar">
        <span className="faint">{t('notes.savedAsTyped')}</span>
        <button type="button" onClick={done}>
          {t('notes.done')}
        </button>
      </div>
    </div>
  );
}
