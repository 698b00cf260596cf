import { describe, expect, it } from 'vitest';
import { buildIndex, LineIndex, STRIDE, type ByteReader } from './line-index';
import { findNext } from './search';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function setup(text: string): Promise<{ index: LineIndex; read: ByteReader }> {
  const bytes = utf8(text);
  const read: ByteReader = (offset, length) => Promise.resolve(bytes.slice(offset, offset + length));
  const index = new LineIndex(bytes.length, 'utf-8');
  await buildIndex(index, read, { chunkBytes: 1000 });
  return { index, read };
}

const LOG = Array.from({ length: STRIDE * 4 }, (_, i) => `[ ${i + 1}.000000] kernel line ${i + 1}${i % 2 ? '\r\n' : '\n'}`).join('') + 'order-service invoked oom-killer: gfp_mask=0xcc0\nlast line';

describe('findNext', () => {
  it('finds the line and column, from any line, with chunks cut anywhere', async () => {
    const { index, read } = await setup(LOG);
    const last = STRIDE * 4 + 1;
    for (const chunkBytes of [7, 64, 4096, 1 << 22]) {
      expect(await findNext(index, read, 'INVOKED OOM-KILLER', 1, { chunkBytes })).toEqual({ line: last, column: 14, wrapped: false });
      expect(await findNext(index, read, 'invoked oom-killer', STRIDE * 2 + 3, { chunkBytes })).toEqual({ line: last, column: 14, wrapped: false });
      expect(await findNext(index, read, 'kernel line 300', 1, { chunkBytes })).toEqual({ line: 300, column: 14, wrapped: false });
      expect(await findNext(index, read, 'last line', last + 1, { chunkBytes })).toEqual({ line: last + 1, column: 0, wrapped: false });
    }
  });

  it('goes round to the top when the end has no hit, and says so', async () => {
    const { index, read } = await setup(LOG);
    expect(await findNext(index, read, 'kernel line 5.', 0)).toBeNull();
    expect(await findNext(index, read, 'kernel line 5\n', 10)).toBeNull();
    expect(await findNext(index, read, '[ 3.000000]', 200, { chunkBytes: 50 })).toEqual({ line: 3, column: 0, wrapped: true });
    expect(await findNext(index, read, 'no such text', 200)).toBeNull();
  });

  it('stops when cancelled', async () => {
    const { index, read } = await setup(LOG);
    const cancel = { aborted: false };
    const result = await findNext(index, read, 'no such text', 1, { chunkBytes: 100, cancel, onProgress: (share) => (cancel.aborted = share > 0.2) });
    expect(result).toBe('cancelled');
  });
});
