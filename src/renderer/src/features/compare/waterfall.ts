// Pure: the waterfall of a comparison — the scope's usage before, one step per explanation entry
// (a category's change in one group), then the usage after — as rows of a horizontal chart whose
// bar positions are fractions (0…1) of one axis starting at 0. Input: a SnapshotDiff's
//   scope { before.usageBytes 93818880, after.usageBytes 121344000, usageDeltaBytes 27525120 }
//   explanation [{ category 'anon', key 'pod:…/container:api', deltaBytes 27262976 }, …]
import type { DiffCategory, ExplanationEntry, ScopeSummary } from '../../../../core';

export type WaterfallRowKind = 'start' | 'step' | 'rest' | 'unexplained' | 'end';

export interface WaterfallRow {
  kind: WaterfallRowKind;
  /** `step`: the entry it draws. */
  entry?: ExplanationEntry;
  category?: DiffCategory;
  /** `rest`: how many small entries it sums. */
  count?: number;
  /** Running total before and after this row (start/end: 0 → the usage). */
  fromBytes: number;
  toBytes: number;
  /** The change this row stands for (start/end: the usage itself). */
  deltaBytes: number;
  /** Left edge and width on the axis, 0…1; a change too small to see gets MIN_WIDTH. */
  x: number;
  width: number;
  /** A total whose bar starts below the axis (zoomed): drawn from the left edge, marked as cut. */
  cut: boolean;
}

export interface WaterfallModel {
  rows: WaterfallRow[];
  /** The axis runs from 0 (or the lowest running total, if below 0) to maxBytes, unless zoomed. */
  minBytes: number;
  maxBytes: number;
  /** The changes are small against the usage: the axis starts near the lowest running total, not at 0. */
  zoomed: boolean;
  /** false: the inputs have no usage; the steps start from 0 and show only the change. */
  usageKnown: boolean;
}

/** Entries drawn one by one; the rest (the smallest) are summed into one row. */
export const MAX_STEPS = 12;
/** Narrowest bar drawn, as a fraction of the axis, so a 4 KiB change is still visible. */
export const MIN_WIDTH = 0.004;
/**
 * When the running totals stay within this share of the largest one (86.0 → 95.1 → 89.5 MiB),
 * an axis from 0 would squeeze every step into the last few pixels: it starts near the lowest total.
 */
export const ZOOM_BELOW = 0.12;

export function waterfallModel(scope: Pick<ScopeSummary, 'before' | 'after' | 'usageDeltaBytes'>, explanation: readonly ExplanationEntry[], maxSteps = MAX_STEPS): WaterfallModel {
  // Moves (kind 'moved', deltaBytes 0) change nothing in usage: they are told in the text, not drawn.
  const changes = explanation.filter((e) => e.kind === 'change' && e.deltaBytes !== 0);
  const shown = changes.length > maxSteps ? changes.slice(0, maxSteps - 1) : changes;
  const rest = changes.slice(shown.length);
  const beforeUsage = scope.before.usageBytes;
  const afterUsage = scope.after.usageBytes;
  const usageKnown = beforeUsage !== null && afterUsage !== null;
  const start = usageKnown ? beforeUsage : 0;

  const raw: Omit<WaterfallRow, 'x' | 'width' | 'cut'>[] = [];
  if (usageKnown) raw.push({ kind: 'start', fromBytes: 0, toBytes: start, deltaBytes: start });
  let total = start;
  for (const entry of shown) {
    raw.push({ kind: 'step', entry, category: entry.category, fromBytes: total, toBytes: total + entry.deltaBytes, deltaBytes: entry.deltaBytes });
    total += entry.deltaBytes;
  }
  if (rest.length > 0) {
    const sum = rest.reduce((s, e) => s + e.deltaBytes, 0);
    raw.push({ kind: 'rest', count: rest.length, fromBytes: total, toBytes: total + sum, deltaBytes: sum });
    total += sum;
  }
  if (usageKnown) {
    // A group without usage on one side leaves part of the scope's change unexplained: show it, so the steps still end at the usage after.
    const gap = afterUsage - total;
    if (gap !== 0) {
      raw.push({ kind: 'unexplained', fromBytes: total, toBytes: afterUsage, deltaBytes: gap });
    }
    raw.push({ kind: 'end', fromBytes: 0, toBytes: afterUsage, deltaBytes: afterUsage });
  }

  let minBytes = 0;
  let maxBytes = 0;
  for (const r of raw) {
    minBytes = Math.min(minBytes, r.fromBytes, r.toBytes);
    maxBytes = Math.max(maxBytes, r.fromBytes, r.toBytes);
  }
  // Running totals only (the totals' bars start at 0 by definition).
  const levels = raw.flatMap((r) => (r.kind === 'start' || r.kind === 'end' ? [r.toBytes] : [r.fromBytes, r.toBytes]));
  const lowest = Math.min(...levels);
  const highest = Math.max(...levels);
  const zoomed = usageKnown && lowest > 0 && highest - lowest < ZOOM_BELOW * highest;
  if (zoomed) {
    const pad = Math.max((highest - lowest) * 0.08, highest * 0.002);
    minBytes = Math.max(0, lowest - pad);
    maxBytes = highest + pad;
  }
  const span = maxBytes - minBytes || 1;
  const rows = raw.map((r): WaterfallRow => {
    const lo = Math.min(r.fromBytes, r.toBytes);
    const hi = Math.max(r.fromBytes, r.toBytes);
    const cut = lo < minBytes;
    let x = (Math.max(lo, minBytes) - minBytes) / span;
    let width = (hi - Math.max(lo, minBytes)) / span;
    if (width < MIN_WIDTH) {
      width = MIN_WIDTH;
      x = Math.min(Math.max(0, x - (r.deltaBytes < 0 ? MIN_WIDTH : 0)), 1 - MIN_WIDTH);
    }
    return { ...r, x, width, cut };
  });
  return { rows, minBytes, maxBytes, zoomed, usageKnown };
}

/** Axis ticks at round steps (1, 2, 5, 10… × 1024^k, or × 1000^k for decimal units), about `count` of them. */
export function axisTicks(minBytes: number, maxBytes: number, count = 4, base: 1024 | 1000 = 1024): number[] {
  const span = maxBytes - minBytes;
  if (!(span > 0)) return [0];
  const rough = span / count;
  const unit = base ** Math.max(0, Math.floor(Math.log(rough) / Math.log(base)));
  const scaled = rough / unit;
  const step = (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : scaled <= 10 ? 10 : scaled <= 20 ? 20 : scaled <= 50 ? 50 : scaled <= 100 ? 100 : scaled <= 200 ? 200 : 500) * unit;
  const ticks: number[] = [];
  for (let v = Math.ceil(minBytes / step) * step; v <= maxBytes + 1e-9; v += step) ticks.push(v);
  return ticks;
}
