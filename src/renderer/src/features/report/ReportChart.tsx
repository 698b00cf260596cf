// The breakdown bars of the report as one SVG (vector, so it stays crisp in a PDF): one row per
// snapshot or OOM kill, parts of the answer's group stacked against its limit, and a legend.
import type { ReactNode } from 'react';
import { formatBytes, translate, type Locale, type ReportChart, type ReportChartCategory } from '../../../../core';

export const CHART_COLOURS: Record<ReportChartCategory, string> = {
  anon: '#d9534f',
  shmem: '#8e44ad',
  fileCache: '#2f80ed',
  kernel: '#e0a100',
  other: '#9aa3ae',
  headroom: '#ffffff',
};

const WIDTH = 700;
const ROW_HEIGHT = 46;
const BAR_Y = 18;
const BAR_HEIGHT = 18;
/** Segments narrower than this (in viewBox units) carry no size label. */
const MIN_LABEL_WIDTH = 62;

function valueText(chart: ReportChart, locale: Locale): string {
  const usage = formatBytes(chart.usageBytes);
  return chart.limitBytes !== null ? translate(locale, 'report.charts.usageOfLimit', { usage, limit: formatBytes(chart.limitBytes) }) : translate(locale, 'report.charts.usageNoLimit', { usage });
}

/** One bar per SVG, so a long series of snapshots can break between bars across pages. */
function Row({ chart, scale, locale }: { chart: ReportChart; scale: number; locale: Locale }): ReactNode {
  let x = 0;
  const alt = translate(locale, 'report.charts.alt', { title: chart.title, parts: chart.parts.map((p) => `${p.label} ${formatBytes(p.bytes)}`).join(', ') });
  return (
    <svg className="r-chart" viewBox={`-1 0 ${WIDTH + 2} ${ROW_HEIGHT}`} xmlns="http://www.w3.org/2000/svg" role="img" aria-label={alt} data-chart={chart.id}>
      <text x={0} y={12} fontSize={11} fontWeight={600} fill="#1d2129">
        {chart.title}
      </text>
      <text x={WIDTH} y={12} fontSize={10.5} textAnchor="end" fill="#596270">
        {valueText(chart, locale)}
      </text>
      {chart.parts.map((part) => {
        const w = part.bytes * scale;
        const seg = (
          <g key={part.category}>
            <rect
              x={x}
              y={BAR_Y}
              width={Math.max(w, 0.5)}
              height={BAR_HEIGHT}
              fill={CHART_COLOURS[part.category]}
              stroke={part.category === 'headroom' ? '#b8bec8' : '#ffffff'}
              strokeWidth={part.category === 'headroom' ? 1 : 0.75}
              strokeDasharray={part.category === 'headroom' ? '3 2' : undefined}
            >
              <title>{`${part.label}: ${formatBytes(part.bytes)}`}</title>
            </rect>
            {w >= MIN_LABEL_WIDTH && (
              <text x={x + w / 2} y={BAR_Y + 13} fontSize={10} textAnchor="middle" fill={part.category === 'headroom' ? '#596270' : '#ffffff'}>
                {formatBytes(part.bytes)}
              </text>
            )}
          </g>
        );
        x += w;
        return seg;
      })}
      {chart.limitBytes !== null && <line x1={chart.limitBytes * scale} x2={chart.limitBytes * scale} y1={BAR_Y - 3} y2={BAR_Y + BAR_HEIGHT + 3} stroke="#1d2129" strokeWidth={1.5} />}
    </svg>
  );
}

export function ReportCharts({ charts, locale }: { charts: readonly ReportChart[]; locale: Locale }): ReactNode {
  if (charts.length === 0) return <p className="r-muted">{translate(locale, 'report.charts.empty')}</p>;
  // One scale for every bar, so bars can be compared by length.
  const longest = Math.max(...charts.map((c) => Math.max(c.limitBytes ?? 0, c.usageBytes ?? 0, c.parts.reduce((s, p) => s + p.bytes, 0))), 1);
  const scale = (WIDTH - 2) / longest;
  const used = new Set(charts.flatMap((c) => c.parts.map((p) => p.category)));
  const legend = charts.flatMap((c) => c.parts).filter((p, i, all) => all.findIndex((q) => q.category === p.category) === i);
  return (
    <>
      <div className="r-charts" role="group" aria-label={translate(locale, 'report.charts')}>
        {charts.map((c) => (
          <Row key={c.id} chart={c} scale={scale} locale={locale} />
        ))}
      </div>
      <ul className="r-legend">
        {legend
          .filter((p) => used.has(p.category))
          .map((p) => (
            <li key={p.category}>
              <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
                <rect x="0.5" y="0.5" width="9" height="9" fill={CHART_COLOURS[p.category]} stroke={p.category === 'headroom' ? '#b8bec8' : 'none'} strokeDasharray={p.category === 'headroom' ? '2 1' : undefined} />
              </svg>
              {p.label}
            </li>
          ))}
      </ul>
    </>
  );
}
