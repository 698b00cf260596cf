// The answer in one sentence, and a stacked bar (SVG) from 0 to the limit: each part of the usage a
// segment labelled with its bytes, what is left below the limit an empty "headroom" segment. The
// legend repeats every part with the line it was read from. Used by the Overview and, for one OOM
// event each, by the OOM events tab: <HeadlineCard bundleId={…} headline={…} />.
import { useId, type ReactNode } from 'react';
import { renderHeadline, type Headline, type MessageKey } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref, overviewHref } from '../../app/router';
import { headlineBar, labelFits, type HeadlineBarModel, type HeadlineSegment, type HeadlineSegmentId } from './headline-bar';
import './findings.css';

const COLORS: Record<HeadlineSegmentId, string> = {
  anon: 'var(--cat-anon)',
  shmem: 'var(--cat-shmem)',
  fileCache: 'var(--cat-file)',
  kernel: 'var(--cat-kernel)',
  other: 'var(--cat-other)',
  headroom: 'transparent',
};

const LABEL_KEYS: Record<HeadlineSegmentId, MessageKey> = {
  anon: 'breakdown.anon',
  shmem: 'breakdown.shmem',
  fileCache: 'breakdown.fileCache',
  kernel: 'breakdown.kernel',
  other: 'findingsUi.headline.other',
  headroom: 'findingsUi.headline.headroom',
};

const BAR_HEIGHT = 34;

interface Props {
  bundleId: string;
  headline: Headline;
  /** Shown above the sentence; defaults to "Where did the memory go?". */
  kicker?: string;
  /** Offer a link to the headline's group in the Overview's tree. */
  showGroupLink?: boolean;
}

export function HeadlineCard({ bundleId, headline, kicker, showGroupLink = true }: Props): ReactNode {
  const { t, locale, units, bytes, percent } = useI18n();
  const headingId = useId();
  const model = headlineBar(headline);
  const segmentLabel = (s: HeadlineSegment): string => {
    const name = t(LABEL_KEYS[s.id]);
    return s.place === 'pod-itself' ? `${name} (${t('findingsUi.headline.podItself')})` : name;
  };
  return (
    <section className="panel headline-card" aria-labelledby={headingId} data-testid="headline-card">
      <div className="panel-body">
        <h2 id={headingId} className="headline-kicker">
          {kicker ?? t('findingsUi.headline.kicker')}
        </h2>
        <p className="headline-sentence" data-testid="headline-text">
          {renderHeadline(headline, locale, units)}
        </p>
        {model.segments.length > 0 && <HeadlineBar headline={headline} model={model} segmentLabel={segmentLabel} />}
        {headline.parts.length > 0 && (
          <ul className="headline-legend" aria-label={t('findingsUi.headline.parts')}>
            {model.segments.map((s) => {
              const part = s.partIndex !== null ? headline.parts[s.partIndex] : undefined;
              const src = part?.source ?? null;
              return (
                <li key={`${s.id}-${s.partIndex ?? ''}`} data-part={s.id} data-place={s.place ?? undefined}>
                  <span className={s.id === 'headroom' ? 'swatch swatch-track' : 'swatch'} style={s.id === 'headroom' ? undefined : { background: COLORS[s.id] }} />
                  <span className="headline-legend-name">{segmentLabel(s)}</span> <span className="num">{bytes(s.bytes)}</span>
                  {model.limitBytes !== null && s.id !== 'headroom' && <span className="faint"> · {t('findingsUi.headline.ofLimit', { share: percent(s.bytes, model.limitBytes) })}</span>}
                  {src && (
                    <>
                      {' · '}
                      <a className="mono headline-source" href={bundleHref(bundleId, 'files', src.file, src.line)} title={src.file}>
                        {t('findingsUi.headline.partSource', { key: src.key, file: src.file.slice(src.file.lastIndexOf('/') + 1), line: src.line })}
                      </a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {showGroupLink && headline.scopeKey && headline.snapshotId && (
          <p className="headline-group-link">
            <a href={overviewHref(bundleId, headline.snapshotId, headline.scopeKey)}>{t('findingsUi.headline.showGroup', { scope: headline.scope })}</a>
          </p>
        )}
      </div>
    </section>
  );
}

function HeadlineBar({ headline, model, segmentLabel }: { headline: Headline; model: HeadlineBarModel; segmentLabel: (s: HeadlineSegment) => string }): ReactNode {
  const { t, bytes } = useI18n();
  const patternId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const limit = model.limitBytes !== null ? bytes(model.limitBytes) : null;
  const title = limit !== null ? t('findingsUi.headline.barLabel', { scope: headline.scope, limit }) : t('findingsUi.headline.barLabelNoLimit', { scope: headline.scope });
  const spoken = [title, ...model.segments.map((s) => `${segmentLabel(s)} ${bytes(s.bytes)}`)].join(', ');
  const pct = (f: number): string => `${(f * 100).toFixed(3)}%`;
  return (
    <div className="headline-bar">
      <svg className="headline-bar-svg" width="100%" height={BAR_HEIGHT} role="img" aria-label={spoken} data-testid="headline-bar">
        <defs>
          {/* Charged to the pod itself, owned by no running container: hatched over the category colour. */}
          <pattern id={patternId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="8" className="headline-hatch" />
          </pattern>
        </defs>
        <rect x={0} y={0} width="100%" height={BAR_HEIGHT} className="headline-track" />
        {model.segments.map((s) => (
          <g key={`${s.id}-${s.partIndex ?? ''}`} data-segment={s.id}>
            <title>{`${segmentLabel(s)}: ${bytes(s.bytes)}`}</title>
            {s.id === 'headroom' ? (
              <rect x={pct(s.start)} y={1} width={pct(s.width)} height={BAR_HEIGHT - 2} className="headline-headroom" />
            ) : (
              <>
                <rect x={pct(s.start)} y={0} width={pct(s.width)} height={BAR_HEIGHT} fill={COLORS[s.id]} className="headline-segment" />
                {s.place === 'pod-itself' && <rect x={pct(s.start)} y={0} width={pct(s.width)} height={BAR_HEIGHT} fill={`url(#${patternId})`} />}
              </>
            )}
            {labelFits(s) && (
              // A nested <svg> clips its text to the segment when the window is narrow.
              <svg x={pct(s.start)} y={0} width={pct(s.width)} height={BAR_HEIGHT} aria-hidden="true">
                <text x="6" y={BAR_HEIGHT / 2} dominantBaseline="central" className={s.id === 'headroom' ? 'headline-seg-text headroom' : 'headline-seg-text'}>
                  {`${t(LABEL_KEYS[s.id])} ${bytes(s.bytes)}`}
                </text>
              </svg>
            )}
          </g>
        ))}
        {model.limitAt !== null && model.overLimit && limit !== null && (
          <line x1={pct(model.limitAt)} x2={pct(model.limitAt)} y1={0} y2={BAR_HEIGHT} className="headline-limit-mark">
            <title>{`${t('findingsUi.headline.limitMark', { limit })}: ${t('findingsUi.headline.overLimit')}`}</title>
          </line>
        )}
      </svg>
      <div className="headline-scale" aria-hidden="true">
        <span>0</span>
        <span>{limit !== null ? t('findingsUi.headline.limitMark', { limit }) : model.usageBytes !== null ? t('findingsUi.headline.usageMark', { usage: bytes(model.usageBytes) }) : bytes(model.scaleBytes)}</span>
      </div>
    </div>
  );
}
