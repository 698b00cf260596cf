// Detection for small "key value" files whose key set is fixed by the kernel (memory.events,
// memory.oom_control): most lines must be `key N` with a known key; a pasted header line such as
// `memory.events:` or a shell prompt is tolerated.
import { headLines, splitLines } from '../text/lines';
import { normaliseKeyValueLine, type KeyValueRead } from '../text/key-value';

export interface KeySetCount {
  /** Distinct known keys seen. */
  known: Set<string>;
  /** `key N` lines with a key outside the set. */
  unknownKeys: number;
  /** Non-empty lines that are not `key N`. */
  otherLines: number;
}

const KEY_NUMBER = /^([A-Za-z_][A-Za-z0-9_]{0,63})[ \t]+-?\d{1,25}$/;

export function countKeySet(head: string, keys: ReadonlySet<string>): KeySetCount {
  const known = new Set<string>();
  let unknownKeys = 0;
  let otherLines = 0;
  for (const raw of headLines(head, 100)) {
    const line = normaliseKeyValueLine(raw);
    if (line === '' || line === '--') continue;
    const m = KEY_NUMBER.exec(line);
    if (m && m[1] !== undefined) {
      if (keys.has(m[1])) known.add(m[1]);
      else unknownKeys++;
    } else otherLines++;
  }
  return { known, unknownKeys, otherLines };
}

/** `memory.events:` / `$ cat …/memory.oom_control` lines that name the file above its values. */
export function isFileHeading(line: string, fileName: string): boolean {
  const t = line.trim();
  return t.endsWith(`${fileName}:`) || t.endsWith(fileName) || t.endsWith(`${fileName}.local:`) || t.endsWith(`${fileName}.local`);
}

/** Drops the skipped-line numbers that are only a heading naming the file. */
export function withoutHeadings(read: KeyValueRead, text: string, fileName: string): KeyValueRead {
  if (read.skippedLines.length === 0) return read;
  const lines = splitLines(text);
  return { entries: read.entries, skippedLines: read.skippedLines.filter((n) => !isFileHeading(lines[n - 1] ?? '', fileName)) };
}
