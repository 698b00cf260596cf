import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, splitLines } from '../core/index';
import { RawLines } from './raw-lines';

const encoder = new TextEncoder();

/** What the CLI did before: decode the whole file, split it, slice. */
function wholeFile(chunks: Uint8Array[], start: number, end: number): string {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    bytes.set(c, pos);
    pos += c.length;
  }
  return splitLines(decodeText(bytes).text).slice(Math.max(0, start - 1), Math.max(start, end)).join('\n');
}

function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
}

describe('RawLines', () => {
  it('reads the cited lines, LF, CRLF and lone CR alike', () => {
    const lines = new RawLines([encoder.encode('a\nb\r\nc\rd\n')]);
    expect(lines.read(3, 4)).toBe('c\nd');
    expect(lines.read(1, 1)).toBe('a');
    expect(lines.read(4, 9)).toBe('d');
    expect(lines.read(5, 5)).toBe('');
  });

  it('gives what decoding the whole file gave, for any text cut into any chunks', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '中', '\n', '\r', '\r\n', '\uFEFF', ' ', '\u0000'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (t, cuts, start, span) => {
        const chunks = chunked(encoder.encode(t), cuts);
        expect(new RawLines(chunks).read(start, start + span)).toBe(wholeFile(chunks, start, start + span));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds lines far into a file with many lines (past many checkpoints)', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`).join('\n');
    const chunks = chunked(encoder.encode(text), [1000, 7777, 20000, 20001]);
    const lines = new RawLines(chunks);
    expect(lines.read(4321, 4323)).toBe('line 4321\nline 4322\nline 4323');
    expect(lines.read(5000, 5001)).toBe('line 5000');
    expect(lines.read(257, 257)).toBe('line 257');
  });

  it('decodes UTF-16 files whole', () => {
    const text = 'MemTotal: 1 kB\nMemFree: 2 kB\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(new RawLines([bytes]).read(2, 2)).toBe('MemFree: 2 kB');
  });
});
