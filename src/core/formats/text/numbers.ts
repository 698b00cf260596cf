// Integer fields as the kernel and tools write them. A value that is not a safe integer is never
// turned into a garbage figure: callers keep its text and warn instead.

export type IntegerParse =
  | { ok: true; value: number }
  | { ok: false; reason: 'not-a-number' | 'too-large' | 'negative' };

const DIGITS = /^-?\d+$/;

export function parseInteger(text: string, allowNegative = false): IntegerParse {
  const t = text.trim();
  if (!DIGITS.test(t)) return { ok: false, reason: 'not-a-number' };
  if (t.startsWith('-') && !allowNegative) return { ok: false, reason: 'negative' };
  const value = Number(t);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'too-large' };
  return { ok: true, value };
}

/** cgroup v1 reports "no limit" as PAGE_COUNTER_MAX pages in bytes (9223372036854771712 with 4 KiB pages). */
export const V1_UNLIMITED_THRESHOLD_BYTES = 2 ** 62;

export function isUnlimitedText(text: string): boolean {
  const t = text.trim();
  if (t === 'max') return true;
  if (!DIGITS.test(t) || t.startsWith('-')) return false;
  return t.length >= 19 && Number(t) >= V1_UNLIMITED_THRESHOLD_BYTES;
}
