// Hand-built snapshots for the diff tests, with the numbers of the lab captures' TRUTH.md files
// (shared/corpus/lab/*/TRUTH.md; the same figures are in the bundles copied to test/fixtures/lab/).
// Groups are shaped as the assembly shapes them: pod → containers, plus the pod's remainder
// "(not owned by any container)" child (role other, orphaned) where the pod holds more than them.
// Sample (orphaned-shmem `before`, pod memory.stat):
//   total_rss 9510912
//   total_cache 83906560
//   total_shmem 83886080
import { emptyBreakdown, type MemoryBreakdown } from '../model/breakdown';
import { emptyEvents, type GroupRole, type MemoryGroup, type ProcessInfo } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { ownChargesKey } from './leaves';

export interface V1Stat {
  usage: number | null;
  rss: number;
  cache: number;
  shmem: number;
  inactiveFile: number;
  activeFile: number;
  dirty: number;
  writeback: number;
}

export function v1Breakdown(s: V1Stat): MemoryBreakdown {
  const b = emptyBreakdown();
  b.anonBytes = s.rss;
  b.fileBytes = s.cache;
  b.shmemBytes = s.shmem;
  b.inactiveFileBytes = s.inactiveFile;
  b.activeFileBytes = s.activeFile;
  b.dirtyBytes = s.dirty;
  b.writebackBytes = s.writeback;
  // model-and-findings.md: v1 kernel = usage − cache − rss.
  b.kernelBytes = s.usage === null ? null : s.usage - s.cache - s.rss;
  return b;
}

export function subtractStat(a: V1Stat, b: V1Stat): V1Stat {
  return {
    usage: a.usage === null || b.usage === null ? null : a.usage - b.usage,
    rss: a.rss - b.rss,
    cache: a.cache - b.cache,
    shmem: a.shmem - b.shmem,
    inactiveFile: a.inactiveFile - b.inactiveFile,
    activeFile: a.activeFile - b.activeFile,
    dirty: a.dirty - b.dirty,
    writeback: a.writeback - b.writeback,
  };
}

export function makeGroup(p: Partial<MemoryGroup> & { key: string; role: GroupRole }): MemoryGroup {
  return {
    path: p.key,
    qosClass: null,
    podUid: null,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: null,
    orphaned: false,
    cgroupVersion: 1,
    usageBytes: null,
    limitBytes: null,
    workingSetBytes: null,
    maxUsageBytes: null,
    breakdown: emptyBreakdown(),
    events: emptyEvents(),
    processes: [],
    sources: {},
    children: [],
    ...p,
  };
}

export function statGroup(key: string, role: GroupRole, stat: V1Stat, extra: Partial<MemoryGroup> = {}): MemoryGroup {
  const ws = stat.usage === null ? null : Math.max(0, stat.usage - stat.inactiveFile);
  return makeGroup({ key, role, usageBytes: stat.usage, workingSetBytes: ws, breakdown: v1Breakdown(stat), ...extra });
}

export function processInfo(pid: number, name: string, kB: { anon: number; file: number; shmem: number }): ProcessInfo {
  return {
    pid,
    name,
    rssBytes: (kB.anon + kB.file + kB.shmem) * 1024,
    rssAnonBytes: kB.anon * 1024,
    rssFileBytes: kB.file * 1024,
    rssShmemBytes: kB.shmem * 1024,
    swapBytes: 0,
    oomScoreAdj: 999,
    source: { file: `proc/${pid}/status`, line: 1, key: 'Name' },
  };
}

export function snapshot(id: string, groups: MemoryGroup[], capturedAt: string | null = null): Snapshot {
  return { id, label: id, capturedAt, host: 'vm', kernelRelease: '6.18.44-fc-v669', cgroupVersion: 1, groups, files: [] };
}

/** A pod with its containers and, when asked, the remainder child the assembly adds (pod − Σ containers). */
export function pod(
  key: string,
  stat: V1Stat,
  containers: { name: string; id: string; stat: V1Stat; processes?: ProcessInfo[] }[],
  options: { remainder: boolean; uid: string; name: string; namespace: string; limitBytes?: number },
): MemoryGroup {
  const children = containers.map((c) =>
    statGroup(`${key}/${c.name}`, 'container', c.stat, {
      path: `${key}/${c.id}`,
      containerName: c.name,
      containerId: c.id,
      podUid: options.uid,
      podName: options.name,
      podNamespace: options.namespace,
      processes: c.processes ?? [],
      limitBytes: options.limitBytes ?? null,
    }),
  );
  if (options.remainder) {
    const rest = containers.reduce((acc, c) => subtractStat(acc, c.stat), stat);
    children.push(
      statGroup(ownChargesKey(key), 'other', rest, {
        path: `${key}/(remainder)`,
        orphaned: true,
        podUid: options.uid,
        podName: options.name,
        podNamespace: options.namespace,
      }),
    );
  }
  return statGroup(key, 'pod', stat, {
    path: key,
    podUid: options.uid,
    podName: options.name,
    podNamespace: options.namespace,
    qosClass: 'burstable',
    limitBytes: options.limitBytes ?? null,
    children,
  });
}

// orphaned-shmem (TRUTH.md "Expected explanation").
export const ORPHANED_POD_KEY = 'kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const ORPHANED = { uid: '8053180c-b0f1-4cb6-9d6d-c68c5af49d48', name: 'api-7f8c9d6b5-h7j2k', namespace: 'ml', limitBytes: 134217728 };
const WARM_CACHE_ID = '222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd';
const API_ID = '5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868';

export function orphanedShmem(name: 'init-running' | 'before' | 'during' | 'after', remainder = true): Snapshot {
  switch (name) {
    case 'init-running':
      return snapshot(name, [
        pod(
          ORPHANED_POD_KEY,
          { usage: 90165248, rss: 5316608, cache: 83902464, shmem: 83886080, inactiveFile: 8192, activeFile: 8192, dirty: 4096, writeback: 0 },
          [
            {
              name: 'warm-cache',
              id: WARM_CACHE_ID,
              stat: { usage: 89903104, rss: 5316608, cache: 83902464, shmem: 83886080, inactiveFile: 8192, activeFile: 8192, dirty: 4096, writeback: 0 },
            },
          ],
          { ...ORPHANED, remainder },
        ),
      ]);
    case 'before':
      return snapshot(name, [
        pod(
          ORPHANED_POD_KEY,
          { usage: 93818880, rss: 9510912, cache: 83906560, shmem: 83886080, inactiveFile: 12288, activeFile: 8192, dirty: 8192, writeback: 0 },
          [
            {
              name: 'api',
              id: API_ID,
              stat: { usage: 9699328, rss: 9510912, cache: 4096, shmem: 0, inactiveFile: 4096, activeFile: 0, dirty: 4096, writeback: 0 },
              processes: [processInfo(21065, 'api-server', { anon: 9288, file: 5992, shmem: 0 })],
            },
          ],
          { ...ORPHANED, remainder },
        ),
      ]);
    case 'during':
      return snapshot(name, [
        pod(
          ORPHANED_POD_KEY,
          { usage: 121344000, rss: 36773888, cache: 83906560, shmem: 83886080, inactiveFile: 8192, activeFile: 12288, dirty: 8192, writeback: 0 },
          [
            {
              name: 'api',
              id: API_ID,
              stat: { usage: 37224448, rss: 36773888, cache: 4096, shmem: 0, inactiveFile: 4096, activeFile: 0, dirty: 4096, writeback: 0 },
              processes: [processInfo(21065, 'api-server', { anon: 35912, file: 5992, shmem: 0 })],
            },
          ],
          { ...ORPHANED, remainder },
        ),
      ]);
    case 'after':
      return snapshot(name, [
        pod(
          ORPHANED_POD_KEY,
          { usage: 84287488, rss: 0, cache: 83886080, shmem: 83886080, inactiveFile: 0, activeFile: 0, dirty: 0, writeback: 0 },
          [{ name: 'api', id: API_ID, stat: { usage: 184320, rss: 0, cache: 0, shmem: 0, inactiveFile: 0, activeFile: 0, dirty: 0, writeback: 0 } }],
          { ...ORPHANED, remainder },
        ),
      ]);
  }
}

// page-cache-read: pod and container memory.stat / usage_in_bytes of each snapshot.
export const PAGE_CACHE_POD_KEY = 'kubepods/pod4aea1020-e040-44ac-b9a2-de900e0a6449';
const PAGE_CACHE = { uid: '4aea1020-e040-44ac-b9a2-de900e0a6449', name: 'search-indexer-0', namespace: 'search', limitBytes: 268435456 };
const INDEXER_ID = '495debd3ca5ad75455117e4e6d3be067035eb53ec71d59a1bed67d9477018161';

export function pageCacheRead(name: 'before' | 'during' | 'after'): Snapshot {
  const stats: Record<typeof name, { pod: V1Stat; indexer: V1Stat; kB: { anon: number; file: number; shmem: number } }> = {
    before: {
      pod: { usage: 5541888, rss: 5320704, cache: 4096, shmem: 0, inactiveFile: 0, activeFile: 0, dirty: 4096, writeback: 0 },
      indexer: { usage: 5529600, rss: 5320704, cache: 4096, shmem: 0, inactiveFile: 0, activeFile: 0, dirty: 4096, writeback: 0 },
      kB: { anon: 5196, file: 5928, shmem: 0 },
    },
    during: {
      pod: { usage: 163086336, rss: 5320704, cache: 157290496, shmem: 0, inactiveFile: 157290496, activeFile: 0, dirty: 4096, writeback: 0 },
      indexer: { usage: 163074048, rss: 5320704, cache: 157290496, shmem: 0, inactiveFile: 157290496, activeFile: 0, dirty: 4096, writeback: 0 },
      kB: { anon: 5196, file: 5988, shmem: 0 },
    },
    after: {
      pod: { usage: 163872768, rss: 6332416, cache: 157290496, shmem: 0, inactiveFile: 0, activeFile: 157290496, dirty: 4096, writeback: 0 },
      indexer: { usage: 163860480, rss: 6332416, cache: 157290496, shmem: 0, inactiveFile: 0, activeFile: 157290496, dirty: 4096, writeback: 0 },
      kB: { anon: 6184, file: 5988, shmem: 0 },
    },
  };
  const s = stats[name];
  return snapshot(name, [
    pod(PAGE_CACHE_POD_KEY, s.pod, [{ name: 'indexer', id: INDEXER_ID, stat: s.indexer, processes: [processInfo(21280, 'indexer', s.kB)] }], {
      ...PAGE_CACHE,
      remainder: true,
    }),
  ]);
}

// dirty-writeback: pod and container memory.stat / usage_in_bytes of each snapshot.
export const DIRTY_POD_KEY = 'kubepods/burstable/pode2170c20-81aa-4d16-9143-da990b695f5b';
const DIRTY = { uid: 'e2170c20-81aa-4d16-9143-da990b695f5b', name: 'image-importer-5f6d8c7b9-q8w4z', namespace: 'registry', limitBytes: 268435456 };
const IMPORTER_ID = 'ee88b79b82126641671467b4b26cf9492de923967038379423751687fbf8de0a';

export function dirtyWriteback(name: 'before' | 'during' | 'after'): Snapshot {
  const stats: Record<typeof name, { pod: V1Stat; importer: V1Stat }> = {
    before: {
      pod: { usage: 5763072, rss: 5316608, cache: 4096, shmem: 0, inactiveFile: 4096, activeFile: 0, dirty: 4096, writeback: 0 },
      importer: { usage: 5500928, rss: 5316608, cache: 4096, shmem: 0, inactiveFile: 4096, activeFile: 0, dirty: 4096, writeback: 0 },
    },
    during: {
      pod: { usage: 268054528, rss: 1167360, cache: 259026944, shmem: 0, inactiveFile: 248520704, activeFile: 10506240, dirty: 133169152, writeback: 50331648 },
      importer: { usage: 267788288, rss: 1167360, cache: 259022848, shmem: 0, inactiveFile: 245370880, activeFile: 13651968, dirty: 134217728, writeback: 12582912 },
    },
    after: {
      pod: { usage: 266604544, rss: 0, cache: 259022848, shmem: 0, inactiveFile: 259002368, activeFile: 20480, dirty: 121638912, writeback: 0 },
      importer: { usage: 266342400, rss: 0, cache: 259022848, shmem: 0, inactiveFile: 259002368, activeFile: 20480, dirty: 121638912, writeback: 0 },
    },
  };
  const s = stats[name];
  return snapshot(name, [pod(DIRTY_POD_KEY, s.pod, [{ name: 'importer', id: IMPORTER_ID, stat: s.importer }], { ...DIRTY, remainder: true })]);
}
