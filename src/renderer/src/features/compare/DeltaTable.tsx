// The per-group, per-category table of a comparison: before, after, change and change %, sortable
// by any column, filtered by text and role, unchanged rows hidden unless asked for.
import { useMemo, useState, type ReactNode } from 'react';
import type { GroupDiff, GroupRole, MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { DEFAULT_SORT, deltaRows, filterRows, nextSort, sortRows, type DeltaMetric, type DeltaSort, type DeltaSortKey } from './delta-rows';
import { compareBytes, comparePercent, compareSigned, type CompareUnits } from './compare-format';
import { groupName } from './group-name';

const METRIC_KEYS: Record<DeltaMetric, MessageKey> = {
  usage: 'compare.metric.usage',
  workingSet: 'compare.metric.workingSet',
  anon: 'compare.metric.anon',
  shmem: 'compare.metric.shmem',
  fileCache: 'compare.metric.fileCache',
  dirtyWriteback: 'compare.metric.dirtyWriteback',
  activeFile: 'compare.metric.activeFile',
  inactiveFile: 'compare.metric.inactiveFile',
  kernel: 'compare.metric.kernel',
  swap: 'compare.metric.swap',
};

const ROLES: readonly GroupRole[] = ['node', 'qos', 'pod', 'container', 'other'];

interface Props {
  groups: readonly GroupDiff[];
  /** Tree order of the groups (parents before children). */
  order: readonly string[];
  units: CompareUnits;
}

export function DeltaTable({ groups, order, units }: Props): ReactNode {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [role, setRole] = useState<GroupRole | 'all'>('all');
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [sort, setSort] = useState<DeltaSort>(DEFAULT_SORT);
  const ordered = useMemo(() => {
    const index = new Map(order.map((k, i) => [k, i]));
    return groups.slice().sort((a, b) => (index.get(a.key) ?? Infinity) - (index.get(b.key) ?? Infinity));
  }, [groups, order]);
  const all = useMemo(
    () =>
      deltaRows(
        ordered,
        (g) => groupName(g.ref, t, locale),
        (m) => t(METRIC_KEYS[m]),
      ),
    [ordered, t, locale],
  );
  const rows = sortRows(filterRows(all, { text, role, showUnchanged }), sort);
  const roles = ROLES.filter((r) => groups.some((g) => g.role === r));
  const bytes = (v: number | null): string => compareBytes(v, units, locale);

  const header = (key: DeltaSortKey, label: string, numeric: boolean): ReactNode => {
    const active = sort.key === key;
    return (
      <th className={numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="button-link cmp-sort" onClick={() => setSort(nextSort(sort, key))} title={key === 'delta' || key === 'ratio' ? t('compare.table.sortedBySize') : undefined}>
          {label}
          <span aria-hidden="true" className="cmp-sort-mark">
            {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="cmp-delta" data-testid="delta-table">
      <div className="cmp-toolbar">
        <input type="search" aria-label={t('compare.table.filter')} placeholder={t('compare.table.filterPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <label>
          <span>{t('compare.table.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as GroupRole | 'all')}>
            <option value="all">{t('compare.table.role.all')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`compare.table.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
          <span>{t('compare.table.showUnchanged')}</span>
        </label>
        <span className="faint cmp-count">{t('compare.table.count', { shown: rows.length, total: all.length })}</span>
      </div>
      <div className="cmp-delta-scroll">
        <table className="data cmp-delta-table" aria-label={t('compare.section.table')}>
          <thead>
            <tr>
              {header('group', t('compare.table.group'), false)}
              {header('metric', t('compare.table.category'), false)}
              {header('before', t('compare.table.before'), true)}
              {header('after', t('compare.table.after'), true)}
              {header('delta', t('compare.table.delta'), true)}
              {header('ratio', t('compare.table.ratio'), true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="delta-row" data-group={r.groupKey} data-metric={r.metric}>
                <td>
                  {r.groupLabel}
                  {r.status !== 'matched' && <span className={`badge cmp-status cmp-status-${r.status}`}>{t(`compare.status.${r.status}`)}</span>}
                </td>
                <td>{r.metricLabel}</td>
                <td className="num">{bytes(r.beforeBytes)}</td>
                <td className="num">{bytes(r.afterBytes)}</td>
                <td className={`num${(r.deltaBytes ?? 0) > 0 ? ' cmp-up' : (r.deltaBytes ?? 0) < 0 ? ' cmp-down' : ''}`}>{compareSigned(r.deltaBytes, units, locale)}</td>
                <td className="num">{comparePercent(r.deltaRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty-state">{t('compare.table.empty')}</p>}
      </div>
    </div>
  );
}
