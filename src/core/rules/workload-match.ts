// Joining workload facts (kubectl, inspect, NMT) to each other, to memory groups and to the cgroup
// paths of kernel OOM reports: by container id (full or short), else by pod UID or pod name and
// container name. Sample kernel path naming the container of a fact with containerId 24ec5b44…:
//   /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc17dc_….slice/docker-24ec5b44….scope
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { walkGroups } from '../model/memory-group';
import { parseCgroupPath, sameContainerId } from '../assemble/join-keys';
import type { WorkloadFact, WorkloadFactKind } from './rule';

type Who = Pick<WorkloadFact, 'podName' | 'podNamespace' | 'containerName' | 'podUid' | 'containerId'>;

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a !== '' && a === b;
}

/** Two facts name the same pod: same UID, or same name (and namespace when both say). */
export function samePod(a: Who, b: Who): boolean {
  if (sameText(a.podUid, b.podUid)) return true;
  if (!sameText(a.podName, b.podName)) return false;
  return a.podNamespace == null || b.podNamespace == null || a.podNamespace === b.podNamespace;
}

/** Two facts name the same container: same container id, or same pod and container name. */
export function sameContainer(a: Who, b: Who): boolean {
  if (sameContainerId(a.containerId, b.containerId)) return true;
  if (a.containerId && b.containerId) return false;
  // Pod-level rows (`kubectl get pods`) name no container: the pod is the workload.
  if (a.containerName == null && b.containerName == null) return samePod(a, b);
  return sameText(a.containerName, b.containerName) && (samePod(a, b) || (a.podName == null && a.podUid == null) || (b.podName == null && b.podUid == null));
}

/** A fact about the container of a kernel cgroup path: the container id in the path matches. */
export function factMatchesCgroupPath(fact: Who, path: string | null): boolean {
  if (!path) return false;
  const info = parseCgroupPath(path);
  return info.containerId !== null && sameContainerId(info.containerId, fact.containerId);
}

export function factMatchesGroup(fact: Who, group: MemoryGroup): boolean {
  if (group.role !== 'container') return false;
  if (sameContainerId(group.containerId, fact.containerId)) return true;
  if (group.containerId && fact.containerId) return false;
  if (!sameText(group.containerName, fact.containerName)) return false;
  if (sameText(group.podUid, fact.podUid)) return true;
  return sameText(group.podName, fact.podName) && (group.podNamespace == null || fact.podNamespace == null || group.podNamespace === fact.podNamespace);
}

/** The container group of the latest snapshot that a fact is about. */
export function groupForFact(snapshots: readonly Snapshot[], fact: Who): { snapshot: Snapshot; group: MemoryGroup } | null {
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const snapshot = snapshots[i];
    if (!snapshot) continue;
    for (const group of walkGroups(snapshot.groups)) if (factMatchesGroup(fact, group)) return { snapshot, group };
  }
  return null;
}

/** How a sentence names the workload of a fact: `namespace/pod / container`, or what is known of it. */
export function factScope(fact: Who): string {
  const pod = fact.podName ? (fact.podNamespace ? `${fact.podNamespace}/${fact.podName}` : fact.podName) : null;
  if (pod && fact.containerName) return `${pod} / ${fact.containerName}`;
  return pod ?? fact.containerName ?? (fact.containerId ? fact.containerId.slice(0, 12) : 'pod');
}

/** A stable key for a fact's workload, for collapsing findings. */
export function factKey(fact: Who): string {
  return `workload:${fact.podNamespace ?? ''}/${fact.podName ?? fact.podUid ?? ''}/${fact.containerName ?? fact.containerId?.slice(0, 12) ?? ''}`;
}

export function factsOf(facts: readonly WorkloadFact[], kind: WorkloadFactKind): WorkloadFact[] {
  return facts.filter((f) => f.kind === kind);
}
