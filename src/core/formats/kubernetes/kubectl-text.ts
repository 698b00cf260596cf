// Shared readers for kubectl's text output: the `Key:  value` outline of `kubectl describe`
// (nested by indentation) and its Events table (also `kubectl get events`). Sample:
//   Name:             analytics-exporter-fast-76897854c-cw5wh
//   Containers:
//     memory-eater:
//       Last State:     Terminated
//         Reason:       OOMKilled
import { warning, type ParseWarning } from '../format';
import type { TextLine } from '../text/pasted';
import { columnIndex, readHeader, splitRow, splitWide, type TableColumn } from '../text/columns';
import { parseCpuQuantity, parseMemoryQuantity } from '../../model/quantity';
import type { KubeEvent, ResourceList } from './pod-model';

export interface DescribeNode {
  key: string;
  value: string;
  line: number;
  indent: number;
  children: DescribeNode[];
  /** Lines under this key that are not `Key: value` (table rows, Args items, Mounts, labels). */
  text: TextLine[];
}

// Keys are words separated by single spaces (`Restart Count`, `QoS Class`), followed by a colon and
// a space or the end of the line. Each repeated group starts with the one space the class excludes.
const DESCRIBE_KEY = /^([A-Za-z][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*):(?:[ ](.*))?$/;

/** Sections whose deeper lines are rows of a table or lists, never keys. */
const TEXT_SECTIONS = new Set(['Events', 'Conditions', 'Non-terminated Pods', 'Allocated resources', 'Args', 'Command', 'Mounts', 'Tolerations', 'Labels', 'Annotations', 'Taints']);

function indentOf(text: string): number {
  let k = 0;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  return k;
}

/** The outline of one `kubectl describe` object. A virtual root (indent -1) holds the top keys. */
export function readDescribe(lines: readonly TextLine[]): DescribeNode {
  const root: DescribeNode = { key: '', value: '', line: lines[0]?.number ?? 1, indent: -1, children: [], text: [] };
  const stack: DescribeNode[] = [root];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const indent = indentOf(l.text);
    while (stack.length > 1 && (stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
    const parent = stack[stack.length - 1] ?? root;
    const inTextSection = stack.some((n) => TEXT_SECTIONS.has(n.key) && n !== root);
    const m = inTextSection ? null : DESCRIBE_KEY.exec(l.text.slice(indent));
    if (m && m[1] !== undefined) {
      const node: DescribeNode = { key: m[1], value: (m[2] ?? '').trim(), line: l.number, indent, children: [], text: [] };
      parent.children.push(node);
      stack.push(node);
    } else {
      // A continuation (Labels, Args, a table row) belongs to the nearest key above it.
      const owner = inTextSection ? (stack.find((n) => TEXT_SECTIONS.has(n.key) && n !== root) ?? parent) : parent;
      owner.text.push({ text: l.text.slice(indent), number: l.number });
    }
  }
  return root;
}

export function child(node: DescribeNode | undefined, key: string): DescribeNode | undefined {
  return node?.children.find((c) => c.key === key);
}

export function value(node: DescribeNode | undefined, key: string): string | null {
  const c = child(node, key);
  if (!c) return null;
  return c.value === '' || c.value === '<none>' || c.value === '<unset>' ? null : c.value;
}

export interface QuantityIssue {
  line: number;
  key: string;
  value: string;
  reason: string;
}

/** `Limits:`/`Requests:`/`Capacity:`/`Allocatable:` children as a resource list. */
export function resourceListOf(node: DescribeNode | undefined, issues: QuantityIssue[]): ResourceList | null {
  if (!node || node.children.length === 0) return null;
  const raw = Object.create(null) as Record<string, string>;
  for (const c of node.children) if (!Object.prototype.hasOwnProperty.call(raw, c.key)) raw[c.key] = c.value;
  return resourceListFromRecord({ ...raw }, node.line, issues, (key) => child(node, key)?.line ?? node.line);
}

export function resourceListFromRecord(raw: Record<string, string>, line: number, issues: QuantityIssue[], lineOf: (key: string) => number): ResourceList {
  const memoryText = Object.prototype.hasOwnProperty.call(raw, 'memory') ? (raw['memory'] ?? null) : null;
  const cpuText = Object.prototype.hasOwnProperty.call(raw, 'cpu') ? (raw['cpu'] ?? null) : null;
  let memoryBytes: number | null = null;
  let cpuCores: number | null = null;
  if (memoryText !== null) {
    const q = parseMemoryQuantity(memoryText);
    if (q.ok) memoryBytes = q.bytes;
    else issues.push({ line: lineOf('memory'), key: 'memory', value: memoryText, reason: q.reason });
  }
  if (cpuText !== null) {
    const q = parseCpuQuantity(cpuText);
    if (q.ok) cpuCores = q.cores;
    else issues.push({ line: lineOf('cpu'), key: 'cpu', value: cpuText, reason: q.reason });
  }
  const lines = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(raw)) lines[key] = lineOf(key);
  return { memoryBytes, memoryText, cpuCores, cpuText, raw, lines: { ...lines }, line };
}

export function quantityWarnings(issues: readonly QuantityIssue[]): ParseWarning[] {
  return issues
    .slice(0, 20)
    .map((i) => warning('quantity-invalid', `"${i.value}" in "${i.key}" is not a Kubernetes quantity (${i.reason}); left out.`, i.line, { key: i.key, value: i.value, reason: i.reason }));
}

const EVENT_TYPES = new Set(['Normal', 'Warning']);

function ageCount(age: string | null): number | null {
  const m = age ? /\(x(\d{1,9}) over /.exec(age) : null;
  return m?.[1] ? Number(m[1]) : null;
}

function looksLikeAge(t: string): boolean {
  return /^(\d+(?:[smhdy]\d*)+|<unknown>|<invalid>)(?: \(x\d+ over .*\))?$/.test(t);
}

/** Reads event rows: under a describe/get-events header, or bare `Warning  OOMKilling  …` lines. */
export function readEvents(lines: readonly TextLine[]): { events: KubeEvent[]; headerFound: boolean } {
  const events: KubeEvent[] = [];
  let columns: TableColumn[] | null = null;
  let headerFound = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || t === 'Events:' || t === '<none>' || /^-{2,}(\s+-{2,})*$/.test(t)) continue;
    if (t.startsWith('Events:')) {
      if (t.includes('<none>')) continue;
    }
    const header = readHeader(l.text);
    const upper = header.map((c) => c.name.toUpperCase());
    if ((upper.includes('TYPE') && upper.includes('REASON') && upper.includes('MESSAGE')) || (upper.includes('REASON') && upper.includes('MESSAGE') && upper.includes('OBJECT'))) {
      columns = header;
      headerFound = true;
      continue;
    }
    if (columns) {
      const cells = splitRow(l.text, columns);
      const cell = (...names: string[]): string | null => {
        const k = columnIndex(columns ?? [], ...names);
        const v = k >= 0 ? cells[k] : undefined;
        return v === undefined || v === '' ? null : v;
      };
      const type = cell('TYPE');
      if (type !== null && !EVENT_TYPES.has(type)) continue;
      const age = cell('AGE', 'LAST SEEN', 'LASTSEEN');
      const countText = cell('COUNT');
      events.push({
        type,
        reason: cell('REASON'),
        age,
        count: countText !== null && /^\d{1,9}$/.test(countText) ? Number(countText) : ageCount(age),
        from: cell('FROM', 'SOURCE'),
        object: cell('OBJECT') ?? (cell('KIND') && cell('NAME') ? `${(cell('KIND') ?? '').toLowerCase()}/${cell('NAME') ?? ''}` : null),
        namespace: cell('NAMESPACE'),
        message: cell('MESSAGE'),
        line: l.number,
      });
      continue;
    }
    // A bare event line: `Warning  OOMKilling  kubelet, node  Memory cgroup out of memory: …`.
    const first = t.split(/\s/, 1)[0] ?? '';
    if (!EVENT_TYPES.has(first)) continue;
    const wide = splitWide(t);
    let reason: string | null;
    let age: string | null = null;
    let from: string | null = null;
    let message: string | null;
    if (wide.length >= 3) {
      reason = wide[1] ?? null;
      const rest = wide.slice(2);
      if (rest.length >= 3) {
        age = rest[0] ?? null;
        from = rest[1] ?? null;
        message = rest.slice(2).join('  ');
      } else if (rest.length === 2) {
        if (looksLikeAge(rest[0] ?? '')) age = rest[0] ?? null;
        else from = rest[0] ?? null;
        message = rest[1] ?? null;
      } else message = rest[0] ?? null;
    } else {
      // Single spaces only: type, reason, then the message.
      const words = t.split(/ +/);
      reason = words[1] ?? null;
      message = words.slice(2).join(' ') || null;
    }
    events.push({ type: first, reason, age, count: ageCount(age), from, object: null, namespace: null, message, line: l.number });
  }
  return { events, headerFound };
}
