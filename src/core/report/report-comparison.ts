// The report's before/after section: diffSnapshots between a chosen snapshot (the baseline, from this
// bundle or another) and the snapshot the answer is about, scoped to the answer's group when both
// sides have it, with findings matched new/resolved/persisting. Shared by the app and the CLI.
import { diffSnapshots } from '../diff/diff-snapshots';
import type { SnapshotDiff } from '../diff/diff-types';
import { walkGroups } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { formatBytes } from '../model/units';
import { groupLabel, signedBytes } from '../diff/describe';
import { translate, translator, type Locale } from '../i18n/translate';
import type { BundleAnalysis } from '../analyze/analyze-bundle';
import type { Finding } from '../rules/rule';
import { localizeFinding, type LineReader } from '../rules/run-rules';
import type { ReportComparison } from './report-model';

export interface ComparedSide {
  analysis: BundleAnalysis;
  readLines: LineReader;
  /** null: the snapshot the answer is about (after), or the latest one (before). */
  snapshotId: string | null;
  /** Names the side in the report, e.g. `lab bundle · before`. */
  label: string;
}

export interface ComparisonInput {
  diff: SnapshotDiff<Finding>;
  beforeLabel: string;
  afterLabel: string;
}

function pickSnapshot(analysis: BundleAnalysis, snapshotId: string | null, preferHeadline: boolean): Snapshot | null {
  const withGroups = analysis.snapshots.filter((s) => s.groups.length > 0);
  if (snapshotId !== null) return withGroups.find((s) => s.id === snapshotId) ?? null;
  if (preferHeadline) {
    const answered = withGroups.find((s) => s.id === analysis.headline?.snapshotId);
    if (answered) return answered;
  }
  return withGroups[withGroups.length - 1] ?? null;
}

function hasGroup(snapshot: Snapshot, key: string): boolean {
  for (const g of walkGroups(snapshot.groups)) if (g.key === key) return true;
  return false;
}

/** null when either side has no snapshot with memory groups (nothing to compare). */
export function compareForReport(before: ComparedSide, after: ComparedSide, locale: Locale): ComparisonInput | null {
  const b = pickSnapshot(before.analysis, before.snapshotId, false);
  const a = pickSnapshot(after.analysis, after.snapshotId, true);
  if (!b || !a) return null;
  const key = after.analysis.headline?.scopeKey ?? null;
  const localize = (side: ComparedSide, snapshot: Snapshot) =>
    side.analysis.findingsBySnapshot.filter((d) => d.snapshotId === snapshot.id).map((d) => localizeFinding(d, locale, side.readLines));
  const diff = diffSnapshots(b, a, {
    scopeKey: key !== null && hasGroup(b, key) && hasGroup(a, key) ? key : null,
    t: translator(locale),
    findings: { before: localize(before, b), after: localize(after, a) },
  });
  const label = (side: ComparedSide, s: Snapshot) => (side.label && side.label !== s.label ? `${side.label} · ${s.label}` : s.label);
  return { diff, beforeLabel: label(before, b), afterLabel: label(after, a) };
}

export function reportComparison(input: ComparisonInput, locale: Locale): ReportComparison {
  const { diff } = input;
  const title = (f: Finding) => `${f.title} — ${f.scope}`;
  return {
    beforeLabel: input.beforeLabel,
    afterLabel: input.afterLabel,
    scope: diff.scope.ref ? groupLabel(diff.scope.ref, translator(locale)) : translate(locale, 'report.comparison.wholeSnapshot'),
    usageBeforeBytes: diff.scope.before.usageBytes,
    usageAfterBytes: diff.scope.after.usageBytes,
    usageDeltaBytes: diff.scope.usageDeltaBytes,
    explanation: diff.explanation.map((e) => ({ text: e.text, deltaBytes: e.deltaBytes })),
    notes: diff.notes.map((n) => n.text),
    findings: { new: diff.findings.new.map(title), resolved: diff.findings.resolved.map(title), persisting: diff.findings.persisting.map(title) },
  };
}

/** "85.7 MiB → 128.0 MiB (+42.3 MiB)" parts, for the renderer. */
export function comparisonUsageText(c: ReportComparison, locale: Locale): string {
  return translate(locale, 'report.comparison.usage', {
    scope: c.scope ?? '—',
    before: formatBytes(c.usageBeforeBytes),
    after: formatBytes(c.usageAfterBytes),
    delta: c.usageDeltaBytes === null ? '—' : signedBytes(c.usageDeltaBytes),
  });
}
