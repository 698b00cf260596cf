// thp-inflation: transparent huge pages make up most of the anonymous memory. A 2 MiB huge page is
// charged whole even when the application touched a few KiB of it, so RSS grows past the heap.
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, percentText } from './group-facts';
import { round3 } from './anon-near-limit';

export const THP_INFLATION_THRESHOLDS = { minShareOfAnon: 0.5, minThpBytes: 64 * 1024 * 1024 } as const;

export const thpInflationRule = snapshotRule(
  'thp-inflation',
  THP_INFLATION_THRESHOLDS,
  (group) => {
    const thp = breakdownFact(group, 'anonThpBytes');
    const anon = breakdownFact(group, 'anonBytes');
    if (!thp || !anon || anon.bytes <= 0) return null;
    if (thp.bytes < THP_INFLATION_THRESHOLDS.minThpBytes || thp.bytes < anon.bytes * THP_INFLATION_THRESHOLDS.minShareOfAnon) return null;
    return {
      severity: 'warning',
      params: { thp: bytesText(thp.bytes), anon: bytesText(anon.bytes), share: percentText(thp.bytes, anon.bytes) },
      metrics: { anonThpBytes: thp.bytes, anonBytes: anon.bytes, thpShareOfAnon: round3(thp.bytes / anon.bytes) },
      evidence: [...thp.evidence, ...anon.evidence],
    };
  },
  { innermostOnly: true },
);
