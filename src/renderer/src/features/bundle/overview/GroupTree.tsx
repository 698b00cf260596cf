// The memory tree as a compact table: a row per group, indented by depth, with a small breakdown
// bar; choosing a row shows that group in full below.
import { walkGroups, type MemoryGroup } from '../../../../../core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { barModel, countedBytes } from './breakdown-rows';
import { BreakdownBar } from './BreakdownBar';

interface Row {
  group: MemoryGroup;
  depth: number;
  /** The path below the parent's (a container's id under its pod), or the whole path for a root. */
  label: string;
}

function flatten(groups: readonly MemoryGroup[], parent: MemoryGroup | null = null, depth = 0, out: Row[] = []): Row[] {
  for (const g of groups) {
    const label = parent && g.path.startsWith(`${parent.path}/`) ? g.path.slice(parent.path.length + 1) : g.path;
    out.push({ group: g, depth, label });
    flatten(g.children, g, depth + 1, out);
  }
  return out;
}

export function countGroups(groups: readonly MemoryGroup[]): number {
  let n = 0;
  for (const _ of walkGroups(groups)) n++;
  return n;
}

export function GroupTree({ groups, selectedKey, onSelect }: { groups: readonly MemoryGroup[]; selectedKey: string | null; onSelect: (key: string) => void }): ReactNode {
  const { t, bytes } = useI18n();
  const rows = flatten(groups);
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
      <tbody>
        {rows.map(({ group, depth, label }) => {
          const selected = group.key === selectedKey;
          return (
            <tr key={group.key} className={selected ? 'selected' : undefined} aria-selected={selected}>
              <td style={{ paddingLeft: 10 + depth * 18 }}>
                <button type="button" className="button-link mono group-tree-name" aria-pressed={selected} aria-label={group.path} onClick={() => onSelect(group.key)} title={group.path}>
                  {depth > 0 && <span className="group-tree-branch" aria-hidden="true">└ </span>}
                  {label}
                </button>
              </td>
              <td className="group-tree-bar-col">
                <BreakdownBar model={barModel(group)} compact label={group.path} />
              </td>
              <td className="num">{group.usageBytes !== null ? bytes(group.usageBytes) : <span className="faint">Σ {bytes(countedBytes(group.breakdown))}</span>}</td>
              <td className="num">{group.limitBytes !== null ? bytes(group.limitBytes) : <span className="faint">{t('metric.unlimited')}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
