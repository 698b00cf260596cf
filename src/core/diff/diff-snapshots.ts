// Before/after comparison of two snapshots (model-and-findings.md "Diff", cli-contract.md `diff`):
// groups matched on stable keys, the chosen scope's usage change explained per group and category,
// notes on shifts that leave usage alone, and findings new/resolved/persisting.
import { fileCacheExclShmemBytes, workingSetBytes, BREAKDOWN_KEYS, type MemoryBreakdown } from '../model/breakdown';
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { translator, type Translator } from '../i18n/translate';
import type { SizeUnits } from '../model/units';
import type { BreakdownDelta, DiffNote, FindingLike, GroupDelta, GroupDiff, GroupSide, ScopeSummary, SnapshotDiff } from './diff-types';
import { describeNote } from './describe';
import { explainChange, type DiffThresholds } from './explain-change';
import { chargesReceiverKey, collectLeaves, effectiveValues, forestValues, type LeafValues } from './leaves';
import { matchGroups, refOf, type GroupMatching, type MatchedNode } from './match-groups';
import { diffFindings } from './match-findings';
import { diffProcesses } from './match-processes';

export interface DiffOptions<F extends FindingLike = FindingLike> {
  /** The group whose usage change is explained (node, pod or container); default: the whole snapshot. */
  scopeKey?: string | null;
  /** Findings of each side, matched by id + scope key. */
  findings?: { before: readonly F[]; after: readonly F[] };
  /** Language of every `text` (default English). */
  t?: Translator;
  units?: SizeUnits;
  thresholds?: Partial<DiffThresholds>;
}

function sideOf(g: MemoryGroup): GroupSide {
  return {
    usageBytes: g.usageBytes,
    limitBytes: g.limitBytes,
    workingSetBytes: g.workingSetBytes ?? workingSetBytes(g.usageBytes, g.breakdown.inactiveFileBytes),
    breakdown: { ...g.breakdown },
  };
}

/** after − before; a missing side counts as 0, a value missing from a present side makes the delta null. */
function sub(after: number | null | undefined, before: number | null | undefined): number | null {
  const a = after === undefined ? 0 : after;
  const b = before === undefined ? 0 : before;
  return a === null || b === null ? null : a - b;
}

function dirtyWriteback(b: MemoryBreakdown | undefined): number | null | undefined {
  if (!b) return undefined;
  return b.dirtyBytes === null && b.writebackBytes === null ? null : (b.dirtyBytes ?? 0) + (b.writebackBytes ?? 0);
}

export function groupDelta(before: GroupSide | null, after: GroupSide | null): GroupDelta {
  const bb = before?.breakdown;
  const ab = after?.breakdown;
  const breakdown = {} as BreakdownDelta;
  for (const k of BREAKDOWN_KEYS) breakdown[k] = sub(ab?.[k], bb?.[k]);
  return {
    usageBytes: sub(after?.usageBytes, before?.usageBytes),
    anonBytes: breakdown.anonBytes,
    fileCacheBytes: sub(ab ? fileCacheExclShmemBytes(ab) : undefined, bb ? fileCacheExclShmemBytes(bb) : undefined),
    shmemBytes: breakdown.shmemBytes,
    kernelBytes: breakdown.kernelBytes,
    swapBytes: breakdown.swapBytes,
    workingSetBytes: sub(after?.workingSetBytes, before?.workingSetBytes),
    dirtyWritebackBytes: sub(dirtyWriteback(ab), dirtyWriteback(bb)),
    activeFileBytes: breakdown.activeFileBytes,
    inactiveFileBytes: breakdown.inactiveFileBytes,
    breakdown,
  };
}

function groupDiffOf(matching: GroupMatching, node: MatchedNode): GroupDiff {
  const g = (node.after ?? node.before) as MemoryGroup;
  const before = node.before ? sideOf(node.before) : null;
  const after = node.after ? sideOf(node.after) : null;
  return {
    key: node.key,
    role: g.role,
    status: node.status,
    ref: refOf(g, node.key),
    parentKey: node.afterParentKey ?? node.beforeParentKey,
    orphaned: g.orphaned,
    chargesMovedToKey: node.status === 'vanished' || node.status === 'restarted' ? chargesReceiverKey(matching, node.key) : null,
    before,
    after,
    delta: groupDelta(before, after),
    processes: diffProcesses(node.before?.processes ?? [], node.after?.processes ?? []),
  };
}

interface ResolvedScope {
  node: MatchedNode | null;
  beforeRoots: MemoryGroup[];
  afterRoots: MemoryGroup[];
  found: boolean;
}

function resolveScope(matching: GroupMatching, before: Snapshot, after: Snapshot, scopeKey: string | null | undefined): ResolvedScope {
  if (scopeKey !== null && scopeKey !== undefined && scopeKey !== '') {
    const node = matching.byKey.get(scopeKey) ?? matching.byKey.get(matching.keyOfBefore.get(scopeKey) ?? '');
    if (node) return { node, beforeRoots: node.before ? [node.before] : [], afterRoots: node.after ? [node.after] : [], found: true };
    return { ...wholeSnapshot(matching, before, after), found: false };
  }
  return { ...wholeSnapshot(matching, before, after), found: true };
}

/** One root on both sides, the same group: that group is the scope; else the forest as a whole. */
function wholeSnapshot(matching: GroupMatching, before: Snapshot, after: Snapshot): Omit<ResolvedScope, 'found'> {
  const [onlyBefore] = before.groups;
  const [onlyAfter] = after.groups;
  if (before.groups.length === 1 && after.groups.length === 1 && onlyBefore && onlyAfter) {
    const key = matching.after.keyOf.get(onlyAfter);
    const node = key === undefined ? undefined : matching.byKey.get(key);
    if (node && node.before === onlyBefore) return { node, beforeRoots: [onlyBefore], afterRoots: [onlyAfter] };
  }
  return { node: null, beforeRoots: [...before.groups], afterRoots: [...after.groups] };
}

function totalsOf(roots: readonly MemoryGroup[]): LeafValues | null {
  if (roots.length === 0) return null;
  const [only] = roots;
  return roots.length === 1 && only ? effectiveValues(only) : forestValues(roots);
}

export function diffSnapshots<F extends FindingLike = FindingLike>(before: Snapshot, after: Snapshot, options: DiffOptions<F> = {}): SnapshotDiff<F> {
  const t = options.t ?? translator('en');
  const describe = { t, units: options.units ?? 'iec' };
  const matching = matchGroups(before, after);
  const scope = resolveScope(matching, before, after, options.scopeKey);
  const beforeTotals = totalsOf(scope.beforeRoots);
  const afterTotals = totalsOf(scope.afterRoots);
  const scopeUsage = { before: beforeTotals?.usageBytes ?? null, after: afterTotals?.usageBytes ?? null };

  const { explanation, notes } = explainChange({
    matching,
    beforeLeaves: collectLeaves(scope.beforeRoots, 'before', matching),
    afterLeaves: collectLeaves(scope.afterRoots, 'after', matching),
    scopeUsage,
    thresholds: options.thresholds,
    describe,
  });
  if (!scope.found) {
    const note: DiffNote = { kind: 'scope-not-found', key: options.scopeKey ?? '', deltaBytes: 0, text: '', group: null };
    note.text = describeNote(note, describe);
    notes.unshift(note);
  }

  const scopeGroup = scope.node ? (scope.node.after ?? scope.node.before) : null;
  const wsBefore = beforeTotals?.workingSetBytes ?? null;
  const wsAfter = afterTotals?.workingSetBytes ?? null;
  const summary: ScopeSummary = {
    key: scope.node?.key ?? null,
    role: scopeGroup?.role ?? null,
    ref: scopeGroup && scope.node ? refOf(scopeGroup, scope.node.key) : null,
    found: scope.found,
    before: { usageBytes: scopeUsage.before, workingSetBytes: wsBefore },
    after: { usageBytes: scopeUsage.after, workingSetBytes: wsAfter },
    usageDeltaBytes: sub(scope.afterRoots.length ? scopeUsage.after : undefined, scope.beforeRoots.length ? scopeUsage.before : undefined),
    workingSetDeltaBytes: sub(scope.afterRoots.length ? wsAfter : undefined, scope.beforeRoots.length ? wsBefore : undefined),
    explainedDeltaBytes: explanation.reduce((s, e) => s + e.deltaBytes, 0),
  };

  return {
    before: { id: before.id, label: before.label, capturedAt: before.capturedAt },
    after: { id: after.id, label: after.label, capturedAt: after.capturedAt },
    scope: summary,
    groups: matching.nodes.map((node) => groupDiffOf(matching, node)),
    explanation,
    notes,
    findings: diffFindings(options.findings?.before ?? [], options.findings?.after ?? []),
  };
}
