// Feeds decoded text, in chunks of any size, to a format's LineParser one line at a time, so a
// huge file (a kernel log of hundreds of MB) never becomes one string. Line ends as in
// formats/text/lines.ts (createLineSplitter does the splitting): LF, CRLF and lone CR; a final line
// without terminator counts. Sample:
//   "[ 1515.710152] api-server invoked oom-killer: …\r\n"  → pushLine("[ 1515.710152] api-server …", 1)
//   "[ 1515.710160] CPU: 1 PID: 21065 …"                   → pushLine(…, 2) at finish()
import type { LineParser } from '../formats/format';
import { createLineSplitter, type LineSplitter } from '../formats/text/lines';

export class LineFeeder<T> {
  private readonly splitter: LineSplitter;

  constructor(parser: LineParser<T>) {
    this.splitter = createLineSplitter((line, n) => parser.pushLine(line, n));
  }

  push(text: string): void {
    this.splitter.push(text);
  }

  /** Lines seen so far (fed or skipped). */
  get lineCount(): number {
    return this.splitter.lineCount;
  }

  /** Counts `count` lines that were not fed; only between whole lines. */
  skip(count: number): void {
    this.splitter.skip(count);
  }

  /** Flushes the last line; returns how many lines were fed. */
  finish(): number {
    this.splitter.end();
    return this.splitter.lineCount;
  }
}
