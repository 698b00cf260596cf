// Title, host, capture time and tags of a bundle, saved as they are typed.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import { updateBundleMetadata, type BundleMetadata } from '../../db/bundle-store';
import type { BundleRecord } from '../../db/schema';
import { isoToLocalInput, localInputToIso, parseTags } from './metadata';

const SAVE_DELAY_MS = 250;

export function MetadataEditor({ bundle }: { bundle: BundleRecord }): ReactNode {
  const { t } = useI18n();
  // Local copies: the inputs stay as typed while the database catches up.
  const [title, setTitle] = useState(bundle.title);
  const [host, setHost] = useState(bundle.host ?? '');
  const [captured, setCaptured] = useState(isoToLocalInput(bundle.capturedAt));
  const [tags, setTags] = useState(bundle.tags.join(', '));
  const pending = useRef<Partial<BundleMetadata>>({});
  const timer = useRef<number | null>(null);

  const flush = (): void => {
    timer.current = null;
    const changes = pending.current;
    pending.current = {};
    if (Object.keys(changes).length > 0) void updateBundleMetadata(db, bundle.id, changes);
  };
  const save = (changes: Partial<BundleMetadata>): void => {
    pending.current = { ...pending.current, ...changes };
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
  };
  // Nothing typed is lost when the page changes before the delay is over.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        flush();
      }
    },
    [],
  );

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
      />
      <div className="metadata-fields">
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
          />
        </label>
      </div>
    </div>
  );
}
