// Notes on lines of one file, for the raw view (components/RawFileView): the markers to show, and
// "Add note to lines" / a click on a marker opening the notes of those lines in a dialog.
//   const lineNotes = useLineNotes(file.bundleId, file.path);
//   <LazyRawFileView … {...lineNotes.viewProps} />{lineNotes.dialog}
import { useMemo, useState, type ReactNode } from 'react';
import { linesTarget, noteTargetLabel, noteTargetLines, type NoteTarget } from '../../../../core';
import { useI18n } from '../../app/i18n';
import type { RawFileLineRange, RawFileNote } from '../../components/RawFileView';
import { useBundleNotes } from './useNotes';
import { NotesDialog } from './AddNoteButton';

export interface LineNotes {
  viewProps: {
    notes: RawFileNote[];
    onAddNote: (lines: RawFileLineRange) => void;
    addNoteLabel: string;
    onNoteClick: (noteId: string) => void;
  };
  dialog: ReactNode;
}

export function useLineNotes(bundleId: string, path: string): LineNotes {
  const { t } = useI18n();
  const all = useBundleNotes(bundleId);
  const [open, setOpen] = useState<NoteTarget | null>(null);
  const onFile = useMemo(() => (all ?? []).filter((n) => noteTargetLines(n.target)?.file === path), [all, path]);
  const notes = useMemo<RawFileNote[]>(
    () =>
      onFile.map((n) => {
        const lines = noteTargetLines(n.target);
        return { id: n.id, lineStart: lines?.lineStart ?? 1, lineEnd: lines?.lineEnd ?? 1, text: n.markdown, title: t('notes.lines.hoverTitle', { target: noteTargetLabel(n.target, t) }) };
      }),
    [onFile, t],
  );
  const viewProps = useMemo(
    () => ({
      notes,
      addNoteLabel: t('notes.lines.add'),
      onAddNote: (lines: RawFileLineRange) => setOpen(linesTarget(path, lines.lineStart, lines.lineEnd)),
      onNoteClick: (noteId: string) => {
        const note = onFile.find((n) => n.id === noteId);
        if (note) setOpen(note.target);
      },
    }),
    [notes, t, path, onFile],
  );
  const dialog = open ? <NotesDialog bundleId={bundleId} target={open} label={noteTargetLabel(open, t)} onClose={() => setOpen(null)} /> : null;
  return { viewProps, dialog };
}
