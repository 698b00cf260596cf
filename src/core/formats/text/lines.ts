// Line handling shared by every text format: CRLF and lone CR end lines too, and a final
// newline is optional (many real files in the corpus end without one).

export interface NumberedLine {
  text: string;
  /** 1-based. */
  number: number;
}

/** Splits text into lines, linear in its length. A trailing line terminator adds no empty line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push(text.slice(start, i));
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < length) lines.push(text.slice(start));
  return lines;
}

/** The first `maxLines` lines, without splitting the whole text. */
export function headLines(text: string, maxLines: number): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push(text.slice(start, i));
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (lines.length < maxLines && start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Share of characters that are control characters other than tab/newline/CR: binary junk has many. */
export function controlCharRatio(text: string, sampleLength = 4096): number {
  const n = Math.min(text.length, sampleLength);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad / n;
}

/** A streamed-text line splitter: push text in chunks of any size, `end` flushes the last line. */
export interface LineSplitter {
  push(text: string): void;
  end(): void;
  /** Lines seen so far (emitted or skipped). */
  readonly lineCount: number;
  /** Counts `count` lines that were not pushed; only between whole lines. */
  skip(count: number): void;
}

/**
 * Splits streamed text into numbered lines without holding more than one partial line.
 * CRLF split across two chunks counts as one line end.
 */
export function createLineSplitter(onLine: (line: string, lineNumber: number) => void): LineSplitter {
  let carry = '';
  let lineNumber = 0;
  let pendingCR = false;
  return {
    push(text: string) {
      let start = 0;
      let i = 0;
      if (pendingCR && text.charCodeAt(0) === 10) {
        start = 1;
        i = 1;
      }
      pendingCR = false;
      // Most text has no CR: indexOf finds line ends far faster than a loop over every character.
      if (text.indexOf('\r', i) < 0) {
        for (let nl = text.indexOf('\n', i); nl >= 0; nl = text.indexOf('\n', start)) {
          lineNumber++;
          onLine(carry === '' ? text.slice(start, nl) : carry + text.slice(start, nl), lineNumber);
          carry = '';
          start = nl + 1;
        }
        if (start < text.length) carry += text.slice(start);
        return;
      }
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || code === 13) {
          lineNumber++;
          onLine(carry + text.slice(start, i), lineNumber);
          carry = '';
          if (code === 13) {
            if (i + 1 < text.length) {
              if (text.charCodeAt(i + 1) === 10) i++;
            } else pendingCR = true;
          }
          start = i + 1;
        }
      }
      if (start < text.length) carry += text.slice(start);
    },
    end() {
      if (carry.length > 0) {
        lineNumber++;
        onLine(carry, lineNumber);
        carry = '';
      }
    },
    get lineCount() {
      return lineNumber;
    },
    skip(count: number) {
      if (carry !== '' || pendingCR) throw new Error('skip inside a line');
      lineNumber += count;
    },
  };
}
