// Processes into groups: `/proc/<pid>/status` (name, VmRSS, RssAnon/File/Shmem, VmSwap) joined to a
// cgroup by `/proc/<pid>/cgroup`, else by the group's `cgroup.procs`, else by the PIDs an identity
// source lists (manifest, inspect). Sample (lab orphaned-shmem `before`):
//   proc/21065/cgroup   4:memory:/oomlab/kubepods/burstable/pod8053…/5e5f6443…
//   proc/21065/status   Name: api-server … VmRSS: 15280 kB
//   → ProcessInfo { pid: 21065, name: 'api-server', rssBytes: 15646720 } in container `api`
import type { ProcOomScoreData } from '../formats/proc/oom-score';
import type { ProcCgroupData } from '../formats/proc/pid-cgroup';
import type { ProcStatusData } from '../formats/proc/status';
import type { MemoryGroup, ProcessInfo } from '../model/memory-group';
import { isObjectData, type AssemblyFile } from './capture-times';
import type { IdentityFact } from './identities';
import { parseCgroupPath, sameContainerId } from './join-keys';
import type { PlacedGroup } from './tree';

interface ProcessFiles {
  pid: number;
  status: { file: string; data: ProcStatusData } | null;
  cgroup: ProcCgroupData | null;
  oomScoreAdj: number | null;
}

const PROC_FILE = /(?:^|\/)proc\/(\d{1,10})\/([^/]+)$/;

function collectProcesses(files: readonly AssemblyFile[]): Map<number, ProcessFiles> {
  const byPid = new Map<number, ProcessFiles>();
  const entry = (pid: number): ProcessFiles => {
    let e = byPid.get(pid);
    if (!e) {
      e = { pid, status: null, cgroup: null, oomScoreAdj: null };
      byPid.set(pid, e);
    }
    return e;
  };
  for (const f of files) {
    if (!isObjectData(f.data)) continue;
    const m = PROC_FILE.exec(f.path);
    const pathPid = m?.[1] !== undefined ? Number(m[1]) : null;
    if (f.formatId === 'proc-status') {
      const data = f.data as ProcStatusData;
      const pid = data.pid ?? pathPid;
      if (pid !== null) entry(pid).status = { file: f.path, data };
    } else if (f.formatId === 'proc-cgroup') {
      const data = f.data as ProcCgroupData;
      const pid = data.pid ?? pathPid;
      if (pid !== null) entry(pid).cgroup = data;
    } else if (f.formatId === 'proc-oom-score') {
      const data = f.data as ProcOomScoreData;
      const pid = data.pid ?? pathPid;
      if (pid !== null && data.file === 'oom_score_adj' && data.value !== null) entry(pid).oomScoreAdj = data.value;
    }
  }
  return byPid;
}

function processInfo(p: ProcessFiles): ProcessInfo {
  const s = p.status?.data ?? null;
  return {
    pid: p.pid,
    name: s?.name ?? null,
    rssBytes: s?.vmRssBytes ?? null,
    rssAnonBytes: s?.rssAnonBytes ?? null,
    rssFileBytes: s?.rssFileBytes ?? null,
    rssShmemBytes: s?.rssShmemBytes ?? null,
    swapBytes: s?.vmSwapBytes ?? null,
    oomScoreAdj: p.oomScoreAdj,
    source: p.status && s ? { file: p.status.file, line: s.lines['VmRSS'] ?? s.lines['Name'] ?? 1, key: 'VmRSS', rawText: s.raw['VmRSS'] ?? '' } : null,
  };
}

/** The group a kernel cgroup path names: same container id, else same path below the Kubernetes root. */
function groupForKernelPath(placed: readonly PlacedGroup[], path: string): MemoryGroup | null {
  const info = parseCgroupPath(path);
  if (info.containerId !== null) {
    const byId = placed.find((p) => p.dir?.info.level === 'container' && sameContainerId(p.group.containerId, info.containerId));
    if (byId) return byId.group;
  }
  const byPath = placed.find((p) => p.dir !== null && p.dir.info.kubePath === info.kubePath && p.dir.path.startsWith('/'));
  return byPath?.group ?? null;
}

export function attachProcesses(placed: readonly PlacedGroup[], files: readonly AssemblyFile[], facts: readonly IdentityFact[]): void {
  const processes = collectProcesses(files);
  const assigned = new Set<number>();
  const put = (group: MemoryGroup, info: ProcessInfo) => {
    if (assigned.has(info.pid)) return;
    assigned.add(info.pid);
    group.processes.push(info);
  };
  for (const p of processes.values()) {
    const path = p.cgroup?.memoryPath ?? p.cgroup?.unifiedPath ?? null;
    const group = path !== null ? groupForKernelPath(placed, path) : null;
    if (group) put(group, processInfo(p));
  }
  // cgroup.procs: a PID listed there belongs to that cgroup (the deepest one, when nested copies list it).
  const byDepth = [...placed].sort((a, b) => b.group.path.length - a.group.path.length);
  for (const pg of byDepth) {
    const procs = pg.dir?.pids;
    if (!procs) continue;
    procs.data.pids.forEach((pid, i) => {
      if (assigned.has(pid)) return;
      const known = processes.get(pid);
      const info = processInfo(known ?? { pid, status: null, cgroup: null, oomScoreAdj: null });
      if (!known) info.source = { file: procs.file, line: procs.data.pidLines[i] ?? 1, key: 'cgroup.procs', rawText: String(pid) };
      put(pg.group, info);
    });
  }
  // PIDs an identity source gives for a container (manifest `pids`, inspect `State.Pid`).
  for (const fact of facts) {
    for (const pid of fact.pids) {
      const known = processes.get(pid);
      if (assigned.has(pid) || !known) continue;
      const target = placed.find((pg) => pg.group.role === 'container' && fact.containerId !== null && sameContainerId(pg.group.containerId, fact.containerId));
      if (target) put(target.group, processInfo(known));
    }
  }
  for (const pg of placed) pg.group.processes.sort((a, b) => a.pid - b.pid);
}
