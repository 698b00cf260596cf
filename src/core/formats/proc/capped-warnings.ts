// Junk input can raise the same warning once per line (a million duplicate keys): keep the first
// few of each code and say how many more there were, so the user sees a list, not a flood.
import { warning, type ParseWarning } from '../format';

export const WARNINGS_PER_CODE = 20;

export function capWarnings(warnings: ParseWarning[], perCode = WARNINGS_PER_CODE): ParseWarning[] {
  if (warnings.length <= perCode) return warnings;
  const kept: ParseWarning[] = [];
  const extra = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n <= perCode) kept.push(w);
    else extra.set(w.code, (extra.get(w.code) ?? 0) + 1);
  }
  for (const [code, count] of extra) {
    kept.push(warning('more-warnings-left-out', `${count} more warning(s) of kind "${code}" were left out.`, undefined, { count, code }));
  }
  return kept;
}
