// process-rss-gap: the processes' RSS adds up to far less than the cgroup's usage — the memory is
// not in any process (page cache, shmem no process maps, kernel memory), so `top`/`ps` cannot show it.
import type { MemoryGroup, ProcessInfo } from '../model/memory-group';
import { walkGroups } from '../model/memory-group';
import { snapshotRule } from './snapshot-rule';
import { bytesText, percentText, usageFact } from './group-facts';
import { evidenceFrom } from './rule';
import { round3 } from './anon-near-limit';

export const PROCESS_RSS_GAP_THRESHOLDS = { minGapShareOfUsage: 0.5, minGapBytes: 16 * 1024 * 1024 } as const;

function processesOf(group: MemoryGroup): ProcessInfo[] {
  const byPid = new Map<number, ProcessInfo>();
  for (const g of walkGroups([group])) for (const p of g.processes) if (!byPid.has(p.pid)) byPid.set(p.pid, p);
  return [...byPid.values()];
}

export const processRssGapRule = snapshotRule(
  'process-rss-gap',
  PROCESS_RSS_GAP_THRESHOLDS,
  (group) => {
    const usage = usageFact(group);
    const processes = processesOf(group).filter((p) => p.rssBytes !== null);
    if (!usage || processes.length === 0) return null;
    const rssSum = processes.reduce((s, p) => s + (p.rssBytes ?? 0), 0);
    const gap = usage.bytes - rssSum;
    if (gap < PROCESS_RSS_GAP_THRESHOLDS.minGapBytes || gap < usage.bytes * PROCESS_RSS_GAP_THRESHOLDS.minGapShareOfUsage) return null;
    return {
      severity: 'info',
      params: {
        usage: bytesText(usage.bytes),
        rss: bytesText(rssSum),
        gap: bytesText(gap),
        share: percentText(gap, usage.bytes),
        processCount: processes.length,
        processes: processes.map((p) => `${p.name ?? '?'} (${p.pid})`).join(', '),
      },
      metrics: { usageBytes: usage.bytes, processRssBytes: rssSum, gapBytes: gap, gapShareOfUsage: round3(gap / usage.bytes), processCount: processes.length },
      evidence: [...usage.evidence, ...processes.flatMap((p) => evidenceFrom(p.source))],
    };
  },
  { innermostOnly: true },
);
