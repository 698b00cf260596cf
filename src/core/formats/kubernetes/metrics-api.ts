// metrics.k8s.io PodMetrics / NodeMetrics and their List kinds
// (kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/<ns>/pods/<pod>). What `kubectl top`
// shows: the working set, as Kubernetes quantities. Sample:
//   {"kind": "PodMetrics", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": {"name": "prod-…-zj67p", …},
//    "timestamp": "2021-11-09T13:03:20Z", "window": "30s",
//    "containers": [{"name": "prod-…", "usage": {"cpu": "1045813398n", "memory": "2513804Ki"}}]}
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { at, isObject, items, member, text, type TreeNode } from '../text/tree';
import { FieldReader } from '../text/tree-fields';

export interface MetricsUsage {
  /** Working set in bytes (metrics-server reports container_memory_working_set_bytes). */
  memoryBytes: number | null;
  memoryText: string | null;
  cpuCores: number | null;
  cpuText: string | null;
  line: number;
}

export interface MetricsContainerUsage {
  name: string | null;
  usage: MetricsUsage | null;
  line: number;
}

export interface MetricsItem {
  kind: 'PodMetrics' | 'NodeMetrics';
  name: string | null;
  /** null for nodes. */
  namespace: string | null;
  timestamp: string | null;
  window: string | null;
  /** NodeMetrics: the node's usage. null for pods. */
  usage: MetricsUsage | null;
  /** PodMetrics: one entry per container. Empty for nodes. */
  containers: MetricsContainerUsage[];
  /** Node usage, or the sum of the containers' memory when all of them have one. */
  memoryTotalBytes: number | null;
  line: number;
}

export interface MetricsApiData {
  items: MetricsItem[];
}

const KINDS = new Set(['PodMetrics', 'NodeMetrics', 'PodMetricsList', 'NodeMetricsList']);

function usageOf(node: TreeNode | undefined, f: FieldReader, where: string): MetricsUsage | null {
  if (!isObject(node)) return null;
  const memory = member(node, 'memory');
  const cpu = member(node, 'cpu');
  return {
    memoryBytes: f.quantityBytes(memory, `${where}.usage.memory`),
    memoryText: text(memory),
    cpuCores: f.quantityCores(cpu, `${where}.usage.cpu`),
    cpuText: text(cpu),
    line: node.line,
  };
}

function itemOf(node: TreeNode, kindHint: string | null, f: FieldReader): MetricsItem | null {
  const kindText = text(member(node, 'kind')) ?? kindHint;
  const kind = kindText === 'PodMetrics' || kindText === 'NodeMetrics' ? kindText : isObject(member(node, 'usage')) ? 'NodeMetrics' : member(node, 'containers') ? 'PodMetrics' : null;
  if (!kind) return null;
  const name = text(at(node, 'metadata', 'name'));
  const namespace = text(at(node, 'metadata', 'namespace'));
  const where = `${kind} ${namespace ? `${namespace}/` : ''}${name ?? '?'}`;
  const usage = kind === 'NodeMetrics' ? usageOf(member(node, 'usage'), f, where) : null;
  const containers = items(member(node, 'containers'))
    .filter(isObject)
    .map((c) => {
      const cname = text(member(c, 'name'));
      return { name: cname, usage: usageOf(member(c, 'usage'), f, `${where} container ${cname ?? '?'}`), line: c.line };
    });
  let memoryTotalBytes: number | null = usage?.memoryBytes ?? null;
  if (kind === 'PodMetrics' && containers.length > 0 && containers.every((c) => c.usage?.memoryBytes != null)) {
    memoryTotalBytes = containers.reduce((sum, c) => sum + (c.usage?.memoryBytes ?? 0), 0);
  }
  return { kind, name, namespace, timestamp: text(member(node, 'timestamp')), window: text(member(node, 'window')), usage, containers, memoryTotalBytes, line: node.line };
}

export function parseMetricsApi(source: string, _ctx: ParseContext): ParseResult<MetricsApiData> {
  const read = readJsonLenient(source);
  const f = new FieldReader();
  const out: MetricsItem[] = [];
  for (const value of read.values) {
    if (!isObject(value)) continue;
    const kind = text(member(value, 'kind'));
    if (kind === 'PodMetricsList' || kind === 'NodeMetricsList' || (kind === null && member(value, 'items'))) {
      const hint = kind ? kind.replace(/List$/, '') : null;
      for (const item of items(member(value, 'items'))) {
        const parsed = isObject(item) ? itemOf(item, hint, f) : null;
        if (parsed) out.push(parsed);
      }
    } else if (kind === null || KINDS.has(kind)) {
      const parsed = itemOf(value, null, f);
      if (parsed) out.push(parsed);
    }
  }
  const warnings = [...jsonReadWarnings(read), ...f.warnings()];
  if (out.length === 0) {
    return { status: 'unusable', warnings: [warning('not-metrics-api', 'No PodMetrics or NodeMetrics found.'), ...warnings] };
  }
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { items: out }, warnings };
}

export function detectMetricsApi(head: string): number {
  if (/"kind"\s*:\s*"(Pod|Node)Metrics(List)?"/.test(head)) return 0.95;
  if (/"apiVersion"\s*:\s*"metrics\.k8s\.io\//.test(head)) return 0.9;
  if (/"usage"\s*:\s*\{/.test(head) && /"memory"\s*:\s*"\d+(\.\d+)?(Ki|Mi|Gi|k|M|G)?"/.test(head) && /"window"\s*:/.test(head)) return 0.7;
  return 0;
}

export const metricsApiFormat: FormatDefinition<MetricsApiData> = {
  id: 'metrics-api',
  area: 'kubernetes',
  detect: (head) => detectMetricsApi(head),
  parse: parseMetricsApi,
};
