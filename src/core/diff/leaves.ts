// A scope's memory as disjoint parts: every group without children, plus for every parent the
// part none of its live children hold ("the pod itself"). On cgroup v1 a removed child's pages stay
// charged to a hidden offline cgroup under the parent, visible only in the parent's usage and
// total_* counters (lab captures, Linux 6.18), so that part is parent − Σ live children, per category.
import { fileCacheExclShmemBytes, workingSetBytes } from '../model/breakdown';
import type { MemoryGroup } from '../model/memory-group';
import type { GroupRef } from './diff-types';
import { refOf, type GroupMatching } from './match-groups';
import { isOwnChargesGroup, ownChargesKey } from './own-charges';

export { OWN_CHARGES_SUFFIX, isOwnChargesGroup, ownChargesKey } from './own-charges';

export interface LeafValues {
  usageBytes: number | null;
  workingSetBytes: number | null;
  anonBytes: number | null;
  shmemBytes: number | null;
  /** Page cache excluding shmem (dirty and writeback included). */
  fileCacheBytes: number | null;
  dirtyWritebackBytes: number | null;
  activeFileBytes: number | null;
  inactiveFileBytes: number | null;
  kernelBytes: number | null;
  swapBytes: number | null;
}

export const LEAF_FIELDS: readonly (keyof LeafValues)[] = [
  'usageBytes',
  'workingSetBytes',
  'anonBytes',
  'shmemBytes',
  'fileCacheBytes',
  'dirtyWritebackBytes',
  'activeFileBytes',
  'inactiveFileBytes',
  'kernelBytes',
  'swapBytes',
];

export interface Leaf {
  /** Matched key: the same part has the same key on both sides. */
  key: string;
  ref: GroupRef;
  /** Matched key of the group whose presence on both sides decides this part's status. */
  statusKey: string;
  /** The group this part is the "itself" part of, else null. */
  ownerKey: string | null;
  values: LeafValues;
}

export function groupValues(g: MemoryGroup): LeafValues {
  const b = g.breakdown;
  return {
    usageBytes: g.usageBytes,
    workingSetBytes: g.workingSetBytes ?? workingSetBytes(g.usageBytes, b.inactiveFileBytes),
    anonBytes: b.anonBytes,
    shmemBytes: b.shmemBytes,
    fileCacheBytes: fileCacheExclShmemBytes(b),
    dirtyWritebackBytes: b.dirtyBytes === null && b.writebackBytes === null ? null : (b.dirtyBytes ?? 0) + (b.writebackBytes ?? 0),
    activeFileBytes: b.activeFileBytes,
    inactiveFileBytes: b.inactiveFileBytes,
    kernelBytes: b.kernelBytes,
    swapBytes: b.swapBytes,
  };
}

function emptyValues(): LeafValues {
  return {
    usageBytes: null,
    workingSetBytes: null,
    anonBytes: null,
    shmemBytes: null,
    fileCacheBytes: null,
    dirtyWritebackBytes: null,
    activeFileBytes: null,
    inactiveFileBytes: null,
    kernelBytes: null,
    swapBytes: null,
  };
}

function sumOf(values: readonly LeafValues[], field: keyof LeafValues): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const v of values) {
    const x = v[field];
    if (x === null) return null;
    total += x;
  }
  return total;
}

/** A group's figures, or where a field is missing, the sum of its children's (a group with no files of its own). */
export function effectiveValues(g: MemoryGroup, memo: Map<MemoryGroup, LeafValues> = new Map()): LeafValues {
  const cached = memo.get(g);
  if (cached) return cached;
  const own = groupValues(g);
  const children = g.children.map((c) => effectiveValues(c, memo));
  const out = emptyValues();
  for (const f of LEAF_FIELDS) out[f] = own[f] ?? sumOf(children, f);
  memo.set(g, out);
  return out;
}

/** Figures of a forest taken as one (the whole snapshot). */
export function forestValues(roots: readonly MemoryGroup[]): LeafValues {
  const memo = new Map<MemoryGroup, LeafValues>();
  const values = roots.map((r) => effectiveValues(r, memo));
  const out = emptyValues();
  for (const f of LEAF_FIELDS) out[f] = sumOf(values, f);
  return out;
}

export type Side = 'before' | 'after';

/** Matched key of a group of one side. */
export function matchedKeyOf(matching: GroupMatching, side: Side, g: MemoryGroup): string | null {
  if (side === 'after') return matching.after.keyOf.get(g) ?? null;
  const beforeKey = matching.before.keyOf.get(g);
  return beforeKey === undefined ? null : (matching.keyOfBefore.get(beforeKey) ?? null);
}

/** Key of a group's own-charges part: the assembly's remainder child on either side, else the conventional key. */
export function ownLeafKey(matching: GroupMatching, groupKey: string): string {
  const node = matching.byKey.get(groupKey);
  for (const [side, g] of [['after', node?.after], ['before', node?.before]] as const) {
    if (!g) continue;
    const remainder = g.children.find((c) => isOwnChargesGroup(c, g));
    const key = remainder ? matchedKeyOf(matching, side, remainder) : null;
    if (key !== null) return key;
  }
  return ownChargesKey(groupKey);
}

/**
 * Where a removed (or restarted) group's remaining charges show up: the own-charges part of its
 * nearest ancestor that still exists after (the parent of a restarted container). null: none.
 */
export function chargesReceiverKey(matching: GroupMatching, groupKey: string): string | null {
  const node = matching.byKey.get(groupKey);
  if (!node) return null;
  if (node.status === 'restarted') {
    const parent = node.afterParentKey ?? node.beforeParentKey;
    return parent === null ? null : ownLeafKey(matching, parent);
  }
  if (node.after) return null;
  let parentKey = node.beforeParentKey;
  for (let guard = 0; parentKey !== null && guard < 256; guard++) {
    const parent = matching.byKey.get(parentKey);
    if (!parent) return null;
    if (parent.after) return ownLeafKey(matching, parentKey);
    parentKey = parent.beforeParentKey;
  }
  return null;
}

/** The disjoint parts of the given roots on one side, keyed by matched key. */
export function collectLeaves(roots: readonly MemoryGroup[], side: Side, matching: GroupMatching): Map<string, Leaf> {
  const memo = new Map<MemoryGroup, LeafValues>();
  const leaves = new Map<string, Leaf>();
  const add = (leaf: Leaf): void => {
    const existing = leaves.get(leaf.key);
    if (!existing) {
      leaves.set(leaf.key, leaf);
      return;
    }
    for (const f of LEAF_FIELDS) {
      const x = existing.values[f];
      const y = leaf.values[f];
      existing.values[f] = x === null || y === null ? (x ?? y) : x + y;
    }
  };
  const visit = (g: MemoryGroup): void => {
    const key = matchedKeyOf(matching, side, g);
    if (key === null) return;
    if (g.children.length === 0) {
      add({ key, ref: refOf(g, key), statusKey: key, ownerKey: null, values: { ...groupValues(g) } });
      return;
    }
    const whole = effectiveValues(g, memo);
    const childValues = g.children.map((c) => effectiveValues(c, memo));
    const own = emptyValues();
    for (const f of LEAF_FIELDS) {
      const w = whole[f];
      const s = sumOf(childValues, f);
      own[f] = w === null || s === null ? null : w - s;
    }
    const ownerRef = refOf(g, key);
    for (const child of g.children) {
      if (isOwnChargesGroup(child, g) && child.children.length === 0) {
        const childKey = matchedKeyOf(matching, side, child);
        if (childKey === null) continue;
        add({ key: childKey, ref: { ...refOf(child, childKey), ownChargesOf: ownerRef }, statusKey: childKey, ownerKey: key, values: { ...groupValues(child) } });
      } else {
        visit(child);
      }
    }
    const ownKey = ownLeafKey(matching, key);
    const hasRemainder = leaves.has(ownKey);
    if (hasRemainder) {
      // The remainder child already holds parent − Σ other children; add only what is left (≈ 0).
      const r = leaves.get(ownKey) as Leaf;
      for (const f of LEAF_FIELDS) {
        const x = r.values[f];
        const y = own[f];
        if (x !== null && y !== null) r.values[f] = x + y;
      }
    } else if (LEAF_FIELDS.some((f) => own[f] !== null)) {
      add({ key: ownKey, ref: { ...ownerRef, key: ownKey, role: 'other', ownChargesOf: ownerRef }, statusKey: key, ownerKey: key, values: own });
    }
  };
  for (const root of roots) visit(root);
  return leaves;
}
