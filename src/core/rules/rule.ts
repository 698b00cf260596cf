// Findings: a rule's verdict on a snapshot, an OOM event or a diff, with the evidence for every
// number it quotes (shared/spec/model-and-findings.md). Rules produce drafts with message keys and
// parameters; `localizeFinding` renders them in either language, so a stored finding can be shown
// in English or Chinese later.
import type { MessageParams } from '../i18n/translate';
import type { Snapshot } from '../model/snapshot';
import type { ValueSource } from '../model/memory-group';
import type { OomEvent } from '../formats/kernel-log/oom-types';

export type Severity = 'critical' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export const FINDING_IDS = [
  'oom-kill-memcg',
  'oom-kill-global',
  'eviction',
  'anon-near-limit',
  'shmem-dominant',
  'shmem-orphaned',
  'page-cache-dirty',
  'working-set-active-file',
  'thp-inflation',
  'kernel-memory-high',
  'memory-high-throttling',
  'jvm-heap-headroom',
  'process-rss-gap',
  'oom-partial-kill',
  'victim-selection',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/** A pointer to the lines behind a number; the excerpt is filled from the file when the finding is rendered. */
export interface EvidenceRef {
  file: string;
  lineStart: number;
  lineEnd: number;
}

export interface Evidence extends EvidenceRef {
  excerpt: string;
}

export type MetricValue = number | string | boolean | null;

export interface FindingDraft {
  id: FindingId;
  severity: Severity;
  /** Which group: a cgroup path, or pod/container names. */
  scope: string;
  /** The stable group key, for matching findings across snapshots. */
  scopeKey: string;
  snapshotId: string | null;
  /** Parameters of `finding.<id>.summary` / `.advice`; numbers of bytes are pre-formatted by the rule. */
  params: MessageParams;
  metrics: Record<string, MetricValue>;
  evidence: EvidenceRef[];
}

export interface Finding extends Omit<FindingDraft, 'evidence'> {
  title: string;
  summary: string;
  advice: string;
  evidence: Evidence[];
}

/** Everything a rule may look at. OOM events come from kernel logs (see rules that read them). */
export interface AnalysisInput {
  snapshots: readonly Snapshot[];
  oomEvents: readonly LocatedOomEvent[];
  /** Facts from Kubernetes/runtime files (statuses, restarts, evictions, JVM flags). */
  workloadFacts: readonly WorkloadFact[];
}

/** An OOM event with the bundle file it was found in (line numbers are that file's). */
export interface LocatedOomEvent {
  file: string;
  event: OomEvent;
}

export type WorkloadFactKind =
  /** Kubernetes/the runtime says the container was OOM-killed (reason OOMKilled, docker State.OOMKilled); value: exit code or null. */
  | 'terminated-oomkilled'
  /** A kernel OOM kill reported as a Kubernetes event (`OOMKilling`, node-problem-detector); value: `memcg` or `global`. */
  | 'oom-killing-event'
  /** The kubelet evicted the pod; value: the resource it was low on (`memory`, `ephemeral-storage`) or null when not said. */
  | 'evicted'
  | 'restart-count'
  /** What the container was doing when captured; value: `running`, `waiting`, `terminated`, `exited`. */
  | 'container-state'
  /** The JVM's maximum heap in bytes (-Xmx, MaxRAMPercentage × limit, or NMT's Java Heap reserved). */
  | 'jvm-max-heap'
  /** Native Memory Tracking's total committed bytes. */
  | 'jvm-nmt-committed'
  /** NMT committed bytes outside the Java heap (total − Java Heap). */
  | 'jvm-nmt-non-heap'
  /** The container's memory limit in bytes, as the spec or the runtime says. */
  | 'memory-limit';

/** A fact about a workload from kubectl/inspect/kubelet files, with its source line. */
export interface WorkloadFact {
  kind: WorkloadFactKind;
  podName: string | null;
  podNamespace: string | null;
  containerName: string | null;
  /** Join keys to cgroups and kernel logs (lower-case, dashes), when the file says. */
  podUid?: string | null;
  containerId?: string | null;
  value: MetricValue;
  text: string;
  /** How the value was found (`xmx`, `max-ram-percentage`, `nmt`, `last-state`, `state`, `inspect`, `event`, `pod-status`, `get-pods`, …). */
  basis?: string;
  source: ValueSource;
}

export interface Rule {
  id: FindingId;
  /** Thresholds as data, stated in the finding and tuned on the lab captures. */
  thresholds: Readonly<Record<string, number>>;
  evaluate(input: AnalysisInput): FindingDraft[];
}

export function evidenceFrom(source: ValueSource | undefined | null): EvidenceRef[] {
  if (!source) return [];
  return [{ file: source.file, lineStart: source.line, lineEnd: source.lineEnd ?? source.line }];
}

/** Merges evidence refs: the same file's overlapping or adjacent ranges become one. */
export function mergeEvidence(refs: readonly EvidenceRef[]): EvidenceRef[] {
  const sorted = [...refs].sort((a, b) => (a.file === b.file ? a.lineStart - b.lineStart : a.file < b.file ? -1 : 1));
  const out: EvidenceRef[] = [];
  for (const ref of sorted) {
    const last = out[out.length - 1];
    if (last && last.file === ref.file && ref.lineStart <= last.lineEnd + 1) last.lineEnd = Math.max(last.lineEnd, ref.lineEnd);
    else out.push({ ...ref });
  }
  return out;
}
