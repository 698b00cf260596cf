// Physical lines of a kernel log → kernel records: strips prefixes, drops other programs' syslog
// lines and /dev/kmsg's ` SUBSYSTEM=` continuation lines, splits records glued onto one line, and
// re-joins a record a pager or a fixed-width paste wrapped. Keeps one record of look-ahead only.
// Sample of a wrapped record (seed 004, lines cut at 200 columns):
//   Nov 12 12:46:50 iZ2zeeh81ypipbs4e866uzZ kernel: Task in /kubepods.slice/…/docker-45c3345632cb4d19698badde
//   97941c43f6c3593f21d98a847049b5f03805b642.scope killed as a result of limit of /kubepods.slice/…slice
import type { KernelTime, LinePrefixStyle } from './oom-types';
import { isElisionMarker, isGrepSeparator, splitGluedRecords, stripLinePrefix } from './line-prefix';
import type { WarningSink } from './warning-sink';

export interface LogRecord {
  /** The text after the prefix. */
  message: string;
  /** 1-based physical line where the record starts, and where it ends (after re-joining). */
  line: number;
  lineEnd: number;
  time: KernelTime | null;
  host: string | null;
  style: LinePrefixStyle;
}

/** Only the start of a longer line is examined (a 50 MB line of junk must stay fast). */
export const MAX_LINE_CHARS = 1 << 20;
const MAX_MESSAGE_CHARS = 1 << 16;
const MIN_WRAPPED_LENGTH = 60;
const KMSG_CONTINUATION = /^ [A-Z][A-Z0-9_]{0,63}=/;
const PRINTABLE_ASCII = /^[\x21-\x7e][\x20-\x7e]*$/;
const PATH_TOKEN = /^[A-Za-z0-9_.@:*/-]+$/;

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

interface Pending {
  record: LogRecord;
  physicalLength: number;
}

/** Whether a record's text stops where a wrapped line would (the kernel's own line is longer). */
export function looksCutShort(message: string): boolean {
  const m = message.trim();
  if (m.startsWith('Task in ')) return !m.includes(' killed as a result of limit of ');
  if (m.startsWith('Memory cgroup stats for ')) {
    if (m.includes(': ')) return !/unevictable:\d+KB$/.test(m);
    return !m.endsWith(':');
  }
  if (m.startsWith('oom-kill:')) return !/,uid=\d+$/.test(m);
  if (m.includes('Killed process ')) return !/(?:kB|oom_score_adj:-?\d+)$/.test(m);
  if (m.includes(' invoked oom-killer:')) return !/oom_score_adj=-?\d+$/.test(m);
  if (m.includes('Kill process ')) return !/child$/.test(m);
  if (m.startsWith('Tasks in ')) return !/memory\.oom\.group set$/.test(m);
  return false;
}

/** Whether a later physical line could still continue this record (it was wrapped, not finished). */
function mayBeWrapped(p: Pending): boolean {
  if (p.record.style === 'none' || p.physicalLength < MIN_WRAPPED_LENGTH) return false;
  return looksCutShort(p.record.message) || endsInPath(p.record.message);
}

/** A record ending in a cgroup path, whose continuation is one more path-like token. */
function endsInPath(message: string): boolean {
  const m = message.trim();
  return (m.startsWith('Task in ') && m.includes(' killed as a result of limit of /')) || (m.startsWith('oom-kill:') && !m.includes(',pid='));
}

export class KernelLogReader {
  private pending: Pending | null = null;
  private lastStyle: LinePrefixStyle = 'none';
  readonly styles = new Map<LinePrefixStyle, number>();
  lineCount = 0;
  skimmedLineCount = 0;
  private nulLines = 0;
  private firstNulLine = 0;
  private splitLines = 0;
  private firstSplitLine = 0;
  private joinedLines = 0;
  private firstJoinedLine = 0;

  constructor(
    private readonly emit: (record: LogRecord) => void,
    private readonly warnings: WarningSink,
  ) {}

  pushLine(input: string, lineNumber: number): void {
    this.lineCount = Math.max(this.lineCount, lineNumber);
    let raw = input;
    if (raw.length === 0) {
      this.flush();
      return;
    }
    if (raw.length > MAX_LINE_CHARS) {
      this.warnings.add('kernel-log-line-too-long', `Line ${lineNumber} is ${raw.length} characters long; only its first ${MAX_LINE_CHARS} were read.`, lineNumber, {
        line: lineNumber,
        length: raw.length,
        max: MAX_LINE_CHARS,
      });
      raw = raw.slice(0, MAX_LINE_CHARS);
    }
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.includes('\u0000')) {
      // Syslog files written through a crash hold runs of NUL bytes before the next line.
      raw = raw.split('\u0000').join('');
      if (this.nulLines++ === 0) this.firstNulLine = lineNumber;
    }
    if (isBlank(raw)) {
      this.flush();
      return;
    }
    if (this.lastStyle === 'kmsg' && KMSG_CONTINUATION.test(raw)) return;
    const pieces = raw.length >= 24 ? splitGluedRecords(raw) : null;
    if (pieces) {
      if (this.splitLines++ === 0) this.firstSplitLine = lineNumber;
      for (const piece of pieces) this.pushPiece(piece, lineNumber, false);
    } else {
      this.pushPiece(raw, lineNumber, true);
    }
  }

  private pushPiece(text: string, lineNumber: number, mayContinue: boolean): void {
    const st = stripLinePrefix(text);
    this.styles.set(st.style, (this.styles.get(st.style) ?? 0) + 1);
    if (st.style !== 'none') this.lastStyle = st.style;
    if (!st.kernel) {
      this.flush();
      return;
    }
    if (mayContinue && st.style === 'none' && this.pending && this.continues(this.pending, text)) {
      const p = this.pending;
      p.record.message = (p.record.message + text.trimEnd()).slice(0, MAX_MESSAGE_CHARS);
      p.record.lineEnd = lineNumber;
      p.physicalLength = text.length;
      // A wrapped physical line counts as the record's, not as a line of its own.
      this.styles.set('none', (this.styles.get('none') ?? 1) - 1);
      if (this.joinedLines++ === 0) this.firstJoinedLine = lineNumber;
      return;
    }
    this.flush();
    const message = st.message.length > MAX_MESSAGE_CHARS ? st.message.slice(0, MAX_MESSAGE_CHARS) : st.message;
    this.pending = {
      record: { message, line: lineNumber, lineEnd: lineNumber, time: st.time, host: st.host, style: st.style },
      physicalLength: text.length,
    };
  }

  /**
   * Emits the pending record unless a later line could still continue it; true when nothing is
   * pending any more (the lines after may then be skipped without changing a record).
   */
  settle(): boolean {
    if (this.pending && mayBeWrapped(this.pending)) return false;
    this.flush();
    return true;
  }

  /** `count` lines up to `lastLineNumber` were skipped unread. */
  skipLines(count: number, lastLineNumber: number): void {
    this.lineCount = Math.max(this.lineCount, lastLineNumber);
    this.skimmedLineCount += count;
  }

  private continues(p: Pending, text: string): boolean {
    if (!mayBeWrapped(p)) return false;
    if (!PRINTABLE_ASCII.test(text) || isElisionMarker(text) || isGrepSeparator(text)) return false;
    if (looksCutShort(p.record.message)) return true;
    return endsInPath(p.record.message) && PATH_TOKEN.test(text.trimEnd());
  }

  flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.emit(p.record);
  }

  finish(): void {
    this.flush();
    if (this.splitLines > 0) {
      this.warnings.add('kernel-log-records-split', `${this.splitLines} line(s) hold several records run together (first: line ${this.firstSplitLine}); they were read one by one.`, this.firstSplitLine, {
        count: this.splitLines,
        line: this.firstSplitLine,
      });
    }
    if (this.joinedLines > 0) {
      this.warnings.add('kernel-log-lines-joined', `${this.joinedLines} line(s) continue a record wrapped over several lines (first: line ${this.firstJoinedLine}); they were joined to it.`, this.firstJoinedLine, {
        count: this.joinedLines,
        line: this.firstJoinedLine,
      });
    }
    if (this.nulLines > 0) {
      this.warnings.add('kernel-log-nul-bytes', `${this.nulLines} line(s) held NUL bytes, which were removed (first: line ${this.firstNulLine}).`, this.firstNulLine, {
        count: this.nulLines,
        line: this.firstNulLine,
      });
    }
  }
}
