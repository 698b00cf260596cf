// Overview: the answer first — the headline sentence with its bar, then the findings, most severe
// first — then the bundle's snapshots (one per capture time), the memory tree of the chosen one
// with a breakdown per group, the chosen group in full, and its metric Rosetta stone. Everything
// comes from the analysis stored with the bundle (the import worker made it; "Re-analyse" remakes
// it in the worker): nothing is parsed or analysed on this thread. Snapshot and group live in the URL.
import { walkGroups, type MemoryGroup, type Snapshot } from '../../../../../core';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { navigate, overviewHref } from '../../../app/router';
import type { BundleRecord, FileRecord } from '../../../db/schema';
import { useBundleAnalysis, type BundleAnalysisView } from '../../findings/useBundleAnalysis';
import { HeadlineCard } from '../../findings/HeadlineCard';
import { FindingsList } from '../../findings/FindingsList';
import { RosettaPanel } from '../../findings/RosettaPanel';
import { observedFilesFor } from '../../findings/observed';
import { GroupTree } from './GroupTree';
import { GroupDetail } from './GroupDetail';
import { groupLabel } from './group-label';
import { TargetNotes } from '../../notes/TargetNotes';
import { AddNoteButton } from '../../notes/AddNoteButton';
import './overview.css';

interface Props {
  bundle: BundleRecord;
  /** undefined while the bundle's files load. */
  files: readonly FileRecord[] | undefined;
  snapshotId: string | null;
  groupKey: string | null;
}

const NO_SNAPSHOTS: readonly Snapshot[] = [];

export function OverviewTab({ bundle, files, snapshotId, groupKey }: Props): ReactNode {
  const { t } = useI18n();
  const analysis = useBundleAnalysis(bundle.id, files, bundle.fileCount);
  const record = analysis.record;
  const snapshots = record?.snapshots ?? NO_SNAPSHOTS;
  const withGroups = useMemo(() => snapshots.filter((s) => s.groups.length > 0), [snapshots]);
  // The latest capture by default: the state the incident ended in.
  const snapshot: Snapshot | undefined = withGroups.find((s) => s.id === snapshotId) ?? withGroups[withGroups.length - 1];
  const groups = useMemo(() => (snapshot ? [...walkGroups(snapshot.groups)] : []), [snapshot]);
  const selected: MemoryGroup | undefined = groups.find((g) => g.key === groupKey) ?? firstInteresting(snapshot);
  const observedFiles = useMemo(() => (snapshot && files ? observedFilesFor(snapshot, snapshots, files) : []), [snapshot, snapshots, files]);

  if (record === undefined) return <p className="muted">{t('findingsUi.analysis.loading')}</p>;
  if (record === null) return <AnalysisNotice analysis={analysis} />;

  const go = (s: string, g: string | null): void => navigate(overviewHref(bundle.id, s, g));
  const selectedLabel = selected ? groupLabel(selected) : null;
  return (
    <div className="overview">
      {record.headline && <HeadlineCard bundleId={bundle.id} headline={record.headline} showGroupLink={hasTree(snapshots, record.headline.snapshotId)} />}
      <FindingsList bundleId={bundle.id} findings={record.findings} files={files ?? []} snapshots={snapshots} />
      {!snapshot ? (
        <div className="empty-state" data-testid="overview-empty">
          <p>{t('bundle.noStats')}</p>
        </div>
      ) : (
        <>
          <div className="overview-snapshot-bar">
            {withGroups.length > 1 && <SnapshotPicker snapshots={withGroups} selectedId={snapshot.id} onSelect={(id) => go(id, null)} />}
            <AddNoteButton bundleId={bundle.id} target={{ kind: 'snapshot', snapshotId: snapshot.id }} label={t('notes.target.snapshot', { name: snapshot.label })} />
          </div>
          {groups.length > 1 && (
            <div className="panel overview-tree">
              <GroupTree groups={snapshot.groups} selectedKey={selected?.key ?? null} onSelect={(key) => go(snapshot.id, key)} />
            </div>
          )}
          {selected && <GroupDetail bundleId={bundle.id} group={selected} snapshotId={snapshot.id} />}
          {selected && selectedLabel && (
            <RosettaPanel bundleId={bundle.id} group={selected} groupLabel={t(selectedLabel.key, selectedLabel.params)} snapshotLabel={snapshot.label} observedFiles={observedFiles} />
          )}
        </>
      )}
      <TargetNotes bundleId={bundle.id} target={{ kind: 'bundle' }} title={t('notes.section.bundle')} label={t('notes.target.bundle')} />
      <AnalysisNotice analysis={analysis} />
    </div>
  );
}

/** Where the analysis comes from, and the way to run it again (old bundles, engine upgrades, failures). */
function AnalysisNotice({ analysis }: { analysis: BundleAnalysisView }): ReactNode {
  const { t, dateTime } = useI18n();
  const { record, state, running, error } = analysis;
  let text: string;
  if (running) text = t('findingsUi.analysis.running');
  else if (error) text = t('findingsUi.analysis.failed', { message: error });
  else if (state === 'missing') text = t('findingsUi.analysis.missing');
  else if (state === 'outdated') text = t('findingsUi.analysis.outdated', { date: dateTime(record?.analysedAt ?? null) });
  else text = t('findingsUi.analysis.analysedAt', { date: dateTime(record?.analysedAt ?? null) });
  const failures = record?.ruleFailures ?? [];
  const prominent = state !== 'current' || error !== null;
  return (
    <div className={prominent ? 'panel analysis-notice' : 'analysis-notice muted'} role="status" data-testid="analysis-notice" data-state={running ? 'running' : state}>
      <span>{text}</span>
      {failures.length > 0 && <span className="faint">{t('findingsUi.analysis.ruleFailures', { count: failures.length, rules: failures.map((f) => f.ruleId).join(', ') })}</span>}
      <span className="spacer" />
      <button type="button" className={prominent ? 'primary' : undefined} disabled={running} onClick={analysis.reanalyse}>
        {t('findingsUi.analysis.reanalyse')}
      </button>
    </div>
  );
}

/** A link to a group in the tree is worth it only where the tree is shown (more than one group). */
function hasTree(snapshots: readonly Snapshot[], snapshotId: string | null): boolean {
  const s = snapshots.find((x) => x.id === snapshotId);
  return s !== undefined && [...walkGroups(s.groups)].length > 1;
}

/** The pod when there is one (where a limit is hit), else the first root. */
function firstInteresting(snapshot: Snapshot | undefined): MemoryGroup | undefined {
  if (!snapshot) return undefined;
  for (const g of walkGroups(snapshot.groups)) if (g.role === 'pod') return g;
  return snapshot.groups[0];
}

function SnapshotPicker({ snapshots, selectedId, onSelect }: { snapshots: readonly Snapshot[]; selectedId: string; onSelect: (id: string) => void }): ReactNode {
  const { t, dateTime } = useI18n();
  return (
    <div className="snapshot-picker" role="tablist" aria-label={t('overview.snapshots')}>
      {snapshots.map((s) => (
        <button key={s.id} type="button" role="tab" aria-selected={s.id === selectedId} onClick={() => onSelect(s.id)} title={s.id}>
          <span className="snapshot-label">{s.label}</span>
          {s.capturedAt && <span className="snapshot-time">{dateTime(s.capturedAt)}</span>}
        </button>
      ))}
    </div>
  );
}
