// The contract every input format implements: detect by content, parse into raw records with
// source lines, never throw on bad data (outcomes follow insights-core's parsed/partial/unusable).

export type FormatArea = 'kernel' | 'cgroup' | 'proc' | 'kubernetes' | 'runtime' | 'application' | 'bundle';

/** A pointer into an imported file: 1-based, inclusive line numbers. */
export interface SourceRef {
  fileId: string;
  line: number;
  lineEnd?: number;
}

export type ParseStatus = 'parsed' | 'partial' | 'unusable';

/** A problem with the input, not with the program. `code` keys the i18n catalogue (`warning.<code>`). */
export interface ParseWarning {
  code: string;
  message: string;
  line?: number;
  params?: Record<string, string | number>;
}

export interface ParseResult<T> {
  status: ParseStatus;
  value?: T;
  warnings: ParseWarning[];
}

export interface ParseContext {
  fileId: string;
  /** The file's path inside its bundle (a hint only: detection is by content). */
  path: string;
}

/** Feeds lines one at a time so a large file never sits in memory whole. */
export interface LineParser<T> {
  /** `lineNumber` is 1-based. `line` has no line terminator. */
  pushLine(line: string, lineNumber: number): void;
  finish(): ParseResult<T>;
  /** Lets a byte-level feeder skip runs of lines this parser would ignore (bundle/block-line-feeder.ts). */
  skip?: LineSkipPolicy;
}

/**
 * The promise a parser makes so a huge file can be skimmed: while `canSkip()` is true, a run of lines
 * holding none of the anchors, and not just before a line that does, changes nothing it returns
 * except what `skipped` is told (the feeder still counts lines, so line numbers stay exact).
 */
export interface LineSkipPolicy {
  /** ASCII texts, searched in the raw bytes. */
  readonly anchors: readonly string[];
  /** Settles what no later line can change; true when the next lines may be skipped unread. */
  canSkip(): boolean;
  /** `count` lines, the last of them `lastLineNumber`, were skipped unread. */
  skipped(count: number, lastLineNumber: number): void;
  /**
   * Takes a line of a block being read straight from its UTF-8 bytes, [start, end) without its line
   * end, when the parser can do with it exactly what pushLine would (a repeat it knows by its
   * bytes); false has the line decoded and pushed as usual. Offered for blocks without CR or NUL.
   */
  rawLine?(bytes: Uint8Array, start: number, end: number, lineNumber: number): boolean;
}

export interface FormatDefinition<T = unknown> {
  id: string;
  area: FormatArea;
  /**
   * Score in [0, 1] from the start of the file's text (about the first 64 KiB) and its name.
   * 0 means "not this format"; the name should only break ties, never decide alone.
   */
  detect(head: string, path: string): number;
  parse(text: string, ctx: ParseContext): ParseResult<T>;
  /** Present for formats whose files can be huge (kernel logs, Prometheus text). */
  lineParser?(ctx: ParseContext): LineParser<T>;
}

export function warning(code: string, message: string, line?: number, params?: Record<string, string | number>): ParseWarning {
  const w: ParseWarning = { code, message };
  if (line !== undefined) w.line = line;
  if (params !== undefined) w.params = params;
  return w;
}
