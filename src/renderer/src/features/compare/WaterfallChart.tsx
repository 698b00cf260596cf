// The waterfall from usage before to usage after: one row per change (a category in a group,
// coloured by category), bars on one axis from 0, each step starting where the last one ended.
// Labels and sizes are HTML text beside the SVG bars, so they read as a list; the SVG itself
// carries a one-sentence summary.
import type { ReactNode } from 'react';
import { DIFF_CATEGORIES, categoryLabel, type DiffCategory, type ScopeSummary, type ExplanationEntry } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { axisTicks, waterfallModel, type WaterfallRow } from './waterfall';
import { compareBytes, compareSigned, type CompareUnits } from './compare-format';
import { groupName } from './group-name';

export const CATEGORY_COLORS: Record<DiffCategory, string> = {
  anon: 'var(--cat-anon)',
  shmem: 'var(--cat-shmem)',
  'file-cache': 'var(--cat-file)',
  'file-dirty': 'var(--cat-dirty)',
  kernel: 'var(--cat-kernel)',
  other: 'var(--cat-other)',
};

const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const AXIS_HEIGHT = 22;

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(3)}%`;
}

interface Props {
  scope: Pick<ScopeSummary, 'before' | 'after' | 'usageDeltaBytes'>;
  explanation: readonly ExplanationEntry[];
  units: CompareUnits;
}

export function WaterfallChart({ scope, explanation, units }: Props): ReactNode {
  const { t, locale } = useI18n();
  const model = waterfallModel(scope, explanation);
  const steps = model.rows.filter((r) => r.kind !== 'start' && r.kind !== 'end');
  if (steps.length === 0) return <p className="muted">{t('compare.waterfall.empty')}</p>;
  const bytes = (v: number | null): string => compareBytes(v, units, locale);
  const signed = (v: number): string => compareSigned(v, units, locale);
  const span = model.maxBytes - model.minBytes || 1;
  const at = (v: number): number => (v - model.minBytes) / span;
  const ticks = axisTicks(model.minBytes, model.maxBytes, 4, units === 'si' ? 1000 : 1024);
  const height = model.rows.length * ROW_HEIGHT + AXIS_HEIGHT;

  const labelOf = (r: WaterfallRow): string => {
    switch (r.kind) {
      case 'start':
        return t('compare.waterfall.start');
      case 'end':
        return t('compare.waterfall.end');
      case 'rest':
        return t('compare.waterfall.rest', { count: r.count ?? 0 });
      case 'unexplained':
        return t('compare.waterfall.unexplained');
      case 'step': {
        const e = r.entry as ExplanationEntry;
        const status = e.status === 'matched' ? '' : ` (${t(`compare.status.${e.status}`)})`;
        return `${categoryLabel(e.category, t)} · ${groupName(e.group, t, locale)}${status}`;
      }
    }
  };
  const colorOf = (r: WaterfallRow): string => (r.kind === 'step' && r.category ? CATEGORY_COLORS[r.category] : r.kind === 'start' || r.kind === 'end' ? 'var(--cmp-total)' : 'var(--cat-other)');
  const valueOf = (r: WaterfallRow): string => (r.kind === 'start' || r.kind === 'end' ? bytes(r.toBytes) : signed(r.deltaBytes));
  const summary = t('compare.waterfall.aria', { before: bytes(scope.before.usageBytes), after: bytes(scope.after.usageBytes), steps: steps.length });
  const used = new Set(steps.map((r) => r.category).filter((c): c is DiffCategory => c !== undefined));

  return (
    <figure className="cmp-waterfall" data-testid="waterfall">
      {!model.usageKnown && <p className="muted cmp-waterfall-note">{t('compare.waterfall.noUsage')}</p>}
      {model.zoomed && <p className="muted cmp-waterfall-note">{t('compare.waterfall.zoomed', { start: bytes(model.minBytes) })}</p>}
      <div className="cmp-waterfall-grid" style={{ gridTemplateRows: `repeat(${model.rows.length}, ${ROW_HEIGHT}px) ${AXIS_HEIGHT}px` }}>
        {model.rows.map((r, i) => (
          <div key={`l${i}`} className={`cmp-waterfall-label cmp-wf-${r.kind}`} style={{ gridRow: i + 1 }} title={r.entry?.text ?? labelOf(r)} data-testid="waterfall-row" data-kind={r.kind}>
            <span className="swatch" style={{ background: colorOf(r) }} aria-hidden="true" />
            <span className="cmp-waterfall-text">{labelOf(r)}</span>
            <span className="visually-hidden">: </span>
            <span className={`cmp-waterfall-value num${r.kind === 'start' || r.kind === 'end' ? '' : r.deltaBytes > 0 ? ' cmp-up' : ' cmp-down'}`}>{valueOf(r)}</span>
          </div>
        ))}
        <svg className="cmp-waterfall-svg" width="100%" height={height} role="img" aria-label={summary} style={{ gridRow: `1 / span ${model.rows.length + 1}` }}>
          {ticks.map((v) => (
            <g key={v} className="cmp-axis">
              <line x1={pct(at(v))} x2={pct(at(v))} y1={0} y2={model.rows.length * ROW_HEIGHT} />
              <text x={pct(at(v))} y={model.rows.length * ROW_HEIGHT + 15} textAnchor={at(v) > 0.97 ? 'end' : at(v) < 0.03 ? 'start' : 'middle'}>
                {bytes(v)}
              </text>
            </g>
          ))}
          {model.rows.map((r, i) => {
            const y = i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            const next = model.rows[i + 1];
            return (
              <g key={`b${i}`}>
                <rect
                  x={pct(r.x)}
                  y={y}
                  width={pct(r.width)}
                  height={BAR_HEIGHT}
                  fill={colorOf(r)}
                  stroke={colorOf(r)}
                  className={r.deltaBytes < 0 && r.kind !== 'start' && r.kind !== 'end' ? 'cmp-wf-bar cmp-wf-negative' : 'cmp-wf-bar'}
                >
                  <title>{`${labelOf(r)}: ${valueOf(r)}`}</title>
                </rect>
                {r.cut && (
                  // The bar goes on to the left, below the start of the axis.
                  <path className="cmp-wf-cut" d={`M 6 ${y - 1} l 4 ${BAR_HEIGHT / 2 + 1} l -4 ${BAR_HEIGHT / 2 + 1}`} />
                )}
                {next && (
                  // The running total carried to the next row.
                  <line className="cmp-wf-connector" x1={pct(at(r.toBytes))} x2={pct(at(r.toBytes))} y1={y + BAR_HEIGHT} y2={(i + 1) * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2} />
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="cmp-legend" aria-hidden="true">
        {DIFF_CATEGORIES.filter((c) => used.has(c)).map((c) => (
          <span key={c}>
            <span className="swatch" style={{ background: CATEGORY_COLORS[c] }} />
            {categoryLabel(c, t)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
