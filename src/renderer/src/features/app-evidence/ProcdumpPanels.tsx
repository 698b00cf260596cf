// The procdump panels: a listing of dumped regions (`ls -l <pid>_mem_<addr>.bin`, dd's messages) by
// size, and one dumped region: its size, share of printable text, most frequent text runs, and its
// bytes as hex + text, read from the stored blob a slice at a time (never the whole region).
import type { ReactNode } from 'react';
import type { BinarySummaryData, ProcdumpListingData } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';
import { copiesBySize, regionsBySize } from './procdump-model';
import { HexView } from './HexView';
import './app-evidence.css';

export function ProcdumpListingPanel({ bundleId, path, data }: { bundleId: string; path: string; data: ProcdumpListingData }): ReactNode {
  const { t, bytes } = useI18n();
  const regions = regionsBySize(data);
  const copies = copiesBySize(data);
  const lineCell = (line: number): ReactNode => (
    <td className="num">
      <a href={bundleHref(bundleId, 'files', path, line)}>{line}</a>
    </td>
  );
  return (
    <section className="app-evidence" aria-label={t('appEvidence.procdump.title')} data-testid="procdump-panel">
      <h3>{t('appEvidence.procdump.title')}</h3>
      {data.pids.length > 0 && <p>{t('appEvidence.procdump.pids', { pids: data.pids.join(', ') })}</p>}
      {copies.length > 0 && <p data-testid="procdump-total">{t('appEvidence.procdump.totalCopied', { bytes: bytes(data.totalCopiedBytes), count: copies.length })}</p>}
      {data.elided && <p className="warn-text">{t('appEvidence.procdump.elided')}</p>}
      <h4>{t('appEvidence.procdump.regions')}</h4>
      {regions.length === 0 ? (
        <p className="muted">{t('appEvidence.procdump.noRegions')}</p>
      ) : (
        <table className="data evidence-table" aria-label={t('appEvidence.procdump.regions')}>
          <thead>
            <tr>
              <th>{t('appEvidence.procdump.regionFile')}</th>
              <th>{t('appEvidence.procdump.pid')}</th>
              <th>{t('appEvidence.procdump.address')}</th>
              <th className="num">{t('appEvidence.procdump.size')}</th>
              <th className="num">{t('appEvidence.lineShort')}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={`${r.line}-${r.fileName}`}>
                <td className="mono">{r.fileName}</td>
                <td className="num">{r.pid}</td>
                <td className="mono">0x{r.startAddress}</td>
                <td className="num" title={r.sizeBytes !== null ? `${r.sizeBytes} B` : undefined}>
                  {bytes(r.sizeBytes)}
                </td>
                {lineCell(r.line)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {copies.length > 0 && (
        <>
          <h4>{t('appEvidence.procdump.copies')}</h4>
          <table className="data evidence-table" aria-label={t('appEvidence.procdump.copies')}>
            <thead>
              <tr>
                <th>{t('appEvidence.procdump.pid')}</th>
                <th className="num">{t('appEvidence.procdump.copied')}</th>
                <th>{t('appEvidence.procdump.records')}</th>
                <th>{t('appEvidence.procdump.error')}</th>
                <th className="num">{t('appEvidence.lineShort')}</th>
              </tr>
            </thead>
            <tbody>
              {copies.map((c) => (
                <tr key={c.line}>
                  <td className="num">{c.pid ?? '—'}</td>
                  <td className="num" title={c.bytesCopied !== null ? `${c.bytesCopied} B` : undefined}>
                    {bytes(c.bytesCopied)}
                  </td>
                  <td className="mono">
                    {c.recordsIn ?? '—'} / {c.recordsOut ?? '—'}
                  </td>
                  <td>{c.error ?? ''}</td>
                  {lineCell(c.line)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ProcdumpRegionPanel({ fileId, data }: { fileId: string; data: BinarySummaryData }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const title = data.pid !== null && data.startAddress !== null ? t('appEvidence.procdump.region.title', { pid: data.pid, address: data.startAddress }) : t('appEvidence.procdump.region.titleUnnamed');
  return (
    <section className="app-evidence" aria-label={title} data-testid="procdump-region-panel">
      <h3>{title}</h3>
      <dl className="evidence-facts">
        <div data-testid="region-size">
          <dt>{t('appEvidence.procdump.region.size')}</dt>
          <dd title={`${data.sizeBytes} B`}>{bytes(data.sizeBytes)}</dd>
        </div>
        <div>
          <dt>{t('appEvidence.procdump.region.sampled')}</dt>
          <dd>{t('appEvidence.procdump.region.sampledOf', { sampled: bytes(data.sampledBytes) })}</dd>
        </div>
        <div data-testid="region-printable">
          <dt>{t('appEvidence.procdump.region.printable')}</dt>
          <dd>{percent(data.printableRatio, 1)}</dd>
        </div>
      </dl>
      <p className="muted">{t('appEvidence.procdump.region.printableHint')}</p>
      <h4>{t('appEvidence.procdump.region.runs')}</h4>
      {data.topTextRuns.length === 0 ? (
        <p className="muted">{t('appEvidence.procdump.region.noRuns')}</p>
      ) : (
        <table className="data evidence-table" aria-label={t('appEvidence.procdump.region.runs')}>
          <thead>
            <tr>
              <th className="num">{t('appEvidence.procdump.region.count')}</th>
              <th>{t('appEvidence.procdump.region.text')}</th>
            </tr>
          </thead>
          <tbody>
            {data.topTextRuns.map((r, i) => (
              <tr key={i}>
                <td className="num">{r.count}</td>
                <td className="mono evidence-run">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <HexView fileId={fileId} sizeBytes={data.sizeBytes} />
    </section>
  );
}
