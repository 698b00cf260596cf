// What a group holds that none of its visible children does, as one extra child. On cgroup v1 a
// removed container's pages stay charged to a hidden offline cgroup under the pod, visible only in
// the pod's usage and total_* counters (lab orphaned-shmem, Linux 6.18.44), so "charged to the pod
// itself" = the pod's hierarchical figure − Σ its children's, per category. Sample (`before`):
//   pod usage 93818880 − container usage 9699328            = 84119552 not owned by any container
//   pod total_shmem 83886080 − container total_shmem 0      = 83886080 of it shmem
import { BREAKDOWN_KEYS, emptyBreakdown, type MemoryBreakdown } from '../model/breakdown';
import { blankGroup, type MemoryGroup } from '../model/memory-group';

/** Key suffix of a group's remainder child (the diff and the rules look for it). */
export const REMAINDER_KEY_SUFFIX = '/(not owned by any container)';
export const REMAINDER_PATH_SUFFIX = ' (remainder)';

export function isRemainderGroup(g: MemoryGroup): boolean {
  return g.orphaned && g.role === 'other' && g.key.endsWith(REMAINDER_KEY_SUFFIX);
}

/** parent − Σ children, floored at 0 (usage_in_bytes is fuzzy by per-CPU batches); null when a term is missing. */
function difference(parent: number | null, children: readonly (number | null)[]): number | null {
  if (parent === null) return null;
  let sum = 0;
  for (const c of children) {
    if (c === null) return null;
    sum += c;
  }
  return Math.max(0, parent - sum);
}

/**
 * Adds a remainder child to every pod, QoS and other cgroup group that has children whose usage is
 * known. `localOnly` groups (v1 memory.stat without total_*) get no breakdown remainder: their
 * counters already exclude the children, and the hidden offline cgroups with them.
 */
export function addRemainders(roots: readonly MemoryGroup[], localOnly: ReadonlySet<MemoryGroup>): void {
  for (const g of roots) visit(g, localOnly);
}

function visit(g: MemoryGroup, localOnly: ReadonlySet<MemoryGroup>): void {
  for (const c of g.children) visit(c, localOnly);
  if (g.role === 'node' || g.role === 'container' || isRemainderGroup(g)) return;
  const children = g.children.filter((c) => !isRemainderGroup(c));
  if (children.length === 0 || g.usageBytes === null) return;
  const usageBytes = difference(
    g.usageBytes,
    children.map((c) => c.usageBytes),
  );
  if (usageBytes === null) return;
  const breakdown: MemoryBreakdown = emptyBreakdown();
  const sources: MemoryGroup['sources'] = {};
  const usageSource = g.sources['usageBytes'];
  if (usageSource) sources['usageBytes'] = usageSource;
  if (!localOnly.has(g)) {
    for (const field of BREAKDOWN_KEYS) {
      if (field === 'hierarchicalLimitBytes') continue;
      breakdown[field] = difference(
        g.breakdown[field],
        children.map((c) => (localOnly.has(c) ? null : c.breakdown[field])),
      );
      const s = g.sources[`breakdown.${field}`];
      if (breakdown[field] !== null && s) sources[`breakdown.${field}`] = s;
    }
  }
  const workingSetBytes = difference(
    g.workingSetBytes,
    children.map((c) => c.workingSetBytes),
  );
  const wsSource = g.sources['workingSetBytes'];
  if (workingSetBytes !== null && wsSource) sources['workingSetBytes'] = wsSource;
  g.children.push({
    ...blankGroup(`${g.key}${REMAINDER_KEY_SUFFIX}`, `${g.path}${REMAINDER_PATH_SUFFIX}`, 'other'),
    qosClass: g.qosClass,
    podUid: g.podUid,
    podName: g.podName,
    podNamespace: g.podNamespace,
    orphaned: true,
    cgroupVersion: g.cgroupVersion,
    usageBytes,
    workingSetBytes,
    breakdown,
    sources,
  });
}
