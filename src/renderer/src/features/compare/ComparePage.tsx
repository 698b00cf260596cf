// The Compare screen (#/compare?before=<bundleId>:<snapshotId>&after=…&scope=<groupKey>): two
// snapshots side by side — the series of their bundle, the waterfall from usage before to usage
// after with the engine's explanation and notes, the aligned memory trees, the per-group delta
// table, the findings diff and the raw files in Monaco's diff editor. The worker computes; this
// page only lays out (and re-words the engine's sentences in the user's language and units).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { describeEntry, describeNote, type DiffNote } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref, navigate, type Route } from '../../app/router';
import { db } from '../../db/database';
import type { BundleRecord } from '../../db/schema';
import { alignRows } from './align-rows';
import { AlignedTrees } from './AlignedTrees';
import type { BundleSnapshots, Comparison } from './compare-analysis';
import { useBundleSnapshots, useComparison, type Async } from './compare-client';
import { COMPARE_UNITS, compareBytes, compareSigned, isCompareUnits, sentenceUnits, type CompareUnits } from './compare-format';
import { compareHref, parseSnapshotAddress, resolveSides, sameAddress, type CompareTarget, type SnapshotAddress, type SnapshotChoice } from './compare-route';
import { DeltaTable } from './DeltaTable';
import { FindingsDiff } from './FindingsDiff';
import { groupName, withOwnerRefs } from './group-name';
import { RawDiff } from './RawDiff';
import { SeriesChart } from './SeriesChart';
import { SnapshotPicker } from './SnapshotPicker';
import { WaterfallChart } from './WaterfallChart';
import './compare.css';

function readyValue(a: Async<BundleSnapshots | null>): BundleSnapshots | null | undefined {
  return a.state === 'ready' ? a.value : a.state === 'error' ? null : undefined;
}

export function ComparePage({ route }: { route: Extract<Route, { name: 'compare' }> }): ReactNode {
  const { t, units: settingsUnits } = useI18n();
  const [units, setUnits] = useState<CompareUnits>(settingsUnits);
  const bundles = useLiveQuery(() => db.bundles.where('status').equals('ready').toArray(), []);
  const sortedBundles = useMemo(() => (bundles ?? []).slice().sort((a, b) => (a.importedAt < b.importedAt ? 1 : -1)), [bundles]);
  const beforeAddr = parseSnapshotAddress(route.before);
  const afterAddr = parseSnapshotAddress(route.after);
  const beforeSnaps = useBundleSnapshots(beforeAddr?.bundleId ?? null);
  const afterSnaps = useBundleSnapshots(afterAddr?.bundleId ?? null);
  const beforeInfo = readyValue(beforeSnaps);
  const afterInfo = readyValue(afterSnaps);
  const choicesOf = (bundleId: string): SnapshotChoice[] | undefined => {
    if (beforeAddr?.bundleId === bundleId && beforeInfo !== undefined) return beforeInfo?.choices ?? [];
    if (afterAddr?.bundleId === bundleId && afterInfo !== undefined) return afterInfo?.choices ?? [];
    return undefined;
  };
  const sides = resolveSides(beforeAddr, afterAddr, choicesOf);
  const same = sameAddress(sides.before, sides.after);
  const chosen = (a: SnapshotAddress | null) => (a && a.snapshotId !== null && !same ? { bundleId: a.bundleId, snapshotId: a.snapshotId } : null);
  const comparison = useComparison(chosen(sides.before), chosen(sides.after), route.scope);

  const go = (patch: Partial<CompareTarget>): void => navigate(compareHref({ before: sides.before, after: sides.after, scope: route.scope, ...patch }));
  const bundleTitle = (id: string | undefined): string => sortedBundles.find((b) => b.id === id)?.title ?? id ?? '';

  const sideProblem = (addr: SnapshotAddress | null, info: BundleSnapshots | null | undefined): string | null => {
    if (!addr || info === undefined) return null;
    if (info === null) return t('compare.bundleMissing');
    if (info.choices.length === 0) return t('compare.noSnapshots');
    return null;
  };
  const problems = [sideProblem(beforeAddr, beforeInfo), sideProblem(afterAddr, afterInfo)];
  const seriesInfos = [beforeInfo, afterAddr?.bundleId !== beforeAddr?.bundleId ? afterInfo : undefined];

  return (
    <div className="page cmp-page" data-testid="compare-page">
      <div className="bundle-breadcrumb">
        <a href="#/">{t('nav.library')}</a> <span className="faint">/</span>
      </div>
      <div className="page-header">
        <h1>{t('compare.title')}</h1>
        <div className="spacer" />
        <label className="cmp-inline">
          <span>{t('compare.units')}</span>
          <select value={units} onChange={(e) => isCompareUnits(e.target.value) && setUnits(e.target.value)}>
            {COMPARE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`compare.units.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="cmp-pickers">
        <Picker side="before" bundles={sortedBundles} value={sides.before} info={beforeInfo} problem={problems[0] ?? null} onChange={(v) => go({ before: v, scope: v.bundleId === sides.before?.bundleId ? route.scope : null })} />
        <button type="button" className="cmp-swap" onClick={() => go({ before: sides.after, after: sides.before })} disabled={!sides.before || !sides.after} title={t('compare.swap')} aria-label={t('compare.swap')}>
          ⇄
        </button>
        <Picker side="after" bundles={sortedBundles} value={sides.after} info={afterInfo} problem={problems[1] ?? null} onChange={(v) => go({ after: v, scope: v.bundleId === sides.after?.bundleId ? route.scope : null })} />
      </div>
      {same && <p className="cmp-message muted">{t('compare.sameSnapshot')}</p>}
      {!same && (!sides.before?.snapshotId || !sides.after?.snapshotId) && problems.every((p) => p === null) && <p className="cmp-message muted">{t('compare.pickTwo')}</p>}
      {comparison.state === 'loading' && <p className="cmp-message muted">{t('compare.loading')}</p>}
      {comparison.state === 'error' && <p className="cmp-message error-panel">{t('compare.error', { message: comparison.message })}</p>}
      {comparison.state === 'ready' ? (
        <ComparisonView
          comparison={comparison.value}
          units={units}
          scope={route.scope}
          onScope={(scope) => go({ scope })}
          series={<SeriesPanels infos={seriesInfos} sides={sides} scope={route.scope} units={units} title={bundleTitle} go={go} />}
        />
      ) : (
        <SeriesPanels infos={seriesInfos} sides={sides} scope={route.scope} units={units} title={bundleTitle} go={go} />
      )}
    </div>
  );
}

function Picker(props: { side: 'before' | 'after'; bundles: readonly BundleRecord[]; value: SnapshotAddress | null; info: BundleSnapshots | null | undefined; problem: string | null; onChange: (v: SnapshotAddress) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="cmp-picker-wrap">
      <SnapshotPicker side={props.side} bundles={props.bundles} value={props.value} choices={props.info?.choices} onChange={props.onChange} />
      {props.problem && <p className="cmp-problem">{props.problem}</p>}
      {props.value && props.info && (
        <a className="cmp-open-bundle" href={bundleHref(props.value.bundleId)}>
          {t('compare.openBundle')}
        </a>
      )}
    </div>
  );
}

function SeriesPanels(props: {
  infos: (BundleSnapshots | null | undefined)[];
  sides: { before: SnapshotAddress | null; after: SnapshotAddress | null };
  scope: string | null;
  units: CompareUnits;
  title: (id: string) => string;
  go: (patch: Partial<CompareTarget>) => void;
}): ReactNode {
  const { t } = useI18n();
  const shown = props.infos.filter((i): i is BundleSnapshots => !!i && i.series.points.length >= 2);
  if (shown.length === 0) return null;
  return (
    <CompareSection name="series" title={t('compare.section.series')}>
      {shown.map((info) => (
        <SeriesChart
          key={info.bundleId}
          series={info.series}
          bundleTitle={props.title(info.bundleId)}
          beforeId={props.sides.before?.bundleId === info.bundleId ? props.sides.before.snapshotId : null}
          afterId={props.sides.after?.bundleId === info.bundleId ? props.sides.after.snapshotId : null}
          preferredGroupKey={props.scope}
          units={props.units}
          onCompare={(before, after) => props.go({ before: { bundleId: info.bundleId, snapshotId: before }, after: { bundleId: info.bundleId, snapshotId: after } })}
        />
      ))}
    </CompareSection>
  );
}

interface ComparisonViewProps {
  comparison: Comparison;
  units: CompareUnits;
  scope: string | null;
  onScope: (scope: string | null) => void;
  /** Shown right after the answer (what changed), before the details. */
  series: ReactNode;
}

function ComparisonView({ comparison, units, scope, onScope, series }: ComparisonViewProps): ReactNode {
  const { t, locale: loc } = useI18n();
  const { diff } = comparison;
  const groups = useMemo(() => withOwnerRefs(diff.groups), [diff.groups]);
  const describe = { t, units: sentenceUnits(units) };
  const bytes = (v: number | null): string => compareBytes(v, units, loc);
  const signed = (v: number | null): string => compareSigned(v, units, loc);
  const order = useMemo(() => alignRows(groups).map((r) => r.key), [groups]);
  const scopeGroups = groups.filter((g) => g.role !== 'other');
  const scopeName = diff.scope.ref ? groupName(diff.scope.ref, t, loc) : t('compare.scope.whole');
  const beforeLabel = comparison.before.snapshot.label;
  const afterLabel = comparison.after.snapshot.label;

  return (
    <>
      <CompareSection
        name="waterfall"
        title={t('compare.section.waterfall')}
        controls={
          <>
            <span className="muted">
              {beforeLabel} → {afterLabel}
            </span>
            <div className="spacer" />
            <label className="cmp-inline">
              <span>{t('compare.scope')}</span>
              <select value={scope ?? ''} onChange={(e) => onScope(e.target.value === '' ? null : e.target.value)} data-testid="scope-select">
                <option value="">{t('compare.scope.whole')}</option>
                {scopeGroups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {groupName(g.ref, t, loc)}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
      >
        <dl className="cmp-summary" data-testid="compare-summary">
          <div>
            <dt>{t('compare.scopeOf', { group: scopeName })}</dt>
            <dd>{t('compare.usageChange', { before: bytes(diff.scope.before.usageBytes), after: bytes(diff.scope.after.usageBytes), delta: signed(diff.scope.usageDeltaBytes) })}</dd>
            <dd className="muted">
              {t('compare.workingSetChange', { before: bytes(diff.scope.before.workingSetBytes), after: bytes(diff.scope.after.workingSetBytes), delta: signed(diff.scope.workingSetDeltaBytes) })}
            </dd>
          </div>
        </dl>
        <WaterfallChart scope={diff.scope} explanation={diff.explanation} units={units} />
        <h3 className="cmp-subtitle">{t('compare.explanation')}</h3>
        {diff.explanation.length === 0 ? (
          <p className="muted">{t('compare.explanation.none')}</p>
        ) : (
          <ol className="cmp-explanation" data-testid="explanation">
            {diff.explanation.map((e, i) => (
              <li key={`${e.key}-${e.category}-${e.kind}-${i}`} className={`cmp-entry-${e.kind}`} data-category={e.category}>
                {describeEntry(e, describe)}
              </li>
            ))}
          </ol>
        )}
        {diff.notes.length > 0 && (
          <div className="cmp-notes" role="note" aria-label={t('compare.notes')} data-testid="notes">
            <h3 className="cmp-subtitle">{t('compare.notes')}</h3>
            {diff.notes.map((n: DiffNote, i) => (
              <p key={`${n.kind}-${n.key}-${i}`} className={`cmp-note cmp-note-${n.kind}`} data-kind={n.kind}>
                {describeNote(n, describe)}
              </p>
            ))}
          </div>
        )}
      </CompareSection>

      {series}

      <CompareSection name="trees" title={t('compare.section.trees')}>
        <AlignedTrees groups={groups} beforeLabel={beforeLabel} afterLabel={afterLabel} units={units} scopeKey={diff.scope.key} />
      </CompareSection>

      <CompareSection name="table" title={t('compare.section.table')}>
        <DeltaTable groups={groups} order={order} units={units} />
      </CompareSection>

      <CompareSection name="findings" title={t('compare.section.findings')}>
        <FindingsDiff findings={diff.findings} />
      </CompareSection>

      <CompareSection name="raw" title={t('compare.section.raw')}>
        <RawDiff pairs={comparison.pairs} groups={groups} beforeBundleId={comparison.before.bundleId} afterBundleId={comparison.after.bundleId} scopeKey={diff.scope.key} />
      </CompareSection>
    </>
  );
}

/** One panel of the Compare screen: its title (and optional controls) on top, its content below. */
function CompareSection({ name, title, controls, children }: { name: string; title: string; controls?: ReactNode; children: ReactNode }): ReactNode {
  return (
    <section className="panel cmp-section" aria-labelledby={`cmp-${name}-title`}>
      <div className="panel-header">
        <h2 id={`cmp-${name}-title`}>{title}</h2>
        {controls}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
