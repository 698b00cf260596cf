// `vmstat [N [count]]` output: one sample per row, memory columns in KiB unless `-S` says otherwise
// (`-a` shows inact/active instead of buff/cache; procps 4 adds `gu`; `-t` appends a timestamp).
// The first row's rates (si/so/bi/bo/in/cs/cpu) are averages since boot. Sample:
//   procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----
//    r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st
//    2  0      0 3506912 107976 2156980    0    0   114    32  278 1366  7  3 90  0  0
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { capWarnings } from '../proc/capped-warnings';

export interface VmstatSample {
  line: number;
  /** Every column as a number, keyed by its header name (`r`, `b`, `si`, `us`, …). */
  values: Record<string, number>;
  swpdBytes: number | null;
  freeBytes: number | null;
  buffBytes: number | null;
  cacheBytes: number | null;
  inactBytes: number | null;
  activeBytes: number | null;
  /** `-t` timestamp text as printed; null without -t. */
  timestamp: string | null;
}

export interface VmstatData {
  /** Bytes per unit of the memory columns: 1024 by default, or what a pasted `-S` option says. */
  memoryUnitBytes: number;
  columns: string[];
  samples: VmstatSample[];
}

const MEMORY_COLUMNS: Record<string, keyof Pick<VmstatSample, 'swpdBytes' | 'freeBytes' | 'buffBytes' | 'cacheBytes' | 'inactBytes' | 'activeBytes'>> = {
  swpd: 'swpdBytes',
  free: 'freeBytes',
  buff: 'buffBytes',
  cache: 'cacheBytes',
  inact: 'inactBytes',
  active: 'activeBytes',
};
// -S k (1000), K (1024), m (1000000), M (1048576) — procps vmstat(8).
const UNIT_OPTION: Record<string, number> = { k: 1000, K: 1024, m: 1000 * 1000, M: 1024 * 1024 };

function isGroupHeader(t: string): boolean {
  return /^procs[ \t]+-{2,}/.test(t) && t.includes('memory');
}

function isColumnHeader(t: string): boolean {
  const tokens = t.split(/\s+/);
  return tokens[0] === 'r' && tokens[1] === 'b' && tokens.includes('free') && (tokens.includes('swpd') || tokens.includes('si'));
}

export function detectVmstatCommand(head: string, _path: string): number {
  let group = false;
  let columns = false;
  for (const raw of headLines(head, 40)) {
    const t = raw.trim();
    if (isGroupHeader(t)) group = true;
    else if (isColumnHeader(t)) columns = true;
  }
  if (!columns) return 0;
  return group ? 0.94 : 0.8;
}

export function parseVmstatCommand(text: string, _ctx: ParseContext): ParseResult<VmstatData> {
  const warnings: ParseWarning[] = [];
  const lines = splitLines(text);
  let columns: string[] = [];
  let memoryUnitBytes = 1024;
  const samples: VmstatSample[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || isGroupHeader(t)) continue;
    if (isColumnHeader(t)) {
      // The -t header ends with the time zone (`UTC`), which labels the two timestamp tokens.
      columns = t.split(/\s+/).filter((c) => /^[a-z]{1,6}$/.test(c));
      continue;
    }
    if (/(?:^|[\s$#>])vmstat\b/.test(t) && samples.length === 0) {
      // The pasted command line; `-S M` changes the unit of the memory columns.
      const option = /-S[ \t]*([kKmM])\b/.exec(t);
      if (option && option[1] !== undefined) memoryUnitBytes = UNIT_OPTION[option[1]] ?? 1024;
      continue;
    }
    const tokens = t.split(/\s+/);
    if (columns.length === 0 || tokens.length < columns.length || !tokens.slice(0, columns.length).every((x) => /^-?\d{1,20}$/.test(x))) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    const values: Record<string, number> = Object.create(null) as Record<string, number>;
    columns.forEach((name, index) => {
      values[name] = Number(tokens[index]);
    });
    const sample: VmstatSample = {
      line: i + 1,
      values: { ...values },
      swpdBytes: null,
      freeBytes: null,
      buffBytes: null,
      cacheBytes: null,
      inactBytes: null,
      activeBytes: null,
      timestamp: tokens.length > columns.length ? tokens.slice(columns.length).join(' ') : null,
    };
    for (const [column, field] of Object.entries(MEMORY_COLUMNS)) {
      const v = values[column];
      if (v === undefined) continue;
      const bytes = v * memoryUnitBytes;
      sample[field] = Number.isSafeInteger(bytes) ? bytes : null;
    }
    samples.push(sample);
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not vmstat rows and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (samples.length === 0) return { status: 'unusable', warnings: [warning('vmstat-no-samples', 'No vmstat sample rows found under a column header.'), ...warnings] };
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { memoryUnitBytes, columns, samples }, warnings: capWarnings(warnings) };
}

export const vmstatCommandFormat: FormatDefinition<VmstatData> = {
  id: 'vmstat',
  area: 'proc',
  detect: detectVmstatCommand,
  parse: parseVmstatCommand,
};
