import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeTar } from '../../../test/helpers/tar-builder';
import { bundleFingerprint, commonFolder, importBundle, type ImportedBundle, type ImportEvent, type ImportOptions } from './import-pipeline';
import { sourceFromBytes, sourceFromReader, sourceFromText, type ImportSource } from './sources';
import { DECODE_PIECE_BYTES } from './file-accumulator';

const LAB = join(import.meta.dirname, '../../../test/fixtures/lab');
const LAB_BUNDLES = ['anon-oom', 'dirty-writeback', 'memory-pressure-near-limit', 'orphaned-shmem', 'page-cache-read'];

async function imported(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportedBundle> {
  const outcome = await importBundle(sources, options);
  if (outcome.kind !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome.bundle;
}

function labSource(name: string): ImportSource {
  return sourceFromBytes(`${name}.tar.gz`, new Uint8Array(readFileSync(join(LAB, `${name}.tar.gz`))), 4096);
}

describe('import pipeline on the lab bundles', () => {
  it.each(LAB_BUNDLES)('%s.tar.gz imports whole, every file hashed and recognised', async (name) => {
    const bundle = await imported([labSource(name)]);
    expect(bundle.archives.every((a) => a.complete)).toBe(true);
    expect(bundle.files.length).toBeGreaterThan(40);
    for (const file of bundle.files) {
      expect(file.path.startsWith(`${name}/`)).toBe(true);
      const raw = Buffer.concat(file.raw ?? []);
      expect(raw.length).toBe(file.sizeBytes);
      expect(file.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    }
    const stats = bundle.files.filter((f) => f.path.endsWith('/memory.stat'));
    expect(stats.length).toBeGreaterThanOrEqual(6);
    for (const s of stats) expect(s.formatId).toBe('cgroup-v1-memory-stat');
  });

  it('a folder and its .tar.gz give the same fingerprint; another bundle does not', async () => {
    const archive = await imported([labSource('orphaned-shmem')]);
    const asFolder = archive.files.map((f) => sourceFromBytes(f.path, new Uint8Array(Buffer.concat(f.raw ?? []))));
    const folder = await imported(asFolder);
    expect(folder.files.map((f) => f.path)).toEqual(archive.files.map((f) => f.path));
    expect(folder.fingerprint).toBe(archive.fingerprint);
    const again = await imported([labSource('orphaned-shmem')]);
    expect(again.fingerprint).toBe(archive.fingerprint);
    const other = await imported([labSource('anon-oom')]);
    expect(other.fingerprint).not.toBe(archive.fingerprint);
  });

  it('reports progress per file and in total', async () => {
    const events: ImportEvent[] = [];
    const bundle = await imported([labSource('anon-oom')], { onEvent: (e) => events.push(e) });
    const done = events.filter((e) => e.type === 'file-done');
    expect(done).toHaveLength(bundle.files.length);
    expect(events.filter((e) => e.type === 'file-started')).toHaveLength(bundle.files.length);
    const last = events.filter((e) => e.type === 'progress').at(-1);
    const size = readFileSync(join(LAB, 'anon-oom.tar.gz')).length;
    expect(last).toMatchObject({ bytesDone: size, bytesTotal: size, filesDone: bundle.files.length, filesTotal: bundle.files.length });
  });

  it('a cancel mid-way really stops and returns nothing', async () => {
    const cancel = { aborted: false };
    let filesDone = 0;
    const outcome = await importBundle([labSource('orphaned-shmem'), labSource('anon-oom')], {
      cancel,
      onEvent: (e) => {
        if (e.type === 'file-done' && ++filesDone === 3) cancel.aborted = true;
      },
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(filesDone).toBeLessThan(10);
  });
});

describe('import pipeline', () => {
  it('makes pasted text a file of the bundle', async () => {
    const bundle = await imported([sourceFromText('pasted-1.txt', 'total_cache 83906560\ntotal_rss 9510912\ntotal_shmem 83886080\ncache 0\n')]);
    expect(bundle.files[0]).toMatchObject({ path: 'pasted-1.txt', formatId: 'cgroup-v1-memory-stat', container: null });
  });

  it('reads Blob-like sources through positional reads', async () => {
    const bytes = strToU8('cache 1\nrss 2\nshmem 0\ntotal_cache 1\n');
    const reads: number[] = [];
    const source = sourceFromReader(
      {
        displayPath: 'memory.stat',
        sizeBytes: bytes.length,
        read: async (offset, length) => {
          reads.push(offset);
          return bytes.slice(offset, offset + length);
        },
      },
      10,
    );
    const bundle = await imported([source]);
    expect(reads).toEqual([0, 10, 20, 30]);
    expect(bundle.files[0]?.formatId).toBe('cgroup-v1-memory-stat');
  });

  it('keeps a source that fails mid-read, cut short and flagged', async () => {
    const failing: ImportSource = {
      displayPath: 'flaky.txt',
      sizeBytes: 100,
      async *chunks() {
        yield strToU8('cache 1\n');
        throw new Error('EIO');
      },
    };
    const bundle = await imported([failing]);
    expect(bundle.files[0]).toMatchObject({ path: 'flaky.txt', truncated: true, sizeBytes: 8 });
    expect(bundle.warnings.map((w) => w.code)).toEqual(['source-read-failed']);
  });

  it('gives unique paths when two sources share one', async () => {
    const bundle = await imported([sourceFromText('a/memory.stat', 'x'), sourceFromText('a/memory.stat', 'y')]);
    expect(bundle.files.map((f) => f.path)).toEqual(['a/memory.stat', 'a/memory (2).stat']);
    expect(bundle.files[1]!.warnings.map((w) => w.code)).toContain('duplicate-path');
  });

  it('does not keep raw bytes when asked not to', async () => {
    const bundle = await imported([sourceFromText('a.txt', 'hello')], { keepRaw: false });
    expect(bundle.files[0]?.raw).toBeNull();
    expect(bundle.files[0]?.sha256).toBe(createHash('sha256').update('hello').digest('hex'));
  });

  it('summarises a procdump region from samples, and calls other binaries unknown', async () => {
    const size = 3 * 1024 * 1024;
    const region = new Uint8Array(size);
    const line = strToU8('2021-11-22 06:42:50 INFO order accepted id=42\n');
    for (let pos = 0; pos + line.length < size; pos += 4096) region.set(line, pos);
    const bundle = await imported([sourceFromBytes('dump/26_mem_7f3a2c000000.bin', region), sourceFromBytes('core.bin', new Uint8Array(5000).fill(1))]);
    const dump = bundle.files[0]!;
    expect(dump.formatId).toBe('procdump-region');
    expect(dump.data).toMatchObject({ sizeBytes: size, pid: 26, startAddress: '0x7f3a2c000000' });
    const summary = dump.data as { sampledBytes: number; printableRatio: number; topTextRuns: { text: string }[] };
    expect(summary.sampledBytes).toBeLessThanOrEqual(64 * 16 * 1024);
    expect(summary.printableRatio).toBeLessThan(0.05);
    expect(summary.topTextRuns[0]?.text).toBe('2021-11-22 06:42:50 INFO order accepted id=42');
    expect(bundle.files[1]).toMatchObject({ formatId: 'unknown', status: 'unusable' });
    expect(bundle.files[1]!.warnings[0]).toMatchObject({ code: 'unrecognised', params: { kind: 'binary' } });
  });

  it('stores a text file too large to parse, with the reason', async () => {
    const text = 'cache 1\nrss 2\nshmem 0\n'.repeat(5_000);
    const bundle = await imported([sourceFromText('big/memory.stat', text)], { streamThresholdBytes: 1024, maxParseBytes: 64 * 1024 });
    expect(bundle.files[0]).toMatchObject({ formatId: 'unknown', status: 'unusable', sizeBytes: text.length });
    expect(bundle.files[0]!.warnings.map((w) => w.code)).toEqual(['file-too-large-to-parse']);
  });

  it('parses a file between the stream threshold and the parse ceiling whole', async () => {
    const stat = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/cgroup-v1-memory-stat/memory.stat.seed004-container-shmem-cat-prompt.txt')));
    const bundle = await imported([sourceFromBytes('memory.stat', stat, 100)], { streamThresholdBytes: 256 });
    expect(bundle.files[0]?.formatId).toBe('cgroup-v1-memory-stat');
    expect(bundle.files[0]?.sizeBytes).toBe(stat.length);
  });

  it('streams a big file line by line when its format can (kernel log), with the same result as a whole parse', async () => {
    const log = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/kernel-log/15-k6.1-dmesg-global-oom-group-less-truncated-two-kills.log')));
    const whole = await imported([sourceFromBytes('dmesg.txt', log)]);
    const streamed = await imported([sourceFromBytes('dmesg.txt', log, 333)], { streamThresholdBytes: 1024 });
    expect(streamed.files[0]?.formatId).toBe('kernel-log');
    expect(whole.files[0]?.formatId).toBe('kernel-log');
    expect(JSON.parse(JSON.stringify(streamed.files[0]?.data))).toEqual(JSON.parse(JSON.stringify(whole.files[0]?.data)));
    expect(streamed.files[0]?.sha256).toBe(whole.files[0]?.sha256);
  });

  it('streams chunks bigger than its decode piece: lines and multi-byte characters cut at a piece end come through whole', async () => {
    const report = readFileSync(join(import.meta.dirname, '../../../test/fixtures/kernel-log/lab-anon-oom-after-dmesg.txt'), 'utf8');
    // Noise of 3-byte characters up to just past the 256 KiB piece end, then the real report.
    const noise = Array.from({ length: 1400 }, (_, i) => `[    1.${String(i).padStart(6, '0')}] 内存压力提示 ${'节点'.repeat(30)}\n`).join('');
    const text = noise + report;
    const whole = await imported([sourceFromText('dmesg.txt', text)]);
    const streamed = await imported([sourceFromBytes('dmesg.txt', new TextEncoder().encode(text), 1024 * 1024)], { streamThresholdBytes: 1024 });
    expect(new TextEncoder().encode(noise).length).toBeGreaterThan(DECODE_PIECE_BYTES);
    const data = streamed.files[0]?.data as { oomEvents: unknown[]; lineCount: number; skimmedLineCount?: number };
    expect(data.oomEvents).toHaveLength(1);
    expect(data.lineCount).toBe(1400 + 79);
    // The noise holds no OOM word: it is skimmed (block-line-feeder.ts), so only the lines read are counted by style.
    expect(data.skimmedLineCount).toBeGreaterThan(0);
    const { prefixStyles: _a, skimmedLineCount: _b, ...streamedRest } = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    const { prefixStyles: _c, ...wholeRest } = JSON.parse(JSON.stringify(whole.files[0]?.data)) as Record<string, unknown>;
    expect(streamedRest).toEqual(wholeRest);
    // Noise naming memory ("Mem") is read line by line: then every field is the same as a whole parse.
    const readText = noise.replaceAll('内存压力提示', 'Mem 内存压力提示') + report;
    const readWhole = await imported([sourceFromText('dmesg.txt', readText)]);
    const readStreamed = await imported([sourceFromBytes('dmesg.txt', new TextEncoder().encode(readText), 1024 * 1024)], { streamThresholdBytes: 1024 });
    expect(JSON.parse(JSON.stringify(readStreamed.files[0]?.data))).toEqual(JSON.parse(JSON.stringify(readWhole.files[0]?.data)));
  });

  it('expands a .tar.gz given with other files under its own path', async () => {
    const tgz = gzipSync(makeTar([{ name: 'x/memory.stat', data: 'cache 1\nrss 2\nshmem 3\n' }]));
    const bundle = await imported([sourceFromBytes('case/a.tgz', tgz), sourceFromText('case/notes.txt', 'n')]);
    expect(bundle.files.map((f) => f.path)).toEqual(['case/a.tgz/x/memory.stat', 'case/notes.txt']);
  });
});

describe('fingerprint', () => {
  it('is taken below the common folder and ignores order', () => {
    const a = bundleFingerprint([
      { path: 'lab/before/a', sha256: '1' },
      { path: 'lab/after/b', sha256: '2' },
    ]);
    const b = bundleFingerprint([
      { path: 'x/y/after/b', sha256: '2' },
      { path: 'x/y/before/a', sha256: '1' },
    ]);
    expect(a).toBe(b);
    expect(bundleFingerprint([{ path: 'before/a', sha256: '3' }])).not.toBe(bundleFingerprint([{ path: 'before/a', sha256: '4' }]));
  });

  it('finds the common folder', () => {
    expect(commonFolder(['a/b/c', 'a/b/d', 'a/e'])).toBe('a/');
    expect(commonFolder(['a/b/c'])).toBe('a/b/');
    expect(commonFolder(['ab/c', 'a/c'])).toBe('');
    expect(commonFolder([])).toBe('');
  });
});
