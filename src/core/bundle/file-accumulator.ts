// One file of a bundle, as its bytes stream in: SHA-256, raw bytes, then its parse result.
// Text up to `streamThresholdBytes` is parsed whole (parseFileText); a bigger one is detected from
// its head and, when its format has a LineParser, fed line by line; binaries are summarised from
// samples. Sample (what comes out for `before/proc/21065/status`):
//   { path: 'orphaned-shmem/before/proc/21065/status', sizeBytes: 1392, sha256: '…',
//     formatId: 'proc-status', status: 'parsed', warnings: [], data: { … } }
import { warning, type LineParser, type ParseStatus, type ParseWarning } from '../formats/format';
import { parseFileText } from '../formats/parse-file';
import { DETECT_HEAD_CHARS, detectFormat, findFormat, UNKNOWN_FORMAT_ID, type Detection } from '../formats/registry';
import { decodeText, sniffEncoding, type TextEncodingName } from '../formats/text/decode';
import { controlCharRatio } from '../formats/text/lines';
import { concatChunks, type ByteSink, type EntryInfo } from './archive';
import { BinarySampler, PROCDUMP_REGION_FORMAT_ID, procdumpRegionName } from './binary-summary';
import { createStreamedLines, type BlockFeederOptions, type StreamedLines } from './block-line-feeder';
import type { HasherFactory } from './sha256';

export interface ImportedFile {
  /** Unique, `/`-separated display path inside the bundle. Never a path on disk. */
  path: string;
  /** The name as written in its archive, or the path the shell gave. */
  originalName: string;
  /** Path of the archive it came out of; null for a file given directly. */
  container: string | null;
  sizeBytes: number;
  sha256: string;
  formatId: string;
  status: ParseStatus;
  /** Notes about the file itself (renamed, unsafe name, cut short, binary, too large), then the parser's. */
  warnings: ParseWarning[];
  /** The format's parse result; null when unrecognised or unusable. */
  data: unknown;
  detection: Detection | null;
  encoding: TextEncodingName | null;
  truncated: boolean;
  /** The raw bytes in order (e.g. `new Blob(raw)`); null when the import ran with keepRaw false. */
  raw: Uint8Array[] | null;
}

export interface FileLimits {
  keepRaw: boolean;
  /** Above this size a text file is parsed line by line when its format allows it. */
  streamThresholdBytes: number;
  /** Above this size a text file whose format has no line parser is stored, not parsed. */
  maxParseBytes: number;
  hasher: HasherFactory;
  /** How streamed UTF-8 files are skimmed (a native byte search, a WebAssembly line-feed count). */
  skim?: BlockFeederOptions;
}

const HEAD_BYTES = DETECT_HEAD_CHARS;
export { DECODE_PIECE_BYTES } from './block-line-feeder';

type Mode = 'buffer' | 'lines' | 'binary' | 'too-large';

export class FileAccumulator implements ByteSink {
  private readonly hash;
  private readonly raw: Uint8Array[] | null;
  private buffered: Uint8Array[] = [];
  private readonly head: Uint8Array[] = [];
  private headLength = 0;
  private sizeBytes = 0;
  private mode: Mode = 'buffer';
  private largeChecked = false;
  private sampler: BinarySampler | null = null;
  private lineFailure: string | null = null;
  private lines: { feeder: StreamedLines; parser: LineParser<unknown>; detection: Detection; encoding: TextEncodingName } | null = null;

  constructor(
    private readonly path: string,
    private readonly entry: EntryInfo,
    private readonly limits: FileLimits,
    private readonly onDone: (file: ImportedFile) => void,
  ) {
    this.hash = limits.hasher();
    this.raw = limits.keepRaw ? [] : null;
  }

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // A copy even for a Node Buffer, whose slice() is a view of memory the caller may reuse.
    const bytes = this.raw ? new Uint8Array(chunk) : chunk;
    this.raw?.push(bytes);
    this.hash.update(bytes);
    this.sizeBytes += bytes.length;
    if (this.headLength < HEAD_BYTES) {
      const piece = bytes.subarray(0, HEAD_BYTES - this.headLength);
      this.head.push(piece);
      this.headLength += piece.length;
    }
    switch (this.mode) {
      case 'buffer':
        this.buffered.push(bytes);
        if (this.sizeBytes > this.limits.maxParseBytes && this.largeChecked) this.dropToTooLarge();
        else if (this.sizeBytes > this.limits.streamThresholdBytes && !this.largeChecked) this.decideLarge();
        break;
      case 'lines':
        this.feedLines(bytes);
        break;
      case 'binary':
        this.sampler?.push(bytes);
        break;
      case 'too-large':
        break;
    }
  }

  close(end: { truncated: boolean }): void {
    const notes = [...this.entry.notes];
    if (end.truncated) notes.push(warning('file-truncated', 'The file was cut short while reading (a damaged archive or a read error): only its first part is here.'));
    const parsed = this.finishParse();
    this.onDone({
      path: this.path,
      originalName: this.entry.originalName,
      container: this.entry.container,
      sizeBytes: this.sizeBytes,
      sha256: this.hash.digestHex(),
      formatId: parsed.formatId,
      status: parsed.status,
      warnings: [...notes, ...parsed.warnings],
      data: parsed.data,
      detection: parsed.detection,
      encoding: parsed.encoding,
      truncated: end.truncated,
      raw: this.raw,
    });
    this.buffered = [];
  }

  private decideLarge(): void {
    this.largeChecked = true;
    const head = concatChunks(this.head);
    if (looksBinary(head)) {
      this.startBinary();
      return;
    }
    const encoding = sniffEncoding(head);
    const detection = detectFormat(decodeText(head).text, this.path);
    const format = findFormat(detection.formatId);
    if (format?.lineParser) {
      const parser = format.lineParser({ fileId: this.path, path: this.path });
      this.lines = { feeder: createStreamedLines(parser, encoding, this.limits.skim), parser, detection, encoding };
      this.mode = 'lines';
      const buffered = this.buffered;
      this.buffered = [];
      for (const c of buffered) this.feedLines(c);
      return;
    }
    if (this.sizeBytes > this.limits.maxParseBytes) this.dropToTooLarge();
  }

  private startBinary(): void {
    this.mode = 'binary';
    this.sampler = new BinarySampler(this.entry.declaredSizeBytes);
    for (const c of this.buffered) this.sampler.push(c);
    this.buffered = [];
  }

  private dropToTooLarge(): void {
    this.mode = 'too-large';
    this.buffered = [];
  }

  private feedLines(bytes: Uint8Array): void {
    if (!this.lines) return;
    try {
      this.lines.feeder.push(bytes);
    } catch (error) {
      this.lines = null;
      this.mode = 'too-large';
      this.lineFailure = error instanceof Error ? error.message : String(error);
    }
  }

  private finishParse(): Pick<ImportedFile, 'formatId' | 'status' | 'warnings' | 'data' | 'detection' | 'encoding'> {
    const head = concatChunks(this.head);
    if (this.mode === 'buffer' && looksBinary(head)) this.startBinary();
    if (this.mode === 'binary') return this.binaryResult();
    if (this.mode === 'lines' && this.lines) {
      const { feeder, parser, detection, encoding } = this.lines;
      try {
        feeder.finish();
        const result = parser.finish();
        return { formatId: detection.formatId, status: result.status, warnings: result.warnings, data: result.value ?? null, detection, encoding };
      } catch (error) {
        this.lineFailure = error instanceof Error ? error.message : String(error);
      }
    }
    if (this.mode === 'too-large' || this.lineFailure !== null) {
      const w =
        this.lineFailure !== null
          ? warning('parser-failed', `The parser failed: ${this.lineFailure}`, undefined, { detail: this.lineFailure })
          : warning('file-too-large-to-parse', `The file (${this.sizeBytes} bytes) is too large to parse whole and its format cannot be read line by line: stored, not parsed.`, undefined, {
              sizeBytes: this.sizeBytes,
            });
      return { formatId: UNKNOWN_FORMAT_ID, status: 'unusable', warnings: [w], data: null, detection: null, encoding: sniffEncoding(head) };
    }
    const { text, encoding } = decodeText(concatChunks(this.buffered));
    const parsed = parseFileText(this.path, text, this.path);
    return { formatId: parsed.formatId, status: parsed.status, warnings: parsed.warnings, data: parsed.data, detection: parsed.detection, encoding };
  }

  private binaryResult(): Pick<ImportedFile, 'formatId' | 'status' | 'warnings' | 'data' | 'detection' | 'encoding'> {
    const summary = (this.sampler ?? new BinarySampler(null)).summarise(this.path, this.sizeBytes);
    if (procdumpRegionName(this.path) !== null) {
      return {
        formatId: PROCDUMP_REGION_FORMAT_ID,
        status: 'parsed',
        warnings: [],
        data: summary,
        detection: { formatId: PROCDUMP_REGION_FORMAT_ID, score: 0.9, alternatives: [] },
        encoding: null,
      };
    }
    const reason = 'The file looks binary, not text.';
    return {
      formatId: UNKNOWN_FORMAT_ID,
      status: 'unusable',
      warnings: [warning('unrecognised', `Not recognised: ${reason}`, undefined, { reason, kind: 'binary' })],
      data: null,
      detection: { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason },
      encoding: null,
    };
  }
}

/** The registry's rule (more than 10% control characters in the decoded head), on raw bytes. */
export function looksBinary(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  return controlCharRatio(decodeText(head).text) > 0.1;
}
