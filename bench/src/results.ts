// Formats what the bench measured: a plain-text table for the terminal and bench/RESULTS.md
// (machine, cases, targets, the app). The part of RESULTS.md below the history marker is kept
// as it is: it holds the hand-written before/after notes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine';
import type { Measured } from './measure';

export interface ChildReport {
  ms: number;
  maxRssBytes: number;
  sampledPeakRssBytes: number;
  detail: Record<string, unknown>;
}

export interface BaselineResult {
  label: string;
  measured: Measured | null;
  /** Why it was not run (tool missing). */
  skipped?: string;
}

export interface CaseResult {
  id: string;
  title: string;
  input: string;
  sizeBytes: number;
  ours: Measured;
  child: ChildReport;
  baselines: BaselineResult[];
  readLimit: Measured | null;
  check: string;
}

export interface TargetResult {
  target: string;
  measured: string;
  holds: boolean | null;
}

export interface AppResult {
  measure: string;
  value: string;
  target: string;
  holds: boolean | null;
}

export const HISTORY_MARKER = '<!-- bench:history — everything below is kept by `npm run bench`; edit it by hand -->';

export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
export const seconds = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const rate = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;

export function ratio(ours: Measured, baseline: Measured | null): number | null {
  return baseline ? ours.wallMs / baseline.wallMs : null;
}

function peak(c: CaseResult): number {
  return c.ours.maxRssBytes ?? c.child.maxRssBytes;
}

export function caseRows(cases: readonly CaseResult[]): string[][] {
  return cases.map((c) => {
    const first = c.baselines.find((b) => b.measured !== null);
    const r = first ? ratio(c.ours, first.measured) : null;
    const baselineText = c.baselines.map((b) => (b.measured ? `${b.label}: ${seconds(b.measured.wallMs)}` : `${b.label}: ${b.skipped ?? 'not run'}`)).join('; ');
    return [
      c.title,
      mb(c.sizeBytes),
      seconds(c.ours.wallMs),
      c.sizeBytes > 1e7 ? rate(c.sizeBytes, c.ours.wallMs) : '—',
      mb(peak(c)),
      baselineText,
      r === null ? '—' : `${r.toFixed(2)}×`,
      c.readLimit && c.sizeBytes > 1e7 ? rate(c.sizeBytes, c.readLimit.wallMs) : '—',
      c.check,
    ];
  });
}

export const CASE_HEADER = ['Case', 'Input', 'OOMScope', 'Throughput', 'Peak RSS', 'Baseline (same file, same run)', 'Ratio', 'Read limit (cat)', 'Check'];

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((cell, i) => cell.slice(0, 60).padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const holdsText = (h: boolean | null): string => (h === null ? 'not measured' : h ? 'yes' : '**no**');

export function writeResults(path: string, run: { date: string; scale: number; runs: number; machine: Machine; loadAfter: string; cases: CaseResult[]; targets: TargetResult[]; app: AppResult[] | string; notes: string[] }): void {
  const m = run.machine;
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = previous.indexOf(HISTORY_MARKER);
  const history = at >= 0 ? previous.slice(at + HISTORY_MARKER.length).replace(/^\n+/, '') : '';
  const app = typeof run.app === 'string' ? run.app : markdownTable(['Measure', 'Value', 'Target', 'Holds'], run.app.map((a) => [a.measure, a.value, a.target, holdsText(a.holds)]));
  const text = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${run.date}${run.scale !== 1 ? ` with \`--scale ${run.scale}\` (inputs smaller than the issue's sizes)` : ''}. Inputs are generated deterministically`,
    'from the real samples in `test/fixtures/` (bench/src/inputs/); each OOMScope case runs the CLI/importer code in its own',
    `Node process under \`/usr/bin/time\`, right after its baselines on the same file; every time is the median of ${run.runs} runs.`,
    'MB = 10^6 bytes. Ratio = OOMScope wall time / first baseline wall time. Read limit = `cat file > /dev/null` (files are in',
    'the page cache).',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.os}, Linux ${m.kernel}; Node ${m.node}; ${m.grep}; ${m.jq}; ${m.sha256sum}.`,
    `Load average (1/5/15 min) before: ${m.loadBefore}; after: ${run.loadAfter}. Other work on the machine during the run makes wall times noisier.`,
    '',
    '## Parsing and import (CLI code paths)',
    '',
    markdownTable(CASE_HEADER, caseRows(run.cases)),
    '',
    '## Targets (issue 9)',
    '',
    markdownTable(['Target', 'Measured', 'Holds'], run.targets.map((t) => [t.target, t.measured, holdsText(t.holds)])),
    '',
    '## In the app (Chromium, test/e2e/bench/)',
    '',
    app,
    '',
    ...(run.notes.length > 0 ? ['## Notes from this run', '', ...run.notes.map((n) => `- ${n}`), ''] : []),
    HISTORY_MARKER,
    '',
    history,
  ].join('\n');
  writeFileSync(path, `${text.trimEnd()}\n`);
}
