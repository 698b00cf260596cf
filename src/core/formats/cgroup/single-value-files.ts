// One detector for every "single number" file (cgroup memory.* values, cgroup.procs/tasks with one
// PID, /proc/<pid>/oom_score*): the content only says "one integer or `max`", so the file name (or a
// pasted `cat <path>` line) decides which file it is and therefore which format id wins. Each of the
// three formats asks `singleValueScore` with its own id, so they never fight over the same file.
//   67108864
//   max
//   -997
import { headLines, splitLines } from '../text/lines';
import { baseName, nameStartsWith } from '../proc/path-hints';

export type SingleValueFormatId = 'cgroup-memory-value' | 'proc-oom-score' | 'cgroup-procs';
export type SingleValueUnit = 'bytes' | 'count' | 'flag' | 'score';

export interface KnownSingleValueFile {
  name: string;
  formatId: SingleValueFormatId;
  cgroupVersion: 1 | 2 | null;
  unit: SingleValueUnit;
  /** A limit-like file: `max` or v1's PAGE_COUNTER_MAX sentinel means "no limit". */
  limit: boolean;
}

function file(name: string, formatId: SingleValueFormatId, cgroupVersion: 1 | 2 | null, unit: SingleValueUnit, limit = false): KnownSingleValueFile {
  return { name, formatId, cgroupVersion, unit, limit };
}

const V = 'cgroup-memory-value';

/** Longest names first, so that `memory.swap.max` wins over a shorter name that is also a prefix. */
export const KNOWN_SINGLE_VALUE_FILES: readonly KnownSingleValueFile[] = [
  // cgroup v1 (Documentation/admin-guide/cgroup-v1/memory.rst)
  file('memory.usage_in_bytes', V, 1, 'bytes'),
  file('memory.limit_in_bytes', V, 1, 'bytes', true),
  file('memory.max_usage_in_bytes', V, 1, 'bytes'),
  file('memory.soft_limit_in_bytes', V, 1, 'bytes', true),
  file('memory.failcnt', V, 1, 'count'),
  file('memory.memsw.usage_in_bytes', V, 1, 'bytes'),
  file('memory.memsw.limit_in_bytes', V, 1, 'bytes', true),
  file('memory.memsw.max_usage_in_bytes', V, 1, 'bytes'),
  file('memory.memsw.failcnt', V, 1, 'count'),
  file('memory.kmem.usage_in_bytes', V, 1, 'bytes'),
  file('memory.kmem.limit_in_bytes', V, 1, 'bytes', true),
  file('memory.kmem.max_usage_in_bytes', V, 1, 'bytes'),
  file('memory.kmem.failcnt', V, 1, 'count'),
  file('memory.kmem.tcp.usage_in_bytes', V, 1, 'bytes'),
  file('memory.kmem.tcp.limit_in_bytes', V, 1, 'bytes', true),
  file('memory.kmem.tcp.max_usage_in_bytes', V, 1, 'bytes'),
  file('memory.kmem.tcp.failcnt', V, 1, 'count'),
  file('memory.use_hierarchy', V, 1, 'flag'),
  file('memory.swappiness', V, 1, 'count'),
  file('memory.move_charge_at_immigrate', V, 1, 'flag'),
  // cgroup v2 (Documentation/admin-guide/cgroup-v2.rst)
  file('memory.current', V, 2, 'bytes'),
  file('memory.max', V, 2, 'bytes', true),
  file('memory.high', V, 2, 'bytes', true),
  file('memory.low', V, 2, 'bytes', true),
  file('memory.min', V, 2, 'bytes', true),
  file('memory.peak', V, 2, 'bytes'),
  file('memory.swap.current', V, 2, 'bytes'),
  file('memory.swap.max', V, 2, 'bytes', true),
  file('memory.swap.high', V, 2, 'bytes', true),
  file('memory.swap.peak', V, 2, 'bytes'),
  file('memory.zswap.current', V, 2, 'bytes'),
  file('memory.zswap.max', V, 2, 'bytes', true),
  file('memory.oom.group', V, 2, 'flag'),
  // PID lists
  file('cgroup.procs', 'cgroup-procs', null, 'count'),
  file('cgroup.threads', 'cgroup-procs', 2, 'count'),
  file('tasks', 'cgroup-procs', 1, 'count'),
  // /proc/<pid>/
  file('oom_score_adj', 'proc-oom-score', null, 'score'),
  file('oom_score', 'proc-oom-score', null, 'score'),
  file('oom_adj', 'proc-oom-score', null, 'score'),
].sort((a, b) => b.name.length - a.name.length);

/** The known file a path (or a pasted `cat` command's path) names, or null. */
export function knownFileFromPath(path: string): KnownSingleValueFile | null {
  const name = baseName(path.trim());
  if (name === '') return null;
  for (const known of KNOWN_SINGLE_VALUE_FILES) {
    if (nameStartsWith(name, known.name)) return known;
  }
  return null;
}

export interface SingleValueRead {
  /** The value text as written (`67108864`, `max`, `-997`). */
  valueText: string;
  line: number;
  /** The path of a pasted `cat /sys/fs/cgroup/…/memory.max` line above the value, if any. */
  commandPath: string | null;
}

const INTEGER = /^-?\d{1,40}$/;
// `$ cat /sys/fs/cgroup/memory/memory.limit_in_bytes`, `# cat …`, `root@host:~# cat …`
const CAT_COMMAND = /^(?:\S{0,200}[$#>]\s{0,10})?cat\s{1,10}(\S{1,1000})\s{0,10}$/;

/** The one value of a single-number file: one non-empty line (optionally after a `cat` command line). */
export function readSingleValue(text: string, maxLines = Number.POSITIVE_INFINITY): SingleValueRead | null {
  const lines = Number.isFinite(maxLines) ? headLines(text, maxLines) : splitLines(text);
  let valueText: string | null = null;
  let valueLine = 0;
  let commandPath: string | null = null;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    nonEmpty++;
    if (nonEmpty === 1) {
      const cat = CAT_COMMAND.exec(t);
      if (cat && cat[1] !== undefined) {
        commandPath = cat[1];
        continue;
      }
    }
    if (valueText !== null) return null;
    valueText = t;
    valueLine = i + 1;
  }
  if (valueText === null) return null;
  if (valueText !== 'max' && !INTEGER.test(valueText)) return null;
  return { valueText, line: valueLine, commandPath };
}

/** Non-empty lines that are all non-negative integers (a PID list), at least two of them. */
export function looksLikePidList(head: string): boolean {
  const lines = headLines(head, 2000);
  let count = 0;
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') continue;
    if (!/^\d{1,10}$/.test(t)) return false;
    count++;
  }
  return count >= 2;
}

/** The file a single-number input is, by its path first and then by a pasted `cat` line. */
export function knownFileFor(path: string, read: SingleValueRead | null): KnownSingleValueFile | null {
  return knownFileFromPath(path) ?? (read?.commandPath ? knownFileFromPath(read.commandPath) : null);
}

/**
 * Detection score of `formatId` for a head of text: high when the content is a single value and the
 * name says it is this format's file; low for an unnamed single integer (cgroup-memory-value only).
 */
export function singleValueScore(formatId: SingleValueFormatId, head: string, path: string): number {
  const read = readSingleValue(head, 50);
  if (read) {
    const known = knownFileFor(path, read);
    if (known) {
      if (known.formatId !== formatId) return 0;
      if (read.valueText === 'max' && known.formatId !== 'cgroup-memory-value') return 0;
      return 0.9;
    }
    return formatId === 'cgroup-memory-value' ? 0.3 : 0;
  }
  if (formatId === 'cgroup-procs' && looksLikePidList(head)) {
    const known = knownFileFromPath(path);
    if (known && known.formatId !== 'cgroup-procs') return 0;
    return known ? 0.9 : 0.4;
  }
  return 0;
}
