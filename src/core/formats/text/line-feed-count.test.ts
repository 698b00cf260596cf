import { describe, expect, it } from 'vitest';
import { createLineFeedCounter, lineFeedCountModule } from './line-feed-count';
import { countByte, typedArrayIndexer } from './byte-search';

declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

function lineFeedsByLoop(bytes: Uint8Array): number {
  return countByte(typedArrayIndexer(bytes), 10, 0, bytes.length);
}

describe('line feed counter (WebAssembly SIMD)', () => {
  it('is a valid module', () => {
    expect(WebAssembly.validate(lineFeedCountModule())).toBe(true);
  });

  it('counts what a byte-by-byte search counts, at every length and alignment around its 64-byte steps', () => {
    const count = createLineFeedCounter();
    expect(count).not.toBeNull();
    let seed = 12345;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let length = 0; length < 300; length++) {
      const bytes = Uint8Array.from({ length }, () => (random() < 0.2 ? 10 : Math.floor(random() * 256)));
      expect(count?.(bytes)).toBe(lineFeedsByLoop(bytes));
      expect(count?.(bytes.subarray(1))).toBe(lineFeedsByLoop(bytes.subarray(1)));
    }
  });

  it('grows its memory for a block bigger than one page, and counts an all-LF block', () => {
    const count = createLineFeedCounter();
    const big = new Uint8Array(200_003).fill(10);
    expect(count?.(big)).toBe(200_003);
    const text = new TextEncoder().encode('a\nbb\n\nccc\r\n'.repeat(10_000));
    expect(count?.(text)).toBe(40_000);
  });
});
