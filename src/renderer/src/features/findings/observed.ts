// Pure: figures a tool printed in the bundle for the same pod or container as a memory group, for
// the Rosetta stone's "printed by the tool" column. Read from the parsed files of
//   cadvisor-prometheus  container_memory_working_set_bytes{namespace="ml",pod="api-…",container="api"} 1.2e+08
//   metrics-api          {"kind":"PodMetrics","metadata":{"name":"api-…"},"containers":[{"name":"api","usage":{"memory":"118Mi"}}]}
//   kubectl-top          api-7f8c9d6b5-h7j2k   1m   115Mi
//   docker-stats         e00a11510727  k8s_api_api-7f8c…_ml_<uid>_1  0.00%  3.82MiB / 1GiB
//   crictl-stats         72dc2a4abc659  0.00  3.92MB
// matched by names (namespace/pod/container, the dockershim name k8s_<container>_<pod>_<ns>_<uid>_<n>)
// or by container id (full or short) and pod UID. When a tool printed several samples, the last wins.
import type { MemoryGroup, RosettaMetricId, Snapshot, ValueSource } from '../../../../core';

export interface ParsedFileLike {
  path: string;
  formatId: string;
  data: unknown;
}

export interface ObservedValue {
  bytes: number;
  source: ValueSource;
}

export type ObservedValues = Partial<Record<RosettaMetricId, ObservedValue>>;

interface Identity {
  role: MemoryGroup['role'];
  namespace: string | null;
  pod: string | null;
  podUid: string | null;
  container: string | null;
  containerId: string | null;
}

function identityOf(group: MemoryGroup): Identity {
  return {
    role: group.role,
    namespace: group.podNamespace,
    pod: group.podName,
    podUid: group.podUid ? group.podUid.replace(/_/g, '-').toLowerCase() : null,
    container: group.containerName,
    containerId: group.containerId ? group.containerId.toLowerCase() : null,
  };
}

function sameNamespace(a: string | null, b: string | null | undefined): boolean {
  return a === null || b === null || b === undefined || a === b;
}

function samePod(id: Identity, pod: string | null | undefined, namespace: string | null | undefined): boolean {
  return id.pod !== null && pod === id.pod && sameNamespace(id.namespace, namespace);
}

/** Ids print as 12 or 13 hex characters (docker, crictl) or in full: one must start the other. */
export function sameContainerId(full: string | null, printed: string | null | undefined): boolean {
  if (!full || !printed) return false;
  const p = printed.toLowerCase();
  return p.length >= 12 && (full.startsWith(p) || p.startsWith(full));
}

/** `k8s_<container>_<pod>_<namespace>_<pod uid>_<attempt>`: the names dockershim gives containers. */
export function parseDockershimName(name: string | null | undefined): { container: string; pod: string; namespace: string; podUid: string } | null {
  if (!name) return null;
  const parts = name.replace(/^\//, '').split('_');
  if (parts.length !== 6 || parts[0] !== 'k8s') return null;
  const [, container = '', pod = '', namespace = '', podUid = ''] = parts;
  return { container, pod, namespace, podUid: podUid.toLowerCase() };
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(record).filter((r): r is Record<string, unknown> => r !== null) : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

type Put = (id: RosettaMetricId, bytes: number | null, source: ValueSource) => void;

const CADVISOR_METRICS: [field: string, metric: string, id: RosettaMetricId][] = [
  ['workingSetBytes', 'container_memory_working_set_bytes', 'cadvisor-working-set'],
  ['rssBytes', 'container_memory_rss', 'cadvisor-rss'],
  ['cacheBytes', 'container_memory_cache', 'cadvisor-cache'],
  ['usageBytes', 'container_memory_usage_bytes', 'cadvisor-usage'],
];

function fromCadvisor(file: ParsedFileLike, id: Identity, put: Put): void {
  for (const c of list(record(file.data)?.containers)) {
    const role = str(c.role);
    const cgroup = str(c.id);
    let match = false;
    if (id.role === 'container' && role === 'container') {
      match = (samePod(id, str(c.pod), str(c.namespace)) && str(c.container) === id.container) || (id.containerId !== null && cgroup !== null && cgroup.toLowerCase().includes(id.containerId));
    } else if (id.role === 'pod' && role === 'pod') {
      const uid = str(c.podUid)?.toLowerCase() ?? null;
      match = (id.podUid !== null && uid === id.podUid) || samePod(id, str(c.pod), str(c.namespace));
    }
    if (!match) continue;
    const lines = record(c.lines) ?? {};
    const texts = record(c.valueText) ?? {};
    for (const [field, metric, rosettaId] of CADVISOR_METRICS) {
      const line = num(lines[field]);
      if (line === null) continue;
      const rawText = str(texts[field]);
      put(rosettaId, num(c[field]), { file: file.path, line, key: metric, ...(rawText ? { rawText } : {}) });
    }
  }
}

function fromMetricsApi(file: ParsedFileLike, id: Identity, put: Put): void {
  for (const item of list(record(file.data)?.items)) {
    if (str(item.kind) !== 'PodMetrics' || !samePod(id, str(item.name), str(item.namespace))) continue;
    if (id.role === 'pod') {
      put('kubectl-top', num(item.memoryTotalBytes), { file: file.path, line: num(item.line) ?? 1, key: 'PodMetrics (Σ containers usage.memory)' });
      continue;
    }
    for (const c of list(item.containers)) {
      if (str(c.name) !== id.container) continue;
      const usage = record(c.usage);
      const rawText = str(usage?.memoryText);
      put('kubectl-top', num(usage?.memoryBytes), { file: file.path, line: num(usage?.line) ?? num(c.line) ?? 1, key: 'usage.memory', ...(rawText ? { rawText } : {}) });
    }
  }
}

function fromKubectlTop(file: ParsedFileLike, id: Identity, put: Put): void {
  const data = record(file.data);
  const kind = str(data?.kind);
  for (const row of list(data?.rows)) {
    const match =
      (id.role === 'pod' && kind === 'pod' && samePod(id, str(row.name), str(row.namespace))) ||
      (id.role === 'container' && kind === 'container' && samePod(id, str(row.pod), str(row.namespace)) && str(row.name) === id.container);
    if (!match) continue;
    const rawText = str(row.memoryText);
    put('kubectl-top', num(row.memoryBytes), { file: file.path, line: num(row.line) ?? 1, key: 'MEMORY(bytes)', ...(rawText ? { rawText } : {}) });
  }
}

function fromContainerStats(file: ParsedFileLike, id: Identity, put: Put): void {
  if (id.role !== 'container') return;
  const data = record(file.data);
  const tool = str(data?.tool);
  for (const row of list(data?.rows)) {
    const named = parseDockershimName(str(row.name));
    const match = sameContainerId(id.containerId, str(row.id)) || (named !== null && named.container === id.container && samePod(id, named.pod, named.namespace));
    if (!match) continue;
    const rawText = str(row.memoryUsageText);
    const source: ValueSource = { file: file.path, line: num(row.line) ?? 1, key: tool === 'crictl' ? 'MEM' : 'MEM USAGE', ...(rawText ? { rawText } : {}) };
    put(tool === 'crictl' ? 'crictl-stats' : 'docker-stats-new', num(row.memoryUsageBytes), source);
  }
}

const READERS = new Map<string, (file: ParsedFileLike, id: Identity, put: Put) => void>([
  ['cadvisor-prometheus', fromCadvisor],
  ['metrics-api', fromMetricsApi],
  ['kubectl-top', fromKubectlTop],
  ['docker-stats', fromContainerStats],
  ['crictl-stats', fromContainerStats],
]);

export const OBSERVED_FORMAT_IDS: readonly string[] = [...READERS.keys()];

/** What the bundle's tool outputs printed for this group (pods and containers only). */
export function observedValues(group: MemoryGroup, files: readonly ParsedFileLike[]): ObservedValues {
  const out: ObservedValues = {};
  if (group.role !== 'pod' && group.role !== 'container') return out;
  const id = identityOf(group);
  const put: Put = (metric, bytes, source) => {
    if (bytes !== null && bytes >= 0) out[metric] = { bytes, source };
  };
  for (const f of files) READERS.get(f.formatId)?.(f, id, put);
  return out;
}

/**
 * The tool outputs that speak for a snapshot: those among its files, and those no snapshot claims
 * (a `kubectl top` taken next to the capture folders).
 */
export function observedFilesFor(snapshot: Pick<Snapshot, 'files'>, snapshots: readonly Pick<Snapshot, 'files'>[], files: readonly ParsedFileLike[]): ParsedFileLike[] {
  const own = new Set(snapshot.files);
  const claimed = new Set(snapshots.flatMap((s) => s.files));
  return files.filter((f) => OBSERVED_FORMAT_IDS.includes(f.formatId) && (own.has(f.path) || !claimed.has(f.path)));
}
