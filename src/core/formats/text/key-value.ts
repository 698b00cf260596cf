// "key value" files (memory.stat, memory.events, oom_control, …), as pasted by real people:
// tolerates `grep -n`/`grep -H` prefixes, Markdown bold, tabs, trailing spaces and blank lines.
import { isUnlimitedText, parseInteger } from './numbers';
import { splitLines } from './lines';
import { warning, type ParseWarning } from '../format';
import { leftOutWarning, WARNINGS_PER_CODE } from '../proc/capped-warnings';

export interface KeyValueEntry {
  key: string;
  valueText: string;
  line: number;
}

export interface KeyValueRead {
  entries: KeyValueEntry[];
  /** Non-empty lines that were not `key value`. */
  skippedLines: number[];
}

const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_.]*)[ \t]+(-?[0-9][0-9.e+]*|max)[ \t]*$/;
// `path/memory.stat:12:key value` or `memory.stat:key value` as written by grep.
const GREP_PREFIX = /^[^\s:]*:(?:\d+:)?(?=[A-Za-z_])/;

export function normaliseKeyValueLine(raw: string): string {
  let line = raw.replace(/\*\*/g, '').trim();
  if (line.includes(':')) line = line.replace(GREP_PREFIX, '');
  return line;
}

export function readKeyValueLines(text: string): KeyValueRead {
  const entries: KeyValueEntry[] = [];
  const skippedLines: number[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '' || raw.trim() === '--') continue;
    const m = KEY_VALUE.exec(normaliseKeyValueLine(raw));
    if (m && m[1] !== undefined && m[2] !== undefined) entries.push({ key: m[1], valueText: m[2], line: i + 1 });
    else skippedLines.push(i + 1);
  }
  return { entries, skippedLines };
}

function isLimitKey(key: string): boolean {
  return key.includes('limit') || key === 'max' || key.endsWith('_max') || key.endsWith('.max');
}

export interface CounterTable {
  /** Keys as written. A value that is not a safe non-negative integer is kept as its text. */
  raw: Record<string, number | string>;
  /** Line of each key (1-based), for evidence. */
  lines: Record<string, number>;
  warnings: ParseWarning[];
}

/** Turns key/value entries into a counter table; the first occurrence of a key wins. */
export function toCounterTable(read: KeyValueRead, allowNegative = false): CounterTable {
  const raw: Record<string, number | string> = Object.create(null) as Record<string, number | string>;
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const warnings: ParseWarning[] = [];
  // Past WARNINGS_PER_CODE, repeated keys (a file pasted a thousand times) are counted, not made into warnings.
  let duplicates = 0;
  for (const entry of read.entries) {
    if (Object.prototype.hasOwnProperty.call(raw, entry.key)) {
      if (++duplicates <= WARNINGS_PER_CODE) warnings.push(warning('duplicate-key', `Key "${entry.key}" appears again; the first value is kept.`, entry.line, { key: entry.key }));
      continue;
    }
    const parsed = parseInteger(entry.valueText, allowNegative);
    if (parsed.ok) raw[entry.key] = parsed.value;
    // "No limit" sentinels (v1 PAGE_COUNTER_MAX, v2 `max`) are expected in limit keys: kept as
    // written, no warning. In a counter such a number is garbage, and is said so below.
    else if (isLimitKey(entry.key) && isUnlimitedText(entry.valueText)) raw[entry.key] = entry.valueText;
    else {
      raw[entry.key] = entry.valueText;
      warnings.push(
        warning('value-not-integer', `Value of "${entry.key}" (${entry.valueText}) is not a usable integer (${parsed.reason}); kept as text.`, entry.line, {
          key: entry.key,
          value: entry.valueText,
        }),
      );
    }
    lines[entry.key] = entry.line;
  }
  if (read.skippedLines.length > 0) {
    const first = read.skippedLines[0];
    warnings.push(
      warning('lines-skipped', `${read.skippedLines.length} line(s) are not "key value" and were skipped (first: line ${first}).`, first, {
        count: read.skippedLines.length,
      }),
    );
  }
  if (duplicates > WARNINGS_PER_CODE) warnings.push(leftOutWarning('duplicate-key', duplicates - WARNINGS_PER_CODE));
  return { raw: { ...raw }, lines: { ...lines }, warnings };
}

/** A number from a counter table, or null when absent or not a usable integer. */
export function counter(raw: Record<string, number | string>, key: string): number | null {
  if (!Object.prototype.hasOwnProperty.call(raw, key)) return null;
  const v = raw[key];
  return typeof v === 'number' ? v : null;
}
