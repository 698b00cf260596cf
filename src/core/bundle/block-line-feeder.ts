// Feeds a UTF-8 file, as its bytes stream in, to a format's LineParser in blocks of whole lines
// (about 32 KiB each). When the parser has a skip policy (formats/format.ts LineSkipPolicy), a block
// is skipped unread — its line ends counted, nothing decoded — while the parser says it may be,
// the block holds no anchor and none comes within a block's worth of bytes after it: a 1 GiB kernel
// log with 200 OOM reports is mostly network chatter, and decoding and splitting it alone costs 6×
// `grep` (bench/RESULTS.md). A block with a CR or NUL byte, or a very long line, is always read: the
// parser counts those. In a block that is read, the parser may take lines straight from their bytes
// (LineSkipPolicy.rawLine: cAdvisor's repeats of earlier scrapes); the rest is decoded in runs.
// Sample (anchors "Kill", "-kill"; blocks shown one line each):
//   block 1  "[ 1.000] eth0: link up …"            read (the start of every file is read)
//   block 2  "[ 9.000] cni0: port 7 entered …"     skipped: 640 lines counted
//   block 3  "[ 9.500] audit: type=1400 …"         read: the block after it has an anchor
//   block 4  "[ 9.800] java invoked oom-killer: …" read
import type { LineParser, LineSkipPolicy } from '../formats/format';
import { asciiBytes, countByte, typedArrayIndexer, type ByteIndexer } from '../formats/text/byte-search';
import { createStreamDecoder, type TextEncodingName } from '../formats/text/decode';
import { concatChunks } from './archive';
import { LineFeeder } from './line-feeder';

declare const TextDecoder: {
  new (label?: string): { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
};

export interface BlockFeederOptions {
  /** A native byte search where the host has one (Node's Buffer); TypedArray code otherwise. */
  indexer?: ByteIndexer;
  /** A faster count of LF bytes (formats/text/line-feed-count.ts) where the host allows WebAssembly. */
  countLineFeeds?: ((bytes: Uint8Array) => number) | null;
  /** Target block size; a block ends at the first line end after it. */
  blockBytes?: number;
}

export const DEFAULT_BLOCK_BYTES = 32 * 1024;
/**
 * Bytes decoded to text at once. Node turns the decode of more than ~1 MB into an external string,
 * memory V8's heap does not count, and a 1 GiB log piled up 600 MB of them (bench/RESULTS.md).
 */
export const DECODE_PIECE_BYTES = 256 * 1024;
/** A partial line longer than this stops the skimming: the rest of the file is read line by line. */
const MAX_CARRY_BYTES = 8 * 1024 * 1024;
const LF = 10;
const CR = 13;
const NUL = 0;

export interface BlockFeederStats {
  readBytes: number;
  skippedBytes: number;
  skippedLines: number;
  /** Lines of read blocks the parser took from their bytes (LineSkipPolicy.rawLine), not decoded. */
  rawLines: number;
}

export class BlockLineFeeder<T> implements StreamedLines {
  private readonly lines: LineFeeder<T>;
  private readonly policy: LineSkipPolicy | null;
  private readonly anchors: Uint8Array[];
  private readonly indexer: ByteIndexer;
  private readonly blockBytes: number;
  private readonly countLineFeeds: (bytes: Uint8Array) => number;
  private readonly decoder = new TextDecoder('utf-8');
  /** Bytes after the last line end seen: the start of a line (copied, the caller may reuse its chunk). */
  private carry: Uint8Array | null = null;
  /** The last blocks that may be skipped: skipped once more than a block's worth follows them, read if an anchor comes first. */
  private held: { bytes: Uint8Array; owned: boolean }[] = [];
  private heldBytes = 0;
  private bytesHandled = 0;
  private started = false;
  private passthrough = false;
  readonly stats: BlockFeederStats = { readBytes: 0, skippedBytes: 0, skippedLines: 0, rawLines: 0 };

  constructor(parser: LineParser<T>, options: BlockFeederOptions = {}) {
    this.lines = new LineFeeder(parser);
    this.policy = parser.skip ?? null;
    this.anchors = (this.policy?.anchors ?? []).map(asciiBytes);
    this.indexer = options.indexer ?? typedArrayIndexer;
    this.blockBytes = Math.max(1, options.blockBytes ?? DEFAULT_BLOCK_BYTES);
    const indexer = this.indexer;
    this.countLineFeeds = options.countLineFeeds ?? ((bytes) => countByte(indexer(bytes), LF, 0, bytes.length));
  }

  push(input: Uint8Array): void {
    let chunk = input;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (chunk.length === 0) return;
    if (this.passthrough) {
      this.decodeAndFeed(chunk);
      return;
    }
    const index = this.indexer(chunk);
    let start = 0;
    if (this.carry) {
      const lf = index.indexOf(LF, 0);
      if (lf < 0) {
        this.carry = concatChunks([this.carry, chunk]);
        if (this.carry.length > MAX_CARRY_BYTES) this.startPassthrough();
        return;
      }
      const line = concatChunks([this.carry, chunk.subarray(0, lf + 1)]);
      this.carry = null;
      this.block(line, true, this.mustRead(line, 0, line.length));
      start = lf + 1;
    }
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf < start) {
      if (start < chunk.length) this.carry = copyOf(chunk.subarray(start));
      return;
    }
    const end = lastLf + 1;
    const ends: number[] = [];
    for (let b = start; b < end; ) {
      let e = b + this.blockBytes - 1 < end ? index.indexOf(LF, b + this.blockBytes - 1) : lastLf;
      if (e < 0 || e > lastLf) e = lastLf;
      ends.push(e + 1);
      b = e + 1;
    }
    const must = this.blocksToRead(chunk, start, ends);
    let b = start;
    for (let k = 0; k < ends.length; k++) {
      const e = ends[k] ?? end;
      this.block(chunk.subarray(b, e), false, must[k] === 1);
      b = e;
    }
    if (end < chunk.length) this.carry = copyOf(chunk.subarray(end));
    for (const held of this.held) {
      if (held.owned) continue;
      held.bytes = copyOf(held.bytes);
      held.owned = true;
    }
  }

  /** Reads what is left; returns how many lines the file has. */
  finish(): number {
    if (this.passthrough) {
      this.lines.push(this.decoder.decode());
    } else {
      const carry = this.carry;
      this.carry = null;
      if (carry) this.block(carry, true, this.mustRead(carry, 0, carry.length));
      this.skipHeld(0);
    }
    return this.lines.finish();
  }

  /** 1 for each block (ending at `ends[k]`) that holds an anchor, a CR or NUL byte, or a very long line. */
  private blocksToRead(chunk: Uint8Array, start: number, ends: readonly number[]): Uint8Array {
    const must = new Uint8Array(ends.length);
    if (!this.policy) return must.fill(1);
    const index = this.indexer(chunk);
    const end = ends[ends.length - 1] ?? start;
    const mark = (needle: number | Uint8Array): void => {
      let k = 0;
      for (let from = start; from < end; ) {
        const at = index.indexOf(needle, from);
        if (at < 0 || at >= end) return;
        while ((ends[k] ?? end) <= at) k++;
        must[k] = 1;
        from = ends[k] ?? end;
      }
    };
    for (const anchor of this.anchors) mark(anchor);
    mark(CR);
    mark(NUL);
    let b = start;
    for (let k = 0; k < ends.length; k++) {
      const e = ends[k] ?? end;
      if (e - b > 4 * this.blockBytes) must[k] = 1;
      b = e;
    }
    return must;
  }

  private mustRead(bytes: Uint8Array, start: number, end: number): boolean {
    if (!this.policy) return true;
    if (end - start > 4 * this.blockBytes) return true;
    const index = this.indexer(bytes);
    const within = (needle: number | Uint8Array): boolean => {
      const at = index.indexOf(needle, start);
      return at >= 0 && at < end;
    };
    return within(CR) || within(NUL) || this.anchors.some(within);
  }

  private block(bytes: Uint8Array, owned: boolean, mustRead: boolean): void {
    const first = this.bytesHandled < this.blockBytes;
    this.bytesHandled += bytes.length;
    if (mustRead || first || !this.policy || !this.policy.canSkip()) {
      // Lines go to the parser in order: what is held comes first.
      for (const held of this.held.splice(0)) this.readBlock(held.bytes);
      this.heldBytes = 0;
      this.readBlock(bytes);
      return;
    }
    this.held.push({ bytes, owned });
    this.heldBytes += bytes.length;
    this.skipHeld(this.blockBytes);
  }

  /** Skips held blocks, oldest first, as long as at least `keepBytes` stay held after them. */
  private skipHeld(keepBytes: number): void {
    for (let oldest = this.held[0]; oldest && this.heldBytes - oldest.bytes.length >= keepBytes; oldest = this.held[0]) {
      this.held.shift();
      this.heldBytes -= oldest.bytes.length;
      this.skipBlock(oldest.bytes);
    }
  }

  private readBlock(bytes: Uint8Array): void {
    this.stats.readBytes += bytes.length;
    const rawLine = this.policy?.rawLine;
    if (!rawLine) {
      this.decodeAndFeed(bytes);
      return;
    }
    const index = this.indexer(bytes);
    if (index.indexOf(CR, 0) >= 0 || index.indexOf(NUL, 0) >= 0) {
      this.decodeAndFeed(bytes);
      return;
    }
    // Lines the parser takes from their bytes are counted; the runs between them are decoded whole.
    let runStart = 0;
    let lineNumber = this.lines.lineCount;
    for (let start = 0; start < bytes.length; ) {
      const lf = index.indexOf(LF, start);
      const end = lf < 0 ? bytes.length : lf;
      const next = lf < 0 ? bytes.length : lf + 1;
      lineNumber++;
      if (rawLine.call(this.policy, bytes, start, end, lineNumber)) {
        if (runStart < start) this.decodeAndFeed(bytes.subarray(runStart, start));
        this.lines.skip(1);
        this.stats.rawLines++;
        runStart = next;
      }
      start = next;
    }
    if (runStart < bytes.length) this.decodeAndFeed(bytes.subarray(runStart));
  }

  private skipBlock(bytes: Uint8Array): void {
    let count = this.countLineFeeds(bytes);
    if (bytes.length > 0 && bytes[bytes.length - 1] !== LF) count++;
    this.stats.skippedBytes += bytes.length;
    this.stats.skippedLines += count;
    this.lines.skip(count);
    this.policy?.skipped(count, this.lines.lineCount);
  }

  private decodeAndFeed(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; at += DECODE_PIECE_BYTES) this.lines.push(this.decoder.decode(bytes.subarray(at, at + DECODE_PIECE_BYTES), { stream: true }));
  }

  private startPassthrough(): void {
    this.passthrough = true;
    for (const held of this.held.splice(0)) this.readBlock(held.bytes);
    this.heldBytes = 0;
    const carry = this.carry;
    this.carry = null;
    // The start of a line the next chunks continue: decoded, never taken as a whole raw line.
    if (carry) {
      this.stats.readBytes += carry.length;
      this.decodeAndFeed(carry);
    }
  }
}

export interface StreamedLines {
  push(bytes: Uint8Array): void;
  /** Reads what is left; returns how many lines the file has. */
  finish(): number;
}

/** A streamed file's bytes → its parser: UTF-8 through the block feeder (which may skim), UTF-16 decoded and split as it comes. */
export function createStreamedLines<T>(parser: LineParser<T>, encoding: TextEncodingName, options: BlockFeederOptions = {}): StreamedLines {
  if (encoding === 'utf-8') return new BlockLineFeeder(parser, options);
  const feeder = new LineFeeder(parser);
  const decode = createStreamDecoder(encoding);
  return {
    push(bytes) {
      for (let at = 0; at < bytes.length; at += DECODE_PIECE_BYTES) feeder.push(decode(bytes.subarray(at, at + DECODE_PIECE_BYTES)));
    },
    finish() {
      feeder.push(decode(undefined));
      return feeder.finish();
    },
  };
}

/** A copy, whatever the array's class: Node's Buffer#slice returns a view, not a copy. */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
