// Search of every note in every bundle (on the Library): results name the bundle and the target,
// show the text around the match, and link to the target.
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { noteTargetLabel, searchNotes } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { noteTargetHref } from './note-links';
import { useAllNotes } from './useNotes';
import './notes.css';

const MAX_SHOWN = 50;

export function NotesSearch(): ReactNode {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const all = useAllNotes();
  const hits = useMemo(() => (all ? searchNotes(all.notes, deferred, (n) => noteTargetLabel(n.target, t)) : []), [all, deferred, t]);
  const active = deferred.trim() !== '';
  return (
    <div className="notes-search">
      <input type="search" className="notes-search-input" placeholder={t('notes.search.placeholder')} aria-label={t('notes.search.label')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {active && (
        <div className="panel notes-search-results" role="region" aria-label={t('notes.search.label')} data-testid="notes-search-results">
          <p className="muted notes-search-count">{hits.length === 0 ? t('notes.search.none', { query: deferred.trim() }) : t('notes.search.results', { count: hits.length })}</p>
          <ul>
            {hits.slice(0, MAX_SHOWN).map((h) => (
              <li key={h.note.id} data-testid="notes-search-hit">
                <a href={noteTargetHref(h.note.bundleId, h.note.target)}>
                  <span className="notes-search-bundle">{all?.titles.get(h.note.bundleId) ?? h.note.bundleId}</span>
                  <span className="faint"> · </span>
                  <span className="notes-search-target">{h.label}</span>
                </a>
                <p className="notes-search-snippet">
                  {h.snippet.before}
                  <mark>{h.snippet.match}</mark>
                  {h.snippet.after}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
