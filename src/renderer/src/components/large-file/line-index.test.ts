import { describe, expect, it } from 'vitest';
import { buildIndex, LineIndex, MAX_SHOWN_CHARS, readLines, STRIDE, type ByteReader } from './line-index';
import type { TextEncodingName } from '../../../../core';

function reader(bytes: Uint8Array): ByteReader {
  return (offset, length) => Promise.resolve(bytes.slice(offset, offset + length));
}

async function indexed(bytes: Uint8Array, chunkBytes: number, encoding: TextEncodingName = 'utf-8'): Promise<LineIndex> {
  const index = new LineIndex(bytes.length, encoding);
  await buildIndex(index, reader(bytes), { chunkBytes });
  return index;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

describe('LineIndex', () => {
  it('counts lines as the parsers do (LF, CRLF, lone CR, a last line without end), whatever the chunking', async () => {
    const text = '[ 1.0] a\n[ 2.0] b\r\n[ 3.0] c\r[ 4.0] d';
    for (let chunk = 1; chunk <= text.length; chunk++) {
      const index = await indexed(utf8(text), chunk);
      expect(index.lineCount).toBe(4);
      expect((await readLines(index, reader(utf8(text)), 1, 10)).map((l) => l.text)).toEqual(['[ 1.0] a', '[ 2.0] b', '[ 3.0] c', '[ 4.0] d']);
    }
    expect((await indexed(utf8('a\n'), 4)).lineCount).toBe(1);
    expect((await indexed(utf8(''), 4)).lineCount).toBe(0);
    expect((await indexed(utf8('\n\n'), 1)).lineCount).toBe(2);
  });

  it('finds any line of a long file by reading from the nearest indexed start', async () => {
    const lines = Array.from({ length: STRIDE * 7 + 5 }, (_, i) => `[${i + 1}] ${'x'.repeat(i % 13)}${i % 3 === 0 ? '\r\n' : '\n'}`);
    const bytes = utf8(lines.join(''));
    for (const chunk of [5, 333, 1 << 20]) {
      const index = await indexed(bytes, chunk);
      expect(index.lineCount).toBe(lines.length);
      for (const n of [1, STRIDE, STRIDE + 1, STRIDE * 3 + 17, lines.length]) {
        const [shown] = await readLines(index, reader(bytes), n, 1);
        expect(shown?.number).toBe(n);
        expect(shown?.text.startsWith(`[${n}] `)).toBe(true);
      }
      const page = await readLines(index, reader(bytes), STRIDE * 2 - 3, 40);
      expect(page.map((l) => l.number)).toEqual(Array.from({ length: 40 }, (_, i) => STRIDE * 2 - 3 + i));
      expect(await readLines(index, reader(bytes), lines.length + 1, 5)).toEqual([]);
    }
  });

  it('a CRLF cut between two chunks at an indexed line start', async () => {
    const lines = Array.from({ length: STRIDE + 3 }, (_, i) => `l${i + 1}\r\n`).join('');
    const bytes = utf8(lines);
    // Cut every chunk right after the CR that ends line STRIDE.
    const crAt = lines.indexOf(`l${STRIDE}\r\n`) + `l${STRIDE}`.length;
    const index = new LineIndex(bytes.length, 'utf-8');
    index.feed(bytes.slice(0, crAt + 1));
    index.feed(bytes.slice(crAt + 1));
    index.finish();
    expect(index.lineCount).toBe(STRIDE + 3);
    expect(index.locate(STRIDE + 1).offset).toBe(crAt + 2);
    expect((await readLines(index, reader(bytes), STRIDE + 1, 1))[0]?.text).toBe(`l${STRIDE + 1}`);
  });

  it('UTF-16LE: two-byte units, a 0x0A byte inside another character is no line end', async () => {
    const text = '\ufeffĊ one\r\ntwo\nthree';
    const bytes = utf16le(text);
    const index = await indexed(bytes, 6, 'utf-16le');
    expect(index.lineCount).toBe(3);
    expect((await readLines(index, reader(bytes), 1, 3)).map((l) => l.text)).toEqual(['Ċ one', 'two', 'three']);
  });

  it('cuts a very long line on screen and says how much is left out', async () => {
    const bytes = utf8(`short\n${'y'.repeat(MAX_SHOWN_CHARS + 250)}\nafter\n`);
    const index = await indexed(bytes, 1000);
    const shown = await readLines(index, reader(bytes), 1, 3);
    expect(shown.map((l) => [l.number, l.text.length, l.cut])).toEqual([
      [1, 5, 0],
      [2, MAX_SHOWN_CHARS, 250],
      [3, 5, 0],
    ]);
  });

  it('indexing stops when cancelled and lines read so far stay usable', async () => {
    const bytes = utf8('a\nb\nc\nd\n'.repeat(100));
    const index = new LineIndex(bytes.length, 'utf-8');
    const cancel = { aborted: false };
    await buildIndex(index, reader(bytes), { chunkBytes: 16, cancel, onProgress: () => (cancel.aborted = index.bytesIndexed >= 64) });
    expect(index.done).toBe(false);
    expect(index.lineCount).toBe(32);
    expect((await readLines(index, reader(bytes), 30, 10)).map((l) => l.text)).toEqual(['b', 'c', 'd']);
  });
});
