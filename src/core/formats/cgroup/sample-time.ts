// Date lines that loop scripts write between samples (`echo $(date)`), in the forms seen:
//   Thu Nov 18 13:37:49 CST 2021         (date(1), C locale)
//   2021-11-18 13:37:49 / 2021-11-18T13:37:49+08:00
//   2021年 11月 18日 星期四 13:37:49 CST   (date(1), zh_CN locale)
// A zone abbreviation such as CST is ambiguous (China +08:00, US Central −06:00): it is kept as
// written and the ISO form then has no offset (a local time).

export interface SampleTime {
  raw: string;
  /** ISO 8601; with an offset only when the line gives one (or UTC/GMT); null when not a date. */
  iso: string | null;
  /** A zone abbreviation as written (`CST`), or null. */
  zone: string | null;
}

const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const C_LOCALE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+(\d{1,2})[ \t]+(\d{2}):(\d{2}):(\d{2})(?:[ \t]+([A-Z]{1,5}|[+-]\d{4}))?[ \t]+(\d{4})$/;
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?(?:[ \t]+([A-Z]{1,5}))?$/;
const ZH_LOCALE = /^(\d{4})年[ \t]*(\d{1,2})月[ \t]*(\d{1,2})日(?:[ \t]+星期.)?[ \t]+(\d{2}):(\d{2}):(\d{2})(?:[ \t]+([A-Z]{1,5}))?$/;

function pad(n: number | string, width = 2): string {
  return String(n).padStart(width, '0');
}

function offsetOf(zone: string | undefined): string | null {
  if (zone === undefined) return null;
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

function build(y: string, mo: number | string, d: number | string, h: string, mi: string, s: string, fraction: string, zone: string | undefined): SampleTime['iso'] {
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  return `${y}-${pad(month)}-${pad(day)}T${h}:${mi}:${s}${fraction}${offsetOf(zone) ?? ''}`;
}

/** The time of a date line, or null when the line is not one. */
export function readSampleTime(line: string): SampleTime | null {
  const t = line.trim();
  if (t.length > 80) return null;
  const c = C_LOCALE.exec(t);
  if (c) {
    const [, mon = '', d = '', h = '', mi = '', s = '', zone, y = ''] = c;
    const zoneText = zone ?? null;
    return { raw: t, iso: build(y, MONTHS[mon] ?? 0, d, h, mi, s, '', zone), zone: zoneText && !/^[+-]/.test(zoneText) ? zoneText : null };
  }
  const iso = ISO_LIKE.exec(t);
  if (iso) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '', fraction = '', offset, zone] = iso;
    return { raw: t, iso: build(y, mo, d, h, mi, s, fraction, offset ?? zone), zone: zone ?? null };
  }
  const zh = ZH_LOCALE.exec(t);
  if (zh) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '', zone] = zh;
    return { raw: t, iso: build(y, mo, d, h, mi, s, '', zone), zone: zone ?? null };
  }
  return null;
}
