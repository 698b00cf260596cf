// Kernel log line prefixes, as `dmesg`, `dmesg -T`, `journalctl -k`, /var/log/messages, kern.log
// and raw /dev/kmsg write them. Strips the prefix and keeps the host and the time. Samples:
//   [ 1515.710152] api-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999
//   Oct 12 19:00:20 aks-nodepool1-24207654-vmss000001 kernel: [ 8523.347282] memory: usage 102400kB, …
//   4,1493,21847500270,-;sh invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), order=0, oom_score_adj=0
import type { KernelTime, LinePrefixStyle } from './oom-types';

export interface StrippedLine {
  style: LinePrefixStyle;
  /** The text after the prefix (one separating space removed; call-trace indentation kept). */
  message: string;
  time: KernelTime | null;
  host: string | null;
  /** False for syslog/journal lines of another program (containerd, systemd, node-problem-detector…). */
  kernel: boolean;
}

const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

const UPTIME_INNER = /^ *(\d{1,10}\.\d{1,9})(?: *<[ \d.]{1,20}>)?$/;
/** `[Mon Nov 11 06:55:00 2024]`, also localised (`[二 9月  3 05:57:48 2024]`). */
const CTIME_INNER = /\d:\d\d:\d\d \d{4}$/;
const CALLER_ID = /^\[ *[TC]\d{1,10}\]/;
const KMSG = /^(\d{1,3}),(\d{1,20}),(\d{1,20}),[^;]{0,32};/;
const SYSLOG_TIME = /^([A-Z][a-z]{2}) {1,2}\d{1,2} \d\d:\d\d:\d\d(\.\d{1,9})? +/;
const ISO_TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d([.,]\d{1,9})?(Z|[+-]\d\d:?\d\d)? +/;
const SHORT_FULL_TIME = /^([A-Z][a-z]{2}) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? [A-Za-z0-9+-]{1,6} +/;
const PROGRAM = /^[A-Za-z0-9_.@/()-]{1,128}(\[\d{1,10}\])?:$/;
/** `<4>` syslog priority (`dmesg -r`, `cat /proc/kmsg`) and `kern  :warn  : ` (`dmesg -x`). */
const PRIORITY = /^<\d{1,3}>/;
const FACILITY_LEVEL = /^[a-z0-9]{2,8} *:[a-z]{3,6} *: /;

function uptimeTime(digits: string): KernelTime {
  const seconds = Number(digits);
  return { raw: digits, uptimeSeconds: Number.isFinite(seconds) ? seconds : null };
}

function dropSeparator(text: string): string {
  return text.charCodeAt(0) === 32 ? text.slice(1) : text;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The digits of a plain `[ 1234.567890]` (what UPTIME_INNER matches without its `<…>` part), or
 * null. Scanned by hand: every line of a dmesg log starts so, and the regex was a hot spot of a
 * 1 GiB log (bench/RESULTS.md).
 */
function plainUptime(s: string, close: number): string | null {
  let i = 1;
  while (s.charCodeAt(i) === 32) i++;
  const start = i;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === start || i - start > 10 || s.charCodeAt(i) !== 46) return null;
  const fraction = ++i;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === fraction || i - fraction > 9 || i !== close) return null;
  return s.slice(start, close);
}

/** `[ 1234.567890] msg`, `[Mon Nov 11 06:55:00 2024] msg`, or null when the bracket is not a time. */
function stripBracketTime(s: string): { time: KernelTime; style: LinePrefixStyle; rest: string } | null {
  const close = s.indexOf(']');
  if (close < 2 || close > 64) return null;
  const plain = plainUptime(s, close);
  const inner = plain === null ? s.slice(1, close) : '';
  let rest = s.slice(close + 1);
  const digits = plain ?? UPTIME_INNER.exec(inner)?.[1];
  if (digits !== undefined) {
    if (rest.charCodeAt(0) === 91) {
      const caller = CALLER_ID.exec(rest);
      if (caller) rest = rest.slice(caller[0].length);
    }
    return { time: uptimeTime(digits), style: 'dmesg', rest: dropSeparator(rest) };
  }
  if (CTIME_INNER.test(inner) && inner.length >= 12) {
    return { time: { raw: inner.trim(), uptimeSeconds: null }, style: 'dmesg-T', rest: dropSeparator(rest) };
  }
  return null;
}

/** After a syslog/journal time: `host program[pid]: message` (host optional). */
function stripHostProgram(rest: string, time: KernelTime, style: LinePrefixStyle): StrippedLine | null {
  const firstSpace = rest.indexOf(' ');
  if (firstSpace <= 0) return null;
  const first = rest.slice(0, firstSpace);
  let host: string | null = null;
  let program = first;
  let after = rest.slice(firstSpace + 1);
  if (!PROGRAM.test(first)) {
    const secondSpace = after.indexOf(' ');
    const second = secondSpace < 0 ? after : after.slice(0, secondSpace);
    if (!PROGRAM.test(second)) return null;
    host = first;
    program = second;
    after = secondSpace < 0 ? '' : after.slice(secondSpace + 1);
  }
  const bracket = program.indexOf('[');
  const name = (bracket >= 0 ? program.slice(0, bracket) : program).replace(/:$/, '');
  const kernel = name === 'kernel';
  let message = after;
  let lineTime = time;
  if (kernel && message.charCodeAt(0) === 91) {
    const inner = stripBracketTime(message);
    if (inner && inner.style === 'dmesg') {
      lineTime = { raw: time.raw, uptimeSeconds: inner.time.uptimeSeconds };
      message = inner.rest;
    }
  }
  return { style, message, time: lineTime, host, kernel };
}

/** Strips one line's prefix. Linear in the line's length; never throws. */
export function stripLinePrefix(line: string): StrippedLine {
  let s = line.trimStart();
  if (s.charCodeAt(0) === 60) {
    const p = PRIORITY.exec(s);
    if (p) s = s.slice(p[0].length);
  }
  if (s.charCodeAt(0) >= 97 && s.charCodeAt(0) <= 122) {
    const fl = FACILITY_LEVEL.exec(s);
    if (fl) s = s.slice(fl[0].length);
  }
  const c = s.charCodeAt(0);
  if (c === 91) {
    const b = stripBracketTime(s);
    if (b?.style === 'dmesg') {
      // `journalctl -o short-monotonic`: `[ 1234.567890] host kernel: message`.
      const k = b.rest.indexOf(' kernel: ');
      if (k > 0 && k <= 128 && b.rest.lastIndexOf(' ', k - 1) < 0) {
        return { style: 'journal-monotonic', message: b.rest.slice(k + 9), time: b.time, host: b.rest.slice(0, k), kernel: true };
      }
    }
    if (b) return { style: b.style, message: b.rest, time: b.time, host: null, kernel: true };
    return { style: 'none', message: s, time: null, host: null, kernel: true };
  }
  if (c >= 48 && c <= 57) {
    const k = KMSG.exec(s);
    if (k) {
      const usec = Number(k[3]);
      const seconds = Math.floor(usec / 1e6);
      const raw = `${seconds}.${String(usec % 1e6).padStart(6, '0')}`;
      return { style: 'kmsg', message: s.slice(k[0].length), time: { raw, uptimeSeconds: usec / 1e6 }, host: null, kernel: true };
    }
    const iso = ISO_TIME.exec(s);
    if (iso) {
      const raw = iso[0].trimEnd();
      const rest = s.slice(iso[0].length);
      // `dmesg --time-format iso` writes a comma before the fraction and no host.
      if (iso[1]?.startsWith(',')) return { style: 'dmesg-iso', message: rest, time: { raw, uptimeSeconds: null }, host: null, kernel: true };
      const hp = stripHostProgram(rest, { raw, uptimeSeconds: null }, 'journal-iso');
      if (hp) return hp;
      return { style: 'dmesg-iso', message: rest, time: { raw, uptimeSeconds: null }, host: null, kernel: true };
    }
  }
  if (c >= 65 && c <= 90) {
    const sys = SYSLOG_TIME.exec(s);
    if (sys && sys[1] !== undefined && MONTHS.has(sys[1])) {
      const raw = sys[0].trimEnd();
      const style: LinePrefixStyle = sys[2] !== undefined ? 'journal-precise' : 'syslog';
      const hp = stripHostProgram(s.slice(sys[0].length), { raw, uptimeSeconds: null }, style);
      if (hp) return hp;
    }
    const full = SHORT_FULL_TIME.exec(s);
    if (full && full[1] !== undefined && WEEKDAYS.has(full[1])) {
      const hp = stripHostProgram(s.slice(full[0].length), { raw: full[0].trimEnd(), uptimeSeconds: null }, 'journal-iso');
      if (hp) return hp;
    }
  }
  return { style: 'none', message: s, time: null, host: null, kernel: true };
}

// Where a record starts inside a line whose newlines were lost (records glued together).
const GLUED_START =
  /\[ *\d{1,10}\.\d{1,9}\]|\[[A-Za-z\u0080-\uffff][^[\]]{6,36}\d:\d\d:\d\d \d{4}\]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})? [^\s[\]]{1,128} kernel:|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? [^\s[\]]{1,128} kernel:/g;

/**
 * Splits a line holding several kernel records run together (newlines lost in a paste) at each
 * record's prefix. Returns null when the line holds one record (the usual case).
 */
export function splitGluedRecords(line: string): string[] | null {
  // Cheap tests first: a second record needs a second ` kernel:`, or a `[` past the start that can
  // open a time, or (with one ` kernel:`) any `[` past the start, as the regex below reads them.
  const kernelAt = line.indexOf(' kernel:');
  const twoKernels = kernelAt >= 0 && line.indexOf(' kernel:', kernelAt + 8) >= 0;
  if (!twoKernels) {
    if (line.indexOf('[', 1) < 0) return null;
    if (kernelAt < 0 && !hasBracketTimeAfterStart(line)) return null;
  }
  GLUED_START.lastIndex = 1;
  const starts: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = GLUED_START.exec(line)) !== null) {
    const at = m.index;
    // `host kernel: [ 123.456] msg`: the bracket belongs to the syslog prefix before it.
    const before = line.slice(Math.max(0, at - 8), at);
    const ownsPrefix = /kernel: ?$/.test(before) || line.slice(0, at).trim() === '';
    if (!ownsPrefix) starts.push(at);
    if (m[0].length === 0) GLUED_START.lastIndex++;
  }
  if (starts.length === 0) return null;
  const pieces: string[] = [];
  let from = 0;
  for (const at of starts) {
    const piece = line.slice(from, at);
    if (piece.trim() !== '') pieces.push(piece);
    from = at;
  }
  pieces.push(line.slice(from));
  return pieces;
}

/**
 * Whether some `[` past the first character may open one of GLUED_START's bracket forms: `[ *12.34]`
 * (digits, then a dot) or `[Mon … 06:55:00 2024]` (a letter, then 18–48 characters without brackets
 * ending in a digit). A necessary condition only: the regex still decides. Most kernel messages with
 * a bracket (`systemd-journald[312]:`, `runc:[2:INIT]`, `[drm]`) fail it at once.
 */
function hasBracketTimeAfterStart(line: string): boolean {
  for (let at = line.indexOf('[', 1); at >= 0; at = line.indexOf('[', at + 1)) {
    let i = at + 1;
    while (line.charCodeAt(i) === 32) i++;
    const digits = i;
    while (isDigit(line.charCodeAt(i))) i++;
    if (i > digits && line.charCodeAt(i) === 46) return true;
    const first = line.charCodeAt(at + 1);
    if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first >= 0x80) {
      const close = line.indexOf(']', at + 1);
      const open = line.indexOf('[', at + 1);
      const inner = close - at - 1;
      if (close > 0 && (open < 0 || open > close) && inner >= 19 && inner <= 49 && isDigit(line.charCodeAt(close - 1))) return true;
    }
  }
  return false;
}

/** A marker the poster put in place of omitted lines. */
export function isElisionMarker(message: string): boolean {
  const t = message.trim();
  if (t.length === 0 || t.length > 12) return false;
  return /^(?:\.{3,}|…+|\[(?:\.{3}|…|snip)\]|<snip>|<\.{3}>|\(\.{3}\)|--snip--)$/.test(t);
}

/** `grep -A/-B` group separator. */
export function isGrepSeparator(message: string): boolean {
  return message.trim() === '--';
}
