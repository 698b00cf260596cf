// The raw view of a file above MAX_MONACO_BYTES: its stored Blob in the large-file viewer, which
// reads it a slice at a time (components/LargeFileViewer.tsx).
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { db } from '../../../db/database';
import type { FileRecord } from '../../../db/schema';
import { LargeFileViewer } from '../../../components/LargeFileViewer';
import { MAX_MONACO_BYTES } from './useRawText';

type Stored = { state: 'loading' } | { state: 'ready'; blob: Blob } | { state: 'missing' } | { state: 'error'; message: string };

export function LargeRawPane({ file, line, highlightLines }: { file: FileRecord; line: number | null; highlightLines: readonly number[] }): ReactNode {
  const { t, bytes } = useI18n();
  const [stored, setStored] = useState<Stored>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    db.blobs.get(file.id).then(
      (row) => live && setStored(row ? { state: 'ready', blob: row.blob } : { state: 'missing' }),
      (e: unknown) => live && setStored({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [file.id]);
  if (stored.state === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (stored.state === 'missing') return <p className="muted">{t('bundle.file.missing')}</p>;
  if (stored.state === 'error') return <p className="muted">{stored.message}</p>;
  return (
    <div className="large-raw-pane">
      <p className="muted large-raw-note">{t('largeFile.note', { max: bytes(MAX_MONACO_BYTES) })}</p>
      <LargeFileViewer blob={stored.blob} encoding={file.encoding} ariaLabel={t('largeFile.region', { path: file.path })} revealLine={line} highlightLines={highlightLines} />
    </div>
  );
}
