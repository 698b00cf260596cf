// memory-high-throttling: cgroup v2 memory.events `high` counts the times usage went over memory.high
// and the group was throttled and forced into reclaim below its hard limit.
import { snapshotRule } from './snapshot-rule';
import { evidenceFrom } from './rule';

export const MEMORY_HIGH_THROTTLING_THRESHOLDS = { minHighEvents: 1, warnHighEvents: 1000 } as const;

export const memoryHighThrottlingRule = snapshotRule(
  'memory-high-throttling',
  MEMORY_HIGH_THROTTLING_THRESHOLDS,
  (group) => {
    const high = group.events.high;
    if (high === null || high < MEMORY_HIGH_THROTTLING_THRESHOLDS.minHighEvents) return null;
    return {
      severity: high >= MEMORY_HIGH_THROTTLING_THRESHOLDS.warnHighEvents ? 'warning' : 'info',
      params: { high, max: group.events.max ?? '—' },
      metrics: { highEvents: high, maxEvents: group.events.max },
      evidence: evidenceFrom(group.sources['events.high']),
    };
  },
  { innermostOnly: true },
);
