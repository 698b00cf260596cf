// From flat cgroup groups to the tree node → qos → pod → container: roles and QoS from the cgroup
// path, names from identity facts, stable keys (pod UID or namespace/name, container name, role —
// never a container id or PID unless nothing else names it), parents by path. A container cgroup
// that no current container owns (an exited container's, an earlier instance's) is marked orphaned.
// Sample (lab orphaned-shmem, `before`):
//   /oomlab/kubepods/burstable/pod8053…            pod       key pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48
//   /oomlab/kubepods/burstable/pod8053…/5e5f6443…  container key pod:8053180c-…/container:api
import type { GroupRole, MemoryGroup } from '../model/memory-group';
import type { CgroupDirFiles } from './cgroup-groups';
import { containerFactFor, firstOf, podFactsFor, type IdentityFact } from './identities';
import { shortContainerId, type CgroupLevel } from './join-keys';
import { REMAINDER_KEY_SUFFIX } from './remainder';

export interface PlacedGroup {
  group: MemoryGroup;
  dir: CgroupDirFiles | null;
  /** v1 memory.stat without total_* counters: its breakdown is the group's own, not the subtree's. */
  localOnly: boolean;
}

const ROLE_OF_LEVEL: Record<CgroupLevel, GroupRole> = { root: 'node', kubepods: 'other', qos: 'qos', pod: 'pod', container: 'container', other: 'other' };

function lastSegment(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

/** Fills role, QoS, names, orphaned and key of every group from its path and the facts. */
export function identifyGroups(placed: readonly PlacedGroup[], facts: readonly IdentityFact[]): void {
  // Pods first: their keys prefix their containers'.
  const podKeyByUid = new Map<string, string>();
  const ordered = [...placed].sort((a, b) => levelOrder(a) - levelOrder(b));
  for (const p of ordered) {
    const g = p.group;
    const info = p.dir?.info ?? null;
    if (!info) continue;
    const level = p.dir && !isLayoutPath(p.dir) ? 'other' : info.level;
    g.role = ROLE_OF_LEVEL[level];
    const podKubePath = level === 'pod' ? info.kubePath : level === 'container' ? info.kubePath.slice(0, info.kubePath.lastIndexOf('/')) : null;
    const podFacts = level === 'pod' || level === 'container' ? podFactsFor(facts, g, podKubePath) : [];
    if (level === 'pod' || level === 'container') {
      g.podUid = g.podUid ?? firstOf(podFacts, 'podUid');
      g.podName = firstOf(podFacts, 'podName');
      g.podNamespace = firstOf(podFacts, 'podNamespace');
      g.qosClass = g.qosClass ?? firstOf(podFacts, 'qosClass');
    }
    if (level === 'container' || (level === 'other' && info.containerId !== null)) {
      const fact = containerFactFor(facts, info.containerId, info.kubePath);
      if (fact) {
        g.containerName = fact.containerName ?? (fact.sandbox ? 'POD' : null);
        g.containerId = fact.containerId !== null && (g.containerId === null || fact.containerId.length > g.containerId.length) ? fact.containerId : g.containerId;
        g.podName = g.podName ?? fact.podName;
        g.podNamespace = g.podNamespace ?? fact.podNamespace;
        g.podUid = g.podUid ?? fact.podUid;
      }
      // A container cgroup is left over when the source that lists the pod's containers does not
      // name it, or names it as exited (a restarted container's old cgroup, seed 004).
      g.orphaned = fact ? fact.current === false : podFacts.some((f) => f.listsContainers);
    }
    g.key = keyOf(p, level, podKeyByUid);
    if (level === 'pod' && g.podUid !== null) podKeyByUid.set(g.podUid, g.key);
  }
  makeKeysUnique(placed.map((p) => p.group));
}

function isLayoutPath(dir: CgroupDirFiles): boolean {
  return dir.path.startsWith('/');
}

function levelOrder(p: PlacedGroup): number {
  const level = p.dir?.info.level ?? 'other';
  return level === 'pod' ? 0 : level === 'container' ? 2 : 1;
}

function podKeyOf(g: MemoryGroup): string | null {
  if (g.podUid !== null) return `pod:${g.podUid}`;
  if (g.podName !== null) return `pod:${g.podNamespace ?? ''}/${g.podName}`;
  return null;
}

function keyOf(p: PlacedGroup, level: CgroupLevel, podKeyByUid: ReadonlyMap<string, string>): string {
  const g = p.group;
  const kubePath = p.dir?.info.kubePath ?? g.path;
  switch (level) {
    case 'root':
      return 'node';
    case 'kubepods':
      return 'kubepods';
    case 'qos':
      return `qos:${g.qosClass ?? lastSegment(kubePath)}`;
    case 'pod':
      return podKeyOf(g) ?? `cgroup:${kubePath}`;
    case 'container': {
      const pod = (g.podUid !== null ? podKeyByUid.get(g.podUid) : undefined) ?? podKeyOf(g) ?? `cgroup:${kubePath.slice(0, kubePath.lastIndexOf('/'))}`;
      const id = g.containerId !== null ? shortContainerId(g.containerId) : lastSegment(kubePath);
      if (g.containerName === null) return `${pod}/container:${id}`;
      // An earlier instance of a container keeps the name: its id tells the two apart.
      return g.orphaned ? `${pod}/container:${g.containerName} (left over ${id})` : `${pod}/container:${g.containerName}`;
    }
    default:
      if (p.dir && !isLayoutPath(p.dir)) return `file:${g.path}`;
      if (g.containerId !== null) return `container:${g.containerName ?? shortContainerId(g.containerId)}`;
      return `cgroup:${kubePath}`;
  }
}

export function makeKeysUnique(groups: readonly MemoryGroup[]): void {
  const seen = new Map<string, number>();
  for (const g of groups) {
    const n = (seen.get(g.key) ?? 0) + 1;
    seen.set(g.key, n);
    if (n > 1) g.key = `${g.key} (${n})`;
  }
}

/**
 * Links each group under its given parent, else the nearest group whose path is a folder above it;
 * with a node group, every other root goes under it. Returns the roots.
 */
export function linkGroups(groups: readonly MemoryGroup[], parents: ReadonlyMap<MemoryGroup, MemoryGroup>): MemoryGroup[] {
  const byPath = new Map<string, MemoryGroup>();
  for (const g of groups) if (g.path.startsWith('/')) byPath.set(g.path, g);
  const roots: MemoryGroup[] = [];
  for (const g of groups) {
    const parent = parents.get(g) ?? (g.path.startsWith('/') ? nearestAncestor(g.path, byPath) : null);
    if (parent) parent.children.push(g);
    else roots.push(g);
  }
  const node = roots.find((g) => g.role === 'node');
  if (!node) return roots;
  for (const g of roots) if (g !== node) node.children.push(g);
  return [node];
}

function nearestAncestor(path: string, byPath: ReadonlyMap<string, MemoryGroup>): MemoryGroup | null {
  let p = path;
  while (p.length > 1) {
    const slash = p.lastIndexOf('/');
    p = slash <= 0 ? '/' : p.slice(0, slash);
    const found = byPath.get(p);
    if (found) return found;
  }
  return null;
}

export function sortTree(groups: MemoryGroup[]): MemoryGroup[] {
  const rank: Record<GroupRole, number> = { node: 0, other: 1, qos: 2, pod: 3, container: 4 };
  // Live groups first, then left-over cgroups, then the remainder ("not owned by any container").
  const place = (g: MemoryGroup) => (g.key.endsWith(REMAINDER_KEY_SUFFIX) ? 2 : g.orphaned ? 1 : 0);
  groups.sort((a, b) => place(a) - place(b) || rank[a.role] - rank[b.role] || a.path.localeCompare(b.path));
  for (const g of groups) sortTree(g.children);
  return groups;
}
