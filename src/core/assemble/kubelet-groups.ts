// The kubelet summary's figures in the tree: pods and containers it reports (made when no cgroup
// file shows them), usage / working set / RSS where the cgroup files left a gap, the limit as
// workingSet + available (the kubelet computes available = limit − workingSet), and the pod volumes
// (a memory-backed emptyDir's usedBytes is tmpfs charged to the pod). Sample (seed 004):
//   pod my-nettools-primary-… memory.usageBytes 978309120, workingSetBytes 958992384, availableBytes 114749440
//   volume "volume-1623324311949" usedBytes 943718400   ← the tmpfs emptyDir (kubectl's pod spec says medium Memory)
import type { KubeletMemoryStats, KubeletPodStats, KubeletSummaryData } from '../formats/kubernetes/kubelet-summary';
import { blankGroup, type MemoryGroup, type PodVolume, type ValueSource } from '../model/memory-group';
import type { AssemblyFile } from './capture-times';
import type { IdentityFact } from './identities';
import { normalisePodUid } from './join-keys';

/** Fills the group's missing figures from a kubelet memory block; figures from cgroup files win. */
function fillFromMemory(g: MemoryGroup, memory: KubeletMemoryStats | null, file: string): void {
  if (!memory) return;
  const source = (key: string, value: number): ValueSource => ({ file, line: memory.line, key, rawText: String(value) });
  if (g.usageBytes === null && memory.usageBytes !== null) {
    g.usageBytes = memory.usageBytes;
    g.sources['usageBytes'] = source('usageBytes', memory.usageBytes);
  }
  if (g.workingSetBytes === null && memory.workingSetBytes !== null) {
    g.workingSetBytes = memory.workingSetBytes;
    g.sources['workingSetBytes'] = source('workingSetBytes', memory.workingSetBytes);
  }
  if (g.limitBytes === null && memory.availableBytes !== null && memory.workingSetBytes !== null) {
    g.limitBytes = memory.availableBytes + memory.workingSetBytes;
    g.sources['limitBytes'] = { ...source('availableBytes + workingSetBytes', g.limitBytes) };
  }
  // cAdvisor's rss is the cgroup's total_rss (v1) / anon (v2).
  if (g.breakdown.anonBytes === null && memory.rssBytes !== null) {
    g.breakdown.anonBytes = memory.rssBytes;
    g.sources['breakdown.anonBytes'] = source('rssBytes', memory.rssBytes);
  }
  if (g.breakdown.swapBytes === null && memory.swapUsageBytes !== null) {
    g.breakdown.swapBytes = memory.swapUsageBytes;
    g.sources['breakdown.swapBytes'] = source('swapUsageBytes', memory.swapUsageBytes);
  }
}

function volumesOf(pod: KubeletPodStats, file: string): PodVolume[] {
  return pod.volumes
    .filter((v) => v.name !== null)
    .map((v) => ({
      name: v.name ?? '',
      usedBytes: v.usedBytes,
      capacityBytes: v.capacityBytes,
      sizeLimitBytes: null,
      medium: null,
      source: { file, line: v.line, key: 'usedBytes', rawText: v.usedBytes === null ? '' : String(v.usedBytes) },
    }));
}

function findPod(groups: readonly MemoryGroup[], pod: KubeletPodStats): MemoryGroup | null {
  const uid = normalisePodUid(pod.uid);
  for (const g of groups) {
    if (g.role !== 'pod') continue;
    if (uid !== null && g.podUid === uid) return g;
    if (uid === null && pod.name !== null && g.podName === pod.name && g.podNamespace === pod.namespace) return g;
  }
  return null;
}

/**
 * Applies one kubelet summary to a snapshot's flat group list (before linking): fills gaps, adds
 * the groups no cgroup file showed, and records in `parents` where each new container belongs.
 */
export function applyKubeletSummary(groups: MemoryGroup[], summary: AssemblyFile, parents: Map<MemoryGroup, MemoryGroup>): void {
  const data = summary.data as KubeletSummaryData;
  const file = summary.path;
  if (data.node?.memory) {
    let node = groups.find((g) => g.role === 'node') ?? null;
    if (!node) {
      node = blankGroup('node', '/', 'node');
      groups.push(node);
    }
    fillFromMemory(node, data.node.memory, file);
  }
  for (const pod of data.pods) {
    const uid = normalisePodUid(pod.uid);
    let g = findPod(groups, pod);
    if (!g) {
      const label = `${pod.namespace ?? '?'}/${pod.name ?? uid ?? '?'}`;
      g = blankGroup(uid !== null ? `pod:${uid}` : `pod:${label}`, `kubelet summary: pod ${label}`, 'pod');
      g.podUid = uid;
      groups.push(g);
    }
    g.podName = g.podName ?? pod.name;
    g.podNamespace = g.podNamespace ?? pod.namespace;
    fillFromMemory(g, pod.memory, file);
    const volumes = volumesOf(pod, file);
    if (volumes.length > 0) g.volumes = volumes;
    for (const c of pod.containers) {
      if (c.name === null) continue;
      const podGroup = g;
      let child = groups.find((x) => x.role === 'container' && !x.orphaned && x.containerName === c.name && isUnder(x, podGroup)) ?? null;
      if (!child) {
        child = blankGroup(`${g.key}/container:${c.name}`, `${g.path}/${c.name}`, 'container');
        child.containerName = c.name;
        groups.push(child);
        parents.set(child, g);
      }
      child.podUid = child.podUid ?? g.podUid;
      child.podName = child.podName ?? g.podName;
      child.podNamespace = child.podNamespace ?? g.podNamespace;
      fillFromMemory(child, c.memory, file);
    }
  }
}

function isUnder(child: MemoryGroup, pod: MemoryGroup): boolean {
  if (pod.podUid !== null && child.podUid === pod.podUid) return true;
  return child.path.startsWith(`${pod.path}/`);
}

/**
 * The pod spec's emptyDir media (kubectl) on the pod groups: a kubelet-measured volume learns
 * whether it is tmpfs, and a memory-backed emptyDir the kubelet did not measure is listed anyway.
 */
export function applyDeclaredVolumes(groups: readonly MemoryGroup[], facts: readonly IdentityFact[]): void {
  for (const g of groups) {
    if (g.role !== 'pod') continue;
    const declared = facts.filter((f) => f.podVolumes.length > 0 && ((g.podUid !== null && f.podUid === g.podUid) || (f.podName !== null && f.podName === g.podName && f.podNamespace === g.podNamespace)));
    for (const fact of declared) {
      for (const v of fact.podVolumes) {
        const volumes = g.volumes ?? [];
        const known = volumes.find((x) => x.name === v.name);
        if (known) {
          known.medium = known.medium ?? v.medium;
          known.sizeLimitBytes = known.sizeLimitBytes ?? v.sizeLimitBytes;
        } else if (v.medium === 'Memory') {
          volumes.push({ name: v.name, usedBytes: null, capacityBytes: null, sizeLimitBytes: v.sizeLimitBytes, medium: v.medium, source: v.source });
        }
        if (volumes.length > 0) g.volumes = volumes;
      }
    }
  }
}
