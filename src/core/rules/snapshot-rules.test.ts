// Each snapshot rule on the numbers of the lab captures (shared/corpus/lab/*/TRUTH.md): where it must
// fire and where it must stay silent. The same rules run on the real bundles in rules-lab.test.ts.
import { describe, expect, it } from 'vitest';
import { anonNearLimitRule } from './anon-near-limit';
import { shmemOrphanedRule } from './shmem-orphaned';
import { shmemDominantRule } from './shmem-dominant';
import { pageCacheDirtyRule } from './page-cache-dirty';
import { workingSetActiveFileRule } from './working-set-active-file';
import { processRssGapRule } from './process-rss-gap';
import { kernelMemoryHighRule } from './kernel-memory-high';
import { thpInflationRule } from './thp-inflation';
import { memoryHighThrottlingRule } from './memory-high-throttling';
import { group, inputOf, MiB, process } from './test-groups';
import { emptyEvents } from '../model/memory-group';

const LIMIT_128 = 134217728;

function orphanedShmemDuring() {
  const container = group({
    key: 'pod:8053180c/api',
    path: '/kubepods/burstable/pod8053180c/5e5f6443',
    role: 'container',
    containerName: 'api',
    usageBytes: 37224448,
    limitBytes: LIMIT_128,
    workingSetBytes: 37220352,
    breakdown: { anonBytes: 36773888, fileBytes: 4096, shmemBytes: 0, inactiveFileBytes: 4096, activeFileBytes: 0, dirtyBytes: 4096, writebackBytes: 0 },
    processes: [process(21065, 'api-server', 41904 * 1024)],
  });
  const pod = group({
    key: 'pod:8053180c',
    path: '/kubepods/burstable/pod8053180c',
    role: 'pod',
    podName: 'api-7f8c9d6b5-h7j2k',
    podNamespace: 'ml',
    usageBytes: 121344000,
    limitBytes: LIMIT_128,
    workingSetBytes: 121335808,
    breakdown: { anonBytes: 36773888, fileBytes: 83906560, shmemBytes: 83886080, inactiveFileBytes: 8192, activeFileBytes: 12288, dirtyBytes: 8192, writebackBytes: 0 },
    children: [container],
  });
  return inputOf([pod]);
}

describe('orphaned-shmem (during)', () => {
  const input = orphanedShmemDuring();
  it('shmem-orphaned fires on the pod with the remainder from TRUTH.md', () => {
    const [f, ...rest] = shmemOrphanedRule.evaluate(input);
    expect(rest).toHaveLength(0);
    expect(f?.metrics['remainderBytes']).toBe(84119552);
    expect(f?.metrics['remainderShmemBytes']).toBe(83886080);
    expect(f?.severity).toBe('critical');
    expect(f?.scope).toBe('ml/api-7f8c9d6b5-h7j2k');
    expect(f?.evidence.length).toBeGreaterThan(0);
  });
  it('shmem-dominant fires on the pod, anon-near-limit does not', () => {
    const dominant = shmemDominantRule.evaluate(input);
    expect(dominant.map((d) => d.scopeKey)).toEqual(['pod:8053180c']);
    expect(anonNearLimitRule.evaluate(input)).toHaveLength(0);
  });
  it('process-rss-gap fires on the pod (41 MiB of RSS in 116 MiB of usage)', () => {
    const gap = processRssGapRule.evaluate(input);
    expect(gap.map((d) => d.scopeKey)).toEqual(['pod:8053180c']);
    expect(gap[0]?.metrics['gapBytes']).toBe(121344000 - 41904 * 1024);
  });
  it('page-cache-dirty and working-set-active-file stay silent', () => {
    expect(pageCacheDirtyRule.evaluate(input)).toHaveLength(0);
    expect(workingSetActiveFileRule.evaluate(input)).toHaveLength(0);
  });
});

describe('anon-oom and memory-pressure-near-limit', () => {
  it('anon-near-limit fires at 99.7% and 89.9%, once per pod+container sharing the limit', () => {
    const container = group({ key: 'c', role: 'container', usageBytes: 66879488, limitBytes: 67108864, breakdown: { anonBytes: 66879488, shmemBytes: 0 } });
    const pod = group({ key: 'p', path: '/p', role: 'pod', usageBytes: 67108864, limitBytes: 67108864, breakdown: { anonBytes: 66879488, shmemBytes: 0 }, children: [container] });
    const fired = anonNearLimitRule.evaluate(inputOf([pod]));
    expect(fired.map((f) => f.scopeKey)).toEqual(['c']);
    expect(fired[0]?.severity).toBe('critical');
    const pressure = group({ key: 'c2', usageBytes: 134000000, limitBytes: LIMIT_128, breakdown: { anonBytes: 120664064 } });
    const p = anonNearLimitRule.evaluate(inputOf([pressure]));
    expect(p[0]?.metrics['anonShareOfLimit']).toBe(0.899);
    expect(p[0]?.severity).toBe('warning');
  });
});

describe('dirty-writeback (during)', () => {
  it('page-cache-dirty fires with 140 MiB = 54.7% of the limit', () => {
    const c = group({
      usageBytes: 267788288,
      limitBytes: 268435456,
      breakdown: { anonBytes: 1167360, fileBytes: 259022848, shmemBytes: 0, dirtyBytes: 134217728, writebackBytes: 12582912 },
    });
    const [f] = pageCacheDirtyRule.evaluate(inputOf([c]));
    expect(f?.metrics['shareOfLimit']).toBe(0.547);
    expect(f?.severity).toBe('critical');
  });
});

describe('page-cache-read', () => {
  const base = { usageBytes: 163860480, limitBytes: 268435456, processes: [process(1, 'reader', 6 * MiB)] };
  it('working-set-active-file fires after the second read (active)', () => {
    const after = group({ ...base, workingSetBytes: 163860480, breakdown: { anonBytes: 6332416, shmemBytes: 0, fileBytes: 157290496, activeFileBytes: 157290496, inactiveFileBytes: 0 } });
    const [f] = workingSetActiveFileRule.evaluate(inputOf([after]));
    expect(f?.metrics['activeFileBytes']).toBe(157290496);
  });
  it('stays silent after one read (inactive, working set 5.5 MiB)', () => {
    const during = group({ ...base, workingSetBytes: 5783552, breakdown: { anonBytes: 6332416, shmemBytes: 0, fileBytes: 157290496, activeFileBytes: 0, inactiveFileBytes: 157290496 } });
    expect(workingSetActiveFileRule.evaluate(inputOf([during]))).toHaveLength(0);
  });
});

describe('kernel, THP and memory.high', () => {
  it('kernel-memory-high fires on the slab-heavy v2 sample (15.8% of anon+file+kernel) and is info when slab is reclaimable', () => {
    const g = group({
      cgroupVersion: 2,
      breakdown: { anonBytes: 2471755776, fileBytes: 8532865024, kernelBytes: 2065149952, slabReclaimableBytes: 2032322192 },
    });
    const [f] = kernelMemoryHighRule.evaluate(inputOf([g]));
    expect(f?.severity).toBe('info');
    expect(f?.metrics['kernelBytes']).toBe(2065149952);
  });
  it('kernel-memory-high stays silent on small kernel memory', () => {
    const g = group({ cgroupVersion: 1, usageBytes: 56348672, breakdown: { anonBytes: 56086528, fileBytes: 0 } });
    expect(kernelMemoryHighRule.evaluate(inputOf([g]))).toHaveLength(0);
  });
  it('thp-inflation needs most of anon in huge pages', () => {
    expect(thpInflationRule.evaluate(inputOf([group({ breakdown: { anonBytes: 512 * MiB, anonThpBytes: 400 * MiB } })]))).toHaveLength(1);
    expect(thpInflationRule.evaluate(inputOf([group({ breakdown: { anonBytes: 512 * MiB, anonThpBytes: 2 * MiB } })]))).toHaveLength(0);
  });
  it('memory-high-throttling reads memory.events high', () => {
    const g = group({ cgroupVersion: 2, events: { ...emptyEvents(), high: 5 } });
    expect(memoryHighThrottlingRule.evaluate(inputOf([g]))[0]?.severity).toBe('info');
    expect(memoryHighThrottlingRule.evaluate(inputOf([group({})]))).toHaveLength(0);
  });
});
