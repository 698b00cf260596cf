// A page count so large that pages × 4096 is no safe integer is garbage: bytes stay null, never a figure.
import { describe, expect, it } from 'vitest';
import { pagesToBytes } from './page-cache-data';

describe('pagesToBytes', () => {
  it('multiplies sane counts and refuses products past 2^53', () => {
    expect(pagesToBytes(20480, 4096)).toBe(83886080);
    expect(pagesToBytes(null, 4096)).toBeNull();
    expect(pagesToBytes(2399903027276, 4096)).toBeNull();
  });
});
