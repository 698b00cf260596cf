import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { diffSnapshots } from './diff-snapshots';
import { ownChargesKey } from './leaves';
import {
  DIRTY_POD_KEY,
  ORPHANED_POD_KEY,
  PAGE_CACHE_POD_KEY,
  dirtyWriteback,
  makeGroup,
  orphanedShmem,
  pageCacheRead,
  snapshot,
} from './lab-snapshots.fixture';
import { emptyBreakdown } from '../model/breakdown';
import type { SnapshotDiff } from './diff-types';

const API = `${ORPHANED_POD_KEY}/api`;
const WARM_CACHE = `${ORPHANED_POD_KEY}/warm-cache`;
const POD_ITSELF = ownChargesKey(ORPHANED_POD_KEY);

function sumOfExplanation(d: SnapshotDiff): number {
  return d.explanation.reduce((s, e) => s + e.deltaBytes, 0);
}

function group(d: SnapshotDiff, key: string) {
  const g = d.groups.find((x) => x.key === key);
  if (!g) throw new Error(`no group ${key}`);
  return g;
}

describe('orphaned-shmem before → during (TRUTH.md numbers)', () => {
  const findings = {
    before: [
      { id: 'shmem-orphaned', scopeKey: ORPHANED_POD_KEY, scope: 'ml/api-7f8c9d6b5-h7j2k' },
      { id: 'process-rss-gap', scopeKey: ORPHANED_POD_KEY },
      { id: 'shmem-dominant', scopeKey: API },
    ],
    after: [
      { id: 'process-rss-gap', scopeKey: ORPHANED_POD_KEY },
      { id: 'shmem-orphaned', scopeKey: ORPHANED_POD_KEY, scope: 'ml/api-7f8c9d6b5-h7j2k' },
      { id: 'anon-near-limit', scopeKey: API },
    ],
  };
  const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'), { findings });

  it('is explained by the app container’s anonymous growth', () => {
    const top = d.explanation[0];
    expect(top).toMatchObject({ category: 'anon', key: API, deltaBytes: 36773888 - 9510912, kind: 'change' });
    expect(top?.text).toBe('+26.0 MiB anon in container api');
    expect(d.scope.key).toBe(ORPHANED_POD_KEY);
    expect(d.scope.usageDeltaBytes).toBe(121344000 - 93818880);
    expect(sumOfExplanation(d)).toBe(121344000 - 93818880);
    expect(d.scope.explainedDeltaBytes).toBe(d.scope.usageDeltaBytes);
  });

  it('shows the shmem held by the pod itself as unchanged', () => {
    const itself = group(d, POD_ITSELF);
    expect(itself.status).toBe('matched');
    expect(itself.before?.breakdown.shmemBytes).toBe(83886080);
    expect(itself.after?.breakdown.shmemBytes).toBe(83886080);
    expect(itself.delta.shmemBytes).toBe(0);
    expect(itself.delta.usageBytes).toBe(0);
    expect(group(d, ORPHANED_POD_KEY).delta.shmemBytes).toBe(0);
    expect(d.explanation.some((e) => e.category === 'shmem')).toBe(false);
    const note = d.notes.find((n) => n.kind === 'unchanged-holding' && n.category === 'shmem');
    expect(note).toMatchObject({ key: POD_ITSELF, heldBytes: 83886080, deltaBytes: 0 });
    expect(note?.text).toBe('80.0 MiB shmem in the pod itself unchanged (±0 B).');
  });

  it('lists shmem-orphaned as persisting, and the other findings as new or resolved', () => {
    expect(d.findings.persisting.map((f) => f.id).sort()).toEqual(['process-rss-gap', 'shmem-orphaned']);
    expect(d.findings.new.map((f) => f.id)).toEqual(['anon-near-limit']);
    expect(d.findings.resolved.map((f) => f.id)).toEqual(['shmem-dominant']);
  });

  it('gives every group before, after and delta with the contract fields', () => {
    const api = group(d, API);
    expect(api.role).toBe('container');
    expect(api.before?.usageBytes).toBe(9699328);
    expect(api.after?.usageBytes).toBe(37224448);
    expect(api.delta).toMatchObject({
      usageBytes: 37224448 - 9699328,
      anonBytes: 36773888 - 9510912,
      fileCacheBytes: 0,
      shmemBytes: 0,
      kernelBytes: 446464 - 184320,
      swapBytes: null,
      workingSetBytes: 37220352 - 9695232,
    });
    expect(api.delta.breakdown.activeFileBytes).toBe(0);
    expect(api.delta.breakdown.hierarchicalLimitBytes).toBeNull();
  });

  it('matches the process by name and reports its RSS change', () => {
    const [p] = group(d, API).processes;
    expect(p).toMatchObject({ name: 'api-server', status: 'matched', pidChanged: false });
    expect(p?.delta.rssAnonBytes).toBe((35912 - 9288) * 1024);
    expect(p?.delta.rssBytes).toBe((41904 - 15280) * 1024);
  });
});

describe('orphaned-shmem init-running → before: the init container’s cgroup is removed', () => {
  for (const remainder of [true, false]) {
    const label = remainder ? 'with a remainder group in init-running' : 'without a remainder group in init-running';
    const d = diffSnapshots(orphanedShmem('init-running', remainder), orphanedShmem('before'));

    it(`pairs the vanished group with the pod that kept its charges (${label})`, () => {
      const warm = group(d, WARM_CACHE);
      expect(warm.status).toBe('vanished');
      expect(warm.after).toBeNull();
      expect(warm.chargesMovedToKey).toBe(POD_ITSELF);
      expect(group(d, API).status).toBe('appeared');
      const pod = group(d, ORPHANED_POD_KEY);
      expect(pod.status).toBe('matched');
      expect(pod.delta.shmemBytes).toBe(0);
      expect(pod.delta.usageBytes).toBe(93818880 - 90165248);
    });

    it(`never claims the shmem was freed; says it moved to the pod itself (${label})`, () => {
      expect(d.explanation.filter((e) => e.category === 'shmem' && e.deltaBytes !== 0)).toEqual([]);
      const moved = d.explanation.find((e) => e.kind === 'moved');
      expect(moved).toMatchObject({ category: 'shmem', deltaBytes: 0, key: POD_ITSELF, fromKey: WARM_CACHE, movedBytes: 83886080 });
      expect(moved?.text).toContain('80.0 MiB shmem moved from container warm-cache to the pod itself');
      expect(d.notes.find((n) => n.kind === 'moved-to-parent')).toMatchObject({ key: POD_ITSELF, fromKey: WARM_CACHE, deltaBytes: 83886080 });
      expect(sumOfExplanation(d)).toBe(93818880 - 90165248);
    });

    it(`explains the rest: the api container’s anon came, the init container’s anon went (${label})`, () => {
      const [first, second] = d.explanation;
      expect(first).toMatchObject({ category: 'anon', key: API, deltaBytes: 9510912, status: 'appeared' });
      expect(second).toMatchObject({ category: 'anon', key: WARM_CACHE, deltaBytes: -5316608, status: 'vanished' });
    });
  }

  it('writes the move in Chinese too', () => {
    const d = diffSnapshots(orphanedShmem('init-running'), orphanedShmem('before'), { t: translator('zh-CN') });
    const moved = d.explanation.find((e) => e.kind === 'moved');
    expect(moved?.text).toContain('80.0 MiB shmem 从容器 warm-cache 转移到 Pod 自身');
    expect(moved?.text).toContain('并未释放');
  });
});

describe('orphaned-shmem during → after: the kill frees the app’s anon, not the shmem', () => {
  const d = diffSnapshots(orphanedShmem('during'), orphanedShmem('after'));
  it('puts the app’s anon drop first and keeps the shmem as unchanged', () => {
    expect(d.explanation[0]).toMatchObject({ category: 'anon', key: API, deltaBytes: -36773888 });
    expect(d.notes.some((n) => n.kind === 'unchanged-holding' && n.key === POD_ITSELF && n.heldBytes === 83886080)).toBe(true);
    expect(sumOfExplanation(d)).toBe(84287488 - 121344000);
  });
});

describe('page-cache-read (TRUTH.md numbers)', () => {
  it('before → during: 150 MiB of inactive file cache, the working set barely moves', () => {
    const d = diffSnapshots(pageCacheRead('before'), pageCacheRead('during'));
    expect(d.explanation[0]).toMatchObject({
      category: 'file-cache',
      key: `${PAGE_CACHE_POD_KEY}/indexer`,
      deltaBytes: 157290496 - 4096,
      activeFileDeltaBytes: 0,
      inactiveFileDeltaBytes: 157290496,
    });
    expect(d.notes.filter((n) => n.kind === 'working-set-jump')).toEqual([]);
  });

  it('during → after: file cache moves from inactive to active and the working set jumps with it', () => {
    const d = diffSnapshots(pageCacheRead('during'), pageCacheRead('after'));
    const indexer = `${PAGE_CACHE_POD_KEY}/indexer`;
    expect(d.scope.usageDeltaBytes).toBe(163872768 - 163086336);
    expect(d.scope.workingSetDeltaBytes).toBe(163872768 - (163086336 - 157290496));
    const jump = d.notes.find((n) => n.kind === 'working-set-jump');
    expect(jump).toMatchObject({
      key: indexer,
      deltaBytes: 163860480 - 5783552,
      usageDeltaBytes: 163860480 - 163074048,
      activeFileDeltaBytes: 157290496,
      inactiveFileDeltaBytes: -157290496,
      inactiveToActiveBytes: 157290496,
    });
    expect(jump?.text).toContain('150.0 MiB of file cache moved from the inactive to the active list');
    expect(group(d, indexer).delta.workingSetBytes).toBe(163860480 - 5783552);
    expect(d.notes.some((n) => n.kind === 'unchanged-holding' && n.category === 'file-cache' && n.key === indexer)).toBe(true);
  });

  it('before → after: the new file cache is active, so the working set rises with usage', () => {
    const d = diffSnapshots(pageCacheRead('before'), pageCacheRead('after'));
    expect(d.explanation[0]).toMatchObject({ category: 'file-cache', deltaBytes: 157290496 - 4096, activeFileDeltaBytes: 157290496 });
    expect(d.notes.find((n) => n.kind === 'working-set-jump')).toMatchObject({ activeFileDeltaBytes: 157290496, inactiveToActiveBytes: 0 });
  });
});

describe('dirty-writeback before → during (TRUTH.md numbers)', () => {
  const d = diffSnapshots(dirtyWriteback('before'), dirtyWriteback('during'));
  it('is explained by dirty and writeback file cache', () => {
    const importer = `${DIRTY_POD_KEY}/importer`;
    expect(d.explanation[0]).toMatchObject({ category: 'file-dirty', key: importer, deltaBytes: 134217728 + 12582912 - 4096 });
    expect(d.explanation[0]?.text).toBe('+140.0 MiB dirty/writeback file cache in container importer');
    expect(d.explanation[1]).toMatchObject({ category: 'file-cache', key: importer, deltaBytes: 259022848 - 4096 - (134217728 + 12582912 - 4096) });
    expect(group(d, importer).delta.dirtyWritebackBytes).toBe(134217728 + 12582912 - 4096);
    expect(sumOfExplanation(d)).toBe(268054528 - 5763072);
  });

  it('does not let counters read a moment apart invent dirty pages in the pod itself', () => {
    // The pod's writeback read 50331648 while its only child's read 12582912.
    const itself = d.explanation.filter((e) => e.key === ownChargesKey(DIRTY_POD_KEY));
    for (const e of itself) expect(Math.abs(e.deltaBytes)).toBeLessThanOrEqual(4096);
  });
});

describe('memstat series: two samples without usage', () => {
  // Seed 004's shmem-leak-check.log layout: pod total_* plus the containers' total_*, no usage.
  // The later sample is the seed's (13:37:49); the earlier one is made up with less shmem.
  const podKey = 'kubepods-burstable-pod96bc10f9';
  const sample = (id: string, podShmem: number, podCache: number) => {
    const b = (rss: number, cache: number, shmem: number, inactive: number) => ({
      ...emptyBreakdown(),
      anonBytes: rss,
      fileBytes: cache,
      shmemBytes: shmem,
      inactiveFileBytes: inactive,
    });
    return snapshot(id, [
      makeGroup({
        key: podKey,
        role: 'pod',
        breakdown: b(6361980928, podCache, podShmem, 2592768),
        children: [
          makeGroup({ key: `${podKey}/app`, role: 'container', containerName: 'app', breakdown: b(6373216256, 1892352, 0, 1892352) }),
          makeGroup({ key: `${podKey}/POD`, role: 'container', containerName: 'POD', breakdown: b(180224, 0, 0, 0) }),
        ],
      }),
    ]);
  };
  const d = diffSnapshots(sample('13:36', 8000000000, 8006488064), sample('13:37', 9069502464, 9075990528));

  it('puts the growth of total_shmem in the pod itself on top', () => {
    expect(d.explanation[0]).toMatchObject({ category: 'shmem', key: ownChargesKey(podKey), deltaBytes: 9069502464 - 8000000000 });
    expect(d.explanation[0]?.text).toBe('+1020.0 MiB shmem in the pod itself');
    expect(d.scope.usageDeltaBytes).toBeNull();
    expect(d.explanation.some((e) => e.category === 'other')).toBe(false);
  });
});

describe('scope, matching and odd input', () => {
  it('explains only the picked container', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'), { scopeKey: API });
    expect(d.scope).toMatchObject({ key: API, role: 'container', usageDeltaBytes: 37224448 - 9699328 });
    expect(new Set(d.explanation.map((e) => e.key))).toEqual(new Set([API]));
    expect(d.groups.length).toBe(3);
  });

  it('falls back to the whole snapshot with a note for an unknown scope', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'), { scopeKey: 'no/such/group' });
    expect(d.scope.found).toBe(false);
    expect(d.notes[0]).toMatchObject({ kind: 'scope-not-found', key: 'no/such/group' });
    expect(d.explanation[0]?.key).toBe(API);
  });

  it('sums several roots as the whole snapshot', () => {
    const before = snapshot('b', [...orphanedShmem('before').groups, ...pageCacheRead('before').groups]);
    const after = snapshot('a', [...orphanedShmem('during').groups, ...pageCacheRead('during').groups]);
    const d = diffSnapshots(before, after);
    expect(d.scope.key).toBeNull();
    expect(d.scope.usageDeltaBytes).toBe(121344000 - 93818880 + (163086336 - 5541888));
    expect(sumOfExplanation(d)).toBe(d.scope.usageDeltaBytes);
    expect(d.explanation[0]?.category).toBe('file-cache');
  });

  it('matches a pod by UID when the keys were built differently, never a container by id', () => {
    const before = orphanedShmem('before');
    const after = orphanedShmem('during');
    const renamed = { ...after.groups[0]!, key: 'ml/api-7f8c9d6b5-h7j2k' };
    renamed.children = renamed.children.map((c) => ({ ...c, key: c.key.replace(ORPHANED_POD_KEY, 'ml/api-7f8c9d6b5-h7j2k') }));
    const d = diffSnapshots(before, { ...after, groups: [renamed] });
    expect(d.groups.map((g) => g.status)).toEqual(['matched', 'matched', 'matched']);
    expect(d.explanation[0]).toMatchObject({ category: 'anon', key: 'ml/api-7f8c9d6b5-h7j2k/api', deltaBytes: 36773888 - 9510912 });
    // Same container id, another name and key: not the same container.
    const other = { ...renamed, children: renamed.children.map((c) => (c.role === 'container' ? { ...c, key: 'ml/x/sidecar', containerName: 'sidecar' } : c)) };
    const d2 = diffSnapshots(before, { ...after, groups: [other] });
    expect(d2.groups.map((g) => `${g.key}:${g.status}`)).toEqual([
      'ml/api-7f8c9d6b5-h7j2k:matched',
      'ml/x/sidecar:appeared',
      'ml/api-7f8c9d6b5-h7j2k/(not owned by any container):matched',
      `${API}:vanished`,
    ]);
  });

  it('treats a container with a new id under the same name as restarted, its shmem moving to the pod', () => {
    // Seed 004: the container restarts, its emptyDir shmem stays charged to the pod level.
    const before = orphanedShmem('init-running', false);
    const after = orphanedShmem('before');
    const pod = after.groups[0]!;
    pod.children = pod.children.map((c) => (c.role === 'container' ? { ...c, key: WARM_CACHE, containerName: 'warm-cache' } : c));
    const d = diffSnapshots(before, after);
    expect(group(d, WARM_CACHE).status).toBe('restarted');
    expect(group(d, WARM_CACHE).chargesMovedToKey).toBe(POD_ITSELF);
    const moved = d.explanation.find((e) => e.kind === 'moved');
    expect(moved).toMatchObject({ movedBytes: 83886080, fromStatus: 'restarted' });
    expect(moved?.text).toContain('moved from the previous instance of container warm-cache to the pod itself');
  });

  it('copes with empty snapshots, missing figures, repeated keys and __proto__ keys', () => {
    expect(diffSnapshots(snapshot('a', []), snapshot('b', []))).toMatchObject({ groups: [], explanation: [], notes: [] });
    const nulls = snapshot('n', [makeGroup({ key: '__proto__', role: 'pod', children: [makeGroup({ key: 'constructor', role: 'container' })] })]);
    const d = diffSnapshots(nulls, nulls);
    expect(d.explanation).toEqual([]);
    expect(d.groups.map((g) => g.status)).toEqual(['matched', 'matched']);
    const dup = snapshot('d', [makeGroup({ key: 'x', role: 'pod', usageBytes: 1 }), makeGroup({ key: 'x', role: 'pod', usageBytes: 2 })]);
    const dd = diffSnapshots(dup, snapshot('e', []));
    expect(dd.groups.map((g) => g.key)).toEqual(['x', 'x#2']);
    expect(sumOfExplanation(dd)).toBe(-3);
  });
});
