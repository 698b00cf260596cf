import { describe, expect, it } from 'vitest';
import { translator } from '../../../core';
import { etaText, ImportEta } from './import-eta';

const MB = 1_000_000;

describe('ImportEta', () => {
  it('says nothing before a second of progress, then extrapolates the recent speed', () => {
    const eta = new ImportEta();
    expect(eta.update(0, 0, 1000 * MB)).toBeNull();
    expect(eta.update(500, 50 * MB, 1000 * MB)).toBeNull();
    expect(eta.update(3000, 300 * MB, 1000 * MB)).toBeCloseTo(7, 5);
  });

  it('follows a change of speed within its window, and starts over when progress goes back', () => {
    const eta = new ImportEta();
    for (let s = 0; s <= 10; s++) eta.update(s * 1000, s * 100 * MB, 3000 * MB);
    // Then ten times slower: after the window only the slow part counts.
    let left: number | null = null;
    for (let s = 11; s <= 20; s++) left = eta.update(s * 1000, 1000 * MB + (s - 10) * 10 * MB, 3000 * MB);
    expect(left).toBeCloseTo((3000 - 1100) / 10, 0);
    expect(eta.update(21_000, 5 * MB, 3000 * MB)).toBeNull();
  });

  it('reads as seconds, then minutes, in both languages', () => {
    expect(etaText(null, translator('en'))).toBe('estimating the time left…');
    expect(etaText(6.2, translator('en'))).toBe('about 7 s left');
    expect(etaText(125, translator('en'))).toBe('about 2 min 5 s left');
    expect(etaText(125, translator('zh-CN'))).toBe('约剩 2 分 5 秒');
  });
});
