// Builders for rule tests: memory groups with the numbers the lab TRUTH.md files state.
import type { MemoryBreakdown } from '../model/breakdown';
import { blankGroup, type MemoryGroup, type ProcessInfo } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import type { AnalysisInput } from './rule';

export function group(partial: Partial<Omit<MemoryGroup, 'breakdown'>> & { breakdown?: Partial<MemoryBreakdown> }): MemoryGroup {
  const path = partial.path ?? '/kubepods/burstable/pod-test';
  const base = blankGroup(partial.key ?? path, path, partial.role ?? 'container');
  return {
    ...base,
    qosClass: 'burstable',
    cgroupVersion: 1,
    sources: {
      usageBytes: { file: `${path}/memory.usage_in_bytes`, line: 1, key: 'memory.usage_in_bytes' },
      limitBytes: { file: `${path}/memory.limit_in_bytes`, line: 1, key: 'memory.limit_in_bytes' },
      'breakdown.anonBytes': { file: `${path}/memory.stat`, line: 36, key: 'total_rss' },
      'breakdown.shmemBytes': { file: `${path}/memory.stat`, line: 39, key: 'total_shmem' },
    },
    ...partial,
    breakdown: { ...base.breakdown, ...partial.breakdown },
  };
}

export function process(pid: number, name: string, rssBytes: number): ProcessInfo {
  return {
    pid,
    name,
    rssBytes,
    rssAnonBytes: null,
    rssFileBytes: null,
    rssShmemBytes: null,
    swapBytes: null,
    oomScoreAdj: 999,
    source: { file: `proc/${pid}/status`, line: 22, key: 'VmRSS' },
  };
}

export function inputOf(groups: MemoryGroup[], id = 'during'): AnalysisInput {
  const snapshot: Snapshot = { id, label: id, capturedAt: null, host: null, kernelRelease: null, cgroupVersion: 1, groups, files: [] };
  return { snapshots: [snapshot], oomEvents: [], workloadFacts: [] };
}

export const MiB = 1024 * 1024;
