// A node of the memory tree: node → qos → pod → container (→ processes), or a group nobody owns.
import { emptyBreakdown, type MemoryBreakdown } from './breakdown';

export type GroupRole = 'node' | 'qos' | 'pod' | 'container' | 'other';
export type QosClass = 'guaranteed' | 'burstable' | 'besteffort';

/** Where a number came from: the bundle file, its line, and the key or field read there. */
export interface ValueSource {
  /** Path of the file inside the bundle. */
  file: string;
  line: number;
  lineEnd?: number;
  /** The key as written in the file (e.g. `total_shmem`, `memory.usage_in_bytes`). */
  key: string;
  /** The text read, e.g. `83886080`. */
  rawText?: string;
}

export interface GroupEvents {
  failcnt: number | null;
  /** v2 memory.events `oom` / v1 under_oom transitions are not counted: null when not in the input. */
  oom: number | null;
  oomKill: number | null;
  oomGroupKill: number | null;
  high: number | null;
  max: number | null;
  underOom: boolean | null;
}

export interface ProcessInfo {
  pid: number;
  name: string | null;
  rssBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  swapBytes: number | null;
  oomScoreAdj: number | null;
  source: ValueSource | null;
}

/** A pod volume as the kubelet measured it: a memory-backed emptyDir's usedBytes is tmpfs charged to the pod. */
export interface PodVolume {
  name: string;
  usedBytes: number | null;
  capacityBytes: number | null;
  /** emptyDir sizeLimit from the pod spec; null when none is set or known. */
  sizeLimitBytes: number | null;
  /** `Memory` for an emptyDir with medium Memory, `disk` for another emptyDir; null when no input says (the kubelet summary does not). */
  medium: 'Memory' | 'disk' | null;
  source: ValueSource | null;
}

export interface MemoryGroup {
  /** Stable across snapshots: pod UID or namespace/name, container name, role — never a container id or PID. */
  key: string;
  /** The cgroup path as found (bundle-relative layout or the kernel's path). */
  path: string;
  role: GroupRole;
  qosClass: QosClass | null;
  podUid: string | null;
  podName: string | null;
  podNamespace: string | null;
  containerName: string | null;
  containerId: string | null;
  /** True when no current container owns this group (a removed container's cgroup, charges left at a parent). */
  orphaned: boolean;
  cgroupVersion: 1 | 2 | null;
  usageBytes: number | null;
  limitBytes: number | null;
  workingSetBytes: number | null;
  maxUsageBytes: number | null;
  breakdown: MemoryBreakdown;
  events: GroupEvents;
  processes: ProcessInfo[];
  /** Evidence per field name (`usageBytes`, `breakdown.shmemBytes`, `events.oomKill`, …). */
  sources: Record<string, ValueSource>;
  children: MemoryGroup[];
  /** Pod volumes (kubelet summary); absent when no input lists them. */
  volumes?: PodVolume[];
}

export function emptyEvents(): GroupEvents {
  return { failcnt: null, oom: null, oomKill: null, oomGroupKill: null, high: null, max: null, underOom: null };
}

/** A group with nothing known yet: every figure null, no evidence, no children. */
export function blankGroup(key: string, path: string, role: GroupRole): MemoryGroup {
  return {
    key,
    path,
    role,
    qosClass: null,
    podUid: null,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: null,
    orphaned: false,
    cgroupVersion: null,
    usageBytes: null,
    limitBytes: null,
    workingSetBytes: null,
    maxUsageBytes: null,
    breakdown: emptyBreakdown(),
    events: emptyEvents(),
    processes: [],
    sources: {},
    children: [],
  };
}

/** How people name a group in a sentence: pod/container names where known, else the cgroup path. */
export function groupDisplayName(group: MemoryGroup): string {
  const pod = group.podName ? (group.podNamespace ? `${group.podNamespace}/${group.podName}` : group.podName) : null;
  if (group.role === 'container' && group.containerName) return pod ? `${pod} / ${group.containerName}` : group.containerName;
  if (group.role === 'pod' && pod) return pod;
  return group.path;
}

/** The last path segment names a cgroup uniquely enough (a pod UID or a container id) across layouts. */
function lastSegment(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** The group of a forest whose cgroup is the kernel's `path` (bundle and kernel paths differ in prefix). */
export function groupForCgroupPath(groups: readonly MemoryGroup[], path: string | null): MemoryGroup | null {
  if (!path) return null;
  const wanted = lastSegment(path);
  if (wanted === '') return null;
  for (const g of walkGroups(groups)) if (lastSegment(g.path) === wanted) return g;
  return null;
}

/** Depth-first walk over a forest of groups. */
export function* walkGroups(groups: readonly MemoryGroup[]): Generator<MemoryGroup> {
  for (const g of groups) {
    yield g;
    yield* walkGroups(g.children);
  }
}
