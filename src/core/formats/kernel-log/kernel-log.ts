// `kernel-log`: dmesg, dmesg -T, journalctl -k (short, short-iso, short-precise), /var/log/messages,
// kern.log and raw /dev/kmsg. Streams line by line (a 1 GiB log keeps only the report being read)
// and yields every OOM report plus other memory events. Sample:
//   [ 1513.426068] [  20800]     0 20800    19287    17780    16288     1492         0   188416        0           999 order-service
//   [ 1513.426070] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/oomlab/…,task=order-service,pid=20800,uid=0
//   [ 1513.426151] Memory cgroup out of memory: Killed process 20800 (order-service) total-vm:77148kB, anon-rss:65152kB, …
import type { FormatDefinition, LineParser, ParseContext, ParseResult } from '../format';
import { headLines } from '../text/lines';
import { splitGluedRecords, stripLinePrefix } from './line-prefix';
import { KernelLogReader } from './log-records';
import { OomAssembler } from './oom-report';
import type { KernelLogData, LinePrefixStyle } from './oom-types';
import { WarningSink } from './warning-sink';

/**
 * Every kernel message that can start an OOM report or a memory event outside one holds one of
 * these, or comes within a block (32 KiB) before a line that does: `invoked oom-killer`, `oom-kill:`
 * (`-kill`); `Killed process`, `Kill process`, printed even when the report's header is rate-limited
 * (`Kill`); `oom_reaper:` (`_reap`); `Memory cgroup …`, and `Mem-Info:`/`Mem-info:` that follows a
 * `page allocation failure` (`Mem`). Lines inside a report are read because a report is open.
 * Each anchor begins with a byte that is rare in kernel logs: the native search skips ahead on it.
 */
export const KERNEL_LOG_ANCHORS = ['-kill', 'Kill', '_reap', 'Mem'] as const;

export function createKernelLogParser(_ctx: ParseContext): LineParser<KernelLogData> {
  const sink = new WarningSink();
  const assembler = new OomAssembler(sink);
  const reader = new KernelLogReader((rec) => assembler.push(rec), sink);
  let finished: ParseResult<KernelLogData> | null = null;
  return {
    pushLine(line, lineNumber) {
      if (finished) return;
      reader.pushLine(line, lineNumber);
    },
    skip: {
      anchors: KERNEL_LOG_ANCHORS,
      canSkip: () => !finished && reader.settle() && assembler.idle,
      skipped: (count, lastLineNumber) => reader.skipLines(count, lastLineNumber),
    },
    finish() {
      if (finished) return finished;
      reader.finish();
      assembler.finish();
      const prefixStyles: Partial<Record<LinePrefixStyle, number>> = {};
      for (const [style, count] of reader.styles) if (count > 0) prefixStyles[style] = count;
      const value: KernelLogData = { oomEvents: assembler.events, otherEvents: assembler.otherEvents, prefixStyles, lineCount: reader.lineCount };
      if (reader.skimmedLineCount > 0) value.skimmedLineCount = reader.skimmedLineCount;
      const prefixed = Object.entries(prefixStyles).some(([style, n]) => style !== 'none' && (n ?? 0) > 0);
      if (!prefixed && value.oomEvents.length === 0 && value.otherEvents.length === 0) {
        const empty = reader.lineCount === 0 || (prefixStyles.none ?? 0) === 0;
        sink.add(
          empty ? 'kernel-log-empty' : 'kernel-log-not-recognised',
          empty ? 'The file holds no kernel log lines.' : 'No line looks like a kernel log line (no dmesg, syslog, journal or kmsg prefix, no OOM report).',
        );
        finished = { status: 'unusable', value, warnings: sink.result() };
        return finished;
      }
      const warnings = sink.result();
      finished = { status: warnings.length > 0 ? 'partial' : 'parsed', value, warnings };
      return finished;
    },
  };
}

/** Feeds a whole text to a line parser without building an array of its lines. */
export function feedLines<T>(text: string, parser: LineParser<T>): ParseResult<T> {
  let start = 0;
  let lineNumber = 0;
  const length = text.length;
  let nextCR = text.indexOf('\r');
  while (start < length) {
    if (nextCR >= 0 && nextCR < start) nextCR = text.indexOf('\r', start);
    const lf = text.indexOf('\n', start);
    let end = lf < 0 ? length : lf;
    if (nextCR >= 0 && nextCR < end) end = nextCR;
    parser.pushLine(text.slice(start, end), ++lineNumber);
    start = end === nextCR && lf === end + 1 ? end + 2 : end + 1;
  }
  return parser.finish();
}

export function parseKernelLog(text: string, ctx: ParseContext): ParseResult<KernelLogData> {
  return feedLines(text, createKernelLogParser(ctx));
}

/** Messages only an OOM report (or a memory event near one) prints, at the start of a kernel record. */
function isOomMarker(msg: string): boolean {
  return (
    msg.includes(' invoked oom-killer:') ||
    msg.startsWith('oom-kill:constraint=') ||
    msg.startsWith('Killed process ') ||
    msg.startsWith('Memory cgroup out of memory') ||
    msg.startsWith('Out of memory') ||
    msg.startsWith('oom_reaper: ') ||
    msg.startsWith('Tasks state (memory values in pages)') ||
    msg.startsWith('Memory cgroup stats for ') ||
    (msg.startsWith('Task in ') && msg.includes(' killed as a result of limit of ')) ||
    msg.includes(': page allocation failure: order:')
  );
}

const LOG_NAME = /(?:dmesg|kern\.log|messages|syslog|journal|kmsg|\.log)$/i;

export function detectKernelLog(head: string, path: string): number {
  const lines = headLines(head, 500);
  let nonEmpty = 0;
  let kernelPrefixed = 0;
  let otherPrefixed = 0;
  let markers = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    const text = line.length > 4096 ? line.slice(0, 4096) : line;
    for (const piece of splitGluedRecords(text) ?? [text]) {
      const st = stripLinePrefix(piece);
      if (st.style !== 'none') {
        if (st.kernel) kernelPrefixed++;
        else otherPrefixed++;
      }
      if (st.kernel && isOomMarker(st.message.trim())) markers++;
    }
  }
  if (nonEmpty === 0) return 0;
  const hint = LOG_NAME.test(path) ? 0.02 : 0;
  const kernelRatio = kernelPrefixed / nonEmpty;
  if (markers > 0) return Math.min(0.97, 0.85 + 0.02 * Math.min(markers, 3) + 0.04 * kernelRatio + hint);
  if (kernelPrefixed >= 3 || kernelRatio >= 0.5) return Math.min(0.7, 0.3 + 0.4 * kernelRatio + hint);
  if (kernelPrefixed > 0 && (kernelPrefixed + otherPrefixed) / nonEmpty >= 0.8) return 0.3 + hint;
  return 0;
}

export const kernelLogFormat: FormatDefinition<KernelLogData> = {
  id: 'kernel-log',
  area: 'kernel',
  detect: detectKernelLog,
  parse: parseKernelLog,
  lineParser: createKernelLogParser,
};
