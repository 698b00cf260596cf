// A summary of a binary file in bounded memory: size, share of printable bytes, and the most
// frequent text runs, from evenly spaced slices (never the whole file). Enough to recognise what
// fills a memory region dumped by procdump/gdb (`<pid>_mem_<hex>.bin`; seed 004: log-file text).
// Sample (a region of `26_mem_7f3a2c000000.bin`, as `strings` would show it):
//   2021-11-22 06:42:50.123 INFO  [main] c.e.app.OrderService - order accepted
//   2021-11-22 06:42:50.124 INFO  [main] c.e.app.OrderService - order accepted
//   ...

export const PROCDUMP_REGION_FORMAT_ID = 'procdump-region';

export interface TextRun {
  text: string;
  count: number;
}

export interface BinarySummaryData {
  sizeBytes: number;
  /** Bytes actually looked at (slices spread over the file). */
  sampledBytes: number;
  /** Share of sampled bytes that are printable ASCII, tab, CR or LF, in [0, 1]. */
  printableRatio: number;
  /** Most frequent printable runs of at least MIN_RUN characters in the samples, most frequent first. */
  topTextRuns: TextRun[];
  /** From a `<pid>_mem_<hex>.bin` name; null otherwise. */
  pid: number | null;
  startAddress: string | null;
}

const PROCDUMP_NAME = /(?:^|\/)(\d{1,10})_mem_([0-9a-fA-F]{1,16})\.bin$/;
const SLICE_BYTES = 16 * 1024;
const MAX_SLICES = 64;
const MIN_RUN = 8;
const MAX_RUN_CHARS = 160;
const MAX_DISTINCT_RUNS = 20_000;
const TOP_RUNS = 10;

export function procdumpRegionName(path: string): { pid: number; startAddress: string } | null {
  const m = PROCDUMP_NAME.exec(path);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { pid: Number(m[1]), startAddress: `0x${m[2].toLowerCase()}` };
}

/** Collects up to MAX_SLICES slices of SLICE_BYTES, spread by the declared size when known. */
export class BinarySampler {
  private readonly slices: Uint8Array[] = [];
  private readonly strideBytes: number;
  private nextSliceAt = 0;
  private offset = 0;
  private current: { buffer: Uint8Array; fill: number } | null = null;

  constructor(declaredSizeBytes: number | null) {
    const size = declaredSizeBytes ?? 64 * 1024 * 1024;
    this.strideBytes = Math.max(SLICE_BYTES, Math.ceil(size / MAX_SLICES));
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.current) {
        const take = Math.min(SLICE_BYTES - this.current.fill, chunk.length - pos);
        this.current.buffer.set(chunk.subarray(pos, pos + take), this.current.fill);
        this.current.fill += take;
        pos += take;
        this.offset += take;
        if (this.current.fill === SLICE_BYTES) this.endSlice();
        continue;
      }
      if (this.slices.length >= MAX_SLICES) {
        this.offset += chunk.length - pos;
        return;
      }
      const skip = Math.min(this.nextSliceAt - this.offset, chunk.length - pos);
      if (skip > 0) {
        pos += skip;
        this.offset += skip;
        continue;
      }
      this.current = { buffer: new Uint8Array(SLICE_BYTES), fill: 0 };
    }
  }

  summarise(path: string, sizeBytes: number): BinarySummaryData {
    if (this.current && this.current.fill > 0) this.slices.push(this.current.buffer.subarray(0, this.current.fill));
    this.current = null;
    let sampled = 0;
    let printable = 0;
    const runs = new Map<string, number>();
    for (const slice of this.slices) {
      sampled += slice.length;
      let runStart = -1;
      for (let i = 0; i <= slice.length; i++) {
        const b = i < slice.length ? (slice[i] ?? 0) : 0;
        const isText = i < slice.length && ((b >= 0x20 && b <= 0x7e) || b === 9);
        if (isText || (i < slice.length && (b === 10 || b === 13))) printable++;
        if (isText) {
          if (runStart < 0) runStart = i;
          continue;
        }
        if (runStart >= 0 && i - runStart >= MIN_RUN) countRun(runs, slice, runStart, i);
        runStart = -1;
      }
    }
    const topTextRuns = [...runs.entries()]
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => b.count - a.count || b.text.length - a.text.length)
      .slice(0, TOP_RUNS);
    const name = procdumpRegionName(path);
    return {
      sizeBytes,
      sampledBytes: sampled,
      printableRatio: sampled === 0 ? 0 : printable / sampled,
      topTextRuns,
      pid: name?.pid ?? null,
      startAddress: name?.startAddress ?? null,
    };
  }

  private endSlice(): void {
    if (!this.current) return;
    this.slices.push(this.current.buffer);
    this.current = null;
    this.nextSliceAt = this.slices.length * this.strideBytes;
  }
}

function countRun(runs: Map<string, number>, slice: Uint8Array, start: number, end: number): void {
  let text = '';
  const stop = Math.min(end, start + MAX_RUN_CHARS);
  for (let i = start; i < stop; i++) text += String.fromCharCode(slice[i] ?? 32);
  text = text.trim();
  if (text.length < MIN_RUN) return;
  const seen = runs.get(text);
  if (seen !== undefined) runs.set(text, seen + 1);
  else if (runs.size < MAX_DISTINCT_RUNS) runs.set(text, 1);
}
