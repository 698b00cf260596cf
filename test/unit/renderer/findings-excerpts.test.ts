// Evidence excerpts of the Overview's findings (src/renderer/src/features/findings/excerpts.ts): the
// cited lines read from a stored Blob in chunks, checked on the lab orphaned-shmem bundle and on edge cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBundle, decodeText, importBundle, localizeFinding, sourceFromBytes, splitLines } from '../../../src/core';
import { lineReaderFrom, MAX_EXCERPT_LINE_CHARS, readBlobLines, wantedLines } from '../../../src/renderer/src/features/findings/excerpts';

function blobOf(text: string | Uint8Array): Blob {
  return new Blob([typeof text === 'string' ? new TextEncoder().encode(text) : (text as Uint8Array<ArrayBuffer>)]);
}

describe('readBlobLines', () => {
  it('lab orphaned-shmem: the lines every finding cites, read in small chunks, equal the file’s own lines', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/lab/orphaned-shmem.tar.gz', import.meta.url)));
    const outcome = await importBundle([sourceFromBytes('orphaned-shmem.tar.gz', bytes)], { keepRaw: true });
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    const files = outcome.bundle.files;
    const analysis = analyzeBundle(files.map(({ path, formatId, data }) => ({ path, formatId, data })));
    const refs = analysis.findings.flatMap((f) => f.evidence);
    expect(refs.length).toBeGreaterThan(5);
    const cache = new Map<string, ReadonlyMap<number, string>>();
    for (const path of new Set(refs.map((r) => r.file))) {
      const f = files.find((x) => x.path === path);
      if (!f?.raw) throw new Error(`no raw bytes for ${path}`);
      const blob = new Blob(f.raw as Uint8Array<ArrayBuffer>[]);
      const lines = await readBlobLines(blob, refs.filter((r) => r.file === path), 37);
      const all = splitLines(decodeText(new Uint8Array(await blob.arrayBuffer())).text);
      for (const [n, text] of lines) expect(text).toBe(all[n - 1]);
      cache.set(path, lines);
    }
    const oom = analysis.findings.find((f) => f.id === 'oom-kill-memcg');
    if (!oom) throw new Error('no oom-kill-memcg');
    const shown = localizeFinding(oom, 'en', lineReaderFrom(cache));
    expect(shown.evidence.map((e) => e.excerpt)).toContain('[ 1515.710392] memory: usage 131072kB, limit 131072kB, failcnt 35');
    // A range is the cited lines joined: the oom-kill line and the kill message.
    expect(shown.evidence.find((e) => e.lineStart === 77)?.excerpt.split('\n')).toHaveLength(2);
    expect(shown.evidence.every((e) => e.excerpt.length > 0)).toBe(true);
  });

  it('numbers lines as the parsers do: CRLF split across chunks is one line end, a lone CR ends a line', async () => {
    const text = 'one\r\ntwo\rthree\nfour';
    for (const chunk of [1, 2, 3, 4, 64]) {
      const lines = await readBlobLines(blobOf(text), [{ lineStart: 1, lineEnd: 4 }], chunk);
      expect([...lines.entries()]).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
        [4, 'four'],
      ]);
    }
  });

  it('reads UTF-16 with a BOM and multi-byte UTF-8 split across chunks', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a\nb\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await readBlobLines(blobOf(utf16), [{ lineStart: 2, lineEnd: 2 }], 3)).get(2)).toBe('b');
    expect((await readBlobLines(blobOf('内存\n共享内存 80 MiB\n'), [{ lineStart: 2, lineEnd: 2 }], 2)).get(2)).toBe('共享内存 80 MiB');
  });

  it('asks for nothing odd: empty blobs, lines past the end, bad numbers, overlong lines and ranges are cut', async () => {
    expect((await readBlobLines(blobOf(''), [{ lineStart: 1, lineEnd: 1 }])).size).toBe(0);
    expect((await readBlobLines(blobOf('a\nb'), [{ lineStart: 5, lineEnd: 9 }])).size).toBe(0);
    expect((await readBlobLines(blobOf('a\nb'), [{ lineStart: 0, lineEnd: 1 }, { lineStart: 1.5, lineEnd: 2 }])).size).toBe(0);
    const long = 'x'.repeat(MAX_EXCERPT_LINE_CHARS + 50);
    expect((await readBlobLines(blobOf(`${long}\n`), [{ lineStart: 1, lineEnd: 1 }])).get(1)).toBe(`${'x'.repeat(MAX_EXCERPT_LINE_CHARS)}…`);
    expect(wantedLines([{ lineStart: 10, lineEnd: 1000 }]).size).toBe(40);
    expect(wantedLines([{ lineStart: 7, lineEnd: 3 }])).toEqual(new Set([7]));
  });

  it('stops reading once the last wanted line is read', async () => {
    let sliced = 0;
    const big = blobOf(`${'line\n'.repeat(10)}${'y'.repeat(100_000)}`);
    const counting = { size: big.size, slice: (a?: number, b?: number) => (sliced++, big.slice(a, b)) } as unknown as Blob;
    const lines = await readBlobLines(counting, [{ lineStart: 2, lineEnd: 3 }], 16);
    expect(lines.get(3)).toBe('line');
    expect(sliced).toBeLessThan(6);
  });
});

describe('lineReaderFrom', () => {
  it('joins the cached lines of a range and says null for what it does not have', () => {
    const read = lineReaderFrom(new Map([['a/dmesg.txt', new Map([[3, 'x'], [4, 'y']])]]));
    expect(read('a/dmesg.txt', 3, 4)).toBe('x\ny');
    expect(read('a/dmesg.txt', 4, 4)).toBe('y');
    expect(read('a/dmesg.txt', 1, 1)).toBeNull();
    expect(read('b', 1, 1)).toBeNull();
  });
});
