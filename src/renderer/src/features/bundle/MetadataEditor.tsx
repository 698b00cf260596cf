// Title, host, capture time, tags, incident status and conclusion of a bundle, saved as they are
// typed: each change is stashed at once (features/notes/drafts.ts, so a reload or crash loses
// nothing) and written shortly after, or at once when the page is hidden or left.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import { updateBundleMetadata, type BundleMetadata } from '../../db/bundle-store';
import { INCIDENT_STATUSES, type BundleRecord, type IncidentStatus } from '../../db/schema';
import { draftsRecovered, settleDraft, stashDraft } from '../notes/drafts';
import { MarkdownView } from '../notes/MarkdownView';
import { isoToLocalInput, localInputToIso, parseTags } from './metadata';

const SAVE_DELAY_MS = 250;

export function MetadataEditor({ bundle }: { bundle: BundleRecord }): ReactNode {
  // The fields start from the record as it is once the previous page's unsaved typing is applied.
  const fresh = useLiveQuery(async () => {
    await draftsRecovered(db);
    return (await db.bundles.get(bundle.id)) ?? null;
  }, [bundle.id]);
  if (fresh === undefined) return <div className="metadata metadata-loading" />;
  return <MetadataFields bundle={fresh ?? bundle} />;
}

function MetadataFields({ bundle }: { bundle: BundleRecord }): ReactNode {
  const { t } = useI18n();
  // Local copies: the inputs stay as typed while the database catches up.
  const [title, setTitle] = useState(bundle.title);
  const [host, setHost] = useState(bundle.host ?? '');
  const [captured, setCaptured] = useState(isoToLocalInput(bundle.capturedAt));
  const [tags, setTags] = useState(bundle.tags.join(', '));
  const [status, setStatus] = useState<IncidentStatus>(bundle.incidentStatus ?? 'open');
  const [conclusion, setConclusion] = useState(bundle.conclusion ?? '');
  const [editingConclusion, setEditingConclusion] = useState(false);
  const pending = useRef<Partial<BundleMetadata>>({});
  const timer = useRef<number | null>(null);

  const flush = (): void => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length > 0) void updateBundleMetadata(db, bundle.id, changes).then(() => settleDraft('bundles', bundle.id, changes));
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  const save = (changes: Partial<BundleMetadata>): void => {
    pending.current = { ...pending.current, ...changes };
    stashDraft('bundles', bundle.id, changes);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
  };
  // Nothing typed is lost when the page changes, is hidden or is left before the delay is over.
  useEffect(() => {
    const now = (): void => flushRef.current();
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHide);
      now();
    };
  }, []);

  const showConclusionEditor = editingConclusion || conclusion.trim() === '';
  return (
    <div className="metadata">
      <input
        className="metadata-title"
        type="text"
        aria-label={t('bundle.meta.title')}
        value={title}
        placeholder={t('bundle.meta.title')}
        onChange={(e) => {
          setTitle(e.target.value);
          save({ title: e.target.value.trim() || bundle.title });
        }}
        onBlur={flush}
      />
      <div className="metadata-fields">
        <label>
          <span>{t('incident.status')}</span>
          <select
            className={`incident-status incident-${status}`}
            value={status}
            onChange={(e) => {
              const value = e.target.value as IncidentStatus;
              setStatus(value);
              save({ incidentStatus: value });
              flush();
            }}
          >
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`incident.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('library.col.host')}</span>
          <input
            type="text"
            value={host}
            placeholder={t('library.unknownHost')}
            onChange={(e) => {
              setHost(e.target.value);
              save({ host: e.target.value.trim() || null });
            }}
            onBlur={flush}
          />
        </label>
        <label>
          <span>{t('library.col.captured')}</span>
          <input
            type="datetime-local"
            step={1}
            value={captured}
            onChange={(e) => {
              setCaptured(e.target.value);
              save({ capturedAt: localInputToIso(e.target.value) });
            }}
            onBlur={flush}
          />
        </label>
        <label className="metadata-tags">
          <span>{t('library.col.tags')}</span>
          <input
            type="text"
            value={tags}
            placeholder={t('bundle.meta.tagsHint')}
            onChange={(e) => {
              setTags(e.target.value);
              save({ tags: parseTags(e.target.value) });
            }}
            onBlur={flush}
          />
        </label>
      </div>
      <div className="metadata-conclusion" data-testid="conclusion">
        <span className="metadata-conclusion-label">{t('incident.conclusion')}</span>
        {showConclusionEditor ? (
          <textarea
            aria-label={t('incident.conclusion')}
            placeholder={t('incident.conclusionHint')}
            value={conclusion}
            rows={Math.min(12, Math.max(2, conclusion.split('\n').length + 1))}
            autoFocus={editingConclusion}
            spellCheck={false}
            onChange={(e) => {
              setConclusion(e.target.value);
              save({ conclusion: e.target.value });
            }}
            onBlur={() => {
              flush();
              setEditingConclusion(false);
            }}
          />
        ) : (
          <div className="metadata-conclusion-view" aria-label={t('incident.conclusionPreview')} role="group">
            <MarkdownView markdown={conclusion} />
            <button type="button" className="button-link" onClick={() => setEditingConclusion(true)}>
              {t('notes.edit')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
