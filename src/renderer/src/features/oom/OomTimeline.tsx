// Every OOM event of the bundle on one axis (SVG): by wall-clock time when every event has one,
// else in log order labelled with the time as written. A marker selects its event.
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { Translator } from '../../../../core';
import type { OomEventView } from './oom-events';
import { uptimeText, type TimelinePlacement } from './timeline';

/** The time to show for an event: the wall-clock time as written, else its uptime. */
export function eventTimeLabel(view: OomEventView, t: Translator): string {
  if (view.wallMs !== null && view.timeRaw) return view.timeRaw;
  if (view.uptimeSeconds !== null) return t('oomView.uptime', { seconds: uptimeText(view.uptimeSeconds) });
  return view.timeRaw ?? '—';
}

const LANE_HEIGHT = 16;
const TOP = 14;

interface Props {
  views: readonly OomEventView[];
  placement: TimelinePlacement;
  /** Event numbers (1-based, in timeline order) by input index. */
  numbers: readonly number[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function OomTimeline({ views, placement, numbers, selectedId, onSelect }: Props): ReactNode {
  const { t, locale } = useI18n();
  const lanes = Math.max(1, ...placement.lane.map((l) => l + 1));
  const axisY = TOP + lanes * LANE_HEIGHT;
  const labelEach = placement.mode === 'order' && views.length <= 8;
  const height = axisY + (labelEach || placement.mode === 'time' ? 22 : 8);
  const first = placement.order[0];
  const last = placement.order[placement.order.length - 1];
  const keyed = (id: string) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  const anyYearless = views.some((v) => v.wallMs !== null && !v.yearKnown);
  return (
    <figure className="panel oom-timeline" aria-label={t('oomView.timeline')}>
      <figcaption className="oom-timeline-caption">
        <strong>{t('oomView.timeline')}</strong>{' '}
        <span className="muted" data-testid="oom-timeline-mode" data-mode={placement.mode}>
          {placement.mode === 'time' ? t('oomView.timeline.byTime') : t('oomView.timeline.byOrder')}
          {placement.mode === 'time' && anyYearless ? ` ${t('oomView.timeline.noYear')}` : ''}
        </span>
      </figcaption>
      <svg width="100%" height={height} className="oom-timeline-svg" data-testid="oom-timeline">
        <line x1="1%" x2="99%" y1={axisY} y2={axisY} className="oom-axis" />
        {views.map((v, i) => {
          const x = `${(placement.x[i] ?? 0.5) * 100}%`;
          const y = TOP + (placement.lane[i] ?? 0) * LANE_HEIGHT;
          const selected = v.id === selectedId;
          const n = numbers[i] ?? i + 1;
          const label = `${t('oomView.eventN', { n })}: ${eventTimeLabel(v, t)} — ${v.event.victim ? `${v.event.victim.comm} (${v.event.victim.pid})` : t(`oomView.kind.${v.event.kind}`)}`;
          return (
            <g
              key={v.id}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected}
              className={`oom-marker oom-kind-${v.event.kind}${selected ? ' selected' : ''}`}
              onClick={() => onSelect(v.id)}
              onKeyDown={keyed(v.id)}
              data-testid="oom-timeline-marker"
            >
              <title>{label}</title>
              <line x1={x} x2={x} y1={y} y2={axisY} className="oom-marker-stem" />
              <circle cx={x} cy={y} r={selected ? 7 : 5} />
              {labelEach && (
                <text x={x} y={axisY + 15} textAnchor="middle" className="oom-marker-label">
                  {eventTimeLabel(v, t)}
                </text>
              )}
            </g>
          );
        })}
        {placement.mode === 'time' && first !== undefined && views[first] && (
          // One moment only: its time under the marker; else the first time at the left end.
          <text x={first === last || placement.startMs === placement.endMs ? `${(placement.x[first] ?? 0.5) * 100}%` : '1%'} y={axisY + 15} textAnchor={first === last || placement.startMs === placement.endMs ? 'middle' : 'start'} className="oom-marker-label" lang={locale}>
            {eventTimeLabel(views[first], t)}
          </text>
        )}
        {placement.mode === 'time' && last !== undefined && last !== first && placement.startMs !== placement.endMs && views[last] && (
          <text x="99%" y={axisY + 15} textAnchor="end" className="oom-marker-label">
            {eventTimeLabel(views[last], t)}
          </text>
        )}
      </svg>
    </figure>
  );
}
