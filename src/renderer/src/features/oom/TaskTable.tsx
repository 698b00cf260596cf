// The report's task table: sortable by RSS, PID, name and oom_score_adj, RSS in bytes, the QoS
// class each adj implies, the victim marked. Long tables show the first rows and "show all".
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { MessageKey, OomEvent } from '../../../../core';
import { defaultDirection, hasRssSplit, sortTasks, taskRows, visibleRows, type SortDirection, type TaskRow, type TaskSortKey } from './task-table';

/** Rows shown before "show all": enough for a pod; a node-wide report can list thousands. */
export const TASK_ROWS_CAP = 50;

export function TaskTable({ event }: { event: OomEvent }): ReactNode {
  const { t, bytes } = useI18n();
  const rows = useMemo(() => taskRows(event), [event]);
  const [sort, setSort] = useState<{ key: TaskSortKey; dir: SortDirection }>({ key: 'rss', dir: 'desc' });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortTasks(rows, sort.key, sort.dir), [rows, sort]);
  if (rows.length === 0) return <p className="muted oom-note">{t('oomView.tasks.none')}</p>;
  const shown = visibleRows(sorted, TASK_ROWS_CAP, showAll);
  const split = hasRssSplit(rows);
  const header = (key: TaskSortKey, labelKey: MessageKey, numeric: boolean): ReactNode => {
    const active = sort.key === key;
    const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
    const next = (): void => setSort(active ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDirection(key) });
    return (
      <th className={numeric ? 'num' : undefined} aria-sort={ariaSort} scope="col">
        <button type="button" className="oom-sort" onClick={next} data-sort={key}>
          {t(labelKey)}
          <span className="oom-sort-mark" aria-hidden="true">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="oom-tasks">
      <table className="data oom-task-table" aria-label={t('oomView.tasks', { count: rows.length })} data-testid="oom-task-table">
        <thead>
          <tr>
            {header('pid', 'oomView.col.pid', true)}
            <th className="num" scope="col">
              {t('oomView.col.uid')}
            </th>
            {header('name', 'oomView.col.name', false)}
            {header('rss', 'oomView.col.rss', true)}
            {split && (
              <>
                <th className="num" scope="col">
                  {t('oomView.col.rssAnon')}
                </th>
                <th className="num" scope="col">
                  {t('oomView.col.rssFile')}
                </th>
                <th className="num" scope="col">
                  {t('oomView.col.rssShmem')}
                </th>
              </>
            )}
            <th className="num" scope="col">
              {t('oomView.col.swap')}
            </th>
            <th className="num" scope="col">
              {t('oomView.col.pgtables')}
            </th>
            {header('adj', 'oomView.col.adj', true)}
            <th scope="col">{t('oomView.col.qos')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <Row key={`${r.pid}:${r.line}`} row={r} split={split} bytes={bytes} />
          ))}
        </tbody>
      </table>
      {shown.length < sorted.length && (
        <button type="button" className="button-link oom-show-all" onClick={() => setShowAll(true)}>
          {t('oomView.tasks.showAll', { count: sorted.length })}
        </button>
      )}
    </div>
  );
}

function Row({ row: r, split, bytes }: { row: TaskRow; split: boolean; bytes: (n: number | null) => string }): ReactNode {
  const { t } = useI18n();
  const killed = r.victim || r.groupKilled;
  return (
    <tr className={killed ? 'oom-victim-row' : undefined} data-testid="oom-task-row" data-pid={r.pid} data-victim={r.victim ? 'true' : undefined}>
      <td className="num mono">{r.pid}</td>
      <td className="num mono">{r.uid ?? '—'}</td>
      <td className="oom-task-name">
        <span className="mono">{r.name}</span>
        {r.victim && <span className="badge bad oom-killed">{t('oomView.tasks.killed')}</span>}
        {!r.victim && r.groupKilled && <span className="badge bad oom-killed">{t('oomView.tasks.groupKilled')}</span>}
      </td>
      <td className="num" title={r.rssBytes !== null ? `${r.rssBytes} B` : undefined}>
        {bytes(r.rssBytes)}
      </td>
      {split && (
        <>
          <td className="num">{bytes(r.rssAnonBytes)}</td>
          <td className="num">{bytes(r.rssFileBytes)}</td>
          <td className="num">{bytes(r.rssShmemBytes)}</td>
        </>
      )}
      <td className="num">{bytes(r.swapBytes)}</td>
      <td className="num">{bytes(r.pgtablesBytes)}</td>
      <td className="num mono">{r.oomScoreAdj ?? '—'}</td>
      <td>{r.qos ? t(`oomView.qos.${r.qos}` as MessageKey) : '—'}</td>
    </tr>
  );
}
