// The Notes tab: every note of the bundle, grouped by what it is about, each group linking to its
// target (a file's lines open the Files tab with those lines highlighted); edit in place; delete
// with Undo; "Add note" for the bundle itself.
import type { ReactNode } from 'react';
import { noteTargetKey, noteTargetLabel, type Note } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { noteTargetHref, useTargetNames } from './note-links';
import { useBundleNotes } from './useNotes';
import { NoteCard } from './NoteCard';
import { TargetNotes } from './TargetNotes';
import './notes.css';

export function NotesTab({ bundleId }: { bundleId: string }): ReactNode {
  const { t } = useI18n();
  const notes = useBundleNotes(bundleId);
  const names = useTargetNames(bundleId, t);
  if (notes === undefined) return <p className="muted">{t('common.loading')}</p>;

  const groups: { key: string; notes: Note[] }[] = [];
  for (const n of notes) {
    const key = noteTargetKey(n.target);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.notes.push(n);
    else groups.push({ key, notes: [n] });
  }
  const others = groups.filter((g) => g.key !== 'bundle');
  return (
    <div className="notes-tab" data-testid="notes-tab">
      <TargetNotes bundleId={bundleId} target={{ kind: 'bundle' }} title={t('notes.section.bundle')} label={t('notes.target.bundle')} />
      {others.length === 0 && !notes.some((n) => n.target.kind === 'bundle') && (
        <div className="empty-state" data-testid="notes-empty">
          <p>{t('notes.tab.empty')}</p>
        </div>
      )}
      {others.map((g) => {
        const first = g.notes[0];
        if (!first) return null;
        const label = noteTargetLabel(first.target, t, names);
        return (
          <section key={g.key} className="target-notes" aria-label={label} data-testid="notes-group" data-target={g.key}>
            <div className="target-notes-header">
              <h3>
                <a href={noteTargetHref(bundleId, first.target)} className={first.target.kind === 'lines' || first.target.kind === 'oom-event' ? 'mono' : undefined}>
                  {label}
                </a>
              </h3>
            </div>
            {g.notes.map((n) => (
              <NoteCard key={n.id} note={n} label={label} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
