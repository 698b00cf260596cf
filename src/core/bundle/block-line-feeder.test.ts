// The block feeder skims a streamed log and must give what reading every line gives: every real
// kernel-log sample, set among hundreds of KiB of ordinary kernel messages, parsed both ways.
import { readdirSync, readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKernelLog, createKernelLogParser } from '../formats/kernel-log/kernel-log';
import type { KernelLogData } from '../formats/kernel-log/oom-types';
import type { LineParser, ParseResult } from '../formats/format';
import { typedArrayIndexer, type ByteIndexer } from '../formats/text/byte-search';
import { BlockLineFeeder } from './block-line-feeder';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/kernel-log');
const SAMPLES = readdirSync(FIXTURES).filter((f) => /\.(log|txt)$/.test(f));
const bufferIndexer: ByteIndexer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const encoder = new TextEncoder();

const NOISE = [
  'cni0: port 7(veth5e1c2a9f) entered forwarding state',
  'IPv6: ADDRCONF(NETDEV_CHANGE): veth0c1d2e3f: link becomes ready',
  'EXT4-fs (sdb1): mounted filesystem with ordered data mode. Opts: (null)',
  'audit: type=1400 audit(1700000000.123:42): apparmor="STATUS" operation="profile_load" name="cri-containerd.apparmor.d" pid=4242 comm="apparmor_parser"',
  'nf_conntrack: nf_conntrack: table full, dropping packet',
  'device veth9a8b7c6d entered promiscuous mode',
  'overlayfs: upperdir is in-use as upperdir/workdir of another mount, accessing files from both mounts will result in undefined behavior.',
];

/** `lines` of dmesg-stamped chatter holding no anchor (about 100 bytes a line). */
function noise(lines: number, from: number): string {
  let out = '';
  for (let i = 0; i < lines; i++) {
    const us = from + i * 997;
    out += `[${String(Math.floor(us / 1e6)).padStart(5, ' ')}.${String(us % 1e6).padStart(6, '0')}] ${NOISE[i % NOISE.length] ?? ''}\n`;
  }
  return out;
}

/** Feeds bytes in chunks of varying size, optionally through one reused buffer the caller overwrites. */
function feed(bytes: Uint8Array, indexer: ByteIndexer, options: { chunkBytes: number; reuse: boolean; blockBytes?: number }): { result: ParseResult<KernelLogData>; skippedLines: number; lines: number } {
  const parser = createKernelLogParser({ fileId: 'f', path: 'kern.log' });
  const feeder = new BlockLineFeeder(parser, { indexer, blockBytes: options.blockBytes });
  const scratch = new Uint8Array(options.chunkBytes * 2);
  for (let at = 0; at < bytes.length; ) {
    const size = Math.max(1, Math.round(options.chunkBytes * (0.5 + ((at * 7919) % 1000) / 1000)));
    const piece = bytes.subarray(at, at + size);
    at += size;
    if (options.reuse) {
      scratch.set(piece);
      feeder.push(scratch.subarray(0, piece.length));
      scratch.fill(0x41);
    } else {
      feeder.push(piece);
    }
  }
  const lines = feeder.finish();
  return { result: parser.finish(), skippedLines: feeder.stats.skippedLines, lines };
}

/** What reading every line must agree on: everything but the counts of lines by prefix style. */
function comparable(r: ParseResult<KernelLogData>): unknown {
  return {
    status: r.status,
    warnings: r.warnings.filter((w) => w.code !== 'kernel-log-records-split'),
    oomEvents: r.value?.oomEvents,
    otherEvents: r.value?.otherEvents,
    lineCount: r.value?.lineCount,
  };
}

describe('BlockLineFeeder on kernel logs', () => {
  for (const name of SAMPLES) {
    it(`skims ${name} among 600 KiB of other messages and finds what a full read finds`, () => {
      const sample = readFileSync(join(FIXTURES, name), 'utf8');
      const text = noise(3000, 1_000_000) + sample + (sample.endsWith('\n') ? '' : '\n') + noise(3000, 9_000_000) + sample;
      const whole = parseKernelLog(text, { fileId: 'f', path: 'kern.log' });
      const bytes = encoder.encode(text);
      for (const [indexer, chunkBytes, reuse] of [
        [bufferIndexer, 1 << 20, false],
        [typedArrayIndexer, 40_000, true],
        [bufferIndexer, 777, true],
      ] as const) {
        const skimmed = feed(bytes, indexer, { chunkBytes, reuse });
        expect(comparable(skimmed.result)).toEqual(comparable(whole));
        expect(skimmed.lines).toBe(whole.value?.lineCount);
        expect(skimmed.skippedLines).toBeGreaterThan(4000);
        expect(skimmed.result.value?.skimmedLineCount).toBe(skimmed.skippedLines);
      }
    });
  }

  it('reads every line of a file with no anchor only as far as its first block', () => {
    const text = noise(5000, 0);
    const skimmed = feed(encoder.encode(text), bufferIndexer, { chunkBytes: 1 << 16, reuse: false });
    expect(skimmed.result.status).toBe('parsed');
    expect(skimmed.result.value?.lineCount).toBe(5000);
    expect(skimmed.result.value?.oomEvents).toEqual([]);
    expect(skimmed.result.value?.prefixStyles.dmesg ?? 0).toBeLessThan(5000);
    expect((skimmed.result.value?.prefixStyles.dmesg ?? 0) + skimmed.skippedLines).toBe(5000);
  });

  it('reads blocks holding CR, NUL or a very long line, so their warnings and line ends are the same as a full read', () => {
    const sample = readFileSync(join(FIXTURES, 'lab-anon-oom-after-dmesg.txt'), 'utf8');
    const odd = [noise(2000, 0), 'x'.repeat(1_200_000), '\n', noise(10, 5e9), 'cr line\rlone cr\r\n', noise(2000, 6e9), 'a\u0000b\n', noise(2000, 7e9), sample, noise(50, 8e9).trimEnd()].join('');
    const whole = parseKernelLog(odd, { fileId: 'f', path: 'kern.log' });
    const skimmed = feed(encoder.encode(odd), bufferIndexer, { chunkBytes: 1 << 18, reuse: true });
    expect(comparable(skimmed.result)).toEqual(comparable(whole));
    expect(whole.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['kernel-log-line-too-long', 'kernel-log-nul-bytes']));
    expect(skimmed.skippedLines).toBeGreaterThan(3000);
  });

  it('keeps going line by line after a line longer than 8 MiB, and strips a BOM', () => {
    const sample = readFileSync(join(FIXTURES, 'lab-orphaned-shmem-after-dmesg.txt'), 'utf8');
    const text = '\ufeff' + noise(100, 0) + 'y'.repeat(9 * 1024 * 1024) + '\n' + noise(3000, 1e9) + sample;
    const whole = parseKernelLog(text.slice(1), { fileId: 'f', path: 'kern.log' });
    const skimmed = feed(encoder.encode(text), bufferIndexer, { chunkBytes: 1 << 20, reuse: true });
    expect(comparable(skimmed.result)).toEqual(comparable(whole));
    expect(skimmed.skippedLines).toBe(0);
  });

  it('reads every line for a parser without a skip policy', () => {
    const seen: number[] = [];
    const parser: LineParser<number> = {
      pushLine: (_line, n) => void seen.push(n),
      finish: () => ({ status: 'parsed', value: seen.length, warnings: [] }),
    };
    const feeder = new BlockLineFeeder(parser, { blockBytes: 1024 });
    const bytes = encoder.encode(noise(500, 0) + 'last line without end');
    for (let at = 0; at < bytes.length; at += 1000) feeder.push(bytes.subarray(at, at + 1000));
    expect(feeder.finish()).toBe(501);
    expect(seen).toEqual(Array.from({ length: 501 }, (_, i) => i + 1));
    expect(feeder.stats.skippedBytes).toBe(0);
  });
});
