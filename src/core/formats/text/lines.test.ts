import { describe, expect, it } from 'vitest';
import { createLineSplitter, headLines, splitLines } from './lines';

function streamed(chunks: string[]): string[] {
  const out: string[] = [];
  const s = createLineSplitter((line) => out.push(line));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('splitLines', () => {
  it('handles LF, CRLF, lone CR and a missing final newline', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n')).toEqual(['', '']);
  });
  it('headLines stops early', () => {
    expect(headLines('1\n2\n3\n4', 2)).toEqual(['1', '2']);
  });
});

describe('createLineSplitter', () => {
  it('gives the same lines as splitLines whatever the chunking', () => {
    const text = 'cache 1\r\nrss 2\nshmem 3\r\r\nlast';
    const whole = splitLines(text);
    for (let size = 1; size <= text.length; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(streamed(chunks)).toEqual(whole);
    }
  });
  it('numbers lines from 1', () => {
    const numbers: number[] = [];
    const s = createLineSplitter((_l, n) => numbers.push(n));
    s.push('a\nb\nc');
    s.end();
    expect(numbers).toEqual([1, 2, 3]);
  });
});

describe('createLineSplitter without CR (the indexOf path)', () => {
  it('gives the same lines as splitLines for LF-only text cut anywhere, and after a chunk ending in CR', () => {
    const text = 'cache 1\nrss 2\n\nshmem 3\nlast';
    for (let size = 1; size <= text.length; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(streamed(chunks)).toEqual(splitLines(text));
    }
    expect(streamed(['a\r', '\nb\n', 'c'])).toEqual(['a', 'b', 'c']);
    expect(streamed(['a\r', 'b\nc'])).toEqual(['a', 'b', 'c']);
  });
});
