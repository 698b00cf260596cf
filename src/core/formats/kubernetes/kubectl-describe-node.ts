// `kubectl describe node <name>`: Capacity and Allocatable (what the scheduler and the kubelet's
// eviction work with), Conditions (MemoryPressure), the pods' requests and limits, Allocated
// resources and Events. Both layouts of Allocated resources are read (a Resource/Requests/Limits
// table since 1.9; one row of four columns before). Sample:
//   Allocatable:
//     memory:             95773032Ki
//   Conditions:
//     MemoryPressure   False   Thu, 29 May 2025 11:54:06 +0200   …   KubeletHasSufficientMemory   kubelet has sufficient memory available
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { columnIndex, readHeader, splitRow, splitWide, type TableColumn } from '../text/columns';
import { parseCpuQuantity, parseMemoryQuantity } from '../../model/quantity';
import { child, quantityWarnings, readDescribe, readEvents, resourceListOf, value, type DescribeNode, type QuantityIssue } from './kubectl-text';
import { contentLines, type TextLine } from '../text/pasted';
import type { KubeEvent, ResourceList } from './pod-model';

export interface NodeCondition {
  type: string;
  /** `True`, `False`, `Unknown`. */
  status: string | null;
  lastHeartbeatTime: string | null;
  lastTransitionTime: string | null;
  reason: string | null;
  message: string | null;
  line: number;
}

/** A quantity cell such as `25181Mi (26%)`. */
export interface AllocatedQuantity {
  text: string;
  /** Bytes for memory, cores for CPU; null when not a quantity. */
  value: number | null;
  percent: number | null;
}

export interface NodePodResources {
  namespace: string | null;
  name: string | null;
  cpuRequests: AllocatedQuantity | null;
  cpuLimits: AllocatedQuantity | null;
  memoryRequests: AllocatedQuantity | null;
  memoryLimits: AllocatedQuantity | null;
  age: string | null;
  line: number;
}

export interface NodeAllocated {
  cpuRequests: AllocatedQuantity | null;
  cpuLimits: AllocatedQuantity | null;
  memoryRequests: AllocatedQuantity | null;
  memoryLimits: AllocatedQuantity | null;
  line: number;
}

export interface DescribedNode {
  name: string | null;
  kernelVersion: string | null;
  osImage: string | null;
  containerRuntime: string | null;
  kubeletVersion: string | null;
  capacity: ResourceList | null;
  allocatable: ResourceList | null;
  conditions: NodeCondition[];
  /** The MemoryPressure condition's status; null when not shown. */
  memoryPressure: boolean | null;
  /** `(72 in total)` from the Non-terminated Pods heading. */
  podCount: number | null;
  pods: NodePodResources[];
  allocated: NodeAllocated | null;
  events: KubeEvent[];
  line: number;
}

export interface KubectlDescribeNodeData {
  nodes: DescribedNode[];
}

function allocatedCell(text: string | null | undefined, kind: 'cpu' | 'memory'): AllocatedQuantity | null {
  if (text === null || text === undefined || text === '') return null;
  const m = /^(\S+)(?:\s+\((\d{1,4})%\))?$/.exec(text.trim());
  const q = m?.[1] ?? text.trim();
  const memory = kind === 'memory' ? parseMemoryQuantity(q) : null;
  const cpu = kind === 'cpu' ? parseCpuQuantity(q) : null;
  const v = memory ? (memory.ok ? memory.bytes : null) : cpu?.ok ? cpu.cores : null;
  return { text: text.trim(), value: v, percent: m?.[2] !== undefined ? Number(m[2]) : null };
}

/** Reads table rows under a heading: the first row naming columns, a `----` rule, then rows. */
function table(lines: readonly TextLine[], isHeader: (cols: TableColumn[]) => boolean): { columns: TableColumn[]; rows: { cells: string[]; line: number }[] } | null {
  let columns: TableColumn[] | null = null;
  const rows: { cells: string[]; line: number }[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || /^-{2,}(\s+-{2,})*$/.test(t) || t.startsWith('(')) continue;
    if (!columns) {
      const h = readHeader(l.text);
      if (isHeader(h)) columns = h;
      continue;
    }
    rows.push({ cells: splitRow(l.text, columns), line: l.number });
  }
  return columns ? { columns, rows } : null;
}

function conditionsOf(node: DescribeNode | undefined): NodeCondition[] {
  if (!node) return [];
  const t = table(node.text, (h) => columnIndex(h, 'Type') === 0 && columnIndex(h, 'Status') > 0);
  if (!t) return [];
  return t.rows.map(({ cells, line }) => {
    const cell = (name: string): string | null => {
      const k = columnIndex(t.columns, name);
      const v = k >= 0 ? cells[k] : undefined;
      return v === undefined || v === '' ? null : v;
    };
    return {
      type: cells[0] ?? '',
      status: cell('Status'),
      lastHeartbeatTime: cell('LastHeartbeatTime'),
      lastTransitionTime: cell('LastTransitionTime'),
      reason: cell('Reason'),
      message: cell('Message'),
      line,
    };
  });
}

function podsOf(node: DescribeNode | undefined): NodePodResources[] {
  if (!node) return [];
  const t = table(node.text, (h) => columnIndex(h, 'Name') >= 0 && columnIndex(h, 'Memory Requests') >= 0);
  if (!t) return [];
  return t.rows.map(({ cells, line }) => {
    const cell = (name: string): string | null => {
      const k = columnIndex(t.columns, name);
      const v = k >= 0 ? cells[k] : undefined;
      return v === undefined || v === '' ? null : v;
    };
    return {
      namespace: cell('Namespace'),
      name: cell('Name'),
      cpuRequests: allocatedCell(cell('CPU Requests'), 'cpu'),
      cpuLimits: allocatedCell(cell('CPU Limits'), 'cpu'),
      memoryRequests: allocatedCell(cell('Memory Requests'), 'memory'),
      memoryLimits: allocatedCell(cell('Memory Limits'), 'memory'),
      age: cell('Age'),
      line,
    };
  });
}

function allocatedOf(node: DescribeNode | undefined): NodeAllocated | null {
  if (!node) return null;
  const byResource = table(node.text, (h) => columnIndex(h, 'Resource') === 0 && columnIndex(h, 'Requests') > 0);
  if (byResource) {
    const out: NodeAllocated = { cpuRequests: null, cpuLimits: null, memoryRequests: null, memoryLimits: null, line: node.line };
    for (const { cells } of byResource.rows) {
      // `memory             25181Mi (26%)  23343Mi (24%)`: cells split on two spaces keep `(26%)` with its value.
      const [resource, requests, limits] = cells;
      if (resource === 'cpu') {
        out.cpuRequests = allocatedCell(requests, 'cpu');
        out.cpuLimits = allocatedCell(limits, 'cpu');
      } else if (resource === 'memory') {
        out.memoryRequests = allocatedCell(requests, 'memory');
        out.memoryLimits = allocatedCell(limits, 'memory');
      }
    }
    return out;
  }
  const oneRow = table(node.text, (h) => columnIndex(h, 'Memory Requests') >= 0 && columnIndex(h, 'CPU Requests') >= 0);
  const row = oneRow?.rows[0];
  if (!oneRow || !row) return null;
  const cell = (name: string): string | null => {
    const k = columnIndex(oneRow.columns, name);
    return k >= 0 ? (row.cells[k] ?? null) : null;
  };
  return {
    cpuRequests: allocatedCell(cell('CPU Requests'), 'cpu'),
    cpuLimits: allocatedCell(cell('CPU Limits'), 'cpu'),
    memoryRequests: allocatedCell(cell('Memory Requests'), 'memory'),
    memoryLimits: allocatedCell(cell('Memory Limits'), 'memory'),
    line: row.line,
  };
}

function nodeOf(lines: readonly TextLine[], issues: QuantityIssue[]): DescribedNode | null {
  const root = readDescribe(lines);
  const info = child(root, 'System Info');
  const conditions = conditionsOf(child(root, 'Conditions'));
  const pressure = conditions.find((c) => c.type === 'MemoryPressure');
  const podsNode = child(root, 'Non-terminated Pods');
  const countMatch = podsNode ? /\((\d{1,6}) in total\)/.exec(podsNode.value) : null;
  const events = child(root, 'Events');
  const node: DescribedNode = {
    name: value(root, 'Name'),
    kernelVersion: value(info, 'Kernel Version'),
    osImage: value(info, 'OS Image'),
    containerRuntime: value(info, 'Container Runtime Version'),
    kubeletVersion: value(info, 'Kubelet Version'),
    capacity: resourceListOf(child(root, 'Capacity'), issues),
    allocatable: resourceListOf(child(root, 'Allocatable'), issues),
    conditions,
    memoryPressure: pressure ? (pressure.status === 'True' ? true : pressure.status === 'False' ? false : null) : null,
    podCount: countMatch?.[1] ? Number(countMatch[1]) : null,
    pods: podsOf(podsNode),
    allocated: allocatedOf(child(root, 'Allocated resources')),
    events: events ? readEvents(events.text).events : [],
    line: root.children[0]?.line ?? root.line,
  };
  if (node.name === null && !node.capacity && !node.allocatable && conditions.length === 0 && node.pods.length === 0) return null;
  return node;
}

export function parseKubectlDescribeNode(source: string, _ctx: ParseContext): ParseResult<KubectlDescribeNodeData> {
  const { lines, wrapperLines } = contentLines(source);
  const groups: TextLine[][] = [];
  let current: TextLine[] = [];
  for (const l of lines) {
    if (l.text.startsWith('Name:') && current.some((c) => c.text.startsWith('Name:'))) {
      groups.push(current);
      current = [];
    }
    current.push(l);
  }
  groups.push(current);
  const issues: QuantityIssue[] = [];
  const nodes = groups.map((g) => nodeOf(g, issues)).filter((n): n is DescribedNode => n !== null);
  const warnings: ParseWarning[] = quantityWarnings(issues);
  if (nodes.length === 0) return { status: 'unusable', warnings: [warning('not-describe-node', 'No `kubectl describe node` output found.'), ...warnings] };
  const removed = removedMarkers(source);
  if (removed > 0) warnings.push(warning('lines-removed', `The output says lines were removed (${removed} marker(s)); what is missing is not known.`, undefined, { count: removed }));
  if (wrapperLines - removed > 0) warnings.push(warning('wrapper-lines-skipped', `${wrapperLines - removed} line(s) of decoration around the output (tool header, prompt, stdout:) were skipped.`, undefined, { count: wrapperLines - removed }));
  return { status: warnings.some((w) => w.code !== 'wrapper-lines-skipped') ? 'partial' : 'parsed', value: { nodes }, warnings };
}

/** `[ ... lines removed for clarity ...]` markers (as in the Kubernetes docs). */
function removedMarkers(source: string): number {
  let count = 0;
  for (const line of source.split('\n')) if (/^\s*\[\s?\.\.\./.test(line)) count++;
  return count;
}

export function detectKubectlDescribeNode(head: string): number {
  let nodeKeys = 0;
  let podKeys = 0;
  for (const line of headLines(head, 400)) {
    if (/^(Capacity|Allocatable|System Info|Non-terminated Pods|Allocated resources|Conditions|Addresses|Taints|Unschedulable|PodCIDR|ProviderID|Roles|Lease):/.test(line)) nodeKeys++;
    else if (/^\s+(State|Last State):\s+(Running|Waiting|Terminated)\b/.test(line) || /^QoS Class:/.test(line)) podKeys++;
    else if (splitWide(line).length >= 4 && /^\s+MemoryPressure\s/.test(line)) nodeKeys++;
  }
  if (podKeys > 0) return 0;
  if (nodeKeys >= 3) return 0.95;
  if (nodeKeys >= 2) return 0.8;
  return 0;
}

export const kubectlDescribeNodeFormat: FormatDefinition<KubectlDescribeNodeData> = {
  id: 'kubectl-describe-node',
  area: 'kubernetes',
  detect: (head) => detectKubectlDescribeNode(head),
  parse: parseKubectlDescribeNode,
};
