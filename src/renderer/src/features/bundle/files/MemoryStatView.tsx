// The richer parsed view of a memory.stat: the breakdown it gives, then every counter with its
// value in bytes and a link to its line.
import type { ReactNode } from 'react';
import type { MemoryStatData } from '../../../../../core';
import { useI18n } from '../../../app/i18n';
import { bundleHref } from '../../../app/router';
import { groupFromMemoryStat } from '../overview/groups-from-files';
import { BreakdownTable } from '../overview/BreakdownTable';

const NOT_BYTES = /^(total_)?(pg|workingset_|thp_|numa_|hierarchical_memsw|oom|nr_)/;

export function MemoryStatView({ bundleId, path, data }: { bundleId: string; path: string; data: MemoryStatData }): ReactNode {
  const { t, bytes } = useI18n();
  const group = groupFromMemoryStat(path, data, []);
  const keys = Object.keys(data.raw).sort((a, b) => (data.lines[a] ?? 0) - (data.lines[b] ?? 0));
  return (
    <div className="memory-stat-view">
      <h3>{t('breakdown.title')}</h3>
      <BreakdownTable bundleId={bundleId} group={group} />
      <h3>{t('parsed.counters', { count: keys.length })}</h3>
      <table className="data parsed-table" aria-label={t('parsed.counters', { count: keys.length })}>
        <thead>
          <tr>
            <th>{t('parsed.key')}</th>
            <th className="num">{t('parsed.value')}</th>
            <th className="num">{t('breakdown.bytes')}</th>
            <th className="num">{t('parsed.line')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const v = data.raw[k];
            const line = data.lines[k];
            return (
              <tr key={k}>
                <td className="mono">{k}</td>
                <td className="num mono">{String(v)}</td>
                <td className="num">{typeof v === 'number' && !NOT_BYTES.test(k) ? bytes(v) : ''}</td>
                <td className="num">{line !== undefined && <a href={bundleHref(bundleId, 'files', path, line)}>{line}</a>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
