// top's memory and swap summary lines, in every layout seen:
//   MiB Mem :  15752.1 total,    352.3 free,   5164.6 used,  10235.1 buff/cache     (procps-ng 3.3.12+)
//   KiB Swap:  3145724 total,  3136352 free,     9372 used.  6820236 avail Mem      (procps-ng 3.3)
//   Mem:  16336016k total, 15874312k used,   461704k free,   339944k buffers        (procps 3.2)
//   Swap:  8191992k total,   108948k used,  8083044k free,  9834988k cached
//   Mem: 1507416K used, 523460K free, 1024K shrd, 92216K buff, 790700K cached       (busybox)
import { parseHumanSize } from './human-size';

export interface TopMemory {
  totalBytes: number | null;
  freeBytes: number | null;
  usedBytes: number | null;
  buffCacheBytes: number | null;
  buffersBytes: number | null;
  cachedBytes: number | null;
  sharedBytes: number | null;
  /** `avail Mem` (printed on the Swap line by procps-ng). */
  availableBytes: number | null;
  /** The unit prefix as printed (`MiB`), or null when each figure carries its own suffix or none. */
  unit: string | null;
  /** True when the figures were rounded (MiB with one decimal, GiB, …). */
  approximate: boolean;
  line: number;
}

export interface TopSwap {
  totalBytes: number | null;
  freeBytes: number | null;
  usedBytes: number | null;
  unit: string | null;
  approximate: boolean;
  line: number;
}

export interface TopMemoryLine {
  memory: TopMemory | null;
  swap: TopSwap | null;
  swapLineCachedBytes: number | null;
  swapLineAvailableBytes: number | null;
}

const PREFIX_BYTES: Record<string, number> = { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5, EiB: 1024 ** 6 };
const LABEL = /^(?:([KMGTPE]iB)[ \t]+)?(Mem|Swap)[ \t]*:(.*)$/;
// `15752.1 total`, `461704k free`, `10118.9 avail Mem`, `1024K shrd`
const PAIR = /(\d{1,20}(?:[.,]\d{1,6})?[kKmMgGtT]?)\+?[ \t]+(avail Mem|buff\/cache|[a-z]{2,10})/g;

export function parseTopMemoryLine(t: string, line: number): TopMemoryLine {
  const result: TopMemoryLine = { memory: null, swap: null, swapLineCachedBytes: null, swapLineAvailableBytes: null };
  const m = LABEL.exec(t);
  if (!m) return result;
  const unit = m[1] ?? null;
  const unitBytes = unit ? (PREFIX_BYTES[unit] ?? 1024) : 1024;
  const values: Record<string, number> = Object.create(null) as Record<string, number>;
  let approximate = false;
  for (const pair of (m[3] ?? '').matchAll(PAIR)) {
    const size = parseHumanSize(pair[1] ?? '', unitBytes);
    const label = pair[2] ?? '';
    if (size === null || label in values) continue;
    values[label] = size.bytes;
    if (size.approximate) approximate = true;
  }
  const get = (label: string): number | null => values[label] ?? null;
  if (m[2] === 'Mem') {
    result.memory = {
      totalBytes: get('total'),
      freeBytes: get('free'),
      usedBytes: get('used'),
      buffCacheBytes: get('buff/cache'),
      buffersBytes: get('buffers') ?? get('buff'),
      cachedBytes: get('cached'),
      sharedBytes: get('shrd') ?? get('shared'),
      availableBytes: null,
      unit,
      approximate,
      line,
    };
  } else {
    result.swap = { totalBytes: get('total'), freeBytes: get('free'), usedBytes: get('used'), unit, approximate, line };
    result.swapLineCachedBytes = get('cached');
    result.swapLineAvailableBytes = get('avail Mem');
  }
  return result;
}
