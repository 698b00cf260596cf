// The before and after memory trees side by side: one row per group key, so the same group sits
// on the same line on both sides (a gap where it exists on one side only); every breakdown bar
// is drawn on one scale, so lengths compare across groups and sides.
import type { ReactNode } from 'react';
import { groupLabel, type GroupDiff, type GroupSide, type MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { alignRows, sharedScaleBytes, sideSegments, SEGMENT_COLORS, type SegmentCategory } from './align-rows';
import { compareBytes, compareSigned, type CompareUnits } from './compare-format';
import { groupName } from './group-name';

const SEGMENT_LABELS: Record<SegmentCategory, MessageKey> = {
  anon: 'compare.metric.anon',
  shmem: 'compare.metric.shmem',
  fileCache: 'compare.metric.fileCache',
  kernel: 'compare.metric.kernel',
  other: 'breakdown.other',
};

function SideBar({ side, scaleBytes, label, units }: { side: GroupSide; scaleBytes: number; label: string; units: CompareUnits }): ReactNode {
  const { t, locale } = useI18n();
  const bytes = (v: number | null): string => compareBytes(v, units, locale);
  const scale = scaleBytes > 0 ? scaleBytes : 1;
  const segments = sideSegments(side);
  const spoken = [label, ...segments.map((s) => `${t(SEGMENT_LABELS[s.category])} ${bytes(s.bytes)}`)].join(', ');
  let x = 0;
  const limitX = side.limitBytes !== null && side.limitBytes <= scale ? (side.limitBytes / scale) * 100 : null;
  return (
    <svg className="cmp-bar" width="100%" height={12} role="img" aria-label={spoken} preserveAspectRatio="none">
      <rect x={0} y={0} width="100%" height={12} className="bar-track" />
      {segments.map((s) => {
        const w = (s.bytes / scale) * 100;
        const rect = (
          <rect key={s.category} x={`${x}%`} y={0} width={`${w}%`} height={12} fill={SEGMENT_COLORS[s.category]} data-segment={s.category}>
            <title>{`${t(SEGMENT_LABELS[s.category])}: ${bytes(s.bytes)}`}</title>
          </rect>
        );
        x += w;
        return rect;
      })}
      {limitX !== null && (
        <line x1={`${limitX}%`} x2={`${limitX}%`} y1={0} y2={12} className="cmp-limit-mark">
          <title>{t('compare.trees.limitMark', { limit: bytes(side.limitBytes) })}</title>
        </line>
      )}
    </svg>
  );
}

function SideCell({ side, scaleBytes, label, units }: { side: GroupSide | null; scaleBytes: number; label: string; units: CompareUnits }): ReactNode {
  const { t, locale } = useI18n();
  if (!side) return <span className="faint cmp-absent">{t('compare.trees.absent')}</span>;
  const total = side.usageBytes ?? sideSegments(side).reduce((s, x) => s + x.bytes, 0);
  return (
    <div className="cmp-side">
      <SideBar side={side} scaleBytes={scaleBytes} label={label} units={units} />
      <span className="num">
        {side.usageBytes === null && <span className="faint">Σ </span>}
        {compareBytes(total, units, locale)}
      </span>
    </div>
  );
}

interface Props {
  groups: readonly GroupDiff[];
  beforeLabel: string;
  afterLabel: string;
  units: CompareUnits;
  scopeKey: string | null;
}

export function AlignedTrees({ groups, beforeLabel, afterLabel, units, scopeKey }: Props): ReactNode {
  const { t, locale } = useI18n();
  const rows = alignRows(groups);
  const scale = sharedScaleBytes(rows);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  return (
    <div className="cmp-trees">
      <table className="data cmp-trees-table" aria-label={t('compare.section.trees')}>
        <thead>
          <tr>
            <th>{t('compare.table.group')}</th>
            <th className="cmp-trees-side">{t('compare.trees.before', { label: beforeLabel })}</th>
            <th className="cmp-trees-side">{t('compare.trees.after', { label: afterLabel })}</th>
            <th className="num">{t('compare.table.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, depth, group }) => {
            const name = groupName(group.ref, t, locale);
            const movedTo = group.chargesMovedToKey ? byKey.get(group.chargesMovedToKey) : undefined;
            return (
              <tr key={key} data-testid="tree-row" data-key={key} data-status={group.status} className={key === scopeKey ? 'cmp-scope-row' : undefined}>
                <td style={{ paddingLeft: 10 + depth * 18 }} title={group.ref.path}>
                  {depth > 0 && (
                    <span className="faint" aria-hidden="true">
                      └{' '}
                    </span>
                  )}
                  <span className="cmp-group-name">{name}</span>
                  {group.status !== 'matched' && <span className={`badge cmp-status cmp-status-${group.status}`}>{t(`compare.status.${group.status}`)}</span>}
                  {movedTo && <div className="cmp-moved faint">{t('compare.status.movedTo', { group: groupLabel(movedTo.ref, t) })}</div>}
                </td>
                <td className="cmp-trees-side">
                  <SideCell side={group.before} scaleBytes={scale} label={`${name}, ${beforeLabel}`} units={units} />
                </td>
                <td className="cmp-trees-side">
                  <SideCell side={group.after} scaleBytes={scale} label={`${name}, ${afterLabel}`} units={units} />
                </td>
                <td className={`num${(group.delta.usageBytes ?? 0) > 0 ? ' cmp-up' : (group.delta.usageBytes ?? 0) < 0 ? ' cmp-down' : ''}`}>{compareSigned(group.delta.usageBytes, units, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="faint cmp-scale-note">{t('compare.trees.scale', { max: compareBytes(scale, units, locale) })}</p>
    </div>
  );
}
