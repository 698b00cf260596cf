// A memory region as procdump/gdb dumps it (`<pid>_mem_<start>.bin`): mostly heap bytes that look
// random, some zero pages, and runs of log text the process kept in memory (seed 004 found a leak
// that way). Sample of what `strings` shows in it:
//   2026-11-22 12:09:33.101 INFO  [http-nio-8080-exec-7] c.e.shop.OrderService - order 81723 accepted
//   2026-11-22 12:09:33.104 WARN  [http-nio-8080-exec-2] c.e.shop.CartCache - cache miss for cart 40917
import { Prng } from '../prng';
import { ChunkedWriter } from '../write-file';

export const PROCDUMP_NAME = '21065_mem_7f3a2c000000.bin';
const BLOCK_BYTES = 64 * 1024;

function logText(rng: Prng, bytes: number): Uint8Array {
  const lines: string[] = [];
  let length = 0;
  while (length < bytes) {
    const level = rng.pick(['INFO ', 'INFO ', 'INFO ', 'WARN ', 'DEBUG']);
    const line =
      rng.next() < 0.7
        ? `2026-11-22 12:09:${String(10 + rng.int(50))}.${String(rng.int(1000)).padStart(3, '0')} ${level} [http-nio-8080-exec-${1 + rng.int(16)}] c.e.shop.OrderService - order ${rng.int(100000)} accepted\n`
        : `2026-11-22 12:09:${String(10 + rng.int(50))}.${String(rng.int(1000)).padStart(3, '0')} ${level} [http-nio-8080-exec-${1 + rng.int(16)}] c.e.shop.CartCache - cache miss for cart ${rng.int(100000)}\n`;
    lines.push(line);
    length += line.length;
  }
  return new Uint8Array(Buffer.from(lines.join('').slice(0, bytes), 'latin1'));
}

/** Yields `sizeBytes` of region content in 64 KiB blocks: `randomShare` random, 5% zero, the rest log text. */
export function* procdumpBlocks(sizeBytes: number, randomShare = 0.85, seed = 11): Generator<Uint8Array> {
  const rng = new Prng(seed);
  const zeros = new Uint8Array(BLOCK_BYTES);
  for (let offset = 0; offset < sizeBytes; offset += BLOCK_BYTES) {
    const size = Math.min(BLOCK_BYTES, sizeBytes - offset);
    const kind = rng.next();
    if (kind < randomShare) {
      const block = new Uint8Array(size);
      rng.fill(block);
      yield block;
    } else if (kind < randomShare + 0.05) {
      yield zeros.subarray(0, size);
    } else {
      yield logText(rng, size);
    }
  }
}

export async function writeProcdumpRegion(path: string, sizeBytes: number): Promise<{ bytes: number }> {
  const out = new ChunkedWriter(path);
  for (const block of procdumpBlocks(sizeBytes)) await out.bytes(block);
  return { bytes: await out.close() };
}
