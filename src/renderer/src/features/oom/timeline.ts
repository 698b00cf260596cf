// Pure: where each OOM event sits on the timeline. Reads the time prefix the kernel-log parser kept
// for each report (`KernelTime.raw`), in the shapes it writes them, e.g.
//   Sun Nov 22 12:09:34 2026          (dmesg -T; also localised: 二 9月  3 05:57:48 2024)
//   Nov 11 06:55:00                   (syslog, journalctl -k; no year)
//   1515.710152                       (dmesg: seconds since boot only)
// Events are placed by wall-clock time when every one has it; otherwise by their order in the logs
// (uptimes of different boots, or of a log without wall-clock times, cannot be put on one axis).

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

// `dmesg -T` ctime: `<weekday> <month> <day> hh:mm:ss yyyy`, the month in English or as `9月`.
const CTIME = /(?:^|\s)([A-Z][a-z]{2}|\d{1,2}月)\s{1,3}(\d{1,2})\s(\d\d):(\d\d):(\d\d)\s(\d{4})$/;
// syslog / journal short: `Nov 11 06:55:00[.123456]`.
const SYSLOG = /^([A-Z][a-z]{2})\s{1,2}(\d{1,2})\s(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?$/;
// ISO (journal -o short-iso, dmesg --time-format iso), and `Sun 2024-01-01 12:00:00 UTC` (short-full).
const ISO = /^(?:[A-Z][a-z]{2}\s)?(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)?(?:\s[A-Za-z0-9+-]{1,6})?$/;

export interface WallClock {
  /** Milliseconds on one axis (UTC when the text names no zone: the node's local time, as written). */
  ms: number;
  /** False for syslog times, which carry no year: the year was supplied. */
  yearKnown: boolean;
}

function utc(year: number, month: number, day: number, h: number, m: number, s: number, fraction: string | undefined): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return null;
  const ms = Date.UTC(year, month, day, h, m, s) + (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
  return Number.isFinite(ms) ? ms : null;
}

function monthIndex(text: string): number | null {
  if (text.endsWith('月')) {
    const n = Number(text.slice(0, -1));
    return n >= 1 && n <= 12 ? n - 1 : null;
  }
  return MONTHS[text] ?? null;
}

/**
 * The wall-clock time of a kernel-log time prefix, or null (uptime only, or not a time).
 * `yearForSyslog` is used for syslog times, which print no year.
 */
export function wallClockOf(raw: string | null | undefined, yearForSyslog: number): WallClock | null {
  if (!raw) return null;
  const text = raw.trim();
  if (text.length > 64) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const ms = utc(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6]), iso[7]);
    if (ms === null) return null;
    const zone = iso[8];
    if (!zone || zone === 'Z') return { ms, yearKnown: true };
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    return { ms: ms - sign * offsetMinutes * 60_000, yearKnown: true };
  }
  const ctime = CTIME.exec(text);
  if (ctime) {
    const month = monthIndex(ctime[1] ?? '');
    if (month === null) return null;
    const ms = utc(Number(ctime[6]), month, Number(ctime[2]), Number(ctime[3]), Number(ctime[4]), Number(ctime[5]), undefined);
    return ms === null ? null : { ms, yearKnown: true };
  }
  const sys = SYSLOG.exec(text);
  if (sys) {
    const month = monthIndex(sys[1] ?? '');
    if (month === null) return null;
    const ms = utc(yearForSyslog, month, Number(sys[2]), Number(sys[3]), Number(sys[4]), Number(sys[5]), sys[6]);
    return ms === null ? null : { ms, yearKnown: false };
  }
  return null;
}

export interface TimelineInput {
  wallMs: number | null;
}

export interface TimelinePlacement {
  mode: 'time' | 'order';
  /** Per input event, in input order: 0…1 along the axis. */
  x: number[];
  /** Per input event: 0 for the first row; events closer than `minGap` to an earlier one go a row down. */
  lane: number[];
  /** Input indexes in the order they sit on the axis (left to right). */
  order: number[];
  /** Time mode: the first and last time (ms). */
  startMs: number | null;
  endMs: number | null;
}

/** Space left at each end of the axis, so markers are not cut by the edge. */
const MARGIN = 0.04;

/**
 * Places events on a 0…1 axis: by wall-clock time when every event has one (events at the same
 * moment stack in lanes), else evenly in their given order (the order of the logs and their lines).
 */
export function placeEvents(events: readonly TimelineInput[], minGap = 0.02): TimelinePlacement {
  const n = events.length;
  const byTime = n > 0 && events.every((e) => e.wallMs !== null);
  const indexes = events.map((_, i) => i);
  if (!byTime) {
    const x = indexes.map((i) => (n === 1 ? 0.5 : MARGIN + ((1 - 2 * MARGIN) * i) / (n - 1)));
    return { mode: 'order', x, lane: indexes.map(() => 0), order: indexes, startMs: null, endMs: null };
  }
  const ms = events.map((e) => e.wallMs ?? 0);
  const order = [...indexes].sort((a, b) => (ms[a] ?? 0) - (ms[b] ?? 0) || a - b);
  const start = Math.min(...ms);
  const end = Math.max(...ms);
  const span = end - start;
  const x = ms.map((t) => (span === 0 ? 0.5 : MARGIN + ((1 - 2 * MARGIN) * (t - start)) / span));
  const lane = indexes.map(() => 0);
  // Greedy lanes, left to right: the first lane whose last marker is far enough away.
  const laneEnds: number[] = [];
  for (const i of order) {
    const xi = x[i] ?? 0;
    let l = laneEnds.findIndex((end_) => xi - end_ >= minGap);
    if (l < 0) {
      l = laneEnds.length;
      laneEnds.push(xi);
    } else laneEnds[l] = xi;
    lane[i] = l;
  }
  return { mode: 'time', x, lane, order, startMs: start, endMs: end };
}

/** "1515.710152" → "1515.71": uptime seconds for a label. */
export function uptimeText(seconds: number): string {
  return seconds >= 100 ? seconds.toFixed(2) : seconds.toFixed(3);
}
