// One file of the bundle: what it was recognised as, its warnings, and the file itself (raw in
// Monaco, or parsed as tables).
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { useTheme } from '../../../app/theme-context';
import { bundleHref } from '../../../app/router';
import type { FileRecord } from '../../../db/schema';
import { UNKNOWN_FORMAT_ID } from '../../../db/import-records';
import { LazyRawFileView } from '../../../components/LazyRawFileView';
import { useRawText } from './useRawText';
import { LargeRawPane } from './LargeRawPane';
import { ParsedFileView } from './parsed-views';
import { useLineNotes } from '../../notes/LineNotes';

export function FileDetail({ file, line, lineEnd = null }: { file: FileRecord; line: number | null; lineEnd?: number | null }): ReactNode {
  const { t, bytes, warning, formatName } = useI18n();
  const [view, setView] = useState<'raw' | 'parsed'>('raw');
  const unknown = file.formatId === UNKNOWN_FORMAT_ID;
  const statusClass = unknown ? 'bad' : file.status === 'parsed' ? 'ok' : 'warn';
  return (
    <section className="file-detail" aria-label={file.path} data-testid="file-detail">
      <div className="file-detail-header">
        <h2 className="mono file-detail-path">{file.path}</h2>
        <dl className="file-facts">
          <div>
            <dt>{t('bundle.file.format')}</dt>
            <dd>
              <span className={`badge ${statusClass}`} data-testid="file-format">
                {unknown ? t('format.unknown') : formatName(file.formatId)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('bundle.file.status')}</dt>
            <dd>{t(`status.${file.status}`)}</dd>
          </div>
          <div>
            <dt>{t('bundle.file.size')}</dt>
            <dd title={`${file.sizeBytes} B`}>{bytes(file.sizeBytes)}</dd>
          </div>
          <div>
            <dt>{t('bundle.file.encoding')}</dt>
            <dd className="mono">{file.encoding ?? '—'}</dd>
          </div>
          <div>
            <dt>SHA-256</dt>
            <dd className="mono" title={file.sha256}>
              {file.sha256.slice(0, 12)}…
            </dd>
          </div>
        </dl>
      </div>
      <div className="file-warnings" data-testid="file-warnings">
        {file.warnings.length === 0 ? (
          <p className="faint">{t('bundle.file.noWarnings')}</p>
        ) : (
          <ul aria-label={t('bundle.file.warnings')}>
            {file.warnings.map((w, i) => (
              <li key={i} className={unknown ? 'warning-bad' : undefined}>
                {w.line !== undefined && (
                  <a className="mono" href={bundleHref(file.bundleId, 'files', file.path, w.line)}>
                    {t('common.lineN', { line: w.line })}
                  </a>
                )}{' '}
                {warning(w)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="file-view-switch" role="tablist" aria-label={t('bundle.file.view')}>
        <button type="button" role="tab" aria-selected={view === 'raw'} onClick={() => setView('raw')}>
          {t('bundle.file.raw')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'parsed'} disabled={file.data === null} onClick={() => setView('parsed')}>
          {t('bundle.file.parsed')}
        </button>
      </div>
      <div className="file-view" role="tabpanel">
        {view === 'raw' || file.data === null ? (
          <RawPane file={file} line={line} lineEnd={lineEnd} />
        ) : (
          <div className="parsed-pane" data-testid="parsed-view">
            <ParsedFileView file={file} />
          </div>
        )}
      </div>
    </section>
  );
}

/** Evidence ranges are short; a bigger span is a bad link, and highlights only its first line. */
const MAX_HIGHLIGHT_LINES = 200;

function highlightRange(line: number | null, lineEnd: number | null): number[] {
  if (line === null) return [];
  const end = lineEnd !== null && lineEnd > line && lineEnd - line < MAX_HIGHLIGHT_LINES ? lineEnd : line;
  return Array.from({ length: end - line + 1 }, (_, i) => line + i);
}

function RawPane({ file, line, lineEnd }: { file: FileRecord; line: number | null; lineEnd: number | null }): ReactNode {
  const { t } = useI18n();
  const theme = useTheme();
  const raw = useRawText(file);
  const highlightLines = useMemo(() => highlightRange(line, lineEnd), [line, lineEnd]);
  const lineNotes = useLineNotes(file.bundleId, file.path);
  if (raw.state === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (raw.state === 'too-large') return <LargeRawPane file={file} line={line} highlightLines={highlightLines} />;
  if (raw.state === 'missing') return <p className="muted">{t('bundle.file.missing')}</p>;
  if (raw.state === 'error') return <p className="muted">{raw.message}</p>;
  return (
    <>
      {lineNotes.dialog}
      <LazyRawFileView
        text={raw.text}
        ariaLabel={t('bundle.file.rawOf', { path: file.path })}
        theme={theme}
        highlightLines={highlightLines}
        revealLine={line}
        {...lineNotes.viewProps}
      />
    </>
  );
}
