// A stacked horizontal bar (SVG) of a group's memory, scaled to its limit when known, with a legend.
// Each segment has a <title>; the whole bar has one spoken label listing every part.
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { BarModel } from './breakdown-rows';

export function BreakdownBar({ model, compact = false, label }: { model: BarModel; compact?: boolean; label: string }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const height = compact ? 10 : 22;
  const scale = model.scaleBytes > 0 ? model.scaleBytes : 1;
  const spoken = [label, ...model.segments.map((s) => `${t(s.labelKey)} ${bytes(s.bytes)}`)].join(', ');
  let x = 0;
  const rects = model.segments.map((s) => {
    const w = (s.bytes / scale) * 100;
    const rect = (
      <rect key={s.id} x={`${x}%`} y={0} width={`${w}%`} height={height} fill={s.color} data-segment={s.id}>
        <title>{`${t(s.labelKey)}: ${bytes(s.bytes)} (${percent(s.bytes, model.usageBytes ?? model.countedBytes)})`}</title>
      </rect>
    );
    x += w;
    return rect;
  });
  const usageX = model.usageBytes !== null ? (model.usageBytes / scale) * 100 : null;
  return (
    <div className={compact ? 'bar bar-compact' : 'bar'}>
      <svg className="bar-svg" width="100%" height={height} role="img" aria-label={spoken} preserveAspectRatio="none">
        <rect x={0} y={0} width="100%" height={height} className="bar-track" />
        {rects}
        {usageX !== null && model.limitBytes !== null && <line x1={`${usageX}%`} x2={`${usageX}%`} y1={0} y2={height} className="bar-usage-mark" />}
      </svg>
      {!compact && (
        <ul className="bar-legend" aria-hidden="true">
          {model.segments.map((s) => (
            <li key={s.id}>
              <span className="swatch" style={{ background: s.color }} />
              {t(s.labelKey)} <span className="num">{bytes(s.bytes)}</span>
            </li>
          ))}
          {model.limitBytes !== null && (
            <li>
              <span className="swatch swatch-track" />
              {t('breakdown.headroom')} <span className="num">{bytes(Math.max(0, model.limitBytes - Math.max(model.usageBytes ?? 0, model.countedBytes)))}</span>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
