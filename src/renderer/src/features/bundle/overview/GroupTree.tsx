// The memory tree as a compact table: a row per group, indented by depth, with a small breakdown
// bar; choosing a row shows that group in full below.
import type { MemoryGroup } from '../../../../../core';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { useScrollOnce, useVirtualRows } from '../../../components/useVirtualRows';
import { barModel, countedBytes } from './breakdown-rows';
import { BreakdownBar } from './BreakdownBar';
import { groupLabel, isRemainder, limitText } from './group-label';

interface Row {
  group: MemoryGroup;
  depth: number;
}

function flatten(groups: readonly MemoryGroup[], depth = 0, out: Row[] = []): Row[] {
  for (const g of groups) {
    out.push({ group: g, depth });
    flatten(g.children, depth + 1, out);
  }
  return out;
}

/** From this many rows only those in view are rendered (a node of 110 pods has about 450 groups). */
const VIRTUAL_FROM_ROWS = 200;

export function GroupTree({ groups, selectedKey, onSelect }: { groups: readonly MemoryGroup[]; selectedKey: string | null; onSelect: (key: string) => void }): ReactNode {
  const { t, bytes } = useI18n();
  const rows = useMemo(() => flatten(groups), [groups]);
  const body = useRef<HTMLTableSectionElement>(null);
  const virtual = useVirtualRows(rows.length, body, { enabled: rows.length >= VIRTUAL_FROM_ROWS, estimatePx: 33 });
  const selectedIndex = rows.findIndex((r) => r.group.key === selectedKey);
  const { scrollToRow } = virtual;
  useScrollOnce(rows.length >= VIRTUAL_FROM_ROWS && selectedIndex >= 0 ? selectedKey : null, useCallback(() => scrollToRow(selectedIndex), [scrollToRow, selectedIndex]));
  return (
    <table className="data group-tree" aria-label={t('overview.tree')}>
      <thead>
        <tr>
          <th>{t('overview.group')}</th>
          <th className="group-tree-bar-col">{t('breakdown.title')}</th>
          <th className="num">{t('metric.usage')}</th>
          <th className="num">{t('metric.limit')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {virtual.padTopPx > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: virtual.padTopPx }} />}
        {rows.slice(virtual.start, virtual.end).map(({ group, depth }, i) => {
          const selected = group.key === selectedKey;
          const label = groupLabel(group);
          const name = t(label.key, label.params);
          return (
            <tr key={group.key} ref={i === 0 ? virtual.measureRow : undefined} className={selected ? 'selected' : undefined} aria-selected={selected}>
              <td style={{ paddingLeft: 10 + depth * 18 }}>
                <button
                  type="button"
                  className={`button-link group-tree-name${isRemainder(group) ? ' remainder' : ''}`}
                  aria-pressed={selected}
                  onClick={() => onSelect(group.key)}
                  title={group.path}
                  data-group-key={group.key}
                >
                  {depth > 0 && <span className="group-tree-branch" aria-hidden="true">└ </span>}
                  {name}
                </button>
                {group.orphaned && !isRemainder(group) && <span className="badge warn">{t('overview.orphaned')}</span>}
              </td>
              <td className="group-tree-bar-col">
                <BreakdownBar model={barModel(group)} compact label={group.path} />
              </td>
              <td className="num">{group.usageBytes !== null ? bytes(group.usageBytes) : <span className="faint">Σ {bytes(countedBytes(group.breakdown))}</span>}</td>
              <td className="num">{group.limitBytes !== null ? bytes(group.limitBytes) : <span className="faint">{limitText(group, t)}</span>}</td>
            </tr>
          );
        })}
        {virtual.padBottomPx > 0 && <tr className="virtual-spacer" aria-hidden="true" style={{ height: virtual.padBottomPx }} />}
      </tbody>
    </table>
  );
}
