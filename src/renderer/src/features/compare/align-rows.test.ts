import { describe, expect, it } from 'vitest';
import { diffSnapshots, emptyBreakdown, ownChargesKey, translator, type GroupDiff } from '../../../../core';
import { ORPHANED_POD_KEY, orphanedShmem } from '../../../../core/diff/lab-snapshots.fixture';
import { alignRows, sharedScaleBytes, sideSegments, sideTotalBytes } from './align-rows';
import { groupName, withOwnerRefs } from './group-name';

const POD = ORPHANED_POD_KEY;
const API = `${POD}/api`;
const WARM = `${POD}/warm-cache`;
const ITSELF = ownChargesKey(POD);

describe('alignRows', () => {
  it('init-running → before (lab): one row per group key, parents first; warm-cache gone, api new, the pod itself on both sides', () => {
    const d = diffSnapshots(orphanedShmem('init-running'), orphanedShmem('before'));
    const rows = alignRows(d.groups);
    expect(rows.map((r) => [r.key, r.depth])).toEqual([
      [POD, 0],
      [API, 1],
      [ITSELF, 1],
      [WARM, 1],
    ]);
    const byKey = new Map(rows.map((r) => [r.key, r.group]));
    expect(byKey.get(WARM)).toMatchObject({ status: 'vanished', after: null, chargesMovedToKey: ITSELF });
    expect(byKey.get(API)).toMatchObject({ status: 'appeared', before: null });
    // The pod holds 80 MiB of shmem on both sides; the bars share one scale: the largest usage, 93818880 B.
    expect(byKey.get(POD)?.before?.breakdown.shmemBytes).toBe(83886080);
    expect(sharedScaleBytes(rows)).toBe(93818880);
  });

  it('keeps groups whose parent is missing or cyclic, at the top level', () => {
    const base = diffSnapshots(orphanedShmem('before'), orphanedShmem('during')).groups;
    const [pod, api] = base as [GroupDiff, GroupDiff];
    const orphan = { ...api, key: 'x', parentKey: 'not-there' };
    const a = { ...pod, key: 'a', parentKey: 'b' };
    const b = { ...pod, key: 'b', parentKey: 'a' };
    const rows = alignRows([orphan, a, b]);
    expect(rows.map((r) => r.key).sort()).toEqual(['a', 'b', 'x']);
    expect(rows.find((r) => r.key === 'x')?.depth).toBe(0);
  });
});

describe('sideSegments', () => {
  it('the parts never overlap and add up to the usage: anon, shmem, the rest of the cache, kernel, the remainder', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'));
    const pod = d.groups.find((g) => g.key === POD);
    const side = pod?.after;
    if (!side) throw new Error('no pod');
    const segs = sideSegments(side);
    // during: usage 121344000, rss 36773888, cache 83906560 of which shmem 83886080; v1 kernel = usage − cache − rss.
    expect(segs).toEqual([
      { category: 'anon', bytes: 36773888 },
      { category: 'shmem', bytes: 83886080 },
      { category: 'fileCache', bytes: 20480 },
      { category: 'kernel', bytes: 121344000 - 83906560 - 36773888 },
    ]);
    expect(segs.reduce((s, x) => s + x.bytes, 0)).toBe(121344000);
    expect(sideTotalBytes(side)).toBe(121344000);
  });

  it('without usage, the total is the sum of the parts; usage above them shows as "other"', () => {
    const b = { ...emptyBreakdown(), anonBytes: 100, fileBytes: 50, shmemBytes: 20 };
    expect(sideTotalBytes({ usageBytes: null, limitBytes: null, workingSetBytes: null, breakdown: b })).toBe(150);
    expect(sideSegments({ usageBytes: 200, limitBytes: null, workingSetBytes: null, breakdown: b }).at(-1)).toEqual({ category: 'other', bytes: 50 });
  });
});

describe('group names', () => {
  it('names the assembly’s remainder child as the pod itself, in both languages', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'));
    const groups = withOwnerRefs(d.groups);
    const itself = groups.find((g) => g.key === ITSELF);
    expect(itself?.ref.ownChargesOf?.key).toBe(POD);
    expect(groupName(itself?.ref ?? d.groups[0]!.ref, translator('en'), 'en')).toBe('The pod itself');
    expect(groupName(itself?.ref ?? d.groups[0]!.ref, translator('zh-CN'), 'zh-CN')).toBe('Pod 自身');
    const api = groups.find((g) => g.key === API);
    expect(groupName(api!.ref, translator('en'), 'en')).toBe('Container api');
    expect(groupName(groups.find((g) => g.key === POD)!.ref, translator('en'), 'en')).toBe('Pod ml/api-7f8c9d6b5-h7j2k');
  });
});
