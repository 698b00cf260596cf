// Time series inside one file become one capture per sample: a loop script's memory.stat log
// (memstat-series: a date line, then `…/memory.stat:key value` lines per cgroup) and `vmstat N`
// rows (node-wide free/buff/cache/swpd). Sample (seed 004's shmem-leak-check.log):
//   Thu Nov 18 13:37:49 CST 2021
//   /sys/fs/cgroup/memory/kubepods.slice/…/docker-3eb2….scope/memory.stat:total_rss 6373216256
//   /sys/fs/cgroup/memory/kubepods.slice/…/docker-3eb2….scope/memory.stat:total_shmem 0
import type { MemoryStatData } from '../formats/cgroup/memory-stat-data';
import { breakdownV1 } from '../formats/cgroup/memory-stat-v1';
import { breakdownV2 } from '../formats/cgroup/memory-stat-v2';
import type { MemstatGroup, MemstatSeriesData } from '../formats/cgroup/memstat-series';
import type { VmstatData } from '../formats/node/vmstat-command';
import { blankGroup, type MemoryGroup } from '../model/memory-group';
import type { CgroupDirFiles } from './cgroup-groups';
import { isObjectData, type AssemblyFile } from './capture-times';
import { parseCgroupPath } from './join-keys';

export interface SeriesSample {
  id: string;
  label: string;
  capturedAt: string | null;
  file: string;
  dirs: CgroupDirFiles[];
  /** Node-wide groups that need no cgroup directory (vmstat). */
  groups: MemoryGroup[];
}

const V2_KEYS = ['anon', 'file', 'file_mapped', 'kernel', 'slab'];

function statOf(group: MemstatGroup): MemoryStatData {
  const keys = Object.keys(group.raw);
  const v2 = keys.some((k) => V2_KEYS.includes(k)) && !keys.some((k) => k.startsWith('total_') || k === 'cache' || k === 'rss');
  const limit = group.raw['hierarchical_memory_limit'];
  return {
    cgroupVersion: v2 ? 2 : 1,
    raw: group.raw,
    lines: group.lines,
    hierarchical: v2 || keys.some((k) => k.startsWith('total_')),
    hierarchicalLimitUnlimited: limit === undefined || v2 ? null : typeof limit === 'string' || limit >= 2 ** 62,
    breakdown: v2 ? breakdownV2(group.raw) : breakdownV1(group.raw),
  };
}

/** The cgroup below the mount (`/sys/fs/cgroup/memory/kubepods.slice/…` → `/kubepods.slice/…`). */
function cgroupDirOf(path: string): string {
  const m = /^\/sys\/fs\/cgroup(?:\/memory)?(\/.*)?$/.exec(path);
  if (m) return m[1] ?? '/';
  return path.startsWith('/') ? path : `/${path}`;
}

function memstatSamples(file: AssemblyFile, data: MemstatSeriesData): SeriesSample[] {
  return data.samples
    .filter((s) => s.groups.length > 0)
    .map((sample, i) => {
      const dirs = new Map<string, CgroupDirFiles>();
      for (const g of sample.groups) {
        const path = g.cgroupPath !== null ? cgroupDirOf(g.cgroupPath) : `${file.path}#${i + 1}`;
        if (dirs.has(path)) continue;
        dirs.set(path, {
          path,
          info: parseCgroupPath(path),
          stat: { file: file.path, data: statOf(g) },
          values: new Map(),
          oomControl: null,
          events: null,
          pids: null,
          files: [file.path],
        });
      }
      return {
        id: `${file.path}#${i + 1}`,
        label: sample.time?.raw ?? `sample ${i + 1}`,
        capturedAt: sample.time?.iso ?? null,
        file: file.path,
        dirs: [...dirs.values()],
        groups: [],
      };
    });
}

function vmstatSamples(file: AssemblyFile, data: VmstatData): SeriesSample[] {
  if (data.samples.length < 2) return [];
  return data.samples.map((s, i) => {
    const node = blankGroup('node', '/', 'node');
    // vmstat's cache is the page cache (shmem included), buff the block-device buffers: file pages both.
    if (s.cacheBytes !== null) {
      node.breakdown.fileBytes = s.cacheBytes + (s.buffBytes ?? 0);
      node.sources['breakdown.fileBytes'] = { file: file.path, line: s.line, key: s.buffBytes !== null ? 'buff + cache' : 'cache' };
    }
    if (s.swpdBytes !== null) {
      node.breakdown.swapBytes = s.swpdBytes;
      node.sources['breakdown.swapBytes'] = { file: file.path, line: s.line, key: 'swpd' };
    }
    return { id: `${file.path}#${i + 1}`, label: s.timestamp ?? `vmstat sample ${i + 1}`, capturedAt: null, file: file.path, dirs: [], groups: [node] };
  });
}

/** Samples of every memstat series in the files; vmstat samples only when `withVmstat` (no cgroup data elsewhere). */
export function seriesSamples(files: readonly AssemblyFile[], withVmstat: boolean): SeriesSample[] {
  const out: SeriesSample[] = [];
  for (const f of files) {
    if (!isObjectData(f.data)) continue;
    if (f.formatId === 'memstat-series') out.push(...memstatSamples(f, f.data as MemstatSeriesData));
    else if (withVmstat && f.formatId === 'vmstat-command') out.push(...vmstatSamples(f, f.data as VmstatData));
  }
  return out;
}
