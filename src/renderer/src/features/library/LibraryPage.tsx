// The library: every imported bundle, search, import buttons, the sample, delete with undo.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { db } from '../../db/database';
import { moveBundleToTrash, purgeBundle, restoreBundle } from '../../db/bundle-store';
import type { BundleRecord } from '../../db/schema';
import { platform } from '../../platform/bridge';
import { useI18n } from '../../app/i18n';
import { useImports } from '../../app/imports';
import { useToasts } from '../../app/toasts';
import { bundleHref, navigate } from '../../app/router';
import { useOpenSample } from './useOpenSample';
import { CollectPanel } from './CollectPanel';
import { NotesSearch } from '../notes/NotesSearch';
import { BackupPanel } from '../backup/BackupPanel';
import { matchesSearch } from './search';
import { CompareCheckbox, CompareSelectedButton, useCompareSelection, type CompareSelection } from '../compare/LibraryCompare';
import { summariseAnalysis, type BundleSummary } from './bundle-summary';
import type { MessageKey } from '../../../../core';
import './library.css';

/** How long a deleted bundle can be brought back. */
export const UNDO_MS = 10_000;

export function LibraryPage(): ReactNode {
  const { t } = useI18n();
  const { importItems, progress } = useImports();
  const openSample = useOpenSample();
  const toasts = useToasts();
  const [query, setQuery] = useState('');
  const compareSelection = useCompareSelection();
  const bundles = useLiveQuery(() => db.bundles.where('status').equals('ready').toArray(), []);
  const sorted = useMemo(() => (bundles ?? []).slice().sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1)), [bundles]);
  const shown = useMemo(() => sorted.filter((b) => matchesSearch(b, query)), [sorted, query]);
  // Only the two figures the list shows are kept of each stored analysis.
  const summaries = useLiveQuery(async () => {
    const map = new Map<string, BundleSummary>();
    await db.analyses.each((a) => void map.set(a.bundleId, summariseAnalysis(a)));
    return map;
  }, []);

  const pick = useCallback(
    async (kind: 'files' | 'folder') => {
      const items = await platform.pickImport(kind);
      if (items.length > 0) await importItems(items);
    },
    [importItems],
  );

  const remove = useCallback(
    async (bundle: BundleRecord) => {
      await moveBundleToTrash(db, bundle.id);
      const timer = window.setTimeout(() => void purgeBundle(db, bundle.id), UNDO_MS);
      toasts.show({
        message: { key: 'library.deleted', params: { title: bundle.title } },
        timeoutMs: UNDO_MS,
        action: {
          label: { key: 'library.undo' },
          run: () => {
            window.clearTimeout(timer);
            void restoreBundle(db, bundle.id);
          },
        },
      });
    },
    [t, toasts],
  );

  const busy = progress !== null;
  return (
    <div className="page library">
      <div className="page-header">
        <h1>{t('library.title')}</h1>
        <input
          type="search"
          className="library-search"
          placeholder={t('library.search')}
          aria-label={t('library.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <NotesSearch />
        <div className="spacer" />
        <CompareSelectedButton selection={compareSelection} bundles={sorted} />
        <button type="button" className="primary" disabled={busy} onClick={() => void pick('files')}>
          {t('library.import')}
        </button>
        <button type="button" disabled={busy} onClick={() => void pick('folder')}>
          {t('library.importFolder')}
        </button>
        <button type="button" disabled={busy} onClick={() => void openSample()}>
          {t('library.openSample')}
        </button>
      </div>

      {bundles !== undefined && sorted.length === 0 ? (
        <FirstRun busy={busy} onOpenSample={() => void openSample()} />
      ) : (
        <div className="panel library-table-panel">
          <table className="data library-table" aria-label={t('library.title')}>
            <thead>
              <tr>
                <th>{t('library.col.title')}</th>
                <th>{t('library.col.host')}</th>
                <th>{t('library.col.captured')}</th>
                <th>{t('library.col.imported')}</th>
                <th className="num">{t('library.col.files')}</th>
                <th className="num">{t('library.col.recognised')}</th>
                <th>{t('library.col.tags')}</th>
                <th className="num">{t('library.col.oomEvents')}</th>
                <th>{t('library.col.worstFinding')}</th>
                <th>
                  <span className="visually-hidden">{t('library.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <BundleRow key={b.id} bundle={b} summary={summaries?.get(b.id)} onDelete={() => void remove(b)} compareSelection={compareSelection} />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && sorted.length > 0 && <p className="empty-state">{t('library.noMatch')}</p>}
        </div>
      )}
      <p className="library-drop-hint muted">{t('library.dropHint')}</p>
      <BackupPanel />
      <CollectPanel />
    </div>
  );
}

function BundleRow({ bundle, summary, onDelete, compareSelection }: { bundle: BundleRecord; summary: BundleSummary | undefined; onDelete: () => void; compareSelection: CompareSelection }): ReactNode {
  const { t, dateTime } = useI18n();
  const href = bundleHref(bundle.id);
  const unrecognised = bundle.fileCount - bundle.recognisedCount;
  return (
    <tr className="library-row" data-testid="library-row" onDoubleClick={() => navigate(href)}>
      <td>
        <CompareCheckbox bundle={bundle} selection={compareSelection} />
        <a href={href} className="library-title">
          {bundle.title}
        </a>
      </td>
      <td>{bundle.host ?? <span className="faint">{t('library.unknownHost')}</span>}</td>
      <td className="nowrap">{bundle.capturedAt ? dateTime(bundle.capturedAt) : <span className="faint">—</span>}</td>
      <td className="nowrap muted">{dateTime(bundle.importedAt)}</td>
      <td className="num">{bundle.fileCount}</td>
      <td className="num">
        {bundle.recognisedCount}
        {unrecognised > 0 && (
          <span className="faint" title={t('library.unrecognisedCount', { count: unrecognised })}>
            {' '}
            ({t('library.unrecognisedCount', { count: unrecognised })})
          </span>
        )}
      </td>
      <td>
        {bundle.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </td>
      <td className="num">{summary ? summary.oomEventCount : <span className="faint">—</span>}</td>
      <td>
        {summary?.worst ? (
          <span className={`badge ${summary.worst.severity === 'critical' ? 'bad' : summary.worst.severity === 'warning' ? 'warn' : ''}`} title={summary.worst.scope}>
            {t(`finding.${summary.worst.id}.title` as MessageKey)}
          </span>
        ) : (
          <span className="faint">—</span>
        )}
      </td>
      <td className="num">
        <button type="button" className="button-link danger" onClick={onDelete} aria-label={t('library.deleteNamed', { title: bundle.title })}>
          {t('library.delete')}
        </button>
      </td>
    </tr>
  );
}

function FirstRun({ busy, onOpenSample }: { busy: boolean; onOpenSample: () => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="panel library-first-run">
      <div className="empty-state">
        <h2>{t('library.welcome')}</h2>
        <p>{t('library.empty')}</p>
        <button type="button" className="primary" disabled={busy} onClick={onOpenSample}>
          {t('library.openSample')}
        </button>
        <p className="faint">{t('library.sampleHint')}</p>
      </div>
    </div>
  );
}
