import { describe, expect, it } from 'vitest';
import { walkGroups, type MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { orphanedShmem, ORPHANED_POD_KEY, processInfo } from './lab-snapshots.fixture';
import { pairFiles, type PairableFile } from './pair-files';

// File lists as in the orphaned-shmem lab bundle (manifest.json `files`), under each snapshot's folder.
const POD_DIR = 'cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const WARM_DIR = `${POD_DIR}/222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd`;
const API_DIR = `${POD_DIR}/5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868`;

function formatOf(path: string): string {
  if (path.endsWith('memory.stat')) return 'cgroup-v1-memory-stat';
  if (path.endsWith('memory.oom_control')) return 'cgroup-v1-oom-control';
  if (path.endsWith('cgroup.procs')) return 'cgroup-procs';
  if (path.includes('/memory.')) return 'cgroup-memory-value';
  if (path.endsWith('dmesg.txt') || path.endsWith('dmesg-T.txt') || path.endsWith('kern.log')) return 'kernel-log';
  if (path.endsWith('/status')) return 'proc-status';
  if (path.endsWith('/smaps_rollup')) return 'proc-smaps-rollup';
  if (path.endsWith('meminfo')) return 'proc-meminfo';
  return 'unknown';
}

function files(folder: string, relative: string[]): PairableFile[] {
  return relative.map((p) => ({ path: `${folder}/${p}`, formatId: formatOf(p) }));
}

/** Cites the group's memory.stat and usage file, and each process's status file, under `folder`. */
function withSources(s: Snapshot, folder: string, dirs: Record<string, string>, pids: Record<string, number>): Snapshot {
  const cite = (g: MemoryGroup): void => {
    const dir = dirs[g.key];
    if (dir) {
      g.sources = {
        usageBytes: { file: `${folder}/${dir}/memory.usage_in_bytes`, line: 1, key: 'memory.usage_in_bytes' },
        'breakdown.anonBytes': { file: `${folder}/${dir}/memory.stat`, line: 21, key: 'total_rss' },
      };
    }
    const pid = pids[g.key];
    if (pid !== undefined) g.processes = [processInfo(pid, g.containerName === 'api' ? 'api-server' : 'cache-warmer', { anon: 1, file: 1, shmem: 0 })];
    for (const p of g.processes) if (p.source) p.source = { ...p.source, file: `${folder}/proc/${p.pid}/status` };
  };
  for (const g of walkGroups(s.groups)) cite(g);
  return s;
}

describe('pairFiles on the orphaned-shmem layout', () => {
  const cgroupFiles = (dir: string) => ['memory.stat', 'memory.usage_in_bytes', 'memory.oom_control', 'cgroup.procs'].map((f) => `${dir}/${f}`);
  const initFiles = files('init-running', [...cgroupFiles(POD_DIR), ...cgroupFiles(WARM_DIR), 'dmesg.txt', 'proc/21009/status', 'proc/meminfo']);
  const beforeFiles = files('before', [...cgroupFiles(POD_DIR), ...cgroupFiles(API_DIR), 'dmesg.txt', 'proc/21065/status', 'proc/21065/smaps_rollup', 'proc/meminfo']);
  const duringFiles = files('during', [...cgroupFiles(POD_DIR), ...cgroupFiles(API_DIR), 'kern.log', 'proc/21065/status', 'proc/21065/smaps_rollup', 'proc/meminfo']);
  const api = `${ORPHANED_POD_KEY}/api`;
  const before = withSources(orphanedShmem('before'), 'before', { [ORPHANED_POD_KEY]: POD_DIR, [api]: API_DIR }, { [api]: 21065 });
  const during = withSources(orphanedShmem('during'), 'during', { [ORPHANED_POD_KEY]: POD_DIR, [api]: API_DIR }, { [api]: 21065 });

  it('pairs cgroup files by group key, proc files by process, the rest by path or by format', () => {
    const pairs = pairFiles({ files: beforeFiles, snapshot: before }, { files: duringFiles, snapshot: during });
    const byKey = new Map(pairs.map((p) => [p.key, p]));
    expect(byKey.get(`group:${api}:memory.stat`)).toMatchObject({
      kind: 'group',
      groupKey: api,
      before: { path: `before/${API_DIR}/memory.stat` },
      after: { path: `during/${API_DIR}/memory.stat` },
    });
    expect(byKey.get(`group:${ORPHANED_POD_KEY}:cgroup.procs`)?.after?.path).toBe(`during/${POD_DIR}/cgroup.procs`);
    expect(byKey.get(`process:${api}:api-server:status`)).toMatchObject({ kind: 'process', processName: 'api-server' });
    expect(byKey.get(`process:${api}:api-server:smaps_rollup`)?.before?.path).toBe('before/proc/21065/smaps_rollup');
    expect(byKey.get('path:proc/meminfo')).toMatchObject({ before: { path: 'before/proc/meminfo' }, after: { path: 'during/proc/meminfo' } });
    expect(byKey.get('format:kernel-log')).toMatchObject({ kind: 'format', before: { path: 'before/dmesg.txt' }, after: { path: 'during/kern.log' } });
    expect(pairs.every((p) => p.before !== null && p.after !== null)).toBe(true);
    expect(pairs.map((p) => p.kind)).toEqual([...pairs.map((p) => p.kind)].sort((a, b) => ['group', 'process', 'path', 'format'].indexOf(a) - ['group', 'process', 'path', 'format'].indexOf(b)));
  });

  it('keeps the removed init container’s files on the before side only', () => {
    const warm = `${ORPHANED_POD_KEY}/warm-cache`;
    const init = withSources(orphanedShmem('init-running'), 'init-running', { [ORPHANED_POD_KEY]: POD_DIR, [warm]: WARM_DIR }, { [warm]: 21009 });
    const pairs = pairFiles({ files: initFiles, snapshot: init }, { files: beforeFiles, snapshot: before });
    const warmStat = pairs.find((p) => p.key === `group:${warm}:memory.stat`);
    expect(warmStat).toMatchObject({ before: { path: `init-running/${WARM_DIR}/memory.stat` }, after: null });
    expect(pairs.find((p) => p.key === `group:${api}:memory.stat`)).toMatchObject({ before: null });
    expect(pairs.find((p) => p.key === `group:${ORPHANED_POD_KEY}:memory.stat`)).toMatchObject({
      before: { path: `init-running/${POD_DIR}/memory.stat` },
      after: { path: `before/${POD_DIR}/memory.stat` },
    });
    expect(pairs.find((p) => p.key === 'path:dmesg.txt')?.after?.path).toBe('before/dmesg.txt');
  });

  it('selects a snapshot’s own files from a whole bundle’s list', () => {
    const all = [...beforeFiles, ...duringFiles];
    const b = { ...before, files: beforeFiles.map((f) => f.path) };
    const d = { ...during, files: duringFiles.map((f) => f.path) };
    const pairs = pairFiles({ files: all, snapshot: b }, { files: all, snapshot: d });
    for (const p of pairs) {
      if (p.before) expect(p.before.path.startsWith('before/')).toBe(true);
      if (p.after) expect(p.after.path.startsWith('during/')).toBe(true);
    }
    expect(pairs.length).toBe(pairFiles({ files: beforeFiles, snapshot: before }, { files: duringFiles, snapshot: during }).length);
  });

  it('works without snapshots and with empty or odd lists', () => {
    expect(pairFiles({ files: [] }, { files: [] })).toEqual([]);
    const odd = [{ path: '__proto__', formatId: 'unknown' }, { path: 'a/proc/12/status', formatId: 'proc-status' }, { path: 'a/proc/12/status', formatId: 'proc-status' }];
    const pairs = pairFiles({ files: odd }, { files: [{ path: 'b/__proto__', formatId: 'unknown' }] });
    expect(pairs.length).toBe(3);
    expect(pairs.find((p) => p.key === 'path:__proto__')?.after?.path).toBe('b/__proto__');
  });
});
