// The scope's change in usage as a sum of category deltas per group, largest first, with the charges
// a removed (or restarted) container left to its parent shown as moved, not freed: on cgroup v1 the
// pages of a removed memcg stay charged (mem_cgroup_css_offline keeps them; the parent's total_*
// counters include them), so the parent's own part grows by what the child's group lost.
import { KIB } from '../model/units';
import type { DiffCategory, DiffNote, ExplanationEntry, GroupDiffStatus, GroupRef } from './diff-types';
import { describeEntry, describeNote, type DescribeOptions } from './describe';
import { chargesReceiverKey, LEAF_FIELDS, type Leaf, type LeafValues } from './leaves';
import type { GroupMatching } from './match-groups';

const MIB = KIB * KIB;

/** Thresholds of the notes and of pairing a removed group's loss with its parent's gain. */
export const DIFF_THRESHOLDS = {
  /** Smaller transfers stay two plain entries (a few pages move either way all the time). */
  minMovedBytes: 1 * MIB,
  /** A working-set shift is notable from this share of the scope's usage (and at least minWorkingSetShiftBytes). */
  workingSetShiftShareOfUsage: 0.1,
  minWorkingSetShiftBytes: 4 * MIB,
  /** A holding that did not change is worth saying from this share of the scope's usage. */
  unchangedHoldingShareOfUsage: 0.1,
  minUnchangedHoldingBytes: 4 * MIB,
  /** "Unchanged" means within this share of the holding. */
  unchangedToleranceShare: 0.01,
} as const;
export type DiffThresholds = { [K in keyof typeof DIFF_THRESHOLDS]: number };

/** Categories whose pages outlive their cgroup (page cache, tmpfs, slab); anonymous pages die with their process. */
const MOVABLE: readonly DiffCategory[] = ['shmem', 'file-cache', 'file-dirty', 'kernel'];
const CATEGORY_ORDER: readonly DiffCategory[] = ['anon', 'shmem', 'file-cache', 'file-dirty', 'kernel', 'other'];
const HOLDINGS: readonly { category: DiffCategory; field: keyof LeafValues }[] = [
  { category: 'shmem', field: 'shmemBytes' },
  { category: 'anon', field: 'anonBytes' },
  { category: 'file-cache', field: 'fileCacheBytes' },
  { category: 'kernel', field: 'kernelBytes' },
];

export interface ExplainInput {
  matching: GroupMatching;
  beforeLeaves: Map<string, Leaf>;
  afterLeaves: Map<string, Leaf>;
  scopeUsage: { before: number | null; after: number | null };
  thresholds?: Partial<DiffThresholds>;
  describe: DescribeOptions;
}

interface LeafChange {
  key: string;
  ref: GroupRef;
  status: GroupDiffStatus;
  leaf: Leaf;
  before: Leaf | undefined;
  after: Leaf | undefined;
  delta: LeafValues;
  categories: Map<DiffCategory, number>;
}

function fieldValue(leaf: Leaf | undefined, field: keyof LeafValues): number | null {
  if (!leaf) return 0;
  const v = leaf.values;
  // Dirty pages are part of the file cache; an "itself" part computed from counters read a moment
  // apart can say otherwise (dirty-writeback lab: the pod's writeback read 36 MiB above its child's).
  if (field === 'dirtyWritebackBytes' && v.dirtyWritebackBytes !== null && v.fileCacheBytes !== null) {
    return Math.min(Math.max(0, v.dirtyWritebackBytes), Math.max(0, v.fileCacheBytes));
  }
  return v[field];
}

function fieldDelta(after: Leaf | undefined, before: Leaf | undefined, field: keyof LeafValues): number | null {
  const a = fieldValue(after, field);
  const b = fieldValue(before, field);
  return a === null || b === null ? null : a - b;
}

function categoryDeltas(d: LeafValues): Map<DiffCategory, number> {
  const out = new Map<DiffCategory, number>();
  const set = (c: DiffCategory, v: number | null): void => {
    if (v !== null) out.set(c, v);
  };
  set('anon', d.anonBytes);
  set('shmem', d.shmemBytes);
  if (d.fileCacheBytes !== null && d.dirtyWritebackBytes !== null) {
    set('file-dirty', d.dirtyWritebackBytes);
    set('file-cache', d.fileCacheBytes - d.dirtyWritebackBytes);
  } else {
    set('file-cache', d.fileCacheBytes);
  }
  set('kernel', d.kernelBytes);
  if (d.usageBytes !== null) {
    let counted = 0;
    for (const v of out.values()) counted += v;
    set('other', d.usageBytes - counted);
  }
  return out;
}

function leafStatus(matching: GroupMatching, leaf: Leaf, before: Leaf | undefined, after: Leaf | undefined): GroupDiffStatus {
  const node = matching.byKey.get(leaf.statusKey);
  if (before && after) return node?.status === 'restarted' ? 'restarted' : 'matched';
  return after ? 'appeared' : 'vanished';
}

export function explainChange(input: ExplainInput): { explanation: ExplanationEntry[]; notes: DiffNote[] } {
  const thresholds: DiffThresholds = { ...DIFF_THRESHOLDS, ...input.thresholds };
  const { matching, beforeLeaves, afterLeaves } = input;
  const keys = [...afterLeaves.keys(), ...[...beforeLeaves.keys()].filter((k) => !afterLeaves.has(k))];
  const changes = new Map<string, LeafChange>();
  for (const key of keys) {
    const before = beforeLeaves.get(key);
    const after = afterLeaves.get(key);
    const leaf = (after ?? before) as Leaf;
    const delta = {} as LeafValues;
    for (const f of LEAF_FIELDS) delta[f] = fieldDelta(after, before, f);
    const status = leafStatus(matching, leaf, before, after);
    changes.set(key, { key, ref: leaf.ref, status, leaf, before, after, delta, categories: categoryDeltas(delta) });
  }

  const scale = scopeScale(input.scopeUsage, changes);
  const explanation: ExplanationEntry[] = [];
  const notes: DiffNote[] = [];

  // Moves: what a removed or restarted group lost and its parent's own part gained, category by category.
  const sources = [...changes.values()]
    .filter((c) => c.status === 'vanished' || c.status === 'restarted')
    .sort((x, y) => movableLoss(y) - movableLoss(x));
  for (const source of sources) {
    if (source.status === 'vanished' && source.leaf.ownerKey !== null && matching.byKey.get(source.leaf.statusKey)?.after) continue;
    const receiver = changes.get(chargesReceiverKey(matching, source.leaf.statusKey) ?? '');
    if (!receiver || receiver === source) continue;
    for (const category of MOVABLE) {
      const loss = -(source.categories.get(category) ?? 0);
      const gain = receiver.categories.get(category) ?? 0;
      const moved = Math.min(loss, gain);
      if (moved < thresholds.minMovedBytes) continue;
      source.categories.set(category, (source.categories.get(category) ?? 0) + moved);
      receiver.categories.set(category, gain - moved);
      const entry: ExplanationEntry = {
        category,
        deltaBytes: 0,
        key: receiver.key,
        text: '',
        kind: 'moved',
        group: receiver.ref,
        status: receiver.status,
        movedBytes: moved,
        fromKey: source.key,
        from: source.ref,
        fromStatus: source.status,
      };
      entry.text = describeEntry(entry, input.describe);
      explanation.push(entry);
      const note: DiffNote = {
        kind: 'moved-to-parent',
        key: receiver.key,
        deltaBytes: moved,
        text: '',
        group: receiver.ref,
        category,
        fromKey: source.key,
        from: source.ref,
        fromStatus: source.status,
      };
      note.text = describeNote(note, input.describe);
      notes.push(note);
    }
  }

  for (const change of changes.values()) {
    for (const category of CATEGORY_ORDER) {
      const deltaBytes = change.categories.get(category);
      if (deltaBytes === undefined || deltaBytes === 0) continue;
      const entry: ExplanationEntry = { category, deltaBytes, key: change.key, text: '', kind: 'change', group: change.ref, status: change.status };
      if (category === 'file-cache') {
        entry.activeFileDeltaBytes = change.delta.activeFileBytes;
        entry.inactiveFileDeltaBytes = change.delta.inactiveFileBytes;
      }
      entry.text = describeEntry(entry, input.describe);
      explanation.push(entry);
    }
    notes.push(...workingSetNotes(change, scale, thresholds, input.describe));
    notes.push(...unchangedNotes(change, scale, thresholds, input.describe));
  }

  explanation.sort(
    (x, y) =>
      Math.abs(y.deltaBytes) - Math.abs(x.deltaBytes) ||
      (y.movedBytes ?? 0) - (x.movedBytes ?? 0) ||
      CATEGORY_ORDER.indexOf(x.category) - CATEGORY_ORDER.indexOf(y.category) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const kindOrder: Record<DiffNote['kind'], number> = { 'moved-to-parent': 0, 'working-set-jump': 1, 'working-set-drop': 2, 'unchanged-holding': 3, 'scope-not-found': 4 };
  notes.sort((x, y) => kindOrder[x.kind] - kindOrder[y.kind] || noteSize(y) - noteSize(x));
  return { explanation, notes };
}

function movableLoss(change: LeafChange): number {
  let loss = 0;
  for (const c of MOVABLE) loss += Math.max(0, -(change.categories.get(c) ?? 0));
  return loss;
}

function noteSize(note: DiffNote): number {
  return Math.max(Math.abs(note.deltaBytes), note.heldBytes ?? 0);
}

/** The size notes are measured against: the scope's larger usage, else the larger sum of its categories. */
function scopeScale(usage: { before: number | null; after: number | null }, changes: Map<string, LeafChange>): number {
  const fromUsage = Math.max(usage.before ?? 0, usage.after ?? 0);
  if (fromUsage > 0) return fromUsage;
  let before = 0;
  let after = 0;
  for (const change of changes.values()) {
    for (const { field } of HOLDINGS) {
      before += change.before?.values[field] ?? 0;
      after += change.after?.values[field] ?? 0;
    }
  }
  return Math.max(before, after);
}

function workingSetNotes(change: LeafChange, scale: number, th: DiffThresholds, describe: DescribeOptions): DiffNote[] {
  const ws = change.delta.workingSetBytes;
  const active = change.delta.activeFileBytes;
  if (ws === null || active === null) return [];
  const threshold = Math.max(th.minWorkingSetShiftBytes, th.workingSetShiftShareOfUsage * scale);
  const inactive = change.delta.inactiveFileBytes;
  let note: DiffNote | null = null;
  const base = {
    key: change.key,
    deltaBytes: ws,
    text: '',
    group: change.ref,
    usageDeltaBytes: change.delta.usageBytes,
    activeFileDeltaBytes: active,
    inactiveFileDeltaBytes: inactive,
  };
  if (ws >= threshold && active >= threshold) {
    note = { kind: 'working-set-jump', ...base, inactiveToActiveBytes: Math.min(active, Math.max(0, -(inactive ?? 0))) };
  } else if (ws <= -threshold && active <= -threshold) {
    note = { kind: 'working-set-drop', ...base };
  }
  if (!note) return [];
  note.text = describeNote(note, describe);
  return [note];
}

function unchangedNotes(change: LeafChange, scale: number, th: DiffThresholds, describe: DescribeOptions): DiffNote[] {
  if (!change.before || !change.after) return [];
  const out: DiffNote[] = [];
  const floor = Math.max(th.minUnchangedHoldingBytes, th.unchangedHoldingShareOfUsage * scale);
  for (const { category, field } of HOLDINGS) {
    const held = change.after.values[field];
    const was = change.before.values[field];
    if (held === null || was === null || held < floor) continue;
    const delta = held - was;
    if (Math.abs(delta) > th.unchangedToleranceShare * held) continue;
    const note: DiffNote = { kind: 'unchanged-holding', key: change.key, deltaBytes: delta, text: '', group: change.ref, category, heldBytes: held };
    note.text = describeNote(note, describe);
    out.push(note);
  }
  return out;
}
