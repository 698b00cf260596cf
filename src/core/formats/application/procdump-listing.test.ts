import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { parseProcdumpListing } from './procdump-listing';

describe('procdump-listing', () => {
  it('groups seed 004 dd messages into copies, with the read error and the elision', () => {
    const r = parseProcdumpListing(fixture('procdump-listing/seed-004-procdump-dd-output.txt'), CTX);
    expect(r.value?.pids).toEqual([1241520]);
    expect(r.value?.copies.map((c) => [c.bytesCopied, c.error, c.line, c.lineEnd])).toEqual([
      [57344, null, 2, 5],
      [926601216, null, 6, 9],
      [0, 'Input/output error', 11, 15],
      [8192, null, 16, 19],
    ]);
    expect(r.value?.totalCopiedBytes).toBe(926666752);
    expect(r.warnings.map((w) => w.code)).toEqual(['lines-elided']);
  });

  it('reads region names from `ls` columns', () => {
    const r = parseProcdumpListing(fixture('procdump-listing/seed-004-procdump-ls-listing.txt'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.regions).toHaveLength(14);
    expect(r.value?.pids).toEqual([3747610, 3747629]);
    expect(r.value?.regions.find((x) => x.startAddress === 'c000000000')).toMatchObject({ pid: 3747610, sizeBytes: null, line: 6 });
  });

  it('reads sizes from `ls -l`', () => {
    const r = parseProcdumpListing('-rw-r--r-- 1 root root 926601216 Nov 18 13:55 1241520_mem_55c9bab6c000.bin\n-rw-r--r-- 1 root root 57344 Nov 18 13:55 1241520_mem_55c9b9a6d000.bin\n', CTX);
    expect(r.value?.regions.map((x) => [x.startAddress, x.sizeBytes])).toEqual([
      ['55c9bab6c000', 926601216],
      ['55c9b9a6d000', 57344],
    ]);
  });

  it('is unusable on other text; never throws', () => {
    expect(parseProcdumpListing('hello\nworld', CTX).status).toBe('unusable');
    expect(() => parseProcdumpListing('_mem_'.repeat(100000), CTX)).not.toThrow();
  });
});
