// `kubectl get pods` and `kubectl top pod|node` tables (with or without NAMESPACE, `-o wide`,
// `--containers`, trailing spaces, misaligned pastes). Samples:
//   NAME            READY     STATUS      RESTARTS   AGE
//   memory-demo-2   0/1       OOMKilled   5 (2m ago) 24s
//   NAMESPACE     NAME                    CPU(cores)   MEMORY(bytes)
//   default       resource-consumer-pod   100m         7Mi
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { columnIndex, readHeader, splitRow, type TableColumn } from '../text/columns';
import { parseCpuQuantity, parseMemoryQuantity } from '../../model/quantity';
import { contentLines } from '../text/pasted';

export interface KubectlPodRow {
  namespace: string | null;
  name: string | null;
  /** READY as printed (`0/1`). */
  ready: string | null;
  readyContainers: number | null;
  totalContainers: number | null;
  /** `Running`, `OOMKilled`, `CrashLoopBackOff`, `Evicted`, … */
  status: string | null;
  restarts: number | null;
  /** From `5 (2m ago)` (kubectl 1.22+). */
  lastRestartAgo: string | null;
  age: string | null;
  ip: string | null;
  node: string | null;
  line: number;
}

export interface KubectlGetPodsData {
  rows: KubectlPodRow[];
}

export interface KubectlTopRow {
  namespace: string | null;
  /** `kubectl top pod --containers`: the pod of the container row. */
  pod: string | null;
  name: string | null;
  cpuCores: number | null;
  cpuText: string | null;
  /** The working set, which kubectl prints truncated to whole MiB: up to 1 MiB low. */
  memoryBytes: number | null;
  memoryText: string | null;
  cpuPercent: number | null;
  memoryPercent: number | null;
  line: number;
}

export interface KubectlTopData {
  kind: 'pod' | 'node' | 'container';
  rows: KubectlTopRow[];
}

interface Table {
  columns: TableColumn[];
  rows: { cells: string[]; line: number }[];
  skipped: number[];
}

function readTable(source: string, isHeader: (names: string[]) => boolean): Table | null {
  const { lines } = contentLines(source);
  let columns: TableColumn[] | null = null;
  const rows: { cells: string[]; line: number }[] = [];
  const skipped: number[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const header = readHeader(l.text);
    if (isHeader(header.map((c) => c.name.toUpperCase()))) {
      columns = header;
      continue;
    }
    if (!columns) {
      skipped.push(l.number);
      continue;
    }
    if (l.text.trim().startsWith('No resources found')) continue;
    rows.push({ cells: splitRow(l.text, columns), line: l.number });
  }
  return columns ? { columns, rows, skipped } : null;
}

function cellOf(t: Table, cells: string[]): (...names: string[]) => string | null {
  return (...names) => {
    const k = columnIndex(t.columns, ...names);
    const v = k >= 0 ? cells[k] : undefined;
    return v === undefined || v === '' || v === '<none>' ? null : v;
  };
}

const isPodsHeader = (n: string[]): boolean => n.includes('NAME') && n.includes('READY') && n.includes('STATUS') && n.includes('RESTARTS');
const isTopHeader = (n: string[]): boolean => n.includes('CPU(CORES)') && n.includes('MEMORY(BYTES)');

function skippedWarning(skipped: number[]): ParseWarning[] {
  return skipped.length > 0 ? [warning('lines-ignored', `${skipped.length} line(s) before the table were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length })] : [];
}

export function parseKubectlGetPods(source: string, _ctx: ParseContext): ParseResult<KubectlGetPodsData> {
  const t = readTable(source, isPodsHeader);
  if (!t) return { status: 'unusable', warnings: [warning('no-table-header', 'No `kubectl get pods` header (NAME READY STATUS RESTARTS) found.')] };
  const rows = t.rows.map(({ cells, line }): KubectlPodRow => {
    const cell = cellOf(t, cells);
    const ready = cell('READY');
    const readyMatch = ready ? /^(\d{1,4})\/(\d{1,4})$/.exec(ready) : null;
    const restartsText = cell('RESTARTS');
    const restartMatch = restartsText ? /^(\d{1,9})(?: \((.{1,40}) ago\))?$/.exec(restartsText) : null;
    return {
      namespace: cell('NAMESPACE'),
      name: cell('NAME'),
      ready,
      readyContainers: readyMatch?.[1] ? Number(readyMatch[1]) : null,
      totalContainers: readyMatch?.[2] ? Number(readyMatch[2]) : null,
      status: cell('STATUS'),
      restarts: restartMatch?.[1] ? Number(restartMatch[1]) : null,
      lastRestartAgo: restartMatch?.[2] ?? null,
      age: cell('AGE'),
      ip: cell('IP'),
      node: cell('NODE'),
      line,
    };
  });
  const warnings = skippedWarning(t.skipped);
  if (rows.length === 0) warnings.push(warning('no-rows', 'The table has a header but no rows.'));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { rows }, warnings };
}

export function parseKubectlTop(source: string, _ctx: ParseContext): ParseResult<KubectlTopData> {
  const t = readTable(source, isTopHeader);
  if (!t) return { status: 'unusable', warnings: [warning('no-table-header', 'No `kubectl top` header (CPU(cores) MEMORY(bytes)) found.')] };
  const names = t.columns.map((c) => c.name.toUpperCase());
  const kind: KubectlTopData['kind'] = names.includes('POD') ? 'container' : names.includes('CPU%') || names.includes('MEMORY%') || names.includes('CPU(%)') ? 'node' : 'pod';
  const issues: { line: number; text: string }[] = [];
  const rows = t.rows.map(({ cells, line }): KubectlTopRow => {
    const cell = cellOf(t, cells);
    const cpuText = cell('CPU(cores)');
    const memoryText = cell('MEMORY(bytes)');
    const cpu = cpuText !== null ? parseCpuQuantity(cpuText) : null;
    const memory = memoryText !== null ? parseMemoryQuantity(memoryText) : null;
    if ((cpu && !cpu.ok) || (memory && !memory.ok)) issues.push({ line, text: `${cpuText ?? ''} ${memoryText ?? ''}`.trim() });
    const pct = (v: string | null): number | null => (v !== null && /^\d{1,5}%$/.test(v) ? Number(v.slice(0, -1)) : null);
    return {
      namespace: cell('NAMESPACE'),
      pod: cell('POD'),
      name: cell('NAME'),
      cpuCores: cpu?.ok ? cpu.cores : null,
      cpuText,
      memoryBytes: memory?.ok ? memory.bytes : null,
      memoryText,
      cpuPercent: pct(cell('CPU%', 'CPU(%)')),
      memoryPercent: pct(cell('MEMORY%', 'MEMORY(%)')),
      line,
    };
  });
  const warnings = skippedWarning(t.skipped);
  const firstIssue = issues[0];
  if (firstIssue) warnings.push(warning('quantity-invalid', `${issues.length} row(s) hold values that are not Kubernetes quantities (first: line ${firstIssue.line}: ${firstIssue.text}).`, firstIssue.line, { key: 'kubectl top', value: firstIssue.text, reason: 'format' }));
  if (rows.length === 0) warnings.push(warning('no-rows', 'The table has a header but no rows.'));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { kind, rows }, warnings };
}

function detectHeader(head: string, isHeader: (names: string[]) => boolean): number {
  for (const line of headLines(head, 40)) if (isHeader(readHeader(line).map((c) => c.name.toUpperCase()))) return 0.9;
  return 0;
}

export const kubectlGetPodsFormat: FormatDefinition<KubectlGetPodsData> = {
  id: 'kubectl-get-pods',
  area: 'kubernetes',
  detect: (head) => detectHeader(head, isPodsHeader),
  parse: parseKubectlGetPods,
};

export const kubectlTopFormat: FormatDefinition<KubectlTopData> = {
  id: 'kubectl-top',
  area: 'kubernetes',
  detect: (head) => detectHeader(head, isTopHeader),
  parse: parseKubectlTop,
};
