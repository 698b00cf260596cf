import { describe, expect, it } from 'vitest';
import { selectionTarget, toggleSelection } from './library-selection';

describe('library selection for Compare', () => {
  it('keeps at most two: a third tick drops the first', () => {
    expect(toggleSelection([], 'a')).toEqual(['a']);
    expect(toggleSelection(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleSelection(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('puts the earlier capture before (capture time, else import time)', () => {
    const bundles = [
      { id: 'lab', capturedAt: '2026-11-22T12:09:33.646Z', importedAt: '2026-11-23T10:00:00.000Z' },
      { id: 'loose', capturedAt: null, importedAt: '2026-11-23T09:00:00.000Z' },
      { id: 'old', capturedAt: '2021-11-18T05:37:49.000Z', importedAt: '2026-11-23T11:00:00.000Z' },
    ];
    expect(selectionTarget(['loose', 'lab'], bundles)).toEqual({ before: { bundleId: 'lab', snapshotId: null }, after: { bundleId: 'loose', snapshotId: null }, scope: null });
    expect(selectionTarget(['lab', 'old'], bundles)?.before?.bundleId).toBe('old');
    expect(selectionTarget(['lab'], bundles)).toBeNull();
    expect(selectionTarget(['lab', 'deleted'], bundles)).toBeNull();
  });
});
