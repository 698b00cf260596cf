// Warnings of one kernel-log parse, capped per code: a 1 GiB log with thousands of cut reports
// must not produce thousands of warnings. The count of the ones left out is reported once.
import { warning, type ParseWarning } from '../format';

const MAX_PER_CODE = 20;

export class WarningSink {
  private readonly list: ParseWarning[] = [];
  private readonly counts = new Map<string, number>();

  add(code: string, message: string, line?: number, params?: Record<string, string | number>): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= MAX_PER_CODE) this.list.push(warning(code, message, line, params));
  }

  /** The collected warnings, plus one per code whose further occurrences were left out. */
  result(): ParseWarning[] {
    const out = [...this.list];
    for (const [code, n] of this.counts) {
      if (n > MAX_PER_CODE) {
        const more = n - MAX_PER_CODE;
        out.push(warning('kernel-log-warnings-capped', `${more} more warning(s) of kind "${code}" were left out.`, undefined, { code, count: more }));
      }
    }
    return out;
  }
}
