// A bundle's snapshots over time for one memory group: usage, each category and the limit as
// lines (SVG). Every capture time is a focusable point; clicking two points compares them.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { compareBytes, type CompareUnits } from './compare-format';
import { groupName } from './group-name';
import { defaultSeriesGroup, metricsShown, orderedPair, pointXs, valueRange, type Series, type SeriesMetric } from './series';
import { axisTicks } from './waterfall';

const HEIGHT = 230;
/** Above this many capture times (a day of minute samples), lines only: the dots would merge. */
const MAX_DOTS = 120;
const MARGIN = { left: 76, right: 18, top: 22, bottom: 40 };

const METRIC_STYLE: Record<SeriesMetric, { color: string; label: MessageKey; width: number }> = {
  usage: { color: 'var(--text)', label: 'compare.metric.usage', width: 2.5 },
  anon: { color: 'var(--cat-anon)', label: 'compare.metric.anon', width: 2 },
  shmem: { color: 'var(--cat-shmem)', label: 'compare.metric.shmem', width: 2 },
  fileCache: { color: 'var(--cat-file)', label: 'compare.metric.fileCache', width: 2 },
  kernel: { color: 'var(--cat-kernel)', label: 'compare.metric.kernel', width: 2 },
};

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** An SVG path through the known values, broken where a value is missing. */
function linePath(xs: readonly number[], values: readonly (number | null)[], y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${(xs[i] ?? 0).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

interface Props {
  series: Series;
  bundleTitle: string;
  /** The snapshots compared now, when they are in this bundle. */
  beforeId: string | null;
  afterId: string | null;
  preferredGroupKey: string | null;
  units: CompareUnits;
  onCompare: (beforeId: string, afterId: string) => void;
}

export function SeriesChart({ series, bundleTitle, beforeId, afterId, preferredGroupKey, units, onCompare }: Props): ReactNode {
  const { t, locale, dateTime } = useI18n();
  const [ref, width] = useWidth();
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const group = series.groups.find((g) => g.key === groupKey) ?? defaultSeriesGroup(series, preferredGroupKey);
  if (!group || series.points.length < 2) return null;

  const metrics = metricsShown(group);
  const { maxBytes, showLimit } = valueRange(group, metrics);
  const ticks = axisTicks(0, maxBytes, 4, units === 'si' ? 1000 : 1024);
  const top = Math.max(maxBytes, ticks[ticks.length - 1] ?? 0) || 1;
  const plotW = Math.max(60, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { xs: fractions, timeScaled } = pointXs(series.points);
  const xs = fractions.map((f) => MARGIN.left + f * plotW);
  const y = (v: number): number => MARGIN.top + plotH - (v / top) * plotH;
  const bytes = (v: number | null): string => compareBytes(v, units, locale);
  const name = groupName(group.ref, t, locale);

  const choose = (id: string): void => {
    if (picked === null) setPicked(id);
    else if (picked === id) setPicked(null);
    else {
      const pair = orderedPair(series.points, picked, id);
      setPicked(null);
      if (pair) onCompare(pair.before, pair.after);
    }
  };
  const onKey = (event: KeyboardEvent, id: string): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(id);
    }
  };
  const pickedPoint = series.points.find((p) => p.snapshotId === picked);
  const labelEvery = series.points.length <= 12 ? 1 : Math.ceil(series.points.length / 8);

  return (
    <div className="cmp-series" data-testid="series-chart">
      <div className="cmp-toolbar">
        <span className="muted">{bundleTitle}</span>
        <label>
          <span>{t('compare.series.group')}</span>
          <select value={group.key} onChange={(e) => setGroupKey(e.target.value)}>
            {series.groups.map((g) => (
              <option key={g.key} value={g.key}>
                {`${'\u00a0\u00a0'.repeat(g.depth)}${groupName(g.ref, t, locale)}`}
              </option>
            ))}
          </select>
        </label>
        <span className="faint" role="status">
          {pickedPoint ? t('compare.series.picked', { label: pickedPoint.label }) : t('compare.series.hint')}
        </span>
      </div>
      <div ref={ref} className="cmp-series-plot">
        <svg width={width} height={HEIGHT} role="group" aria-label={t('compare.series.aria', { group: name, count: series.points.length })}>
          {ticks.map((v) => (
            <g key={v} className="cmp-axis">
              <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y(v)} y2={y(v)} />
              <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end">
                {bytes(v)}
              </text>
            </g>
          ))}
          {series.points.map((p, i) => {
            const x = xs[i] ?? 0;
            const left = i === 0 ? MARGIN.left - 8 : (x + (xs[i - 1] ?? x)) / 2;
            const right = i === xs.length - 1 ? MARGIN.left + plotW + 8 : (x + (xs[i + 1] ?? x)) / 2;
            const role = p.snapshotId === beforeId ? 'before' : p.snapshotId === afterId ? 'after' : null;
            const values = metrics.map((m) => `${t(METRIC_STYLE[m].label)} ${bytes(group.values[m][i] ?? null)}`).join(', ');
            const label = t('compare.series.point', { label: p.label, time: p.capturedAt ? dateTime(p.capturedAt) : '—', values });
            return (
              <g
                key={p.snapshotId}
                className={`cmp-series-point${picked === p.snapshotId ? ' picked' : ''}${role ? ` compared ${role}` : ''}`}
                role="button"
                tabIndex={0}
                aria-label={label}
                aria-pressed={picked === p.snapshotId}
                onClick={() => choose(p.snapshotId)}
                onKeyDown={(e) => onKey(e, p.snapshotId)}
                data-testid="series-point"
                data-snapshot={p.snapshotId}
              >
                <title>{label}</title>
                <rect className="cmp-series-hit" x={left} y={MARGIN.top - 16} width={Math.max(4, right - left)} height={plotH + 16} />
                {role && <line className="cmp-series-compared" x1={x} x2={x} y1={MARGIN.top - 4} y2={MARGIN.top + plotH} />}
                {role && (
                  <text className="cmp-series-tag" x={x} y={MARGIN.top - 8} textAnchor={x > MARGIN.left + plotW - 30 ? 'end' : x < MARGIN.left + 30 ? 'start' : 'middle'}>
                    {t(role === 'before' ? 'compare.before' : 'compare.after')}
                  </text>
                )}
                {picked === p.snapshotId && <circle className="cmp-series-ring" cx={x} cy={MARGIN.top + plotH} r={7} />}
                {i % labelEvery === 0 && (
                  <text className="cmp-series-xlabel" x={x} y={MARGIN.top + plotH + 16} textAnchor={i === 0 && xs.length > 1 ? 'start' : i === xs.length - 1 && xs.length > 1 ? 'end' : 'middle'}>
                    {p.label.length > 18 ? `${p.label.slice(0, 17)}…` : p.label}
                  </text>
                )}
              </g>
            );
          })}
          {/* Lines and dots above the points' hover band; clicks go through them to the point. */}
          <g className="cmp-series-lines">
            {showLimit && <path className="cmp-series-limit" d={linePath(xs, group.limit, y)} />}
            {metrics.map((m) => (
              <path key={m} d={linePath(xs, group.values[m], y)} fill="none" stroke={METRIC_STYLE[m].color} strokeWidth={METRIC_STYLE[m].width} data-metric={m} />
            ))}
            {series.points.length <= MAX_DOTS &&
              metrics.map((m) =>
                group.values[m].map((v, i) => (v === null ? null : <circle key={`${m}-${i}`} cx={xs[i] ?? 0} cy={y(v)} r={m === 'usage' ? 4 : 3} fill={METRIC_STYLE[m].color} />)),
              )}
          </g>
        </svg>
      </div>
      <div className="cmp-legend" aria-hidden="true">
        {metrics.map((m) => (
          <span key={m}>
            <span className="swatch" style={{ background: METRIC_STYLE[m].color }} />
            {t(METRIC_STYLE[m].label)}
          </span>
        ))}
        {showLimit && (
          <span>
            <span className="swatch cmp-swatch-limit" />
            {t('compare.metric.limit')}
          </span>
        )}
        {!timeScaled && <span className="faint">{t('compare.series.byOrder')}</span>}
      </div>
    </div>
  );
}
