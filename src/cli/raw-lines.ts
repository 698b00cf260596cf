// Lines of a file kept as raw byte chunks (ImportedFile.raw), for evidence excerpts: a sparse index
// of line starts (every 256th line) built by one scan of the bytes, then only the cited lines are
// decoded. Decoding a 250 MB kernel log whole and splitting it into 5 million strings to show three
// lines of it took about 1 GB; this takes the bytes already kept plus a few kilobytes.
// Line breaks are those of splitLines: LF, CRLF and a lone CR each end one line. UTF-16 files
// (rare, and small) are decoded whole. Sample: readLines(3, 4) of "a\nb\r\nc\rd\n" → "c\nd".
import { concatChunks, decodeText, sniffEncoding, splitLines } from '../core/index';

const CHECKPOINT_EVERY = 256;
const LF = 0x0a;
const CR = 0x0d;

interface Position {
  chunk: number;
  offset: number;
}

export class RawLines {
  /** Start of lines 1, 1 + CHECKPOINT_EVERY, 1 + 2 × CHECKPOINT_EVERY, … */
  private checkpoints: Position[] | null = null;
  private wholeText: string[] | null = null;
  private readonly utf16: boolean;

  constructor(private readonly chunks: readonly Uint8Array[]) {
    this.utf16 = sniffEncoding(headBytes(chunks, 512)) !== 'utf-8';
  }

  /** Lines [lineStart, lineEnd] (1-based, inclusive) joined with LF; fewer at the end of the file. */
  read(lineStart: number, lineEnd: number): string {
    const first = Math.max(1, lineStart);
    const last = Math.max(lineStart, lineEnd);
    if (last < first) return '';
    if (this.utf16) {
      this.wholeText ??= splitLines(decodeText(concat(this.chunks, { chunk: 0, offset: 0 }, this.end())).text);
      return this.wholeText.slice(first - 1, last).join('\n');
    }
    this.checkpoints ??= this.buildCheckpoints();
    const checkpoint = Math.min(Math.floor((first - 1) / CHECKPOINT_EVERY), this.checkpoints.length - 1);
    const from = this.checkpoints[checkpoint];
    if (!from) return '';
    const start = this.skipLines(from, first - 1 - checkpoint * CHECKPOINT_EVERY);
    if (!start) return '';
    const stop = this.skipLines(start, last - first + 1) ?? this.end();
    const bytes = concat(this.chunks, start, stop);
    // A byte-order mark is dropped only at the start of the file, as decodeText does for the whole.
    const atFileStart = start.chunk === 0 && start.offset === 0;
    let text = new TextDecoder('utf-8', { ignoreBOM: !atFileStart }).decode(bytes);
    if (atFileStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return splitLines(text).slice(0, last - first + 1).join('\n');
  }

  private end(): Position {
    return { chunk: this.chunks.length, offset: 0 };
  }

  private buildCheckpoints(): Position[] {
    const checkpoints: Position[] = [{ chunk: 0, offset: 0 }];
    let line = 1;
    this.scan({ chunk: 0, offset: 0 }, (next) => {
      line++;
      if ((line - 1) % CHECKPOINT_EVERY === 0) checkpoints.push(next);
      return true;
    });
    return checkpoints;
  }

  /** The start of the line `count` lines after the one starting at `from`; null past the last line. */
  private skipLines(from: Position, count: number): Position | null {
    if (count === 0) return from;
    let left = count;
    let found: Position | null = null;
    this.scan(from, (next) => {
      left--;
      if (left > 0) return true;
      found = next;
      return false;
    });
    if (found === null) return null;
    const position: Position = found;
    return this.atEnd(position) ? null : position;
  }

  private atEnd(p: Position): boolean {
    for (let c = p.chunk; c < this.chunks.length; c++) {
      if ((this.chunks[c]?.length ?? 0) > (c === p.chunk ? p.offset : 0)) return false;
    }
    return true;
  }

  /** Calls `onLineStart` with the start of each following line (after LF, CRLF or a lone CR) until it returns false. */
  private scan(from: Position, onLineStart: (next: Position) => boolean): void {
    let pendingCR = false;
    for (let c = from.chunk; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] ?? new Uint8Array(0);
      let i = c === from.chunk ? from.offset : 0;
      if (pendingCR) {
        if (chunk.length === 0) continue;
        pendingCR = false;
        if (chunk[0] === LF) i = 1;
        if (!onLineStart({ chunk: c, offset: i })) return;
      }
      for (; i < chunk.length; i++) {
        const b = chunk[i];
        if (b !== LF && b !== CR) continue;
        if (b === CR) {
          if (i + 1 === chunk.length) {
            pendingCR = true;
            break;
          }
          if (chunk[i + 1] === LF) i++;
        }
        if (!onLineStart({ chunk: c, offset: i + 1 })) return;
      }
    }
    if (pendingCR) onLineStart(this.end());
  }
}

function headBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let pos = 0;
  for (const c of chunks) {
    if (pos >= length) break;
    const take = Math.min(c.length, length - pos);
    out.set(c.subarray(0, take), pos);
    pos += take;
  }
  return out.subarray(0, pos);
}

function concat(chunks: readonly Uint8Array[], from: Position, to: Position): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let c = from.chunk; c < chunks.length && c <= to.chunk; c++) {
    const chunk = chunks[c] ?? new Uint8Array(0);
    const start = c === from.chunk ? from.offset : 0;
    const end = c === to.chunk ? to.offset : chunk.length;
    if (end > start) parts.push(chunk.subarray(start, end));
  }
  return concatChunks(parts);
}
