// One-number cgroup memory files: v1 `memory.usage_in_bytes`, `memory.limit_in_bytes`,
// `memory.failcnt`, `memory.memsw.*`, `memory.kmem.*`, `memory.use_hierarchy`; v2 `memory.current`,
// `memory.max`, `memory.high`, `memory.peak`, `memory.swap.*`, `memory.oom.group`. Samples:
//   67108864
//   max
//   9223372036854771712
// The content cannot say which file it is: the name (or the bundle path) does, see single-value-files.ts.
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { parseInteger, V1_UNLIMITED_THRESHOLD_BYTES } from '../text/numbers';
import { knownFileFor, readSingleValue, singleValueScore, type SingleValueUnit } from './single-value-files';
import { capWarnings } from '../proc/capped-warnings';

export interface CgroupMemoryValueData {
  /** The file's kernel name (`memory.usage_in_bytes`, `memory.max`, …); null when the name is unknown. */
  file: string | null;
  cgroupVersion: 1 | 2 | null;
  /** What the number counts; null when the file is unknown. */
  unit: Exclude<SingleValueUnit, 'score'> | null;
  /** The number as read; null for `max`, the unlimited sentinel, or a value that is not a safe integer. */
  value: number | null;
  /** `value` when the file holds bytes (usage, limit, current, max, …); else null. */
  valueBytes: number | null;
  /** `value` when the file holds a counter or a flag (failcnt, use_hierarchy, oom.group); else null. */
  count: number | null;
  /** `max` (v2) or v1's PAGE_COUNTER_MAX sentinel (≥ 2^62, e.g. 9223372036854771712): no limit. */
  unlimited: boolean;
  rawText: string;
  /** 1-based line of the value. */
  line: number;
  /** The path of a pasted `cat …` command line naming the file, when the input had one. */
  commandPath: string | null;
}

function isSentinel(text: string): boolean {
  // Digits only: Number() of a 19-digit string is approximate, which is enough for a ≥ 2^62 test.
  return /^\d{19,20}$/.test(text) && Number(text) >= V1_UNLIMITED_THRESHOLD_BYTES;
}

export function parseCgroupMemoryValue(text: string, ctx: ParseContext): ParseResult<CgroupMemoryValueData> {
  const read = readSingleValue(text);
  if (!read) {
    return { status: 'unusable', warnings: [warning('not-single-value', 'The file does not hold exactly one number (or "max").')] };
  }
  const known = knownFileFor(ctx.path, read);
  const memoryFile = known && known.formatId === 'cgroup-memory-value' ? known : null;
  const warnings: ParseWarning[] = [];
  const rawText = read.valueText;
  const limitLike = memoryFile === null || memoryFile.limit;
  let unlimited = false;
  let value: number | null = null;

  if (rawText === 'max') {
    unlimited = true;
    if (memoryFile && !memoryFile.limit) {
      warnings.push(warning('unexpected-max', `"max" is not a value ${memoryFile.name} holds.`, read.line, { file: memoryFile.name }));
    }
  } else if (limitLike && isSentinel(rawText)) {
    unlimited = true;
  } else {
    const parsed = parseInteger(rawText);
    if (parsed.ok) value = parsed.value;
    else {
      warnings.push(
        warning('value-not-integer', `Value "${rawText}" is not a usable integer (${parsed.reason}); kept as text.`, read.line, {
          key: memoryFile?.name ?? 'value',
          value: rawText,
        }),
      );
    }
  }
  if (!memoryFile) {
    warnings.push(warning('unknown-value-file', 'The file name does not say which cgroup memory file this number comes from.', read.line));
  }
  const unit = memoryFile ? (memoryFile.unit === 'score' ? null : memoryFile.unit) : null;
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      file: memoryFile?.name ?? null,
      cgroupVersion: memoryFile?.cgroupVersion ?? null,
      unit,
      value,
      valueBytes: unit === 'bytes' ? value : null,
      count: unit === 'count' || unit === 'flag' ? value : null,
      unlimited,
      rawText,
      line: read.line,
      commandPath: read.commandPath,
    },
    warnings: capWarnings(warnings),
  };
}

export const cgroupMemoryValueFormat: FormatDefinition<CgroupMemoryValueData> = {
  id: 'cgroup-memory-value',
  area: 'cgroup',
  detect: (head, path) => singleValueScore('cgroup-memory-value', head, path),
  parse: parseCgroupMemoryValue,
};
