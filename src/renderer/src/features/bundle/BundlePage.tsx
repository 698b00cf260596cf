// A bundle: its metadata, then tabs Overview / Files / OOM events / Notes (#/bundle/<id>/<tab>).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { bundleHref, reportHref, type BundleTab, type Route } from '../../app/router';
import { db } from '../../db/database';
import { MetadataEditor } from './MetadataEditor';
import { OverviewTab } from './overview/OverviewTab';
import { FilesTab } from './files/FilesTab';
import { NotesTab } from '../notes/NotesTab';
import { CompareSnapshotsLink } from '../compare/CompareSnapshotsLink';
import { OomEventsTab } from '../oom/OomEventsTab';
import type { MessageKey } from '../../../../core';
import './bundle.css';

const TABS: { id: BundleTab; labelKey: MessageKey }[] = [
  { id: 'overview', labelKey: 'bundle.tab.overview' },
  { id: 'files', labelKey: 'bundle.tab.files' },
  { id: 'oom', labelKey: 'bundle.tab.oom' },
  { id: 'notes', labelKey: 'bundle.tab.notes' },
];

export function BundlePage({ route }: { route: Extract<Route, { name: 'bundle' }> }): ReactNode {
  const { t, bytes, dateTime, warning } = useI18n();
  const bundle = useLiveQuery(() => db.bundles.get(route.bundleId), [route.bundleId]);
  const files = useLiveQuery(() => db.files.where('bundleId').equals(route.bundleId).toArray(), [route.bundleId]);

  if (bundle === undefined && files === undefined) return <div className="page muted">{t('common.loading')}</div>;
  if (!bundle || bundle.status !== 'ready') {
    return (
      <div className="page empty-state">
        <p>{t('bundle.notFound')}</p>
        <a href="#/">{t('nav.back')}</a>
      </div>
    );
  }
  const list = files ?? [];
  return (
    <div className="page bundle-page">
      <div className="bundle-breadcrumb">
        <a href="#/">{t('nav.library')}</a> <span className="faint">/</span>
      </div>
      <MetadataEditor key={bundle.id} bundle={bundle} />
      <p className="bundle-summary muted">
        {t('bundle.summary', { files: bundle.fileCount, recognised: bundle.recognisedCount, size: bytes(bundle.sizeBytes), imported: dateTime(bundle.importedAt) })}{' '}
        <CompareSnapshotsLink bundleId={bundle.id} />
        <a className="bundle-report-link" href={reportHref(bundle.id)} data-testid="bundle-report-link">
          {t('report.open')}
        </a>
      </p>
      {bundle.importWarnings.length > 0 && (
        <details className="bundle-import-warnings">
          <summary>{t('bundle.importWarnings', { count: bundle.importWarnings.length })}</summary>
          <ul>
            {bundle.importWarnings.map((w, i) => (
              <li key={i}>{warning(w)}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="tabs" role="tablist" aria-label={t('bundle.tabs')}>
        {TABS.map((tab) => (
          <a key={tab.id} role="tab" aria-selected={route.tab === tab.id} href={bundleHref(bundle.id, tab.id)}>
            {t(tab.labelKey)}
            {tab.id === 'files' && <span className="tab-count">{bundle.fileCount}</span>}
          </a>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(TABS.find((x) => x.id === route.tab)?.labelKey ?? 'bundle.tab.overview')}>
        {route.tab === 'overview' && <OverviewTab bundle={bundle} files={files} snapshotId={route.snapshot ?? null} groupKey={route.group ?? null} />}
        {route.tab === 'files' && <FilesTab bundleId={bundle.id} files={list} filePath={route.subPath} line={route.line} lineEnd={route.lineEnd ?? null} />}
        {route.tab === 'oom' && <OomEventsTab key={bundle.id} bundle={bundle} files={list} />}
        {route.tab === 'notes' && <NotesTab bundleId={bundle.id} />}
      </div>
    </div>
  );
}
