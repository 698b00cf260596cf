// `jcmd <pid> VM.native_memory summary` and `summary.diff` (Native Memory Tracking): reserved and
// committed memory per JVM category. Amounts are in the scale jcmd was asked for (`KB` = 1024 bytes,
// `MB`, `GB`, or plain bytes with scale=1); summary.diff adds `+N`/`-N` deltas. Sample:
//   Total: reserved=10341970661, committed=642716389
//   -                 Java Heap (reserved=8531214336, committed=536870912)
//                               (mmap: reserved=8531214336, committed=536870912)
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';

export interface NmtAmounts {
  reservedBytes: number | null;
  committedBytes: number | null;
  /** summary.diff: change since the baseline; null in a plain summary. */
  reservedDeltaBytes: number | null;
  committedDeltaBytes: number | null;
  mallocBytes: number | null;
  mmapReservedBytes: number | null;
  mmapCommittedBytes: number | null;
  line: number;
}

export interface NmtCategory extends NmtAmounts {
  /** `Java Heap`, `Class`, `Thread`, `Code`, `GC`, `Compiler`, `Internal`, `Other`, `Symbol`, … */
  name: string;
  arenaBytes: number | null;
  /** Thread stacks (Thread category). */
  stackReservedBytes: number | null;
  stackCommittedBytes: number | null;
  threadCount: number | null;
  classCount: number | null;
  /**
   * Every `key=value` of the category's detail lines, with its sub-heading (`mmap.reserved`,
   * `metadata.used`, `class space.committed`, `tracking overhead`); `#` counts as `<key>.count`.
   */
  details: Record<string, number>;
  lineEnd: number;
}

export interface JvmNmtData {
  kind: 'summary' | 'diff';
  /** The unit amounts were printed in. KB/MB/GB figures were rounded by the JVM. */
  scale: 'bytes' | 'KB' | 'MB' | 'GB';
  total: NmtAmounts | null;
  categories: NmtCategory[];
}

const SCALE: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

interface Pair {
  key: string;
  bytes: number | null;
  delta: number | null;
  unit: string;
  count: number | null;
}

/** `reserved=21586KB +1028KB, committed=…`, `malloc=158115 #2350`, `(classes #1630)`, scanned by hand. */
function pairs(text: string): Pair[] {
  const out: Pair[] = [];
  const n = Math.min(text.length, 2000);
  let i = 0;
  while (i < n) {
    const eq = text.indexOf('=', i);
    const hash = text.indexOf('#', i);
    const next = eq < 0 ? hash : hash < 0 ? eq : Math.min(eq, hash);
    if (next < 0 || next >= n) break;
    // the key runs back to a separator (never into the previous pair)
    let k = next;
    while (k > i && !'(,:'.includes(text.charAt(k - 1))) k--;
    const before = text.slice(k, next).trim().toLowerCase();
    let j = next + 1;
    const numStart = j;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const digits = text.slice(numStart, j);
    if (text.charAt(next) === '#') {
      // `malloc=158115 #2350`: the count of the amount before it; `classes #1630`: a count of its own.
      const eqAt = before.indexOf('=');
      const previous = out[out.length - 1];
      const key = eqAt >= 0 ? `${before.slice(0, eqAt).trim()}.count` : before === '' && previous && previous.count === null ? `${previous.key}.count` : before;
      if (digits !== '' && key !== '' && key !== '.count') out.push({ key, bytes: null, delta: null, unit: '', count: Number(digits) });
      i = j;
      continue;
    }
    const key = before;
    const unitStart = j;
    while (j < n && /[A-Za-z]/.test(text.charAt(j))) j++;
    const unit = text.slice(unitStart, j);
    let delta: number | null = null;
    // (?!\d): a longer number is not read as its first 16 digits.
    const rest = /^ ([+-])(\d{1,16})(?!\d)(KB|MB|GB|B)?/.exec(text.slice(j, j + 24));
    if (rest) {
      const d = Number(rest[2]) * (SCALE[rest[3] ?? unit] ?? 1) * (rest[1] === '-' ? -1 : 1);
      delta = Number.isSafeInteger(d) ? d : null;
      j += rest[0].length;
    }
    const scale = SCALE[unit];
    const bytes = digits !== '' && scale !== undefined ? Number(digits) * scale : null;
    // A key with no number, or one beyond 2^53, is kept (as null) so the caller can say so.
    if (key !== '') out.push({ key, bytes: bytes !== null && Number.isSafeInteger(bytes) ? bytes : null, delta, unit, count: null });
    i = j;
  }
  return out;
}

function emptyAmounts(line: number): NmtAmounts {
  return { reservedBytes: null, committedBytes: null, reservedDeltaBytes: null, committedDeltaBytes: null, mallocBytes: null, mmapReservedBytes: null, mmapCommittedBytes: null, line };
}

const isSpace = (c: string): boolean => c !== '' && c.trim() === '';

/**
 * `- <name> (<details>)`; the closing parenthesis may be missing when a paste was cut. Scanned rather
 * than matched with /^-\s+([^(]+?)\s+\(([^)]*)\)?\s*$/, which backtracks cubically on runs of spaces.
 */
export function readCategoryLine(t: string): { name: string; details: string } | null {
  if (!t.startsWith('-')) return null;
  const open = t.indexOf('(');
  if (open < 4 || !isSpace(t[1] ?? '') || !isSpace(t[open - 1] ?? '')) return null;
  const rest = t.slice(open + 1);
  const close = rest.indexOf(')');
  if (close !== -1 && rest.slice(close + 1).trim() !== '') return null;
  return { name: t.slice(1, open).trim(), details: close === -1 ? rest : rest.slice(0, close) };
}

export function parseJvmNmt(source: string, _ctx: ParseContext): ParseResult<JvmNmtData> {
  const lines = splitLines(source);
  let total: NmtAmounts | null = null;
  const categories: NmtCategory[] = [];
  let current: NmtCategory | null = null;
  let scope = '';
  let scale: JvmNmtData['scale'] | null = null;
  let diff = false;
  let disabled = false;
  const unusable: { line: number; key: string }[] = [];
  const check = (p: Pair, line: number): void => {
    if (p.count === null && p.bytes === null && unusable.length < 100) unusable.push({ line, key: p.key });
  };
  const note = (unit: string): void => {
    if (scale === null) scale = unit === 'KB' || unit === 'MB' || unit === 'GB' ? unit : 'bytes';
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') continue;
    if (/native memory tracking is not enabled/i.test(t)) disabled = true;
    if (t.startsWith('Total:')) {
      total = emptyAmounts(i + 1);
      current = null;
      scope = 'total';
      for (const p of pairs(t.slice(6))) {
        check(p, i + 1);
        note(p.unit);
        if (p.delta !== null) diff = true;
        if (p.key === 'reserved') {
          total.reservedBytes = p.bytes;
          total.reservedDeltaBytes = p.delta;
        } else if (p.key === 'committed') {
          total.committedBytes = p.bytes;
          total.committedDeltaBytes = p.delta;
        }
      }
      continue;
    }
    const category = t.length > 400 ? null : readCategoryLine(t);
    if (category) {
      current = {
        ...emptyAmounts(i + 1),
        name: category.name,
        arenaBytes: null,
        stackReservedBytes: null,
        stackCommittedBytes: null,
        threadCount: null,
        classCount: null,
        // prototype-free: detail keys come from the file
        details: Object.create(null) as Record<string, number>,
        lineEnd: i + 1,
      };
      categories.push(current);
      scope = '';
      for (const p of pairs(category.details)) {
        check(p, i + 1);
        note(p.unit);
        if (p.delta !== null) diff = true;
        if (p.key === 'reserved') {
          current.reservedBytes = p.bytes;
          current.reservedDeltaBytes = p.delta;
        } else if (p.key === 'committed') {
          current.committedBytes = p.bytes;
          current.committedDeltaBytes = p.delta;
        }
      }
      continue;
    }
    // Total's own detail lines (JDK 17+): `malloc: 27513573 #22947`, `mmap:   reserved=…, committed=…`.
    if (total && !current && scope === 'total') {
      const malloc = /^malloc:\s+(\d{1,16})(?!\d)(KB|MB|GB)?/.exec(t);
      if (malloc) {
        const bytes = Number(malloc[1]) * (SCALE[malloc[2] ?? ''] ?? 1);
        total.mallocBytes = Number.isSafeInteger(bytes) ? bytes : null;
      }
      else if (t.startsWith('mmap:'))
        for (const p of pairs(t.slice(5))) {
          if (p.key === 'reserved') total.mmapReservedBytes = p.bytes;
          else if (p.key === 'committed') total.mmapCommittedBytes = p.bytes;
        }
      continue;
    }
    if (!current || !t.startsWith('(')) continue;
    current.lineEnd = i + 1;
    const inner = t.replace(/^\(/, '').replace(/\)\s*$/, '').trim();
    // A sub-heading alone on its line (`(  Metadata:   )`) names the lines that follow.
    const heading = /^([A-Za-z][A-Za-z ]*):$/.exec(inner);
    if (heading) {
      scope = (heading[1] ?? '').trim().toLowerCase();
      continue;
    }
    const inline = /^([A-Za-z][A-Za-z ]*):\s/.exec(inner);
    const lineScope = inline ? (inline[1] ?? '').trim().toLowerCase() : inner.startsWith('malloc') || inner.startsWith('arena') || inner.startsWith('classes') || inner.startsWith('thread') ? '' : scope;
    const body = inline ? inner.slice(inline[0].length) : inner;
    const details = current.details;
    for (const p of pairs(body)) {
      check(p, i + 1);
      const key = lineScope && lineScope !== p.key ? `${lineScope}.${p.key}` : p.key;
      if (p.count !== null) {
        details[key] = p.count;
        if (p.key === 'classes') current.classCount ??= p.count;
        if (p.key === 'thread') current.threadCount ??= p.count;
        continue;
      }
      if (p.bytes === null) continue;
      details[key] = p.bytes;
      if (p.delta !== null) details[`${key}.delta`] = p.delta;
      if (key === 'malloc') current.mallocBytes = p.bytes;
      else if (key === 'arena') current.arenaBytes = p.bytes;
      else if (key === 'mmap.reserved') current.mmapReservedBytes = p.bytes;
      else if (key === 'mmap.committed') current.mmapCommittedBytes = p.bytes;
      else if (key === 'stack.reserved') current.stackReservedBytes = p.bytes;
      else if (key === 'stack.committed') current.stackCommittedBytes = p.bytes;
    }
  }
  for (const c of categories) c.details = { ...c.details };
  const warnings: ParseWarning[] = [];
  if (!total && categories.length === 0) {
    return { status: 'unusable', warnings: [warning(disabled ? 'nmt-disabled' : 'no-nmt-summary', disabled ? 'Native Memory Tracking is not enabled in this JVM (-XX:NativeMemoryTracking=summary).' : 'No NMT "Total:" line or categories found.')] };
  }
  if (!total) warnings.push(warning('missing-key', 'The NMT "Total:" line is missing.', undefined, { key: 'Total' }));
  const firstUnusable = unusable[0];
  if (firstUnusable) {
    warnings.push(
      warning('value-unusable', `Value of "${firstUnusable.key}" (line ${firstUnusable.line}) is not a usable number; left out (${unusable.length} such value(s)).`, firstUnusable.line, {
        key: firstUnusable.key,
        value: '',
      }),
    );
  }
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { kind: diff ? 'diff' : 'summary', scale: scale ?? 'bytes', total, categories }, warnings };
}

export function detectJvmNmt(head: string): number {
  let score = 0;
  for (const line of headLines(head, 200)) {
    const t = line.trim();
    if (t === 'Native Memory Tracking:') score += 3;
    else if (/^Total: reserved=\d+/.test(t)) score += 3;
    else if (/^-\s+(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Symbol|Metaspace) \(reserved=\d/.test(t)) score += 1;
  }
  return score >= 4 ? 0.95 : score >= 3 ? 0.8 : score >= 2 ? 0.6 : 0;
}

export const jvmNmtFormat: FormatDefinition<JvmNmtData> = {
  id: 'jvm-nmt',
  area: 'application',
  detect: (head) => detectJvmNmt(head),
  parse: parseJvmNmt,
};
