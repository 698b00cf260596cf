// cgroup v2 `memory.stat` (/sys/fs/cgroup/<path>/memory.stat), hierarchical, in bytes. Sample:
//   anon 4194304
//   file 8388608
//   kernel 65536
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { counter, readKeyValueLines, toCounterTable } from '../text/key-value';
import { emptyBreakdown, type MemoryBreakdown } from '../../model/breakdown';
import type { MemoryStatData } from './memory-stat-data';
import { detectMemoryStat } from './memory-stat-detect';

// Before 5.18 there is no `kernel` key; it is the sum of these (Documentation/admin-guide/cgroup-v2.rst).
const KERNEL_PARTS = ['kernel_stack', 'pagetables', 'sec_pagetables', 'percpu', 'sock', 'vmalloc'] as const;

function kernelBytes(raw: Record<string, number | string>): number | null {
  const direct = counter(raw, 'kernel');
  if (direct !== null) return direct;
  const slab = counter(raw, 'slab') ?? sumOrNull([counter(raw, 'slab_reclaimable'), counter(raw, 'slab_unreclaimable')]);
  const parts = [...KERNEL_PARTS.map((k) => counter(raw, k)), slab];
  return sumOrNull(parts);
}

function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  let any = false;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : null;
}

export function breakdownV2(raw: Record<string, number | string>): MemoryBreakdown {
  const b = emptyBreakdown();
  b.anonBytes = counter(raw, 'anon');
  b.fileBytes = counter(raw, 'file');
  b.shmemBytes = counter(raw, 'shmem');
  b.activeFileBytes = counter(raw, 'active_file');
  b.inactiveFileBytes = counter(raw, 'inactive_file');
  b.dirtyBytes = counter(raw, 'file_dirty');
  b.writebackBytes = counter(raw, 'file_writeback');
  b.mappedFileBytes = counter(raw, 'file_mapped');
  b.anonThpBytes = counter(raw, 'anon_thp');
  b.kernelBytes = kernelBytes(raw);
  b.slabReclaimableBytes = counter(raw, 'slab_reclaimable');
  b.slabUnreclaimableBytes = counter(raw, 'slab_unreclaimable');
  return b;
}

export function parseMemoryStatV2(text: string, _ctx: ParseContext): ParseResult<MemoryStatData> {
  const table = toCounterTable(readKeyValueLines(text));
  if (Object.keys(table.raw).length === 0) {
    return { status: 'unusable', warnings: [warning('no-counters', 'No "key value" counters found.'), ...table.warnings] };
  }
  const warnings = [...table.warnings];
  for (const key of ['anon', 'file']) {
    if (!(key in table.raw)) warnings.push(warning('missing-key', `Key "${key}" is not present.`, undefined, { key }));
  }
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      cgroupVersion: 2,
      raw: table.raw,
      lines: table.lines,
      hierarchical: true,
      hierarchicalLimitUnlimited: null,
      breakdown: breakdownV2(table.raw),
    },
    warnings,
  };
}

export const memoryStatV2Format: FormatDefinition<MemoryStatData> = {
  id: 'cgroup-v2-memory-stat',
  area: 'cgroup',
  detect: (head, path) => detectMemoryStat(head, path).v2,
  parse: parseMemoryStatV2,
};
