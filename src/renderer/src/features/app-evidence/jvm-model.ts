// What the JVM panel shows, computed from parsed data only: NMT categories by committed bytes, the
// bar's segments, the JVM memory flags found in the bundle's kubectl/inspect files (with their file
// and line), and the container limit and usage to compare the JVM's own accounting with.
import {
  deriveWorkloadFacts,
  factScope,
  groupForFact,
  walkGroups,
  type AnalysisFile,
  type ContainerInspect,
  type JvmNmtData,
  type JvmSettings,
  type NmtCategory,
  type PodInfo,
  type Snapshot,
} from '../../../../core';

export interface NmtRow {
  name: string;
  reservedBytes: number | null;
  committedBytes: number | null;
  committedDeltaBytes: number | null;
  /** Share of the total committed, in [0, 1]; null when unknown. */
  share: number | null;
  line: number;
}

export function nmtRows(data: JvmNmtData): NmtRow[] {
  const total = data.total?.committedBytes ?? data.categories.reduce((s, c) => s + (c.committedBytes ?? 0), 0);
  return [...data.categories]
    .sort((a, b) => (b.committedBytes ?? -1) - (a.committedBytes ?? -1) || a.line - b.line)
    .map((c) => ({
      name: c.name,
      reservedBytes: c.reservedBytes,
      committedBytes: c.committedBytes,
      committedDeltaBytes: c.committedDeltaBytes,
      share: c.committedBytes !== null && total > 0 ? c.committedBytes / total : null,
      line: c.line,
    }));
}

export interface NmtSegment {
  name: string;
  bytes: number;
  /** One of a fixed palette, by rank (the largest first). */
  colorIndex: number;
  /** `other` groups the categories past the first few. */
  other: boolean;
}

const BAR_CATEGORIES = 6;

export function nmtSegments(data: JvmNmtData): NmtSegment[] {
  const rows = nmtRows(data).filter((r) => (r.committedBytes ?? 0) > 0);
  const top = rows.slice(0, BAR_CATEGORIES).map((r, i) => ({ name: r.name, bytes: r.committedBytes ?? 0, colorIndex: i, other: false }));
  const rest = rows.slice(BAR_CATEGORIES).reduce((s, r) => s + (r.committedBytes ?? 0), 0);
  return rest > 0 ? [...top, { name: '', bytes: rest, colorIndex: BAR_CATEGORIES, other: true }] : top;
}

export function javaHeap(data: JvmNmtData): NmtCategory | null {
  return data.categories.find((c) => c.name === 'Java Heap') ?? null;
}

export interface FoundFlag {
  flag: string;
  /** `args`, or the environment variable that carried it. */
  setBy: string;
  workload: string;
  file: string;
  line: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function listOf<T>(data: unknown, key: string): T[] {
  return isRecord(data) && Array.isArray(data[key]) ? (data[key] as T[]) : [];
}

function flagsOf(jvm: JvmSettings | null | undefined, workload: string, file: string, line: number): FoundFlag[] {
  return (jvm?.flags ?? []).map((f) => ({ flag: f.flag, setBy: f.source, workload, file, line }));
}

/** Every JVM memory flag in the bundle's pod specs, describe outputs and inspect files. */
export function jvmFlagsFound(files: readonly AnalysisFile[]): FoundFlag[] {
  const out: FoundFlag[] = [];
  for (const f of files) {
    if (f.formatId === 'kubectl-pod' || f.formatId === 'kubectl-describe-pod') {
      for (const pod of listOf<PodInfo>(f.data, 'pods')) {
        for (const c of pod.containers) out.push(...flagsOf(c.jvm, factScope({ podName: pod.name, podNamespace: pod.namespace, containerName: c.name }), f.path, c.line));
      }
    } else if (f.formatId === 'docker-inspect' || f.formatId === 'crictl-inspect') {
      for (const c of listOf<ContainerInspect>(f.data, 'containers')) out.push(...flagsOf(c.jvm, factScope({ podName: c.podName, podNamespace: c.podNamespace, containerName: c.containerName ?? c.name }), f.path, c.line));
    }
  }
  return out;
}

export interface SourcedBytes {
  bytes: number;
  /** Who it belongs to (`shop/orders-0 / app`, a cgroup path). */
  owner: string;
  file: string | null;
  line: number | null;
}

export interface ContainerContext {
  limit: SourcedBytes | null;
  usage: SourcedBytes | null;
}

/**
 * The container an NMT report is compared with: the bundle's only container memory limit (spec or
 * inspect), else the only container cgroup with a limit in the latest snapshot; its usage from the
 * snapshot. An NMT file names no container, so with several candidates nothing is compared.
 */
export function containerContext(files: readonly AnalysisFile[], snapshots: readonly Snapshot[]): ContainerContext {
  const limits = deriveWorkloadFacts(files).filter((f) => f.kind === 'memory-limit' && typeof f.value === 'number');
  const values = new Set(limits.map((l) => l.value));
  const one = limits[0];
  if (one && values.size === 1) {
    const placed = groupForFact(snapshots, one);
    const usageSource = placed?.group.sources['usageBytes'];
    return {
      limit: { bytes: one.value as number, owner: factScope(one), file: one.source.file, line: one.source.line },
      usage: placed && placed.group.usageBytes !== null ? { bytes: placed.group.usageBytes, owner: factScope(one), file: usageSource?.file ?? null, line: usageSource?.line ?? null } : null,
    };
  }
  const last = snapshots[snapshots.length - 1];
  const containers = last ? [...walkGroups(last.groups)].filter((g) => g.role === 'container' && g.limitBytes !== null) : [];
  const only = containers.length === 1 ? containers[0] : undefined;
  if (!only || only.limitBytes === null) return { limit: null, usage: null };
  const owner = only.podName && only.containerName ? `${only.podNamespace ? `${only.podNamespace}/` : ''}${only.podName} / ${only.containerName}` : only.path;
  const ls = only.sources['limitBytes'];
  const us = only.sources['usageBytes'];
  return {
    limit: { bytes: only.limitBytes, owner, file: ls?.file ?? null, line: ls?.line ?? null },
    usage: only.usageBytes !== null ? { bytes: only.usageBytes, owner, file: us?.file ?? null, line: us?.line ?? null } : null,
  };
}
