// The page-cache panel for fincore, pcstat, hcache and vmtouch outputs: which files sit in the page
// cache and how much, largest first, with the total and each row's line in the file.
import { useState, type ReactNode } from 'react';
import type { PageCacheData } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';
import { cachedShare, pageCacheSummary } from './page-cache-model';
import { LineLink } from './LineLink';
import './app-evidence.css';

const FIRST_ROWS = 25;

export function PageCachePanel({ bundleId, path, data }: { bundleId: string; path: string; data: PageCacheData }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const [all, setAll] = useState(false);
  const summary = pageCacheSummary(data);
  const shown = all ? summary.files : summary.files.slice(0, FIRST_ROWS);
  const vm = data.summary;
  return (
    <section className="app-evidence" aria-label={t('appEvidence.pageCache.title', { tool: data.tool })} data-testid="page-cache-panel">
      <h3>{t('appEvidence.pageCache.title', { tool: data.tool })}</h3>
      <dl className="evidence-facts">
        <div data-testid="page-cache-total">
          <dt>{t('appEvidence.pageCache.total', { bytes: bytes(summary.sumCachedBytes), count: summary.fileCount })}</dt>
          <dd />
        </div>
        {summary.toolTotalBytes !== null && (
          <div data-testid="page-cache-tool-total">
            <dt>{t('appEvidence.pageCache.totalByTool', { bytes: bytes(summary.toolTotalBytes) })}</dt>
            <dd>{vm && <LineLink bundleId={bundleId} path={path} line={vm.line} />}</dd>
          </div>
        )}
        {vm && vm.residentBytes !== null && vm.totalBytes !== null && (
          <div>
            <dt>{t('appEvidence.pageCache.resident', { resident: bytes(vm.residentBytes), total: bytes(vm.totalBytes), percent: vm.residentPercent !== null ? `${vm.residentPercent}%` : percent(vm.residentBytes, vm.totalBytes) })}</dt>
            <dd />
          </div>
        )}
        <div>
          <dt>{t(data.pageSizeAssumed ? 'appEvidence.pageCache.pageSizeAssumed' : 'appEvidence.pageCache.pageSize', { bytes: bytes(data.pageSizeBytes) })}</dt>
          <dd />
        </div>
      </dl>
      <p className="muted">{t('appEvidence.pageCache.tmpfsNote')}</p>
      {summary.fileCount === 0 ? (
        <p className="muted">{t('appEvidence.pageCache.noFiles')}</p>
      ) : (
        <>
          <table className="data evidence-table" aria-label={t('appEvidence.pageCache.topFiles')}>
            <thead>
              <tr>
                <th>{t('appEvidence.pageCache.path')}</th>
                <th className="num">{t('appEvidence.pageCache.cached')}</th>
                <th className="num">{t('appEvidence.pageCache.size')}</th>
                <th className="num">{t('appEvidence.pageCache.percent')}</th>
                <th className="num">{t('appEvidence.lineShort')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => {
                const share = cachedShare(f);
                return (
                  <tr key={`${f.line}-${f.path}`}>
                    <td className="mono evidence-path">{f.path}</td>
                    <td className="num" title={f.cachedBytes !== null ? `${f.cachedBytes} B` : undefined}>
                      {f.approximate && f.cachedBytes !== null ? `${t('appEvidence.pageCache.approximate')} ` : ''}
                      {bytes(f.cachedBytes)}
                    </td>
                    <td className="num">{bytes(f.sizeBytes)}</td>
                    <td className="num">
                      {share !== null && (
                        <span className="share-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(share * 100)}%` }} />
                        </span>
                      )}
                      {share !== null ? percent(share, 1) : '—'}
                    </td>
                    <td className="num">
                      <a href={bundleHref(bundleId, 'files', path, f.line)}>{f.line}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {summary.files.some((f) => f.approximate) && <p className="faint">{t('appEvidence.pageCache.approximateNote')}</p>}
          {!all && summary.fileCount > FIRST_ROWS && (
            <button type="button" className="button-link" onClick={() => setAll(true)}>
              {t('appEvidence.pageCache.showAll', { count: summary.fileCount })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
