// Node's Buffer#indexOf searches with memchr-based native code, several times faster than the
// TypedArray code core falls back on; skimming a huge log is mostly such searches.
import { Buffer } from 'node:buffer';
import { createLineFeedCounter, type BlockFeederOptions, type ByteIndexer } from '../core/index';

export const bufferIndexer: ByteIndexer = (bytes) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

let skim: BlockFeederOptions | null = null;

/** How the CLI skims huge logs: Node's native search, and line ends counted by WebAssembly SIMD (built on first use, not at start-up). */
export function nodeSkim(): BlockFeederOptions {
  skim ??= { indexer: bufferIndexer, countLineFeeds: createLineFeedCounter() };
  return skim;
}
