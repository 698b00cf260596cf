// Prometheus text from the kubelet's cAdvisor endpoint (kubectl get --raw
// /api/v1/nodes/<node>/proxy/metrics/cadvisor) or a standalone cAdvisor. Only the memory series
// are kept, grouped per cgroup (`id` label). Labels: kubelet 1.16+ (`pod`, `namespace`,
// `container`), older kubelets (`pod_name`, `container_name`), standalone cAdvisor with docker
// labels (`container_label_io_kubernetes_pod_name`, …). These files reach hundreds of MB:
// `lineParser` reads them line by line. Sample:
//   # TYPE container_memory_working_set_bytes gauge
//   container_memory_working_set_bytes{container="",id="/kubepods",image="",name="",namespace="",pod=""} 5.49412864e+08 1626540112334
//   container_spec_memory_limit_bytes{container="my-nettools",id="/kubepods.slice/…",pod="my-…"} 1.073741824e+09
import type { FormatDefinition, LineParser, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { sampleInteger, scanPrometheusLine } from './prometheus-line';

/** The typed memory fields of a cgroup, keyed by the metric that carries them. */
export const CADVISOR_MEMORY_FIELDS = {
  container_memory_working_set_bytes: 'workingSetBytes',
  container_memory_usage_bytes: 'usageBytes',
  container_memory_rss: 'rssBytes',
  container_memory_cache: 'cacheBytes',
  container_memory_mapped_file: 'mappedFileBytes',
  container_memory_swap: 'swapBytes',
  container_memory_max_usage_bytes: 'maxUsageBytes',
  container_memory_kernel_usage: 'kernelUsageBytes',
  container_memory_total_active_file_bytes: 'activeFileBytes',
  container_memory_total_inactive_file_bytes: 'inactiveFileBytes',
  container_memory_failcnt: 'failcnt',
  container_spec_memory_limit_bytes: 'limitBytes',
  container_spec_memory_reservation_limit_bytes: 'reservationBytes',
  container_spec_memory_swap_limit_bytes: 'swapLimitBytes',
  container_oom_events_total: 'oomEvents',
} as const;

export type CadvisorField = (typeof CADVISOR_MEMORY_FIELDS)[keyof typeof CADVISOR_MEMORY_FIELDS];

/** Where the cgroup sits: the node root, a QoS class, a pod, its sandbox (pause), a container. */
export type CadvisorRole = 'node' | 'qos' | 'pod' | 'sandbox' | 'container' | 'other';

export interface CadvisorSample {
  metric: string;
  /** The labels that tell this series from the cgroup's others (`failure_type`, `scope`, `type`). */
  labels: Record<string, string>;
  value: number | null;
  /** The value as written (kept for huge or non-integer values). */
  text: string;
  timestampMs: number | null;
  line: number;
}

export type CadvisorValues = { [K in CadvisorField]: number | null };

export interface CadvisorContainer extends CadvisorValues {
  /** The cgroup path (`id` label), e.g. `/kubepods.slice/…/docker-24ec….scope`. */
  id: string | null;
  role: CadvisorRole;
  pod: string | null;
  namespace: string | null;
  container: string | null;
  /** From a docker label or the `pod<uid>` part of the cgroup path (dashes restored). */
  podUid: string | null;
  /** The runtime's container name (`k8s_POD_…` with dockershim). */
  name: string | null;
  image: string | null;
  labelStyle: 'kubelet' | 'kubelet-legacy' | 'docker-labels' | 'none';
  /** A spec limit of 0 or ≥ 2^62 means no limit. null when no limit series was read. */
  limitUnlimited: boolean | null;
  /** Line of each typed field's sample. */
  lines: Partial<Record<CadvisorField, number>>;
  /** Text of typed fields whose value is not a usable integer (huge, NaN, fraction). */
  valueText: Partial<Record<CadvisorField, string>>;
  timestampMs: number | null;
  /** Other memory series of this cgroup (failures by type and scope, NUMA pages, …): the first sample of each, at most 200. */
  otherSamples: CadvisorSample[];
}

export interface CadvisorData {
  containers: CadvisorContainer[];
  machineMemoryBytes: number | null;
  /** Samples of metrics that are not about memory, counted and dropped (of the lines read). */
  skippedSamples: number;
  /**
   * Lines skimmed, not read: a streamed file's blocks holding no memory series (CADVISOR_ANCHORS).
   * Absent when every line was read. `skippedSamples` and the "not Prometheus samples" warning
   * cover the lines read only.
   */
  skimmedLineCount?: number;
}

/** Every memory series' name holds one of these (container_memory_*, container_spec_memory_*, machine_memory_bytes, container_oom_events_total). */
export const CADVISOR_ANCHORS = ['memory', 'oom_events'] as const;

// Labels that split one cgroup's metric into several series. Every other label names the cgroup or
// the scrape (`instance`, `job`, `node`, a federation's `cluster` …) and does not make a new series.
const DIMENSIONS = new Set(['failure_type', 'scope', 'type', 'zone']);

function isDimension(metric: string, label: string): boolean {
  // container_memory_numa_pages{node="0",scope=…,type=…}: here `node` is the NUMA node.
  return DIMENSIONS.has(label) || (label === 'node' && metric.includes('numa'));
}

declare const TextEncoder: new () => { encode(text: string): Uint8Array };
const utf8 = new TextEncoder();

const UNLIMITED_THRESHOLD = 2 ** 62;
const MAX_SAMPLES_PER_CONTAINER = 200;

function isMemoryMetric(name: string): boolean {
  return name.startsWith('container_memory_') || name.startsWith('container_spec_memory_') || name === 'container_oom_events_total' || name === 'machine_memory_bytes';
}

const FIELD_NAMES: readonly CadvisorField[] = Object.values(CADVISOR_MEMORY_FIELDS);

function emptyValues(): CadvisorValues {
  const v = {} as CadvisorValues;
  for (const field of FIELD_NAMES) v[field] = null;
  return v;
}

/** The metric name at the start of a line, without scanning its labels (most lines are skipped on it). */
function metricName(line: string): string {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const start = i;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 123 || c === 32 || c === 9) break;
    i++;
  }
  return line.slice(start, i);
}

const POD_UID_IN_PATH = /pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})/;

function roleOf(c: CadvisorContainer): CadvisorRole {
  const id = c.id ?? '';
  if (id === '/') return 'node';
  if (c.container === 'POD') return 'sandbox';
  if (c.container) return 'container';
  if (c.pod) return c.name || c.image ? 'sandbox' : 'pod';
  if (/^\/kubepods(\.slice)?(\/kubepods-(besteffort|burstable)\.slice|\/(besteffort|burstable))?$/.test(id)) return 'qos';
  if (POD_UID_IN_PATH.test(id)) return 'pod';
  return 'other';
}

function field(metric: string): CadvisorField | undefined {
  return Object.prototype.hasOwnProperty.call(CADVISOR_MEMORY_FIELDS, metric) ? CADVISOR_MEMORY_FIELDS[metric as keyof typeof CADVISOR_MEMORY_FIELDS] : undefined;
}

export function createCadvisorLineParser(_ctx?: ParseContext): LineParser<CadvisorData> {
  const byKey = new Map<string, CadvisorContainer>();
  let machineMemoryBytes: number | null = null;
  let skippedSamples = 0;
  let skimmedLineCount = 0;
  let samples = 0;
  const truncated: number[] = [];
  const malformed: number[] = [];
  const duplicates: number[] = [];
  const badValues: { line: number; text: string; metric: string }[] = [];

  const containerFor = (labels: Map<string, string>): CadvisorContainer => {
    const get = (k: string): string | null => {
      const v = labels.get(k);
      return v === undefined || v === '' ? null : v;
    };
    const id = labels.get('id') ?? null;
    const pod = get('pod') ?? get('pod_name') ?? get('container_label_io_kubernetes_pod_name');
    const namespace = get('namespace') ?? get('container_label_io_kubernetes_pod_namespace');
    const container = get('container') ?? get('container_name') ?? get('container_label_io_kubernetes_container_name');
    const name = get('name');
    const key = id !== null ? `id:${id}` : `k:${namespace ?? ''}/${pod ?? ''}/${container ?? ''}/${name ?? ''}`;
    let c = byKey.get(key);
    if (!c) {
      const uidMatch = id ? POD_UID_IN_PATH.exec(id) : null;
      c = {
        ...emptyValues(),
        id,
        role: 'other',
        pod,
        namespace,
        container,
        podUid: get('container_label_io_kubernetes_pod_uid') ?? (uidMatch?.[1] ? uidMatch[1].replace(/_/g, '-') : null),
        name,
        image: get('image'),
        labelStyle: labels.has('pod') || labels.has('container') ? 'kubelet' : labels.has('pod_name') || labels.has('container_name') ? 'kubelet-legacy' : [...labels.keys()].some((k) => k.startsWith('container_label_io_kubernetes_')) ? 'docker-labels' : 'none',
        limitUnlimited: null,
        lines: {},
        valueText: {},
        timestampMs: null,
        otherSamples: [],
      };
      c.role = roleOf(c);
      byKey.set(key, c);
    }
    return c;
  };

  /**
   * A series seen before, as the full path would take it: counted, its value checked, kept out.
   * False (the full path decides) when no value follows the labels.
   */
  const repeatedTyped = (line: string, close: number, lineNumber: number, c: CadvisorContainer): boolean => {
    const isSpace = (code: number): boolean => code === 32 || code === 9;
    let i = close + 1;
    while (isSpace(line.charCodeAt(i))) i++;
    const start = i;
    if (start >= line.length) return false;
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
    const valueText = line.slice(start, i);
    while (isSpace(line.charCodeAt(i))) i++;
    const tsStart = i;
    while (i < line.length && !isSpace(line.charCodeAt(i))) i++;
    const timestampText = line.slice(tsStart, i);
    samples++;
    const parsed = sampleInteger(valueText);
    if (!parsed.ok && badValues.length < 1000) badValues.push({ line: lineNumber, text: valueText, metric: line.slice(0, line.indexOf('{')) });
    if (c.timestampMs === null && /^\d{1,16}$/.test(timestampText)) c.timestampMs = Number(timestampText);
    duplicates.push(lineNumber);
    return true;
  };

  /** The end of a line's label set when it surely is the first `}` (no quote after it) and a space follows; else -1. */
  const labelsEnd = (line: string, nameLength: number): number => {
    if (line.charCodeAt(nameLength) !== 123) return -1;
    const close = line.indexOf('}', nameLength);
    if (close < 0 || line.indexOf('"', close) >= 0) return -1;
    const next = line.charCodeAt(close + 1);
    return next === 32 || next === 9 ? close : -1;
  };

  // Text up to `}` of the series already stored: a file of many scrapes repeats each one, and a
  // repeat is known by its text without scanning its labels again (bench/RESULTS.md). Kept in the
  // order first seen too: a later scrape lists them in the same order, so a streamed file's repeat
  // is known by comparing its bytes with the series expected next (rawLine), nothing decoded.
  const seenSeries = new Map<string, number>();
  const seriesOrder: { keyBytes: Uint8Array; container: CadvisorContainer }[] = [];
  let expected = 0;
  const remember = (key: string, c: CadvisorContainer): void => {
    if (seenSeries.has(key)) return;
    seenSeries.set(key, seriesOrder.length);
    seriesOrder.push({ keyBytes: utf8.encode(key), container: c });
    expected = seriesOrder.length;
  };
  // The series with dimension labels (failure_type, scope, …) each cgroup already has, by metric and dimensions.
  const dimensionSeries = new Map<CadvisorContainer, Set<string>>();

  return {
    pushLine(line: string, lineNumber: number): void {
      // Most lines of a scrape are other container_ metrics: skipped on their first characters.
      if (line.startsWith('container_') && !line.startsWith('container_memory_') && !line.startsWith('container_spec_memory_') && !line.startsWith('container_oom_events_total')) {
        skippedSamples++;
        return;
      }
      const name = metricName(line);
      if (name.startsWith('container_') || name.startsWith('machine_')) {
        if (!isMemoryMetric(name)) {
          skippedSamples++;
          return;
        }
      }
      const close = labelsEnd(line, name.length);
      const seenAt = close > 0 ? seenSeries.get(line.slice(0, close + 1)) : undefined;
      const seen = seenAt === undefined ? undefined : seriesOrder[seenAt];
      if (seenAt !== undefined && seen && repeatedTyped(line, close, lineNumber, seen.container)) {
        expected = seenAt + 1;
        return;
      }
      const scanned = scanPrometheusLine(line);
      if (scanned.kind === 'blank' || scanned.kind === 'comment') return;
      if (scanned.kind === 'malformed') {
        if (line.trim() !== '--') malformed.push(lineNumber);
        return;
      }
      if (scanned.kind === 'truncated') {
        if (isMemoryMetric(scanned.name)) truncated.push(lineNumber);
        return;
      }
      if (!isMemoryMetric(scanned.name)) {
        skippedSamples++;
        return;
      }
      samples++;
      const parsed = sampleInteger(scanned.valueText);
      const value = parsed.ok ? parsed.value : null;
      const ts = scanned.timestampText !== null && /^\d{1,16}$/.test(scanned.timestampText) ? Number(scanned.timestampText) : null;
      if (!parsed.ok && badValues.length < 1000) badValues.push({ line: lineNumber, text: scanned.valueText, metric: scanned.name });
      if (scanned.name === 'machine_memory_bytes') {
        if (machineMemoryBytes === null) machineMemoryBytes = value;
        return;
      }
      const labels = new Map<string, string>(scanned.labels);
      const c = containerFor(labels);
      if (ts !== null && c.timestampMs === null) c.timestampMs = ts;
      const dims: [string, string][] = scanned.labels.filter(([k]) => isDimension(scanned.name, k));
      const f = field(scanned.name);
      if (f && dims.length === 0) {
        if (c.lines[f] !== undefined) {
          duplicates.push(lineNumber);
          return;
        }
        c.lines[f] = lineNumber;
        if (close > 0) remember(line.slice(0, close + 1), c);
        c[f] = value;
        if (!parsed.ok) c.valueText[f] = scanned.valueText;
        if (f === 'limitBytes') {
          // cAdvisor reports "no limit" as 0 (cgroup v2 `max`) or as the v1 page-counter maximum.
          const unlimited = parsed.ok ? parsed.value === 0 || parsed.value >= UNLIMITED_THRESHOLD : parsed.reason === 'too-large';
          c.limitUnlimited = unlimited;
          if (unlimited) c.limitBytes = null;
        }
        return;
      }
      // A later scrape's sample of a series already kept is a repeat, as for the typed fields: the first value stays.
      const dimensionKey = `${scanned.name}\u0000${dims
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join('\u0000')}`;
      let kept = dimensionSeries.get(c);
      if (!kept) dimensionSeries.set(c, (kept = new Set()));
      if (kept.has(dimensionKey)) {
        duplicates.push(lineNumber);
        return;
      }
      kept.add(dimensionKey);
      if (close > 0) remember(line.slice(0, close + 1), c);
      if (c.otherSamples.length >= MAX_SAMPLES_PER_CONTAINER) return;
      const dimRecord = Object.create(null) as Record<string, string>;
      for (const [k, v] of dims) dimRecord[k] = v;
      c.otherSamples.push({ metric: scanned.name, labels: { ...dimRecord }, value, text: scanned.valueText, timestampMs: ts, line: lineNumber });
    },

    // Prometheus lines stand alone: between any two of them nothing is pending.
    skip: {
      anchors: CADVISOR_ANCHORS,
      canSkip: () => true,
      skipped: (count) => {
        skimmedLineCount += count;
      },
      /**
       * The series expected next, repeated with a usable value: what repeatedTyped does with it, from
       * its bytes. Anything else (another series, a bad value, a cgroup still without a timestamp,
       * a quote after the labels) goes the text way.
       */
      rawLine(bytes, start, end, lineNumber) {
        const next = seriesOrder[expected];
        if (!next) return false;
        const key = next.keyBytes;
        const n = key.length;
        if (end - start <= n + 1 || next.container.timestampMs === null) return false;
        for (let i = n - 1; i >= 0; i--) if (bytes[start + i] !== key[i]) return false;
        let i = start + n;
        if (bytes[i] !== 32 && bytes[i] !== 9) return false;
        while (i < end && (bytes[i] === 32 || bytes[i] === 9)) i++;
        const valueStart = i;
        let value = '';
        for (; i < end && bytes[i] !== 32 && bytes[i] !== 9; i++) {
          const b = bytes[i] ?? 0;
          if (b === 34 || b > 127) return false;
          value += String.fromCharCode(b);
        }
        if (i === valueStart || !sampleInteger(value).ok) return false;
        for (; i < end; i++) if (bytes[i] === 34) return false;
        samples++;
        duplicates.push(lineNumber);
        expected++;
        return true;
      },
    },

    finish(): ParseResult<CadvisorData> {
      const warnings: ParseWarning[] = [];
      if (truncated.length > 0) {
        warnings.push(warning('line-truncated', `${truncated.length} line(s) are cut short (e.g. by \`cut -b\`) and were skipped (first: line ${truncated[0]}).`, truncated[0], { count: truncated.length }));
      }
      if (malformed.length > 0) {
        warnings.push(warning('lines-ignored', `${malformed.length} line(s) are not Prometheus samples and were skipped (first: line ${malformed[0]}).`, malformed[0], { count: malformed.length }));
      }
      if (duplicates.length > 0) {
        warnings.push(warning('duplicate-series', `${duplicates.length} series appear again (several scrapes in one file?); the first value is kept (first repeat: line ${duplicates[0]}).`, duplicates[0], { count: duplicates.length }));
      }
      const firstBad = badValues[0];
      if (firstBad) {
        warnings.push(
          warning('value-too-large', `${badValues.length} value(s) are not usable byte counts (e.g. ${firstBad.text} for ${firstBad.metric}, line ${firstBad.line}); their text is kept, no figure is shown.`, firstBad.line, {
            count: badValues.length,
            value: firstBad.text,
            key: firstBad.metric,
          }),
        );
      }
      const containers = [...byKey.values()];
      if (samples === 0) {
        return { status: 'unusable', warnings: [warning('no-memory-series', 'No cAdvisor memory series (container_memory_*) found.'), ...warnings] };
      }
      const value: CadvisorData = { containers, machineMemoryBytes, skippedSamples };
      if (skimmedLineCount > 0) value.skimmedLineCount = skimmedLineCount;
      return { status: warnings.length > 0 ? 'partial' : 'parsed', value, warnings };
    },
  };
}

export function parseCadvisorPrometheus(text: string, ctx: ParseContext): ParseResult<CadvisorData> {
  const parser = createCadvisorLineParser(ctx);
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) parser.pushLine(lines[i] ?? '', i + 1);
  return parser.finish();
}

export function detectCadvisorPrometheus(head: string): number {
  let memory = 0;
  let container = 0;
  let other = 0;
  for (const raw of headLines(head, 400)) {
    const line = raw.trimStart();
    if (line === '') continue;
    if (line.startsWith('# HELP container_') || line.startsWith('# TYPE container_')) {
      container++;
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.startsWith('container_memory_') || line.startsWith('container_spec_memory_') || line.startsWith('container_oom_events_total')) memory++;
    else if (line.startsWith('container_') && line.includes('{')) container++;
    else other++;
  }
  if (memory > 0 && memory + container >= other) return Math.min(0.95, 0.8 + memory / 100);
  if (memory > 0) return 0.6;
  if (container >= 3 && container >= other) return 0.7;
  return 0;
}

export const cadvisorPrometheusFormat: FormatDefinition<CadvisorData> = {
  id: 'cadvisor-prometheus',
  area: 'kubernetes',
  detect: (head) => detectCadvisorPrometheus(head),
  parse: parseCadvisorPrometheus,
  lineParser: createCadvisorLineParser,
};
