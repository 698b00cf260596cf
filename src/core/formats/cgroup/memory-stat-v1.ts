// cgroup v1 `memory.stat` (/sys/fs/cgroup/memory/<path>/memory.stat): local counters, and the
// hierarchical `total_*` ones where use_hierarchy is on. Sample:
//   cache 1066070016
//   rss 4190208
//   total_shmem 1052160000
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { counter, readKeyValueLines, toCounterTable } from '../text/key-value';
import { isUnlimitedText, V1_UNLIMITED_THRESHOLD_BYTES } from '../text/numbers';
import { emptyBreakdown, type MemoryBreakdown } from '../../model/breakdown';
import type { MemoryStatData } from './memory-stat-data';
import { detectMemoryStat } from './memory-stat-detect';

/** Prefers the hierarchical `total_<key>` (what the group and its children hold) over the local one. */
function hierarchical(raw: Record<string, number | string>, key: string): number | null {
  return counter(raw, `total_${key}`) ?? counter(raw, key);
}

export function breakdownV1(raw: Record<string, number | string>): MemoryBreakdown {
  const b = emptyBreakdown();
  // total_rss already includes total_rss_huge (mm/memcontrol.c memcg1_stat_format).
  b.anonBytes = hierarchical(raw, 'rss');
  b.fileBytes = hierarchical(raw, 'cache');
  b.shmemBytes = hierarchical(raw, 'shmem');
  b.activeFileBytes = hierarchical(raw, 'active_file');
  b.inactiveFileBytes = hierarchical(raw, 'inactive_file');
  b.dirtyBytes = hierarchical(raw, 'dirty');
  b.writebackBytes = hierarchical(raw, 'writeback');
  b.mappedFileBytes = hierarchical(raw, 'mapped_file');
  b.anonThpBytes = hierarchical(raw, 'rss_huge');
  b.swapBytes = hierarchical(raw, 'swap');
  const limit = counter(raw, 'hierarchical_memory_limit');
  b.hierarchicalLimitBytes = limit !== null && limit < V1_UNLIMITED_THRESHOLD_BYTES ? limit : null;
  return b;
}

function isUnlimitedLimit(key: string | number | undefined, value: string | number | undefined): boolean {
  return typeof key === 'string' && key.endsWith('_limit') && typeof value === 'string' && isUnlimitedText(value);
}

export function parseMemoryStatV1(text: string, _ctx: ParseContext): ParseResult<MemoryStatData> {
  const table = toCounterTable(readKeyValueLines(text));
  const keys = Object.keys(table.raw);
  if (keys.length === 0) {
    return { status: 'unusable', warnings: [warning('no-counters', 'No "key value" counters found.'), ...table.warnings] };
  }
  // hierarchical_memory_limit / hierarchical_memsw_limit of PAGE_COUNTER_MAX (9223372036854771712) mean
  // "no limit": the text is kept in `raw`, but it is not a defect of the file.
  const warnings = table.warnings.filter((w) => !(w.code === 'value-not-integer' && isUnlimitedLimit(w.params?.['key'], w.params?.['value'])));
  // Absent, not merely unusable (an unusable value already has its own warning).
  if (!('cache' in table.raw) && !('total_cache' in table.raw)) {
    warnings.push(warning('missing-key', 'Neither "cache" nor "total_cache" is present.', undefined, { key: 'cache' }));
  }
  const hasHierarchical = keys.some((k) => k.startsWith('total_'));
  const limitText = table.raw['hierarchical_memory_limit'];
  const unlimited = (typeof limitText === 'string' && isUnlimitedText(limitText)) || (typeof limitText === 'number' && limitText >= V1_UNLIMITED_THRESHOLD_BYTES);
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      cgroupVersion: 1,
      raw: table.raw,
      lines: table.lines,
      hierarchical: hasHierarchical,
      hierarchicalLimitUnlimited: limitText === undefined ? null : unlimited,
      breakdown: breakdownV1(table.raw),
    },
    warnings,
  };
}

export const memoryStatV1Format: FormatDefinition<MemoryStatData> = {
  id: 'cgroup-v1-memory-stat',
  area: 'cgroup',
  detect: (head, path) => detectMemoryStat(head, path).v1,
  parse: parseMemoryStatV1,
};
