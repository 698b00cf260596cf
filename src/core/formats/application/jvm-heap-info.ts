// The JVM's heap summary: `jcmd <pid> GC.heap_info`, the `Heap:` section of an hs_err_pid*.log,
// and the `{Heap before/after GC invocations=…}` blocks of its event log. G1, Parallel, Serial/CMS,
// ZGC and Shenandoah layouts; sizes in K/M/G (binary). Sample:
//   Heap:
//    garbage-first heap   total 262144K, used 97035K [0x0000000700000000, 0x0000000800000000)
//     region size 2048K, 33 young (67584K), 3 survivors (6144K)
//    Metaspace       used 25083K, committed 25408K, reserved 1073152K
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';

export interface HeapSpace {
  /** As printed: `garbage-first heap`, `PSYoungGen`, `eden space`, `Metaspace`, `class space`, `ZHeap`, … */
  name: string;
  /** 0 for a generation or heap, 1 for a space inside it (indented further). */
  level: number;
  totalBytes: number | null;
  usedBytes: number | null;
  capacityBytes: number | null;
  committedBytes: number | null;
  reservedBytes: number | null;
  maxBytes: number | null;
  /** `eden space 65536K, 6% used`: the space's size and how full it is. */
  sizeBytes: number | null;
  usedPercent: number | null;
  line: number;
}

export interface HeapSummary {
  /** `Heap`, `Heap after GC invocations=76 (full 0)`, … or null when the block has no title. */
  title: string | null;
  /** Committed heap: the sum of the heap generations' `total` (or ZGC/Shenandoah capacity). */
  heapCommittedBytes: number | null;
  heapUsedBytes: number | null;
  metaspaceUsedBytes: number | null;
  metaspaceCommittedBytes: number | null;
  metaspaceReservedBytes: number | null;
  classSpaceUsedBytes: number | null;
  classSpaceCommittedBytes: number | null;
  /** G1 region size. */
  regionSizeBytes: number | null;
  spaces: HeapSpace[];
  line: number;
  lineEnd: number;
}

export interface JvmHeapInfoData {
  /** From jcmd's `<pid>:` first line. */
  pid: number | null;
  summaries: HeapSummary[];
}

const UNIT: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

function bytes(value: string | undefined, unit: string | undefined): number | null {
  if (value === undefined || !/^\d{1,16}$/.test(value)) return null;
  const n = Number(value) * (UNIT[unit ?? ''] ?? 1);
  return Number.isSafeInteger(n) ? n : null;
}

// `<name>  <key> <number><unit>`: read by readKeyFirst, which scans instead of the regular expression
// /^(?:(.*?)\s+)?(total|…)\s+(\d+)([KMGTB]?)\b/ — that one backtracks quadratically on long space runs.
const KEY_CLAUSE = /(total|used|capacity|committed|reserved|max capacity|max)\s+(\d{1,16})([KMGTB]?)\b/y;
// `[0x…, 0x…)` address ranges at the end of a line (the leading spaces are trimmed apart).
const ADDRESS_RANGE = /\[0x[0-9a-fA-F, x]*[)\]]$/;
const VALUE_FIRST = /^(\d{1,16})([KMGTB]?)\s+(max|soft max|committed|used|total)$/;
const SIZED = /^(.*?\S)\s+(\d{1,16})([KMGTB])$/;
const PERCENT = /^(\d{1,3})% used\b/;
const REGION = /^region size (\d{1,16})([KMG])\b/;
const TITLE = /^\{?(Heap(?: (?:before|after) GC invocations=\d+ \(full \d+\))?):?\s*$/;

function emptySpace(name: string, level: number, line: number): HeapSpace {
  return { name, level, totalBytes: null, usedBytes: null, capacityBytes: null, committedBytes: null, reservedBytes: null, maxBytes: null, sizeBytes: null, usedPercent: null, line };
}

interface KeyFirst {
  /** The text before the key (`garbage-first heap`); undefined when the key starts the part. */
  name: string | undefined;
  key: string;
  digits: string;
  unit: string;
}

const isSpace = (c: string): boolean => c.trim() === '';
const isLineBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

function keyClauseAt(part: string, index: number): RegExpExecArray | null {
  KEY_CLAUSE.lastIndex = index;
  return KEY_CLAUSE.exec(part);
}

/**
 * The earliest run of spaces followed by a key clause gives the name before it; else a key clause at
 * the start. Each run is looked at once, so the time is linear in the part's length.
 */
export function readKeyFirst(part: string): KeyFirst | null {
  let i = 0;
  while (i < part.length) {
    if (!isSpace(part[i] ?? '')) {
      i++;
      continue;
    }
    const runStart = i;
    let lineBreak = false;
    while (i < part.length && isSpace(part[i] ?? '')) {
      if (isLineBreak(part[i] ?? '')) lineBreak = true;
      i++;
    }
    const clause = keyClauseAt(part, i);
    if (clause) return { name: part.slice(0, runStart), key: clause[1] ?? '', digits: clause[2] ?? '', unit: clause[3] ?? '' };
    // The name cannot span a line break.
    if (lineBreak) break;
  }
  const clause = keyClauseAt(part, 0);
  return clause ? { name: undefined, key: clause[1] ?? '', digits: clause[2] ?? '', unit: clause[3] ?? '' } : null;
}

/** One line of a heap summary, or null when it is not one. */
function spaceLine(raw: string, number: number, baseIndent: number): { space: HeapSpace | null; regionSize: number | null } | null {
  if (raw.length > 600) return null;
  const indent = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  const range = ADDRESS_RANGE.exec(trimmed);
  const line = range ? trimmed.slice(0, range.index).trimEnd() : trimmed;
  const region = REGION.exec(line);
  if (region) return { space: null, regionSize: bytes(region[1], region[2]) };
  const parts = line.split(',').map((p) => p.trim());
  let space: HeapSpace | null = null;
  const level = indent > baseIndent ? 1 : 0;
  for (const part of parts) {
    // ZGC: `max capacity 1024M` (checked first: readKeyFirst would read it as a space named "max").
    const maxCapacity = /^max capacity\s+(\d{1,16})([KMGTB]?)$/.exec(part);
    if (maxCapacity && space) {
      space.maxBytes = bytes(maxCapacity[1], maxCapacity[2]);
      continue;
    }
    const kf = readKeyFirst(part);
    if (kf) {
      if (!space) space = emptySpace(kf.name ?? '', level, number);
      else if (kf.name && space.name === '') space.name = kf.name;
      const v = bytes(kf.digits, kf.unit);
      switch (kf.key) {
        case 'total':
          space.totalBytes = v;
          break;
        case 'used':
          space.usedBytes = v;
          break;
        case 'capacity':
          space.capacityBytes = v;
          break;
        case 'committed':
          space.committedBytes = v;
          break;
        case 'reserved':
          space.reservedBytes = v;
          break;
        default:
          space.maxBytes = v;
      }
      continue;
    }
    const vf = VALUE_FIRST.exec(part);
    if (vf) {
      space ??= emptySpace('', level, number);
      const v = bytes(vf[1], vf[2]);
      if (vf[3] === 'max') space.maxBytes = v;
      else if (vf[3] === 'committed') space.committedBytes = v;
      else if (vf[3] === 'used') space.usedBytes = v;
      else if (vf[3] === 'total') space.totalBytes = v;
      continue;
    }
    const pct = PERCENT.exec(part);
    if (pct && space) {
      space.usedPercent = Number(pct[1]);
      continue;
    }
    const sized = SIZED.exec(part);
    if (sized && !space && /[a-z]/i.test(sized[1] ?? '')) {
      space = emptySpace(sized[1] ?? '', level, number);
      space.sizeBytes = bytes(sized[2], sized[3]);
    }
  }
  if (space && space.name === '' && space.maxBytes === null && space.usedBytes === null) return null;
  return space ? { space, regionSize: null } : null;
}

function summarise(title: string | null, spaces: HeapSpace[], regionSize: number | null, line: number, lineEnd: number): HeapSummary {
  const meta = spaces.find((s) => s.name === 'Metaspace');
  const cls = spaces.find((s) => s.name === 'class space');
  const heaps = spaces.filter((s) => s.level === 0 && s.name !== 'Metaspace' && s.name !== 'class space');
  const sum = (pick: (s: HeapSpace) => number | null): number | null => {
    if (heaps.length === 0) return null;
    let total = 0;
    for (const s of heaps) {
      const v = pick(s);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  return {
    title,
    heapCommittedBytes: sum((s) => s.totalBytes ?? s.committedBytes ?? s.capacityBytes),
    heapUsedBytes: sum((s) => s.usedBytes),
    metaspaceUsedBytes: meta?.usedBytes ?? null,
    metaspaceCommittedBytes: meta?.committedBytes ?? null,
    metaspaceReservedBytes: meta?.reservedBytes ?? null,
    classSpaceUsedBytes: cls?.usedBytes ?? null,
    classSpaceCommittedBytes: cls?.committedBytes ?? null,
    regionSizeBytes: regionSize,
    spaces,
    line,
    lineEnd,
  };
}

export function parseJvmHeapInfo(source: string, _ctx: ParseContext): ParseResult<JvmHeapInfoData> {
  const lines = splitLines(source);
  const summaries: HeapSummary[] = [];
  let pid: number | null = null;
  let title: string | null = null;
  let spaces: HeapSpace[] = [];
  let regionSize: number | null = null;
  let start = 0;
  let last = 0;
  let baseIndent = -1;
  let skipped = 0;
  let pendingName: string | null = null;
  const flush = (): void => {
    if (spaces.length > 0) summaries.push(summarise(title, spaces, regionSize, start, last));
    title = null;
    spaces = [];
    regionSize = null;
    baseIndent = -1;
    start = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\t/g, ' ').trimEnd();
    const t = raw.trim();
    if (t === '') continue;
    const jcmd = /^(\d{1,10}):$/.exec(t);
    if (jcmd && summaries.length === 0 && spaces.length === 0) {
      pid = Number(jcmd[1]);
      continue;
    }
    const titled = TITLE.exec(t);
    if (titled) {
      flush();
      title = titled[1] ?? null;
      start = i + 1;
      continue;
    }
    if (t === '}' || t.startsWith('Event:')) {
      flush();
      continue;
    }
    if (t === 'Shenandoah Heap' || t === 'ZHeap') {
      // Shenandoah prints its name alone, then `4194304K max, …, 1187936K used`.
      pendingName = t;
      if (start === 0) start = i + 1;
      last = i + 1;
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const parsed = spaceLine(raw, i + 1, baseIndent < 0 ? indent : baseIndent);
    if (parsed?.space && parsed.space.name === '' && pendingName !== null) {
      parsed.space.name = pendingName;
      pendingName = null;
    }
    if (!parsed) {
      skipped++;
      continue;
    }
    if (start === 0) start = i + 1;
    if (spaces.length === 0 && parsed.space) baseIndent = indent;
    if (parsed.space) spaces.push(parsed.space);
    if (parsed.regionSize !== null) regionSize = parsed.regionSize;
    last = i + 1;
  }
  flush();
  const warnings: ParseWarning[] = [];
  if (summaries.length === 0) return { status: 'unusable', warnings: [warning('no-heap-summary', 'No JVM heap summary lines (total/used/committed) found.')] };
  if (skipped > 0) warnings.push(warning('lines-ignored', `${skipped} line(s) are not heap summary lines and were skipped.`, undefined, { count: skipped }));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { pid, summaries }, warnings };
}

export function detectJvmHeapInfo(head: string): number {
  let score = 0;
  for (const line of headLines(head, 200)) {
    const t = line.trim();
    if (/^(garbage-first heap|PSYoungGen|ParOldGen|PSOldGen|def new generation|tenured generation|concurrent mark-sweep generation|ZHeap|Shenandoah Heap)\b/.test(t)) score += 2;
    else if (/^(Metaspace|class space)\s+used \d+[KMG]?, (capacity|committed)/.test(t)) score += 1;
    else if (/^region size \d+[KMG], \d+ young/.test(t)) score += 1;
  }
  return score >= 3 ? 0.95 : score >= 2 ? 0.8 : 0;
}

export const jvmHeapInfoFormat: FormatDefinition<JvmHeapInfoData> = {
  id: 'jvm-heap-info',
  area: 'application',
  detect: (head) => detectJvmHeapInfo(head),
  parse: parseJvmHeapInfo,
};
