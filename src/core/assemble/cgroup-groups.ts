// One memory group per cgroup directory of a capture, from its files: usage, limit, peak, failcnt,
// events and the memory.stat breakdown, each value with the file, line and key it came from.
// Sample (the files of one lab directory, `before/cgroup/kubepods/burstable/pod8053…/`):
//   memory.usage_in_bytes  93818880
//   memory.limit_in_bytes  134217728
//   memory.stat            total_rss 9510912 / total_cache 83906560 / total_shmem 83886080 …
import type { CgroupV2MemoryEventsData } from '../formats/cgroup/memory-events';
import type { MemoryStatData } from '../formats/cgroup/memory-stat-data';
import type { CgroupMemoryValueData } from '../formats/cgroup/memory-value';
import type { CgroupV1OomControlData } from '../formats/cgroup/oom-control';
import type { CgroupProcsData } from '../formats/cgroup/procs';
import { BREAKDOWN_KEYS, emptyBreakdown, workingSetBytes, type MemoryBreakdown } from '../model/breakdown';
import { emptyEvents, type MemoryGroup, type ValueSource } from '../model/memory-group';
import { CGROUP_FORMATS, isObjectData, type AssemblyFile } from './capture-times';
import { bundleCgroupFile, parseCgroupPath, type CgroupPathInfo } from './join-keys';
import { trimTrailing } from '../formats/text/trim';

/** The files of one cgroup directory. */
export interface CgroupDirFiles {
  /** Where the group sits: the kernel's path (`/oomlab/kubepods/burstable/pod…`), or the bundle folder for loose files. */
  path: string;
  info: CgroupPathInfo;
  stat: { file: string; data: MemoryStatData } | null;
  values: Map<string, { file: string; data: CgroupMemoryValueData }>;
  oomControl: { file: string; data: CgroupV1OomControlData } | null;
  events: { file: string; data: CgroupV2MemoryEventsData } | null;
  pids: { file: string; data: CgroupProcsData } | null;
  files: string[];
}

/** memory.stat keys behind each breakdown field, hierarchical (v1 `total_*`) first, then v1 local, then v2. */
const BREAKDOWN_SOURCE_KEYS: Record<keyof MemoryBreakdown, string[]> = {
  anonBytes: ['total_rss', 'rss', 'anon'],
  fileBytes: ['total_cache', 'cache', 'file'],
  shmemBytes: ['total_shmem', 'shmem'],
  activeFileBytes: ['total_active_file', 'active_file'],
  inactiveFileBytes: ['total_inactive_file', 'inactive_file'],
  dirtyBytes: ['total_dirty', 'dirty', 'file_dirty'],
  writebackBytes: ['total_writeback', 'writeback', 'file_writeback'],
  mappedFileBytes: ['total_mapped_file', 'mapped_file', 'file_mapped'],
  anonThpBytes: ['total_rss_huge', 'rss_huge', 'anon_thp'],
  kernelBytes: ['kernel'],
  slabReclaimableBytes: ['slab_reclaimable'],
  slabUnreclaimableBytes: ['slab_unreclaimable'],
  swapBytes: ['total_swap', 'swap'],
  hierarchicalLimitBytes: ['hierarchical_memory_limit'],
};

function joinRoot(root: string | null, dir: string): string {
  const base = trimTrailing(root ?? '', '/');
  if (dir === '/' || dir === '') return base === '' ? '/' : base;
  return `${base}${dir}`;
}

/** Groups the capture's cgroup files by directory. `cgroupRoot` (manifest) prefixes the kernel path. */
export function collectCgroupDirs(files: readonly AssemblyFile[], cgroupRoot: string | null): CgroupDirFiles[] {
  const dirs = new Map<string, CgroupDirFiles>();
  for (const f of files) {
    if (!CGROUP_FORMATS.has(f.formatId) || !isObjectData(f.data)) continue;
    const layout = bundleCgroupFile(f.path);
    const dirKey = layout ? joinRoot(cgroupRoot, layout.cgroupDir) : looseFolder(f);
    let dir = dirs.get(dirKey);
    if (!dir) {
      dir = { path: dirKey, info: parseCgroupPath(dirKey), stat: null, values: new Map(), oomControl: null, events: null, pids: null, files: [] };
      dirs.set(dirKey, dir);
    }
    dir.files.push(f.path);
    addFile(dir, f);
  }
  return [...dirs.values()];
}

/** Cgroup files outside any cgroup layout (a pasted memory.stat): their folder is the group, one memory.stat each. */
function looseFolder(f: AssemblyFile): string {
  const slash = f.path.lastIndexOf('/');
  const folder = slash < 0 ? '' : f.path.slice(0, slash);
  return f.formatId.endsWith('memory-stat') ? f.path : folder === '' ? '(bundle)' : folder;
}

function addFile(dir: CgroupDirFiles, f: AssemblyFile): void {
  switch (f.formatId) {
    case 'cgroup-v1-memory-stat':
    case 'cgroup-v2-memory-stat':
      dir.stat = dir.stat ?? { file: f.path, data: f.data as MemoryStatData };
      break;
    case 'cgroup-memory-value': {
      const data = f.data as CgroupMemoryValueData;
      const name = data.file ?? f.path.slice(f.path.lastIndexOf('/') + 1);
      if (!dir.values.has(name)) dir.values.set(name, { file: f.path, data });
      break;
    }
    case 'cgroup-v1-oom-control':
      dir.oomControl = dir.oomControl ?? { file: f.path, data: f.data as CgroupV1OomControlData };
      break;
    case 'cgroup-v2-memory-events': {
      const data = f.data as CgroupV2MemoryEventsData;
      // memory.events counts the subtree; memory.events.local only the group itself.
      if (!dir.events || (dir.events.data.local === true && data.local !== true)) dir.events = { file: f.path, data };
      break;
    }
    case 'cgroup-procs':
      dir.pids = dir.pids ?? { file: f.path, data: f.data as CgroupProcsData };
      break;
  }
}

function valueSource(entry: { file: string; data: CgroupMemoryValueData }, key: string): ValueSource {
  return { file: entry.file, line: entry.data.line, key, rawText: entry.data.rawText };
}

/** The group's numbers from its directory; identity (key, role, names) is filled in later. */
export function groupFromDir(dir: CgroupDirFiles): MemoryGroup {
  const sources: Record<string, ValueSource> = Object.create(null) as Record<string, ValueSource>;
  const value = (...names: string[]): { name: string; entry: { file: string; data: CgroupMemoryValueData } } | null => {
    for (const name of names) {
      const entry = dir.values.get(name);
      if (entry) return { name, entry };
    }
    return null;
  };
  const bytesOf = (field: string, ...names: string[]): number | null => {
    const found = value(...names);
    if (!found || found.entry.data.valueBytes === null) return null;
    sources[field] = valueSource(found.entry, found.name);
    return found.entry.data.valueBytes;
  };
  const stat = dir.stat;
  const breakdown: MemoryBreakdown = stat ? { ...stat.data.breakdown } : emptyBreakdown();
  if (stat) {
    for (const field of BREAKDOWN_KEYS) {
      if (breakdown[field] === null) continue;
      const key = BREAKDOWN_SOURCE_KEYS[field].find((k) => stat.data.lines[k] !== undefined);
      if (key !== undefined) sources[`breakdown.${field}`] = { file: stat.file, line: stat.data.lines[key] ?? 0, key, rawText: String(stat.data.raw[key] ?? '') };
    }
  }
  const usageBytes = bytesOf('usageBytes', 'memory.usage_in_bytes', 'memory.current');
  let limitBytes = bytesOf('limitBytes', 'memory.limit_in_bytes', 'memory.max');
  const limitEntry = value('memory.limit_in_bytes', 'memory.max');
  if (limitEntry?.entry.data.unlimited) sources['limitBytes'] = valueSource(limitEntry.entry, limitEntry.name);
  else if (limitBytes === null && breakdown.hierarchicalLimitBytes !== null) {
    // No limit file: v1 memory.stat's hierarchical_memory_limit is the limit in force (the lowest of the ancestors').
    limitBytes = breakdown.hierarchicalLimitBytes;
    const s = sources['breakdown.hierarchicalLimitBytes'];
    if (s) sources['limitBytes'] = s;
  }
  const maxUsageBytes = bytesOf('maxUsageBytes', 'memory.max_usage_in_bytes', 'memory.peak');
  fillKernel(breakdown, sources, usageBytes, bytesOf('breakdown.kernelBytes', 'memory.kmem.usage_in_bytes'));
  if (breakdown.swapBytes === null) breakdown.swapBytes = bytesOf('breakdown.swapBytes', 'memory.swap.current');
  const events = emptyEvents();
  const failcnt = value('memory.failcnt');
  if (failcnt && failcnt.entry.data.count !== null) {
    events.failcnt = failcnt.entry.data.count;
    sources['events.failcnt'] = valueSource(failcnt.entry, 'memory.failcnt');
  }
  if (dir.oomControl) {
    const d = dir.oomControl.data;
    events.oomKill = d.oomKill;
    events.underOom = d.underOom;
    if (d.oomKill !== null) sources['events.oomKill'] = { file: dir.oomControl.file, line: d.lines['oom_kill'] ?? 0, key: 'oom_kill', rawText: String(d.oomKill) };
    if (d.underOom !== null) sources['events.underOom'] = { file: dir.oomControl.file, line: d.lines['under_oom'] ?? 0, key: 'under_oom' };
  }
  if (dir.events) {
    const d = dir.events.data;
    const fields: [keyof typeof events, number | null, string][] = [
      ['oom', d.oom, 'oom'],
      ['oomKill', d.oomKill, 'oom_kill'],
      ['oomGroupKill', d.oomGroupKill, 'oom_group_kill'],
      ['high', d.high, 'high'],
      ['max', d.max, 'max'],
    ];
    for (const [field, n, key] of fields) {
      if (n === null) continue;
      (events as unknown as Record<string, number | null>)[field] = n;
      sources[`events.${field}`] = { file: dir.events.file, line: d.lines[key] ?? 0, key, rawText: String(n) };
    }
  }
  const ws = workingSetBytes(usageBytes, breakdown.inactiveFileBytes);
  if (ws !== null && sources['usageBytes']) sources['workingSetBytes'] = { ...sources['usageBytes'], key: `${sources['usageBytes'].key} − inactive_file` };
  return {
    key: dir.path,
    path: dir.path,
    role: 'other',
    qosClass: dir.info.qosClass,
    podUid: dir.info.podUid,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: dir.info.containerId,
    orphaned: false,
    cgroupVersion: stat?.data.cgroupVersion ?? firstVersion(dir),
    usageBytes,
    limitBytes,
    workingSetBytes: ws,
    maxUsageBytes,
    breakdown,
    events,
    processes: [],
    sources: { ...sources },
    children: [],
  };
}

/** v1: memory.kmem.usage_in_bytes, else usage − total_cache − total_rss (model-and-findings.md breakdown table). */
function fillKernel(b: MemoryBreakdown, sources: Record<string, ValueSource>, usage: number | null, kmem: number | null): void {
  if (b.kernelBytes !== null) return;
  if (kmem !== null) {
    b.kernelBytes = kmem;
    return;
  }
  const usageSource = sources['usageBytes'];
  if (usage === null || b.fileBytes === null || b.anonBytes === null || !usageSource) return;
  const rest = usage - b.fileBytes - b.anonBytes;
  if (rest < 0) return;
  b.kernelBytes = rest;
  sources['breakdown.kernelBytes'] = { ...usageSource, key: `${usageSource.key} − total_cache − total_rss` };
}

function firstVersion(dir: CgroupDirFiles): 1 | 2 | null {
  for (const v of dir.values.values()) if (v.data.cgroupVersion !== null) return v.data.cgroupVersion;
  if (dir.oomControl) return 1;
  if (dir.events) return 2;
  return null;
}

