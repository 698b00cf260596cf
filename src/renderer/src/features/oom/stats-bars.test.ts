import { describe, expect, it } from 'vitest';
import type { KernelLogData, OomEvent } from '../../../../core';
import seed004 from '../../../../../test/fixtures/kernel-log/seed-004-report-1-shmem-emptydir.txt.expected.json';
import aks from '../../../../../test/fixtures/kernel-log/13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log.expected.json';
import lab from '../../../../../test/fixtures/kernel-log/lab-orphaned-shmem-after-dmesg.txt.expected.json';
import seed001 from '../../../../../test/fixtures/kernel-log/seed-001-journalctl-k-glued.txt.expected.json';
import { percentOf, statsModel, usageBar, type StatsBar } from './stats-bars';

const event = (data: unknown): OomEvent => (data as KernelLogData).oomEvents[0] as OomEvent;
const bytesOf = (bar: StatsBar | undefined): Record<string, number> => Object.fromEntries((bar?.segments ?? []).map((s) => [s.category, s.bytes]));
const GiB = 1024 ** 3;

describe('cgroup stats as stacked bars', () => {
  it('the lab report (v1 block, 6.18): the pod from total_*, with usage − total_rss − total_cache as other', () => {
    const m = statsModel(event(lab));
    expect(m.bars).toHaveLength(1);
    const pod = m.bars[0];
    expect(pod?.scope).toBe('v1-hierarchical');
    expect(pod?.limitHit).toBe(true);
    expect(pod?.whole).toBe(true);
    // total_rss 49930240, total_shmem 83886080, total_cache 83886080 (all of it shmem); usage 131072 kB.
    expect(bytesOf(pod)).toEqual({ anon: 49930240, shmem: 83886080, fileCache: 0, other: 134217728 - 49930240 - 83886080 });
    expect(pod?.segments.map((s) => s.from)).toEqual(['total_rss', 'total_shmem', 'total_cache − total_shmem', 'usage − total_rss − total_cache']);
    expect(pod?.countedBytes).toBe(134217728);
    expect(m.scaleBytes).toBe(134217728);
  });

  it("seed 004 (v1, one line per cgroup): the pod's own 8.4 GiB shmem, the container's 7.6 GiB rss, and their sum against the 16 GiB limit", () => {
    const m = statsModel(event(seed004));
    expect(m.bars.map((b) => b.scope)).toEqual(['v1-local', 'v1-local', 'sum']);
    const [pod, container, total] = m.bars;
    // cache:8840436KB rss:388KB shmem:8840436KB
    expect(bytesOf(pod)).toEqual({ anon: 388 * 1024, shmem: 8840436 * 1024, fileCache: 0 });
    // The pasted path is masked, but the kernel prints the cgroup whose limit was hit first.
    expect(pod?.limitHit).toBe(true);
    expect(pod?.whole).toBe(false);
    // cache:132KB rss:7917200KB shmem:0KB
    expect(bytesOf(container)).toEqual({ anon: 7917200 * 1024, shmem: 0, fileCache: 132 * 1024 });
    expect(container?.limitHit).toBe(false);
    expect((pod?.segments[1]?.bytes ?? 0) / GiB).toBeCloseTo(8.43, 2);
    expect((container?.segments[0]?.bytes ?? 0) / GiB).toBeCloseTo(7.55, 2);
    // Σ rss 7917588 kB, Σ cache 8840568 kB; usage 16777216 kB → other 19060 kB.
    expect(bytesOf(total)).toEqual({ anon: 7917588 * 1024, shmem: 8840436 * 1024, fileCache: 132 * 1024, other: 19060 * 1024 });
    expect(total?.whole).toBe(true);
    expect(total?.countedBytes).toBe(16 * GiB);
    expect(m.scaleBytes).toBe(16 * GiB);
  });

  it('cgroup v2 (AKS): anon, shmem, file − shmem and the rest of the usage', () => {
    const m = statsModel(event(aks));
    expect(m.bars).toHaveLength(1);
    expect(m.bars[0]?.scope).toBe('v2');
    expect(bytesOf(m.bars[0])).toEqual({ anon: 98742272, shmem: 2297856, fileCache: 2469888 - 2297856, other: 104857600 - 98742272 - 2469888 });
  });

  it('without the usage line: no other, and the scale is the largest bar', () => {
    const m = statsModel(event(seed001));
    expect(m.usageBytes).toBeNull();
    expect(m.bars[0]?.segments.some((s) => s.category === 'other')).toBe(false);
    expect(m.scaleBytes).toBe(m.bars[0]?.countedBytes);
  });
});

describe('bar math', () => {
  it('usage against limit', () => {
    expect(usageBar(134217728, 134217728)).toEqual({ fill: 1, ratio: 1, over: false });
    expect(usageBar(50, 100)).toEqual({ fill: 0.5, ratio: 0.5, over: false });
    expect(usageBar(110, 100)).toEqual({ fill: 1, ratio: 1.1, over: true });
    expect(usageBar(null, 100)).toBeNull();
    expect(usageBar(100, 0)).toBeNull();
  });

  it('percent of the scale, clamped', () => {
    expect(percentOf(25, 100)).toBe(25);
    expect(percentOf(250, 100)).toBe(100);
    expect(percentOf(-5, 100)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
  });
});
