// Line index of a large stored file, built from its bytes in chunks (never one big string): the
// byte offset of every STRIDE-th line start, so any line is found by reading at most STRIDE lines.
// Line ends as the parsers count them (core formats/text/lines.ts): LF, CRLF and a lone CR; a
// final line without one counts. UTF-16 files are scanned two bytes at a time. Sample:
//   bytes "[ 1.0] a\n[ 2.0] b\r\n[ 3.0] c"  → 3 lines; line 2 starts at byte 9, line 3 at byte 19
import type { TextEncodingName } from '../../../../core';

/** Keep the start of every this-many lines. 10 M lines → 78 k offsets (0.6 MB). */
export const STRIDE = 128;

/** Reads `length` bytes at `offset` (fewer at the end): a Blob slice in the app, memory in tests. */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

export class LineIndex {
  /** offsets[k] = byte offset where line k·STRIDE + 1 starts. */
  private offsets = new Float64Array(1024);
  private stored = 1;
  /** Line ends seen so far. */
  private ends = 0;
  private pendingCr = false;
  private readonly unit: 1 | 2;
  private readonly bigEndian: boolean;
  bytesIndexed = 0;
  done = false;

  constructor(
    readonly sizeBytes: number,
    readonly encoding: TextEncodingName,
  ) {
    this.unit = encoding === 'utf-8' ? 1 : 2;
    this.bigEndian = encoding === 'utf-16be';
  }

  /** Byte offset just after the last line end seen. */
  private lastEndOffset = 0;

  /** Lines known so far: complete lines, plus a last one without a line end once the whole file is indexed. */
  get lineCount(): number {
    return this.done && this.bytesIndexed > this.lastEndOffset ? this.ends + 1 : this.ends;
  }

  private lineEnd(nextStart: number): void {
    this.ends++;
    this.lastEndOffset = nextStart;
    if (this.ends % STRIDE === 0) {
      if (this.stored === this.offsets.length) {
        const grown = new Float64Array(this.offsets.length * 2);
        grown.set(this.offsets);
        this.offsets = grown;
      }
      this.offsets[this.stored++] = nextStart;
    }
  }

  /** Feeds the next chunk of the file (chunks in order; for UTF-16 of an even length). */
  feed(bytes: Uint8Array): void {
    const base = this.bytesIndexed;
    if (this.unit === 1) this.feedBytes(bytes, base);
    else this.feedUnits(bytes, base);
    this.bytesIndexed += bytes.length;
  }

  private feedBytes(b: Uint8Array, base: number): void {
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      // CR at the end of the last chunk: a CRLF pair ends one line, not two.
      if (b[0] === 10) {
        this.lastEndOffset = base + 1;
        if (this.ends % STRIDE === 0) this.offsets[this.stored - 1] = base + 1;
        i = 1;
      }
    }
    if (b.indexOf(13, i) < 0) {
      for (let nl = b.indexOf(10, i); nl >= 0; nl = b.indexOf(10, nl + 1)) this.lineEnd(base + nl + 1);
      return;
    }
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === 10) this.lineEnd(base + i + 1);
      else if (c === 13) {
        if (i + 1 === b.length) {
          this.lineEnd(base + i + 1);
          this.pendingCr = true;
        } else if (b[i + 1] === 10) {
          this.lineEnd(base + i + 2);
          i++;
        } else this.lineEnd(base + i + 1);
      }
    }
  }

  private feedUnits(b: Uint8Array, base: number): void {
    const hi = this.bigEndian ? 0 : 1;
    const lo = this.bigEndian ? 1 : 0;
    const unitAt = (i: number): number => (b[i + hi] === 0 ? (b[i + lo] ?? -1) : -1);
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (unitAt(0) === 10) {
        this.lastEndOffset = base + 2;
        if (this.ends % STRIDE === 0) this.offsets[this.stored - 1] = base + 2;
        i = 2;
      }
    }
    for (; i + 1 < b.length; i += 2) {
      const c = unitAt(i);
      if (c === 10) this.lineEnd(base + i + 2);
      else if (c === 13) {
        if (i + 2 >= b.length) {
          this.lineEnd(base + i + 2);
          this.pendingCr = true;
        } else if (unitAt(i + 2) === 10) {
          this.lineEnd(base + i + 4);
          i += 2;
        } else this.lineEnd(base + i + 2);
      }
    }
  }

  finish(): void {
    this.done = true;
  }

  /** Where to start reading for a 1-based line: the indexed line start before it and how many lines to skip. */
  locate(line: number): { offset: number; skip: number } {
    const k = Math.min(Math.floor((Math.max(1, line) - 1) / STRIDE), this.stored - 1);
    return { offset: this.offsets[k] ?? 0, skip: Math.max(1, line) - 1 - k * STRIDE };
  }
}

/** Reads the file in `chunkBytes` pieces into the index; `onProgress` after each; stops when `cancel.aborted`. */
export async function buildIndex(index: LineIndex, read: ByteReader, options: { chunkBytes?: number; cancel?: { aborted: boolean }; onProgress?: () => void } = {}): Promise<void> {
  const chunk = options.chunkBytes ?? 2 * 1024 * 1024;
  while (index.bytesIndexed < index.sizeBytes) {
    if (options.cancel?.aborted) return;
    const bytes = await read(index.bytesIndexed, Math.min(chunk, index.sizeBytes - index.bytesIndexed));
    if (bytes.length === 0) break;
    index.feed(bytes);
    options.onProgress?.();
  }
  index.finish();
  options.onProgress?.();
}

/** A line cut at this many characters on screen (a binary file can hold megabytes without a newline). */
export const MAX_SHOWN_CHARS = 4000;
const READ_STEP = 64 * 1024;
/** What one readLines call reads at most: lines longer than this are shown cut. */
export const MAX_READ_PER_CALL = 4 * 1024 * 1024;

export interface ShownLine {
  /** 1-based. */
  number: number;
  text: string;
  /** Characters left out at the end (over MAX_SHOWN_CHARS), 0 when whole. */
  cut: number;
}

/**
 * Lines [first, first + count) read from the file (only what the index says to read). Fewer at the
 * end of what is indexed; a line longer than what one call reads is shown cut.
 */
export async function readLines(index: LineIndex, read: ByteReader, first: number, count: number): Promise<ShownLine[]> {
  const last = Math.min(first + count - 1, index.lineCount);
  if (last < first) return [];
  const { offset, skip } = index.locate(first);
  const decoder = new TextDecoder(index.encoding);
  let text = '';
  let pos = offset;
  const wanted = skip + (last - first + 1);
  let ends = 0;
  // Read until the text holds the wanted lines whole (or the file ends, or the per-call budget is spent).
  while (pos < index.sizeBytes && pos - offset < MAX_READ_PER_CALL && ends <= wanted) {
    const bytes = await read(pos, Math.min(READ_STEP, index.sizeBytes - pos));
    if (bytes.length === 0) break;
    pos += bytes.length;
    const piece = decoder.decode(bytes, { stream: pos < index.sizeBytes });
    // A CR that ended the text before, followed by this LF, is one line end, counted already.
    ends += countLineEnds(piece) - (text.endsWith('\r') && piece.startsWith('\n') ? 1 : 0);
    text += piece;
  }
  const lines = splitAll(text);
  const out: ShownLine[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[skip + n - first];
    if (raw === undefined) break;
    out.push({ number: n, text: raw.length > MAX_SHOWN_CHARS ? raw.slice(0, MAX_SHOWN_CHARS) : raw, cut: Math.max(0, raw.length - MAX_SHOWN_CHARS) });
  }
  return out;
}

/** Line ends in `text` (CRLF as one). */
function countLineEnds(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

function splitAll(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
