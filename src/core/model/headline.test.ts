import { describe, expect, it } from 'vitest';
import { headlineForSnapshot } from './headline';
import { renderHeadline } from './headline-text';
import { group } from '../rules/test-groups';
import type { Snapshot } from './snapshot';

function snapshotOf(groups: Snapshot['groups']): Snapshot {
  return { id: 's', label: 's', capturedAt: null, host: null, kernelRelease: null, cgroupVersion: 1, groups, files: [] };
}

describe('headlineForSnapshot', () => {
  it('prefers the container when it is as full as its pod (they share a limit)', () => {
    const c = group({ key: 'c', role: 'container', containerName: 'importer', usageBytes: 267788288, limitBytes: 268435456, breakdown: { anonBytes: 1167360, fileBytes: 259022848, shmemBytes: 0, dirtyBytes: 134217728, writebackBytes: 12582912 } });
    const p = group({ key: 'p', path: '/p', role: 'pod', usageBytes: 268054528, limitBytes: 268435456, breakdown: { anonBytes: 1167360, fileBytes: 259022848 }, children: [c] });
    const h = headlineForSnapshot(snapshotOf([p]));
    expect(h?.scopeKey).toBe('c');
    expect(renderHeadline(h, 'en')).toContain('247.0 MiB page cache, 140.0 MiB of it dirty or under writeback');
  });
  it('still answers for a loose memory.stat without a usage file', () => {
    const loose = group({ key: 'file:memory.stat', path: 'memory.stat', role: 'other', breakdown: { anonBytes: 36773888, fileBytes: 83906560, shmemBytes: 83886080 } });
    const text = renderHeadline(headlineForSnapshot(snapshotOf([loose])), 'en');
    expect(text).toContain('80.0 MiB shmem/tmpfs');
    expect(text).toContain('no usage file');
  });
  it('says so when there is nothing to say', () => {
    expect(renderHeadline(headlineForSnapshot(snapshotOf([])), 'zh-CN')).toBe('该数据包中还没有内存数据。');
  });
});
