import { describe, expect, it } from 'vitest';
import { diffSnapshots, type GroupDiff } from '../../../../core';
import { ORPHANED_POD_KEY, orphanedShmem } from '../../../../core/diff/lab-snapshots.fixture';
import { DEFAULT_SORT, deltaRows, filterRows, nextSort, sortRows, type DeltaRow } from './delta-rows';

const POD = ORPHANED_POD_KEY;
const API = `${POD}/api`;
const WARM = `${POD}/warm-cache`;

const label = (g: GroupDiff): string => g.ref.containerName ?? g.role;
const rowsOf = (before: Parameters<typeof orphanedShmem>[0], after: Parameters<typeof orphanedShmem>[0]): DeltaRow[] =>
  deltaRows(diffSnapshots(orphanedShmem(before), orphanedShmem(after)).groups, label, (m) => m);
const find = (rows: readonly DeltaRow[], key: string, metric: string) => rows.find((r) => r.groupKey === key && r.metric === metric);

describe('deltaRows', () => {
  it('before → during (lab): container api’s anon 9510912 → 36773888 B, +286.6 %', () => {
    const rows = rowsOf('before', 'during');
    expect(find(rows, API, 'anon')).toMatchObject({ beforeBytes: 9510912, afterBytes: 36773888, deltaBytes: 27262976, role: 'container', status: 'matched' });
    expect(find(rows, API, 'anon')?.deltaRatio).toBeCloseTo(27262976 / 9510912, 9);
    expect(find(rows, POD, 'usage')).toMatchObject({ beforeBytes: 93818880, afterBytes: 121344000, deltaBytes: 27525120 });
    expect(find(rows, POD, 'shmem')).toMatchObject({ beforeBytes: 83886080, afterBytes: 83886080, deltaBytes: 0 });
    // Dirty + writeback: total_dirty 8192 + total_writeback 0 on both sides.
    expect(find(rows, POD, 'dirtyWriteback')).toMatchObject({ beforeBytes: 8192, afterBytes: 8192, deltaBytes: 0 });
    // These snapshots carry no swap figure: no row where both sides lack it.
    expect(find(rows, POD, 'swap')).toBeUndefined();
  });

  it('a vanished group: after is absent (—) and the change is its whole before, as the engine counts it', () => {
    const rows = rowsOf('init-running', 'before');
    expect(find(rows, WARM, 'shmem')).toMatchObject({ beforeBytes: 83886080, afterBytes: null, deltaBytes: -83886080, status: 'vanished', deltaRatio: -1 });
    expect(find(rows, API, 'usage')).toMatchObject({ beforeBytes: null, afterBytes: 9699328, deltaBytes: 9699328, status: 'appeared', deltaRatio: null });
  });
});

describe('filterRows', () => {
  const rows = rowsOf('before', 'during');
  it('hides unchanged rows unless asked', () => {
    expect(filterRows(rows, { text: '', role: 'all', showUnchanged: false }).some((r) => r.deltaBytes === 0)).toBe(false);
    expect(filterRows(rows, { text: '', role: 'all', showUnchanged: true })).toHaveLength(rows.length);
  });
  it('by role and by words (all must match group or category)', () => {
    expect(filterRows(rows, { text: '', role: 'container', showUnchanged: true }).every((r) => r.groupKey === API)).toBe(true);
    const hits = filterRows(rows, { text: 'API  anon', role: 'all', showUnchanged: true });
    expect(hits.map((r) => `${r.groupKey}|${r.metric}`)).toEqual([`${API}|anon`]);
    expect(filterRows(rows, { text: 'nothing-like-this', role: 'all', showUnchanged: true })).toEqual([]);
  });
});

describe('sortRows', () => {
  const rows = rowsOf('init-running', 'before');
  it('opens on the biggest changes, growth and shrinkage alike (|Δ|)', () => {
    const sorted = sortRows(rows, DEFAULT_SORT);
    const sizes = sorted.map((r) => Math.abs(r.deltaBytes ?? 0));
    expect(sizes).toEqual(sizes.slice().sort((a, b) => b - a));
    expect(Math.abs(sorted[0]?.deltaBytes ?? 0)).toBe(89903104);
  });
  it('unknown values last in either direction; groups in tree order; metrics in their order', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sorted = sortRows(rows, { key: 'after', dir });
      const firstNull = sorted.findIndex((r) => r.afterBytes === null);
      expect(sorted.slice(firstNull).every((r) => r.afterBytes === null)).toBe(true);
    }
    const byGroup = sortRows(rows, { key: 'group', dir: 'asc' });
    expect(byGroup[0]?.groupKey).toBe(POD);
    expect(byGroup[0]?.metric).toBe('usage');
    const byGroupDesc = sortRows(rows, { key: 'group', dir: 'desc' });
    expect(byGroupDesc[0]?.groupKey).toBe(rows[rows.length - 1]?.groupKey);
    expect(sortRows(rows, { key: 'metric', dir: 'asc' })[0]?.metric).toBe('usage');
  });
  it('a header click flips its own column, starts numbers descending and names ascending', () => {
    expect(nextSort({ key: 'delta', dir: 'desc' }, 'delta')).toEqual({ key: 'delta', dir: 'asc' });
    expect(nextSort({ key: 'delta', dir: 'desc' }, 'before')).toEqual({ key: 'before', dir: 'desc' });
    expect(nextSort({ key: 'delta', dir: 'desc' }, 'group')).toEqual({ key: 'group', dir: 'asc' });
  });
});
