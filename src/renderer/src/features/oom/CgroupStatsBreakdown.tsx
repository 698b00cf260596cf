// The report's "Memory cgroup stats" as one stacked bar per cgroup printed, all on one scale with
// the limit marked, each labelled with what its numbers cover (own pages, or with children).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';
import type { MessageKey } from '../../../../core';
import { cgroupName, type OomEventView } from './oom-events';
import { percentOf, statsModel, type StatsBar, type StatsCategory } from './stats-bars';

const COLORS: Record<StatsCategory, string> = {
  anon: 'var(--cat-anon)',
  shmem: 'var(--cat-shmem)',
  fileCache: 'var(--cat-file)',
  other: 'var(--cat-other)',
};

const catKey = (c: StatsCategory): MessageKey => `oomView.stats.cat.${c}` as MessageKey;

export function CgroupStatsBreakdown({ view, bundleId }: { view: OomEventView; bundleId: string }): ReactNode {
  const { t } = useI18n();
  const model = statsModel(view.event);
  if (model.bars.length === 0) return <p className="muted oom-note">{t('oomView.stats.none')}</p>;
  const copy = view.copies[0];
  return (
    <ul className="oom-stats" aria-label={t('oomView.stats')}>
      {model.bars.map((bar, i) => (
        <StatsRow key={i} bar={bar} view={view} scaleBytes={model.scaleBytes} limitBytes={model.limitBytes} lineHref={copy && bar.line !== null ? bundleHref(bundleId, 'files', copy.file, bar.line) : null} />
      ))}
    </ul>
  );
}

function StatsRow({ bar, view, scaleBytes, limitBytes, lineHref }: { bar: StatsBar; view: OomEventView; scaleBytes: number; limitBytes: number | null; lineHref: string | null }): ReactNode {
  const { t, bytes, percent } = useI18n();
  const name = bar.scope === 'sum' ? t('oomView.stats.scope.sum') : (cgroupName(view, bar.path) ?? bar.path ?? view.event.oomMemcg ?? '—');
  const spoken = [name, ...bar.segments.map((s) => `${t(catKey(s.category))} ${bytes(s.bytes)}`)].join(', ');
  let x = 0;
  return (
    <li className={bar.scope === 'sum' ? 'oom-stats-row oom-stats-sum' : 'oom-stats-row'} data-testid="oom-stats-bar" data-path={bar.path ?? ''} data-scope={bar.scope}>
      <div className="oom-stats-head">
        <span className="oom-stats-name">{name}</span>
        {bar.limitHit && <span className="badge bad">{t('oomView.stats.limitHit')}</span>}
        {bar.victimCgroup && <span className="badge warn">{t('oomView.stats.victimCgroup')}</span>}
        {lineHref && bar.line !== null && (
          <a className="mono oom-stats-line" href={lineHref}>
            {t('common.lineN', { line: bar.line })}
          </a>
        )}
      </div>
      {bar.scope !== 'sum' && bar.path !== null && name !== bar.path && <div className="mono faint oom-path">{bar.path}</div>}
      <div className="faint oom-stats-scope">{bar.scope === 'sum' ? null : t(`oomView.stats.scope.${bar.scope}` as MessageKey)}</div>
      <svg className="oom-stats-svg" width="100%" height={18} role="img" aria-label={spoken}>
        <rect x={0} y={0} width="100%" height={18} className="oom-track" />
        {bar.segments.map((s) => {
          const w = percentOf(s.bytes, scaleBytes);
          const rect = (
            <rect key={s.category} x={`${x}%`} y={0} width={`${w}%`} height={18} fill={COLORS[s.category]} data-segment={s.category}>
              <title>{`${t(catKey(s.category))}: ${bytes(s.bytes)} (${s.from})`}</title>
            </rect>
          );
          x += w;
          return rect;
        })}
        {limitBytes !== null && <line x1={`${percentOf(limitBytes, scaleBytes)}%`} x2={`${percentOf(limitBytes, scaleBytes)}%`} y1={0} y2={18} className="oom-limit-mark" />}
      </svg>
      <ul className="oom-legend">
        {bar.segments.map((s) => (
          <li key={s.category} data-category={s.category} title={`${s.bytes} B`}>
            <span className="swatch" style={{ background: COLORS[s.category] }} />
            {t(catKey(s.category))} <span className="num">{bytes(s.bytes)}</span> <span className="mono faint">{s.from}</span>
            {limitBytes !== null && <span className="faint"> · {t('oomView.shareOfLimit', { share: percent(s.bytes, limitBytes) })}</span>}
          </li>
        ))}
      </ul>
      {!bar.shmemPrinted && <p className="faint oom-note">{t('oomView.stats.noShmem')}</p>}
    </li>
  );
}
