// Search in a large stored file: reads it in chunks from a given line to the end, then from the top
// (wrapping), matching whole lines only so a hit is never split between two chunks; stops when
// cancelled. Case-insensitive. Sample: findNext(index, read, 'invoked oom-killer', 120)
//   → { line: 1481, column: 15, wrapped: false }
import { type ByteReader, type LineIndex } from './line-index';

export interface SearchHit {
  /** 1-based line. */
  line: number;
  /** 0-based character offset in the line. */
  column: number;
  /** Found only after going round from the end of the file to its start. */
  wrapped: boolean;
}

export interface SearchOptions {
  cancel?: { readonly aborted: boolean };
  /** Share of the file looked at so far, in [0, 1]. */
  onProgress?: (share: number) => void;
  chunkBytes?: number;
}

/** Index just past the last line end of `text` that is surely whole (a final CR may pair with a LF to come). */
function lastCompleteEnd(text: string, atEof: boolean): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13 && (atEof || i < text.length - 1)) return i + 1;
  }
  return 0;
}

/** Moves past `n` line ends in text[0, to); returns the new position (`to` if there are fewer). */
function skipLines(text: string, to: number, n: number): number {
  let i = 0;
  for (let done = 0; done < n && i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) done++;
    else if (c === 13) {
      done++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return i;
}

function countEnds(text: string, from: number, to: number): { ends: number } {
  let ends = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends++;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return { ends };
}

type ScanResult = { kind: 'hit'; line: number; column: number } | { kind: 'none' } | { kind: 'cancelled' };

/** Looks for `needle` in lines [firstLine, lastLine] (lastLine null: to the end of the file). */
async function scan(index: LineIndex, read: ByteReader, needle: string, firstLine: number, lastLine: number | null, options: SearchOptions, progress: (bytes: number) => void): Promise<ScanResult> {
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const { offset, skip } = index.locate(firstLine);
  const decoder = new TextDecoder(index.encoding);
  let pos = offset;
  let carry = '';
  let line = firstLine - skip;
  let toSkip = skip;
  while (true) {
    if (options.cancel?.aborted) return { kind: 'cancelled' };
    const atEof = pos >= index.sizeBytes;
    let text = carry;
    if (!atEof) {
      const bytes = await read(pos, Math.min(chunkBytes, index.sizeBytes - pos));
      if (options.cancel?.aborted) return { kind: 'cancelled' };
      pos += bytes.length;
      progress(bytes.length);
      text += decoder.decode(bytes, { stream: pos < index.sizeBytes });
      if (bytes.length === 0) pos = index.sizeBytes;
    } else {
      text += decoder.decode();
    }
    const end = atEof ? text.length : lastCompleteEnd(text, false);
    let start = 0;
    if (toSkip > 0) {
      start = skipLines(text, end, toSkip);
      const skipped = countEnds(text, 0, start).ends;
      toSkip -= skipped;
      line += skipped;
    }
    // `start` and every chunk begin at a line start: a hit's line is counted from there.
    const haystack = text.slice(start, end).toLowerCase();
    const at = toSkip > 0 ? -1 : haystack.indexOf(needle);
    if (at >= 0) {
      const hitLine = line + countEnds(haystack, 0, at).ends;
      if (lastLine !== null && hitLine > lastLine) return { kind: 'none' };
      return { kind: 'hit', line: hitLine, column: at - lineStartOf(haystack, at) };
    }
    line += countEnds(haystack, 0, haystack.length).ends;
    if (lastLine !== null && line > lastLine) return { kind: 'none' };
    carry = text.slice(end);
    if (atEof) return { kind: 'none' };
  }
}

function lineStartOf(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/**
 * The first line at or after `fromLine` holding `needle` (any case), going round to the top of the
 * file when the end has none; null when no line has it, 'cancelled' when stopped.
 */
export async function findNext(index: LineIndex, read: ByteReader, needle: string, fromLine: number, options: SearchOptions = {}): Promise<SearchHit | null | 'cancelled'> {
  const wanted = needle.toLowerCase();
  if (wanted === '' || /[\r\n]/.test(wanted)) return null;
  const total = Math.max(1, index.sizeBytes);
  let seen = 0;
  const progress = (bytes: number): void => {
    seen += bytes;
    options.onProgress?.(Math.min(1, seen / total));
  };
  const from = Math.max(1, fromLine);
  const first = await scan(index, read, wanted, from, null, options, progress);
  if (first.kind === 'cancelled') return 'cancelled';
  if (first.kind === 'hit') return { line: first.line, column: first.column, wrapped: false };
  if (from === 1) return null;
  const second = await scan(index, read, wanted, 1, from - 1, options, progress);
  if (second.kind === 'cancelled') return 'cancelled';
  return second.kind === 'hit' ? { line: second.line, column: second.column, wrapped: true } : null;
}
