// Junk input can raise the same warning once per line (a million duplicate keys): keep the first
// few of each code and say how many more there were, so the user sees a list, not a flood.
// A parser may stop making them itself past the cap (text/key-value.ts: a million warning objects
// alive at once make the collector's work grow faster than the input) and say so with
// leftOutWarning; capWarnings then counts those with its own, so the result is the same.
import { warning, type ParseWarning } from '../format';

export const WARNINGS_PER_CODE = 20;

const LEFT_OUT = 'more-warnings-left-out';

export function leftOutWarning(code: string, count: number): ParseWarning {
  return warning(LEFT_OUT, `${count} more warning(s) of kind "${code}" were left out.`, undefined, { count, code });
}

export function capWarnings(warnings: ParseWarning[], perCode = WARNINGS_PER_CODE): ParseWarning[] {
  if (warnings.length <= perCode) return warnings;
  const kept: ParseWarning[] = [];
  const extra = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const leftOutCode = w.code === LEFT_OUT ? w.params?.['code'] : undefined;
    const leftOutCount = w.params?.['count'];
    if (typeof leftOutCode === 'string' && typeof leftOutCount === 'number') {
      extra.set(leftOutCode, (extra.get(leftOutCode) ?? 0) + leftOutCount);
      continue;
    }
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n <= perCode) kept.push(w);
    else extra.set(w.code, (extra.get(w.code) ?? 0) + 1);
  }
  for (const [code, count] of extra) kept.push(leftOutWarning(code, count));
  return kept;
}
