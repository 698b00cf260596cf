// Evidence excerpts: the cited lines of a stored file, read from its Blob (table `blobs`) in chunks,
// so a large kernel log is never held as one string and the page stays responsive between chunks.
// Lines are numbered as the parsers number them (LF, CRLF and lone CR end a line), so a finding's
// `lineStart` names the same line here and in Monaco.
import { createLineSplitter, createStreamDecoder, sniffEncoding, type LineReader } from '../../../../core';

export interface LineRange {
  lineStart: number;
  lineEnd: number;
}

/** Longest part of one line kept for an excerpt: the page shows evidence, the Files tab shows files. */
export const MAX_EXCERPT_LINE_CHARS = 2000;
/** Same cap as localizeFinding (src/core/rules/run-rules.ts): the cited lines only, never a whole file. */
export const MAX_EXCERPT_LINES = 40;
const CHUNK_BYTES = 1024 * 1024;

/** The 1-based line numbers the ranges ask for, each range capped at MAX_EXCERPT_LINES. */
export function wantedLines(ranges: readonly LineRange[]): Set<number> {
  const wanted = new Set<number>();
  for (const r of ranges) {
    if (!Number.isInteger(r.lineStart) || r.lineStart < 1) continue;
    const end = Math.min(Math.max(r.lineStart, r.lineEnd), r.lineStart + MAX_EXCERPT_LINES - 1);
    for (let n = r.lineStart; n <= end; n++) wanted.add(n);
  }
  return wanted;
}

/** Reads the wanted lines of a blob; stops at the last one. Lines past the end are simply absent. */
export async function readBlobLines(blob: Blob, ranges: readonly LineRange[], chunkBytes = CHUNK_BYTES): Promise<Map<number, string>> {
  const wanted = wantedLines(ranges);
  const found = new Map<number, string>();
  if (wanted.size === 0 || blob.size === 0) return found;
  const last = Math.max(...wanted);
  const splitter = createLineSplitter((line, n) => {
    if (wanted.has(n)) found.set(n, line.length > MAX_EXCERPT_LINE_CHARS ? `${line.slice(0, MAX_EXCERPT_LINE_CHARS)}…` : line);
  });
  let decode: ((chunk: Uint8Array | undefined) => string) | null = null;
  let lineCount = 0;
  const countLines = (text: string): void => {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCount++;
  };
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + chunkBytes).arrayBuffer());
    decode ??= createStreamDecoder(sniffEncoding(bytes));
    const text = decode(bytes);
    splitter.push(text);
    countLines(text);
    // A rough early stop (LF count); CR-only files simply read to the end.
    if (lineCount > last + 1) return found;
  }
  if (decode) splitter.push(decode(undefined));
  splitter.end();
  return found;
}

/** Lines already read, per bundle file path: the synchronous reader localizeFinding wants. */
export type ExcerptCache = ReadonlyMap<string, ReadonlyMap<number, string>>;

export function lineReaderFrom(cache: ExcerptCache): LineReader {
  return (file, lineStart, lineEnd) => {
    const lines = cache.get(file);
    if (!lines) return null;
    const out: string[] = [];
    for (let n = lineStart; n <= Math.max(lineStart, lineEnd); n++) {
      const line = lines.get(n);
      if (line === undefined) break;
      out.push(line);
    }
    return out.length > 0 ? out.join('\n') : null;
  };
}
