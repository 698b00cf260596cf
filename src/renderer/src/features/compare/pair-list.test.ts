import { describe, expect, it } from 'vitest';
import type { FilePair } from '../../../../core';
import { defaultPairKey, pairLabel } from './pair-list';

const POD = 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const API = `${POD}/container:api`;
const dir = 'orphaned-shmem/before/cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';

function pair(p: Partial<FilePair> & Pick<FilePair, 'key' | 'kind' | 'fileName'>): FilePair {
  return { groupKey: null, processName: null, formatId: 'x', before: null, after: null, ...p };
}

const pairs: FilePair[] = [
  pair({ key: `group:${API}:memory.stat`, kind: 'group', groupKey: API, fileName: 'memory.stat', before: { path: `${dir}/5e5f/memory.stat`, formatId: 'cgroup-v1-memory-stat' }, after: { path: `${dir}/5e5f/memory.stat`, formatId: 'cgroup-v1-memory-stat' } }),
  pair({ key: `group:${POD}:memory.stat`, kind: 'group', groupKey: POD, fileName: 'memory.stat', before: { path: `${dir}/memory.stat`, formatId: 'cgroup-v1-memory-stat' }, after: null }),
  pair({ key: `process:${API}:api-server:status`, kind: 'process', groupKey: API, processName: 'api-server', fileName: 'status', before: { path: 'orphaned-shmem/before/proc/21065/status', formatId: 'proc-status' } }),
  pair({ key: 'path:proc/meminfo', kind: 'path', fileName: 'meminfo', before: { path: 'orphaned-shmem/before/proc/meminfo', formatId: 'proc-meminfo' } }),
  pair({ key: 'format:kernel-log', kind: 'format', fileName: 'kern.log', before: { path: 'a/kern.log', formatId: 'kernel-log' }, after: { path: 'b/dmesg.txt', formatId: 'kernel-log' } }),
];

describe('pair list', () => {
  const names = (key: string | null): string | null => (key === POD ? 'Pod ml/api' : key === API ? 'Container api' : key);
  it('names each pair by its file and whose it is', () => {
    expect(pairLabel(pairs[0] as FilePair, names)).toEqual({ name: 'memory.stat', detail: 'Container api' });
    expect(pairLabel(pairs[2] as FilePair, names)).toEqual({ name: 'status', detail: 'api-server · Container api' });
    expect(pairLabel(pairs[3] as FilePair, names)).toEqual({ name: 'meminfo', detail: 'proc' });
    expect(pairLabel(pairs[4] as FilePair, names)).toEqual({ name: 'kern.log ↔ dmesg.txt', detail: null });
  });
  it('opens on the scope’s memory.stat, else any memory.stat, else the first pair', () => {
    expect(defaultPairKey(pairs, POD)).toBe(`group:${POD}:memory.stat`);
    expect(defaultPairKey(pairs, null)).toBe(`group:${API}:memory.stat`);
    expect(defaultPairKey(pairs.slice(2), POD)).toBe(`process:${API}:api-server:status`);
    expect(defaultPairKey([], POD)).toBeNull();
  });
});
