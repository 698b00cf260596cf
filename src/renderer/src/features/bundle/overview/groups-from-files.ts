// Until the memory tree is assembled in core (src/core/assemble), the Overview shows one memory
// group per memory.stat file, nested by directory, with usage and limit read from the parsed
// one-number files beside it (memory.usage_in_bytes / memory.current, …) when those are there.
import { emptyEvents, workingSetBytes, type MemoryGroup, type MemoryStatData, type Snapshot, type ValueSource } from '../../../../../core';

/** What this module needs of a stored file. */
export interface ParsedFileLike {
  path: string;
  formatId: string;
  data: unknown;
}

export const MEMORY_STAT_FORMAT_IDS: readonly string[] = ['cgroup-v1-memory-stat', 'cgroup-v2-memory-stat'];

// Keys read for each breakdown field, hierarchical (`total_*`) first, as the v1/v2 parsers do.
const SOURCE_KEYS: Record<string, { v1: string[]; v2: string[] }> = {
  anonBytes: { v1: ['total_rss', 'rss'], v2: ['anon'] },
  fileBytes: { v1: ['total_cache', 'cache'], v2: ['file'] },
  shmemBytes: { v1: ['total_shmem', 'shmem'], v2: ['shmem'] },
  activeFileBytes: { v1: ['total_active_file', 'active_file'], v2: ['active_file'] },
  inactiveFileBytes: { v1: ['total_inactive_file', 'inactive_file'], v2: ['inactive_file'] },
  dirtyBytes: { v1: ['total_dirty', 'dirty'], v2: ['file_dirty'] },
  writebackBytes: { v1: ['total_writeback', 'writeback'], v2: ['file_writeback'] },
  mappedFileBytes: { v1: ['total_mapped_file', 'mapped_file'], v2: ['file_mapped'] },
  anonThpBytes: { v1: ['total_rss_huge', 'rss_huge'], v2: ['anon_thp'] },
  kernelBytes: { v1: [], v2: ['kernel', 'slab', 'kernel_stack'] },
  slabReclaimableBytes: { v1: [], v2: ['slab_reclaimable'] },
  slabUnreclaimableBytes: { v1: [], v2: ['slab_unreclaimable'] },
  swapBytes: { v1: ['total_swap', 'swap'], v2: [] },
  hierarchicalLimitBytes: { v1: ['hierarchical_memory_limit'], v2: [] },
};

const USAGE_FILES = ['memory.usage_in_bytes', 'memory.current'];
const LIMIT_FILES = ['memory.limit_in_bytes', 'memory.max'];
const MAX_USAGE_FILES = ['memory.max_usage_in_bytes', 'memory.peak'];

export function isMemoryStat(file: ParsedFileLike): file is ParsedFileLike & { data: MemoryStatData } {
  return MEMORY_STAT_FORMAT_IDS.includes(file.formatId) && typeof file.data === 'object' && file.data !== null && 'breakdown' in file.data;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A one-number file's value as the cgroup-memory-value format reports it, read structurally. */
interface OneValue {
  valueBytes: number | null;
  unlimited: boolean;
  line: number;
  rawText: string;
}

function oneValue(file: ParsedFileLike): OneValue | null {
  const d = file.data;
  if (typeof d !== 'object' || d === null) return null;
  const r = d as Record<string, unknown>;
  const valueBytes = typeof r.valueBytes === 'number' ? r.valueBytes : null;
  const unlimited = r.unlimited === true;
  if (valueBytes === null && !unlimited) return null;
  return { valueBytes, unlimited, line: typeof r.line === 'number' ? r.line : 1, rawText: typeof r.rawText === 'string' ? r.rawText : '' };
}

export function memoryStatSources(path: string, data: MemoryStatData): Record<string, ValueSource> {
  const sources: Record<string, ValueSource> = {};
  for (const [field, keys] of Object.entries(SOURCE_KEYS)) {
    const candidates = data.cgroupVersion === 1 ? keys.v1 : keys.v2;
    const key = candidates.find((k) => data.lines[k] !== undefined);
    if (key === undefined) continue;
    const line = data.lines[key] ?? 1;
    const raw = data.raw[key];
    sources[`breakdown.${field}`] = { file: path, line, key, ...(raw !== undefined ? { rawText: String(raw) } : {}) };
  }
  return sources;
}

export function groupFromMemoryStat(path: string, data: MemoryStatData, siblings: readonly ParsedFileLike[]): MemoryGroup {
  const sources = memoryStatSources(path, data);
  const pick = (names: readonly string[], field: string): OneValue | null => {
    for (const name of names) {
      const f = siblings.find((s) => baseOf(s.path) === name);
      const v = f ? oneValue(f) : null;
      if (f && v) {
        sources[field] = { file: f.path, line: v.line, key: name, rawText: v.rawText };
        return v;
      }
    }
    return null;
  };
  const usage = pick(USAGE_FILES, 'usageBytes');
  const limit = pick(LIMIT_FILES, 'limitBytes');
  const maxUsage = pick(MAX_USAGE_FILES, 'maxUsageBytes');
  const usageBytes = usage?.valueBytes ?? null;
  // Without a limit file, v1's hierarchical_memory_limit is the tightest limit above the group.
  const limitBytes = limit ? (limit.unlimited ? null : limit.valueBytes) : data.breakdown.hierarchicalLimitBytes;
  if (!limit && limitBytes !== null && sources['breakdown.hierarchicalLimitBytes']) sources.limitBytes = sources['breakdown.hierarchicalLimitBytes'];
  const dir = dirOf(path);
  return {
    key: dir || path,
    path: dir || path,
    role: 'other',
    qosClass: null,
    podUid: null,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: null,
    orphaned: false,
    cgroupVersion: data.cgroupVersion,
    usageBytes,
    limitBytes,
    workingSetBytes: workingSetBytes(usageBytes, data.breakdown.inactiveFileBytes),
    maxUsageBytes: maxUsage?.valueBytes ?? null,
    breakdown: data.breakdown,
    events: emptyEvents(),
    processes: [],
    sources,
    children: [],
  };
}

/** One snapshot holding a group per memory.stat file, children under the nearest ancestor directory. */
export function snapshotFromFiles(id: string, label: string, files: readonly ParsedFileLike[]): Snapshot {
  const byDir = new Map<string, ParsedFileLike[]>();
  for (const f of files) {
    const d = dirOf(f.path);
    const list = byDir.get(d);
    if (list) list.push(f);
    else byDir.set(d, [f]);
  }
  // Parents before children: by directory, so `pod/memory.stat` comes before `pod/<ctr>/memory.stat`.
  const stats = files
    .filter(isMemoryStat)
    .map((f) => ({ f, dir: dirOf(f.path) }))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
    .map((x) => x.f);
  const groupsByDir = new Map<string, MemoryGroup>();
  const roots: MemoryGroup[] = [];
  for (const f of stats) {
    const dir = dirOf(f.path);
    const group = groupFromMemoryStat(f.path, f.data, byDir.get(dir) ?? []);
    let parent: MemoryGroup | undefined;
    let d = dir;
    while (d !== '' && !parent) {
      d = dirOf(d);
      parent = groupsByDir.get(d);
    }
    if (parent) parent.children.push(group);
    else roots.push(group);
    groupsByDir.set(dir, group);
  }
  const versions = new Set(stats.map((s) => s.data.cgroupVersion));
  const only = versions.size === 1 ? [...versions][0] : undefined;
  return {
    id,
    label,
    capturedAt: null,
    host: null,
    kernelRelease: null,
    cgroupVersion: only ?? null,
    groups: roots,
    files: files.map((f) => f.path),
  };
}
