// The breakdown as a table: category, bytes, share, and the key and line it was read from (a link
// to that line in the raw file).
import type { MemoryGroup } from '../../../../../core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { bundleHref } from '../../../app/router';
import { breakdownRows } from './breakdown-rows';

export function BreakdownTable({ bundleId, group }: { bundleId: string; group: MemoryGroup }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const { rows, denominatorBytes, countedBytes } = breakdownRows(group);
  return (
    <table className="data breakdown-table" aria-label={t('breakdown.title')}>
      <thead>
        <tr>
          <th>{t('breakdown.category')}</th>
          <th className="num">{t('breakdown.bytes')}</th>
          <th className="num">{t('breakdown.share')}</th>
          <th>{t('breakdown.source')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.level === 1 ? 'sub' : undefined} data-row={r.id}>
            <td>
              {r.color && <span className="swatch" style={{ background: r.color }} />}
              {t(r.labelKey)}
            </td>
            <td className="num" title={r.bytes !== null ? `${r.bytes} B` : undefined}>
              {r.bytes === null ? <span className="faint">{t('breakdown.unknown')}</span> : bytes(r.bytes)}
            </td>
            <td className="num">{r.shareOf === null ? '' : percent(r.shareOf, denominatorBytes)}</td>
            <td className="mono">
              {r.source ? (
                <a href={bundleHref(bundleId, 'files', r.source.file, r.source.line)} title={r.source.file}>
                  {r.derivedFrom ?? r.source.key} · {t('common.lineN', { line: r.source.line })}
                </a>
              ) : null}
            </td>
          </tr>
        ))}
        <tr className="total">
          <td>{group.usageBytes !== null ? t('metric.usage') : t('breakdown.total')}</td>
          <td className="num">{bytes(group.usageBytes ?? countedBytes)}</td>
          <td className="num">{percent(denominatorBytes, denominatorBytes)}</td>
          <td className="mono">
            {group.sources.usageBytes ? (
              <a href={bundleHref(bundleId, 'files', group.sources.usageBytes.file, group.sources.usageBytes.line)}>
                {group.sources.usageBytes.key} · {t('common.lineN', { line: group.sources.usageBytes.line })}
              </a>
            ) : (
              <span className="faint">{t('breakdown.countedFormula')}</span>
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
