import { describe, expect, it } from 'vitest';
import { diffSnapshots, type DiffCategory, type ExplanationEntry } from '../../../../core';
import { orphanedShmem } from '../../../../core/diff/lab-snapshots.fixture';
import { axisTicks, MAX_STEPS, MIN_WIDTH, waterfallModel } from './waterfall';

function entry(deltaBytes: number, category: DiffCategory = 'anon', kind: 'change' | 'moved' = 'change'): ExplanationEntry {
  const group = { key: 'g', role: 'container' as const, path: 'g', podName: null, podNamespace: null, containerName: 'app', ownChargesOf: null };
  return { category, deltaBytes, key: 'g', text: '', kind, group, status: 'matched' };
}

function scope(before: number | null, after: number | null) {
  return { before: { usageBytes: before, workingSetBytes: null }, after: { usageBytes: after, workingSetBytes: null }, usageDeltaBytes: before !== null && after !== null ? after - before : null };
}

describe('waterfallModel', () => {
  it('orphaned-shmem before → during (lab TRUTH numbers): from 93818880 B, the anon step first, ending at 121344000 B', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'));
    const m = waterfallModel(d.scope, d.explanation);
    const [start, first] = m.rows;
    const end = m.rows[m.rows.length - 1];
    expect(start).toMatchObject({ kind: 'start', fromBytes: 0, toBytes: 93818880, x: 0 });
    expect(first).toMatchObject({ kind: 'step', category: 'anon', fromBytes: 93818880, toBytes: 93818880 + 27262976, deltaBytes: 36773888 - 9510912 });
    expect(first?.entry?.group.containerName).toBe('api');
    expect(end).toMatchObject({ kind: 'end', toBytes: 121344000, x: 0, width: 1 });
    // The steps add up: the last one ends at usage after, nothing left unexplained.
    const steps = m.rows.filter((r) => r.kind === 'step');
    expect(steps[steps.length - 1]?.toBytes).toBe(121344000);
    expect(m.rows.some((r) => r.kind === 'unexplained')).toBe(false);
    expect(m.maxBytes).toBe(121344000);
    expect(first?.x).toBeCloseTo(93818880 / 121344000, 6);
    expect(first?.width).toBeCloseTo(27262976 / 121344000, 6);
  });

  it('a shrinking step is drawn from its end to its start; moves (0 B) are not drawn', () => {
    const m = waterfallModel(scope(100, 60), [entry(-40, 'anon'), entry(0, 'shmem', 'moved')]);
    expect(m.rows.map((r) => r.kind)).toEqual(['start', 'step', 'end']);
    expect(m.rows[1]).toMatchObject({ fromBytes: 100, toBytes: 60, x: 0.6 });
    expect(m.rows[1]?.width).toBeCloseTo(0.4, 9);
  });

  it('sums the smallest changes into one row past MAX_STEPS, and still ends at usage after', () => {
    const entries = Array.from({ length: MAX_STEPS + 3 }, (_, i) => entry(1000 - i));
    const total = entries.reduce((s, e) => s + e.deltaBytes, 0);
    const m = waterfallModel(scope(10_000, 10_000 + total), entries);
    const rest = m.rows.find((r) => r.kind === 'rest');
    expect(m.rows.filter((r) => r.kind === 'step')).toHaveLength(MAX_STEPS - 1);
    expect(rest).toMatchObject({ count: 4, deltaBytes: 1000 - 11 + (1000 - 12) + (1000 - 13) + (1000 - 14) });
    expect(rest?.toBytes).toBe(10_000 + total);
  });

  it('a change no group explains (a group without usage) gets its own row so the bars meet usage after', () => {
    const m = waterfallModel(scope(1000, 1600), [entry(500)]);
    expect(m.rows.map((r) => r.kind)).toEqual(['start', 'step', 'unexplained', 'end']);
    expect(m.rows[2]).toMatchObject({ fromBytes: 1500, toBytes: 1600, deltaBytes: 100 });
  });

  it('without usage (a memstat series), the steps start at 0 and may go below it', () => {
    const m = waterfallModel(scope(null, null), [entry(1073741824, 'shmem'), entry(-2147483648, 'anon')]);
    expect(m.usageKnown).toBe(false);
    expect(m.rows.map((r) => r.kind)).toEqual(['step', 'step']);
    expect(m.minBytes).toBe(-1073741824);
    expect(m.maxBytes).toBe(1073741824);
    expect(m.rows[0]?.x).toBeCloseTo(0.5, 9);
  });

  it('a tiny change stays visible (MIN_WIDTH) and inside the axis', () => {
    const m = waterfallModel(scope(100 * 1048576, 100 * 1048576 + 4096), [entry(4096), entry(-4096 * 2), entry(4096)]);
    for (const step of m.rows.filter((r) => r.kind === 'step')) {
      expect(step.width).toBeGreaterThanOrEqual(MIN_WIDTH);
      expect(step.x + step.width).toBeLessThanOrEqual(1);
      expect(step.x).toBeGreaterThanOrEqual(0);
    }
  });

  it('init-running → before (lab): the totals stay within 12 %, so the axis starts near them and the total bars are cut', () => {
    const d = diffSnapshots(orphanedShmem('init-running'), orphanedShmem('before'));
    const m = waterfallModel(d.scope, d.explanation);
    expect(m.zoomed).toBe(true);
    expect(m.minBytes).toBeGreaterThan(80 * 1048576);
    expect(m.minBytes).toBeLessThan(90165248);
    const [start] = m.rows;
    expect(start).toMatchObject({ kind: 'start', toBytes: 90165248, x: 0, cut: true });
    // The app container's +9.1 MiB step is now a visible part of the axis, not a sliver.
    const api = m.rows.find((r) => r.kind === 'step' && r.entry?.group.containerName === 'api' && r.category === 'anon');
    expect(api?.width).toBeGreaterThan(0.5);
    expect(m.rows.filter((r) => r.kind === 'step').every((r) => !r.cut)).toBe(true);
  });

  it('before → during (+29 %) keeps the axis from 0', () => {
    const d = diffSnapshots(orphanedShmem('before'), orphanedShmem('during'));
    expect(waterfallModel(d.scope, d.explanation)).toMatchObject({ zoomed: false, minBytes: 0 });
  });

  it('no change at all: only the two totals', () => {
    expect(waterfallModel(scope(5, 5), []).rows.map((r) => r.kind)).toEqual(['start', 'end']);
  });
});

describe('axisTicks', () => {
  it('round binary steps from 0', () => {
    expect(axisTicks(0, 121344000)).toEqual([0, 50 * 1048576, 100 * 1048576]);
    expect(axisTicks(0, 4 * 1073741824)).toEqual([0, 1073741824, 2 * 1073741824, 3 * 1073741824, 4 * 1073741824]);
  });
  it('decimal steps for SI units, and negative ranges', () => {
    expect(axisTicks(0, 121344000, 4, 1000)).toEqual([0, 50e6, 100e6]);
    // Steps read as round numbers of the unit shown (500 MiB), not as powers of two.
    expect(axisTicks(-1073741824, 1073741824)).toEqual([-1000, -500, 0, 500, 1000].map((n) => n * 1048576));
    expect(axisTicks(0, 0)).toEqual([0]);
  });
});
