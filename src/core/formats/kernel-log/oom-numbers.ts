// Numbers of kernel OOM messages: never a garbage figure (a value past 2^53 becomes null), kB → bytes.
// Samples: `usage 10240kB`, `limit 9007199254740988kB` (no limit), `failcnt 18446744073709551615`.
export const KIB = 1024;
/** v1 page_counter "no limit" printed in kB (PAGE_COUNTER_MAX × 4 KiB / 1 KiB). */
export const UNLIMITED_KIB = 2 ** 62 / KIB;

export function safeInt(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d{1,20}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

export function kibToBytes(text: string | undefined): number | null {
  const n = safeInt(text);
  if (n === null) return null;
  const bytes = n * KIB;
  return Number.isSafeInteger(bytes) ? bytes : null;
}
