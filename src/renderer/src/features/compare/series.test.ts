import { describe, expect, it } from 'vitest';
import { ownChargesKey, translator, type Snapshot } from '../../../../core';
import { ORPHANED_POD_KEY, orphanedShmem } from '../../../../core/diff/lab-snapshots.fixture';
import { defaultSeriesGroup, extractSeries, metricsShown, orderedPair, pointXs, valueRange } from './series';
import { groupName } from './group-name';

const POD = ORPHANED_POD_KEY;
// The lab's capture times (manifest.json of each folder).
const TIMES = { 'init-running': '2026-11-22T12:09:33.646Z', before: '2026-11-22T12:09:33.892Z', during: '2026-11-22T12:09:34.782Z', after: '2026-11-22T12:09:35.554Z' } as const;
const lab = (Object.keys(TIMES) as (keyof typeof TIMES)[]).map((name): Snapshot => ({ ...orphanedShmem(name), capturedAt: TIMES[name] }));

describe('extractSeries', () => {
  it('the lab’s four captures: a point each, the pod’s usage and categories at every one', () => {
    const s = extractSeries(lab);
    expect(s.points.map((p) => p.label)).toEqual(['init-running', 'before', 'during', 'after']);
    const pod = s.groups.find((g) => g.key === POD);
    expect(pod?.values.usage).toEqual([90165248, 93818880, 121344000, 84287488]);
    expect(pod?.values.anon).toEqual([5316608, 9510912, 36773888, 0]);
    expect(pod?.values.shmem).toEqual([83886080, 83886080, 83886080, 83886080]);
    expect(pod?.limit).toEqual([134217728, 134217728, 134217728, 134217728]);
    // warm-cache only in the first capture, api from the second on: null where the group is absent.
    expect(s.groups.find((g) => g.key === `${POD}/warm-cache`)?.values.usage).toEqual([89903104, null, null, null]);
    expect(s.groups.find((g) => g.key === `${POD}/api`)?.values.usage).toEqual([null, 9699328, 37224448, 184320]);
    // The remainder child is named as the pod itself.
    const itself = s.groups.find((g) => g.key === ownChargesKey(POD));
    expect(itself && groupName(itself.ref, translator('en'), 'en')).toBe('The pod itself');
    expect(itself?.depth).toBe(1);
  });

  it('leaves out snapshots without groups, and lines that are all zero or unknown', () => {
    const empty: Snapshot = { ...lab[0]!, id: 'empty', groups: [] };
    const s = extractSeries([empty, ...lab]);
    expect(s.points).toHaveLength(4);
    const pod = s.groups.find((g) => g.key === POD);
    expect(pod && metricsShown(pod)).toEqual(['usage', 'anon', 'shmem', 'fileCache', 'kernel']);
    const api = s.groups.find((g) => g.key === `${POD}/api`);
    expect(api && metricsShown(api)).not.toContain('shmem');
  });

  it('opens on the scope, else the first pod', () => {
    const s = extractSeries(lab);
    expect(defaultSeriesGroup(s, `${POD}/api`)?.key).toBe(`${POD}/api`);
    expect(defaultSeriesGroup(s, null)?.key).toBe(POD);
    expect(defaultSeriesGroup(s, 'unknown')?.key).toBe(POD);
  });
});

describe('pointXs', () => {
  it('by capture time when every point has one and they increase', () => {
    const { xs, timeScaled } = pointXs(extractSeries(lab).points);
    expect(timeScaled).toBe(true);
    expect(xs[0]).toBe(0);
    expect(xs[3]).toBe(1);
    // before is 246 ms after init-running, of 1908 ms in all.
    expect(xs[1]).toBeCloseTo(246 / 1908, 9);
  });
  it('evenly in order when a time is missing or repeats; one point in the middle', () => {
    const points = extractSeries(lab).points;
    expect(pointXs(points.map((p, i) => (i === 2 ? { ...p, timeMs: null } : p)))).toEqual({ xs: [0, 1 / 3, 2 / 3, 1], timeScaled: false });
    expect(pointXs(points.map((p) => ({ ...p, timeMs: 5 }))).timeScaled).toBe(false);
    expect(pointXs(points.slice(0, 1))).toEqual({ xs: [0.5], timeScaled: false });
    expect(pointXs([])).toEqual({ xs: [], timeScaled: false });
  });
});

describe('valueRange and orderedPair', () => {
  it('includes a limit close to the values (128 MiB vs 115.7 MiB), leaves out a far one', () => {
    const s = extractSeries(lab);
    const pod = s.groups.find((g) => g.key === POD);
    if (!pod) throw new Error('no pod');
    expect(valueRange(pod, ['usage'])).toEqual({ maxBytes: 134217728, showLimit: true });
    const far = { ...pod, limit: pod.limit.map(() => 64 * 1073741824) };
    expect(valueRange(far, ['usage'])).toEqual({ maxBytes: 121344000, showLimit: false });
  });
  it('two clicked points in time order, whichever was clicked first', () => {
    const points = extractSeries(lab).points;
    expect(orderedPair(points, 'during', 'before')).toEqual({ before: 'before', after: 'during' });
    expect(orderedPair(points, 'before', 'after')).toEqual({ before: 'before', after: 'after' });
    expect(orderedPair(points, 'before', 'before')).toBeNull();
    expect(orderedPair(points, 'before', 'nope')).toBeNull();
  });
});
