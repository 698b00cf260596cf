// `Key:   value [kB]` lines, shared by /proc/meminfo, /proc/<pid>/status and smaps(_rollup).
// Tolerates tabs turned into spaces, trailing spaces, CRLF and `grep -H`/`grep -n` prefixes
// (`/proc/meminfo:MemTotal: …`, `proc/1/status:3:VmRSS: …`).
import { KIB } from '../../model/units';

export interface ColonField {
  key: string;
  /** The value as written, trimmed (`8009912 kB`, `S (sleeping)`, `java`). */
  valueText: string;
  line: number;
}

// A key is what the kernel prints before the colon: letters, digits, `_`, and `(anon)`-style parts.
const FIELD = /^([A-Za-z][A-Za-z0-9_]{0,63}(?:\([A-Za-z0-9_]{1,32}\))?):(.*)$/;
/**
 * Drops a grep prefix: `path/with/slash:` or `anything:12:` before the key. Procedural rather than a
 * regular expression so that long lines full of slashes cannot make it backtrack.
 */
export function stripGrepPrefix(t: string): string {
  const colon = t.indexOf(':');
  if (colon <= 0 || colon > 1000) return t;
  const prefix = t.slice(0, colon);
  if (/\s/.test(prefix)) return t;
  let rest = t.slice(colon + 1);
  const n = /^\d{1,9}:/.exec(rest);
  if (n) rest = rest.slice(n[0].length);
  else if (!prefix.includes('/')) return t;
  return /^[A-Za-z]/.test(rest) ? rest : t;
}

/** The `Key: value` of one line, or null. */
export function readColonField(raw: string, line: number): ColonField | null {
  const t = stripGrepPrefix(raw.trim());
  if (t === '') return null;
  const m = FIELD.exec(t);
  if (!m || m[1] === undefined) return null;
  return { key: m[1], valueText: (m[2] ?? '').trim(), line };
}

export type SizeRead =
  | { kind: 'kB'; number: number; bytes: number | null }
  | { kind: 'count'; number: number }
  | { kind: 'text' };

const KB_VALUE = /^(\d{1,20})[ \t]*(?:kB|KB|kb)$/;
const COUNT_VALUE = /^\d{1,20}$/;

/** `8009912 kB` → bytes (the kernel's kB is KiB); a bare integer is a count; anything else is text. */
export function readSize(valueText: string): SizeRead {
  const kb = KB_VALUE.exec(valueText);
  if (kb && kb[1] !== undefined) {
    const n = Number(kb[1]);
    if (!Number.isSafeInteger(n)) return { kind: 'text' };
    const bytes = n * KIB;
    return { kind: 'kB', number: n, bytes: Number.isSafeInteger(bytes) ? bytes : null };
  }
  if (COUNT_VALUE.test(valueText)) {
    const n = Number(valueText);
    return Number.isSafeInteger(n) ? { kind: 'count', number: n } : { kind: 'text' };
  }
  return { kind: 'text' };
}
