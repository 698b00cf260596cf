// Feeds decoded text, in chunks of any size, to a format's LineParser one line at a time, so a
// huge file (a kernel log of hundreds of MB) never becomes one string. Line ends as in
// formats/text/lines.ts: LF, CRLF and lone CR; a final line without terminator counts. Sample:
//   "[ 1515.710152] api-server invoked oom-killer: …\r\n"  → pushLine("[ 1515.710152] api-server …", 1)
//   "[ 1515.710160] CPU: 1 PID: 21065 …"                   → pushLine(…, 2) at finish()
import type { LineParser } from '../formats/format';

export class LineFeeder<T> {
  private partial = '';
  private lineNumber = 0;
  private pendingCr = false;

  constructor(private readonly parser: LineParser<T>) {}

  push(text: string): void {
    let start = 0;
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      // The CR that ended the previous chunk's last line may pair with this LF.
      if (text.charCodeAt(0) === 10) start = i = 1;
    }
    // Most logs have no CR at all: indexOf is much faster than a loop over every character.
    if (text.indexOf('\r', i) < 0) {
      for (let nl = text.indexOf('\n', i); nl >= 0; nl = text.indexOf('\n', start)) {
        this.emit(this.partial === '' ? text.slice(start, nl) : this.partial + text.slice(start, nl));
        this.partial = '';
        start = nl + 1;
      }
      if (start < text.length) this.partial += text.slice(start);
      return;
    }
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.emit(this.partial + text.slice(start, i));
      this.partial = '';
      if (code === 13) {
        if (i + 1 === text.length) this.pendingCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < text.length) this.partial += text.slice(start);
  }

  /** Lines seen so far (fed or skipped). */
  get lineCount(): number {
    return this.lineNumber;
  }

  /** Counts `count` lines that were not fed; only between whole lines. */
  skip(count: number): void {
    if (this.partial !== '' || this.pendingCr) throw new Error('LineFeeder.skip inside a line');
    this.lineNumber += count;
  }

  /** Flushes the last line; returns how many lines were fed. */
  finish(): number {
    if (this.partial !== '') this.emit(this.partial);
    this.partial = '';
    return this.lineNumber;
  }

  private emit(line: string): void {
    this.lineNumber++;
    this.parser.pushLine(line, this.lineNumber);
  }
}
