import type { MemoryBreakdown } from '../../model/breakdown';

/** Parsed memory.stat of either cgroup version (the contract's `raw` + `breakdown`, plus lines). */
export interface MemoryStatData {
  cgroupVersion: 1 | 2;
  /** Keys as written; a value that is not a safe integer stays text. */
  raw: Record<string, number | string>;
  /** 1-based line of each key, for evidence. */
  lines: Record<string, number>;
  /** v1: whether total_* (hierarchical) counters are present. Always true for v2 (counters are hierarchical). */
  hierarchical: boolean;
  /** v1: hierarchical_memory_limit is the "no limit" sentinel. null when the key is absent or v2. */
  hierarchicalLimitUnlimited: boolean | null;
  breakdown: MemoryBreakdown;
}
