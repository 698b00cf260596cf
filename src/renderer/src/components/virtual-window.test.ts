import { describe, expect, it } from 'vitest';
import { rowWindow } from './virtual-window';

describe('rowWindow', () => {
  it('renders the visible rows and an overscan, spacers for the rest', () => {
    expect(rowWindow(500, 3200, 320, 32)).toEqual({ start: 90, end: 121, padTopPx: 2880, padBottomPx: 379 * 32 });
    expect(rowWindow(500, 0, 320, 32)).toEqual({ start: 0, end: 21, padTopPx: 0, padBottomPx: 479 * 32 });
  });

  it('at the end, before the list is scrolled to, and for nothing', () => {
    expect(rowWindow(500, 500 * 32 - 320, 320, 32)).toMatchObject({ end: 500, padBottomPx: 0 });
    // The list starts 100 px below the viewport's top: only 220 px of it show.
    expect(rowWindow(500, -100, 320, 32)).toEqual({ start: 0, end: 18, padTopPx: 0, padBottomPx: 482 * 32 });
    expect(rowWindow(0, 0, 320, 32)).toEqual({ start: 0, end: 0, padTopPx: 0, padBottomPx: 0 });
    expect(rowWindow(3, 1e9, 320, 32)).toEqual({ start: 2, end: 3, padTopPx: 64, padBottomPx: 0 });
  });

  it('every row is covered exactly once by spacers and rendered rows, wherever the scroll is', () => {
    for (let offset = -400; offset < 17_000; offset += 37) {
      const w = rowWindow(500, offset, 320, 32);
      expect(w.padTopPx / 32 + (w.end - w.start) + w.padBottomPx / 32).toBe(500);
    }
  });
});
