// Matching the groups of two snapshots on stable keys: the group key (pod UID or namespace/name,
// container name, role), then pod UID / pod name and container name under a matched parent. Never
// container ids or PIDs: a restarted container gets a new id and new PIDs (kubelet kuberuntime).
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import type { GroupDiffStatus, GroupRef } from './diff-types';
import { isOwnChargesGroup } from './own-charges';

export interface IndexedGroup {
  key: string;
  group: MemoryGroup;
  parentKey: string | null;
}

export interface GroupTreeIndex {
  /** In depth-first order, parents before children. */
  entries: Map<string, IndexedGroup>;
  /** The key this index gives each group object (keys repeated in one snapshot get `#2`, `#3`…). */
  keyOf: Map<MemoryGroup, string>;
}

export interface MatchedNode {
  /** The after side's key when the group exists there, else the before side's. */
  key: string;
  before: MemoryGroup | null;
  after: MemoryGroup | null;
  beforeParentKey: string | null;
  afterParentKey: string | null;
  status: GroupDiffStatus;
}

export interface GroupMatching {
  /** Tree order: the after tree, each group followed by its vanished children; vanished roots last. */
  nodes: MatchedNode[];
  byKey: Map<string, MatchedNode>;
  /** Before-side index key → matched key. */
  keyOfBefore: Map<string, string>;
  before: GroupTreeIndex;
  after: GroupTreeIndex;
}

export function indexTree(roots: readonly MemoryGroup[]): GroupTreeIndex {
  const entries = new Map<string, IndexedGroup>();
  const keyOf = new Map<MemoryGroup, string>();
  const visit = (group: MemoryGroup, parentKey: string | null): void => {
    let key = group.key;
    for (let n = 2; entries.has(key); n++) key = `${group.key}#${n}`;
    entries.set(key, { key, group, parentKey });
    keyOf.set(group, key);
    for (const child of group.children) visit(child, key);
  };
  for (const root of roots) visit(root, null);
  return { entries, keyOf };
}

function normalizeUid(uid: string | null): string | null {
  return uid === null || uid === '' ? null : uid.toLowerCase().replace(/_/g, '-');
}

function samePod(a: MemoryGroup, b: MemoryGroup): boolean {
  const ua = normalizeUid(a.podUid);
  const ub = normalizeUid(b.podUid);
  if (ua !== null && ub !== null) return ua === ub;
  return a.podName !== null && a.podName === b.podName && a.podNamespace === b.podNamespace;
}

export function matchGroups(before: Snapshot, after: Snapshot): GroupMatching {
  const b = indexTree(before.groups);
  const a = indexTree(after.groups);
  const beforeOfAfter = new Map<string, string>();
  const afterOfBefore = new Map<string, string>();
  const pair = (afterKey: string, beforeKey: string): void => {
    beforeOfAfter.set(afterKey, beforeKey);
    afterOfBefore.set(beforeKey, afterKey);
  };
  for (const key of a.entries.keys()) if (b.entries.has(key)) pair(key, key);
  // Fallback for keys built differently (e.g. one bundle knew the pod's name, the other only its
  // UID): parents come first in the index, so a container can rely on its pod's pairing.
  const candidates = fallbackIndex(b, afterOfBefore);
  for (const [afterKey, ea] of a.entries) {
    if (beforeOfAfter.has(afterKey)) continue;
    const g = ea.group;
    const parentBefore = ea.parentKey === null ? undefined : beforeOfAfter.get(ea.parentKey);
    const lists = [
      g.podUid ? candidates.get(`uid\u0000${normalizeUid(g.podUid)}`) : undefined,
      g.podName ? candidates.get(`name\u0000${g.podNamespace ?? ''}\u0000${g.podName}`) : undefined,
      parentBefore !== undefined && g.containerName ? candidates.get(`child\u0000${parentBefore}\u0000${g.containerName}`) : undefined,
      parentBefore !== undefined ? candidates.get(`remainder\u0000${parentBefore}`) : undefined,
    ];
    for (const list of lists) {
      const beforeKey = list?.find((k) => {
        const eb = b.entries.get(k);
        return !afterOfBefore.has(k) && eb !== undefined && eb.group.role === g.role && sameIdentity(ea, eb, beforeOfAfter, a, b);
      });
      if (beforeKey !== undefined) {
        pair(afterKey, beforeKey);
        break;
      }
    }
  }

  const nodes: MatchedNode[] = [];
  const byKey = new Map<string, MatchedNode>();
  const keyOfBefore = new Map<string, string>();
  const emitted = new Set<string>();
  const push = (node: MatchedNode): void => {
    nodes.push(node);
    byKey.set(node.key, node);
  };
  const emitVanished = (beforeKey: string, parentKey: string | null): void => {
    const eb = b.entries.get(beforeKey);
    if (!eb || afterOfBefore.has(beforeKey) || emitted.has(`b:${beforeKey}`)) return;
    emitted.add(`b:${beforeKey}`);
    let key = beforeKey;
    for (let n = 2; a.entries.has(key) || byKey.has(key); n++) key = `${beforeKey}#${n}`;
    keyOfBefore.set(beforeKey, key);
    push({ key, before: eb.group, after: null, beforeParentKey: parentKey, afterParentKey: null, status: 'vanished' });
    for (const child of eb.group.children) {
      const childKey = b.keyOf.get(child);
      if (childKey !== undefined) emitVanished(childKey, key);
    }
  };
  const emitAfter = (group: MemoryGroup): void => {
    const afterKey = a.keyOf.get(group);
    if (afterKey === undefined) return;
    const ea = a.entries.get(afterKey);
    if (!ea) return;
    const beforeKey = beforeOfAfter.get(afterKey) ?? null;
    const eb = beforeKey === null ? null : (b.entries.get(beforeKey) ?? null);
    if (beforeKey !== null) keyOfBefore.set(beforeKey, afterKey);
    push({
      key: afterKey,
      before: eb?.group ?? null,
      after: group,
      beforeParentKey: eb ? (eb.parentKey === null ? null : (afterOfBefore.get(eb.parentKey) ?? eb.parentKey)) : null,
      afterParentKey: ea.parentKey,
      status: eb ? (restarted(eb.group, group) ? 'restarted' : 'matched') : 'appeared',
    });
    for (const child of group.children) emitAfter(child);
    if (eb) {
      for (const child of eb.group.children) {
        const childKey = b.keyOf.get(child);
        if (childKey !== undefined) emitVanished(childKey, afterKey);
      }
    }
  };
  for (const root of after.groups) emitAfter(root);
  for (const [beforeKey, eb] of b.entries) {
    if (eb.parentKey === null || !b.entries.has(eb.parentKey)) emitVanished(beforeKey, null);
  }
  // A vanished group whose parent was matched somewhere unexpected is still listed.
  for (const beforeKey of b.entries.keys()) emitVanished(beforeKey, null);
  return { nodes, byKey, keyOfBefore, before: b, after: a };
}

/** Unpaired before groups by the identities the fallback compares, so matching stays linear. */
function fallbackIndex(b: GroupTreeIndex, paired: Map<string, string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (token: string, key: string): void => {
    const list = index.get(token);
    if (list) list.push(key);
    else index.set(token, [key]);
  };
  for (const [key, e] of b.entries) {
    if (paired.has(key)) continue;
    const g = e.group;
    if (g.podUid) add(`uid\u0000${normalizeUid(g.podUid)}`, key);
    if (g.podName) add(`name\u0000${g.podNamespace ?? ''}\u0000${g.podName}`, key);
    if (e.parentKey !== null && g.containerName) add(`child\u0000${e.parentKey}\u0000${g.containerName}`, key);
    if (e.parentKey !== null && g.role === 'other') add(`remainder\u0000${e.parentKey}`, key);
  }
  return index;
}

function sameIdentity(ea: IndexedGroup, eb: IndexedGroup, beforeOfAfter: Map<string, string>, a: GroupTreeIndex, b: GroupTreeIndex): boolean {
  const ga = ea.group;
  const gb = eb.group;
  if (ga.role === 'pod') return samePod(ga, gb);
  const parentsPaired = ea.parentKey !== null && eb.parentKey !== null && beforeOfAfter.get(ea.parentKey) === eb.parentKey;
  const pa = ea.parentKey === null ? undefined : a.entries.get(ea.parentKey)?.group;
  const pb = eb.parentKey === null ? undefined : b.entries.get(eb.parentKey)?.group;
  // The remainder of a matched parent is the same remainder, whatever key each side gave it.
  if (pa && pb && isOwnChargesGroup(ga, pa) && isOwnChargesGroup(gb, pb)) return parentsPaired;
  if (ga.role === 'container') {
    if (ga.containerName === null || ga.containerName !== gb.containerName) return false;
    return parentsPaired;
  }
  return false;
}

/** Same container name, new container id: the runtime made a new cgroup. */
function restarted(before: MemoryGroup, after: MemoryGroup): boolean {
  return after.role === 'container' && before.containerId !== null && after.containerId !== null && before.containerId !== after.containerId;
}

export function refOf(group: MemoryGroup, key: string = group.key): GroupRef {
  return {
    key,
    role: group.role,
    path: group.path,
    podName: group.podName,
    podNamespace: group.podNamespace,
    containerName: group.containerName,
    ownChargesOf: null,
  };
}
