// Pressure stall information: cgroup v2 `memory.pressure` and the node's `/proc/pressure/memory`
// (also cpu/io). `some` = share of time at least one task stalled on memory, `full` = all non-idle
// tasks stalled; avg10/60/300 are percentages, total is cumulative stall time in microseconds. Sample:
//   some avg10=0.00 avg60=0.00 avg300=0.00 total=250773
//   full avg10=0.00 avg60=0.00 avg300=0.00 total=250662
//   /proc/pressure/memory:1:some avg10=70.24 avg60=68.52 avg300=69.91 total=3559632828   (grep -n)
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { parseInteger } from '../text/numbers';
import { baseName, dirName } from '../proc/path-hints';
import { capWarnings } from '../proc/capped-warnings';

export interface PsiLine {
  avg10: number | null;
  avg60: number | null;
  avg300: number | null;
  /** Cumulative stall time in µs; null when absent or beyond 2^53. */
  totalMicroseconds: number | null;
  totalText: string | null;
  line: number;
}

export interface PsiData {
  /** `memory`, `cpu`, `io` or `irq` from the name; null when the name does not say. */
  resource: string | null;
  /** `cgroup` for `<group>/memory.pressure`, `node` for `/proc/pressure/<resource>`; null when unknown. */
  scope: 'cgroup' | 'node' | null;
  some: PsiLine | null;
  full: PsiLine | null;
}

// `some avg10=0.00 avg60=0.00 avg300=0.00 total=0`, after any grep prefix and indentation.
const PSI_LINE = /(?:^|[\s:])(some|full) +avg10=(\d{1,4}\.\d{1,4}) +avg60=(\d{1,4}\.\d{1,4}) +avg300=(\d{1,4}\.\d{1,4}) +total=(\d{1,25})\s*$/;

export function detectPsi(head: string, path: string): number {
  let hits = 0;
  let other = 0;
  for (const raw of headLines(head, 40)) {
    const t = raw.trim();
    if (t === '') continue;
    if (PSI_LINE.test(t)) hits++;
    else other++;
  }
  if (hits === 0 || other > hits + 2) return 0;
  const nameHint = /pressure/.test(path) ? 0.03 : 0;
  return 0.93 + nameHint;
}

function resourceFrom(path: string): Pick<PsiData, 'resource' | 'scope'> {
  const name = baseName(path);
  const cg = /^(memory|cpu|io|irq)\.pressure/.exec(name);
  if (cg && cg[1] !== undefined) return { resource: cg[1], scope: 'cgroup' };
  const node = /^(memory|cpu|io|irq)(?:$|[.\-_ ])/.exec(name);
  if (node && node[1] !== undefined && baseName(dirName(path)) === 'pressure') return { resource: node[1], scope: 'node' };
  const pasted = /pressure[-_.](memory|cpu|io|irq)/.exec(name);
  if (pasted && pasted[1] !== undefined) return { resource: pasted[1], scope: 'node' };
  return { resource: null, scope: null };
}

export function parsePsi(text: string, ctx: ParseContext): ParseResult<PsiData> {
  const warnings: ParseWarning[] = [];
  const data: PsiData = { ...resourceFrom(ctx.path), some: null, full: null };
  const lines = splitLines(text);
  let skipped = 0;
  let firstSkipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t === '--') continue;
    const m = PSI_LINE.exec(t);
    if (!m) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    const kind = m[1] === 'some' ? 'some' : 'full';
    if (data[kind] !== null) {
      warnings.push(warning('duplicate-key', `Key "${kind}" appears again; the first value is kept.`, i + 1, { key: kind }));
      continue;
    }
    const total = parseInteger(m[5] ?? '');
    data[kind] = {
      avg10: Number(m[2]),
      avg60: Number(m[3]),
      avg300: Number(m[4]),
      totalMicroseconds: total.ok ? total.value : null,
      totalText: m[5] ?? null,
      line: i + 1,
    };
    if (!total.ok) {
      warnings.push(warning('value-not-integer', `Value of "${kind} total" (${m[5]}) is not a usable integer (${total.reason}); kept as text.`, i + 1, { key: `${kind}.total`, value: m[5] ?? '' }));
    }
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not pressure lines and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (data.some === null && data.full === null) return { status: 'unusable', warnings: [warning('no-psi-lines', 'No "some"/"full" pressure lines found.'), ...warnings] };
  // `full` is absent for cpu on kernels before 5.13 (Documentation/accounting/psi.rst), never for memory.
  if (data.some === null) warnings.push(warning('missing-key', 'Key "some" is not present.', undefined, { key: 'some' }));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: data, warnings: capWarnings(warnings) };
}

export const psiFormat: FormatDefinition<PsiData> = {
  id: 'psi',
  area: 'cgroup',
  detect: detectPsi,
  parse: parsePsi,
};
