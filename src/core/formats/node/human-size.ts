// Sizes as procps tools print them: `3.6G`, `143M`, `0B`, `31Gi`, `235Mi`, `8,2M` (decimal comma in
// some locales), `62888K`, `1.2g` (top's task columns). All are binary multiples (free without --si,
// top, slabtop). A scaled figure is rounded, so results from it are approximate.

const SUFFIX: Record<string, number> = {
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
  e: 1024 ** 6,
};

const HUMAN = /^(\d{1,20}(?:[.,]\d{1,6})?)([KMGTPEkmgtpe]i?[Bb]?|[Bb])?$/;

export interface HumanSize {
  bytes: number;
  /** True when the tool rounded the figure (`3.6G`, `143M`, `free -m`): the exact byte count is unknown. */
  approximate: boolean;
}

/**
 * `143M` → 149946368; a bare number is multiplied by `defaultUnitBytes` (1024 for top's KiB columns).
 * Returns null for text that is not a size or whose value does not fit a safe integer.
 */
export function parseHumanSize(text: string, defaultUnitBytes: number): HumanSize | null {
  const m = HUMAN.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  const number = Number(m[1].replace(',', '.'));
  const suffix = m[2];
  const multiplier = suffix === undefined ? defaultUnitBytes : (SUFFIX[suffix.charAt(0).toLowerCase()] ?? Number.NaN);
  const value = number * multiplier;
  if (!Number.isFinite(value)) return null;
  const bytes = Math.round(value);
  if (!Number.isSafeInteger(bytes)) return null;
  const fractional = m[1].includes('.') || m[1].includes(',');
  // `143M` and `free -m`'s bare MiB are rounded by the tool too; KiB figures are exact (page multiples).
  const scaled = suffix !== undefined ? multiplier > 1024 : defaultUnitBytes > 1024;
  return { bytes, approximate: fractional || scaled };
}
