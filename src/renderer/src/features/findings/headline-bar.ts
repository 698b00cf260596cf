// Pure: a headline → the segments of its bar, from 0 to the limit. Each part of the headline is a
// segment in the headline's order (largest first); what usage holds beyond the named parts (parts
// under 1 MiB, v1 fuzz) is "other"; the room left below the limit is an empty "headroom" segment.
// Without a limit the bar ends at the usage. Fractions are of the bar's full width.
import type { Headline, HeadlinePart } from '../../../../core';

type HeadlineCategory = HeadlinePart['category'];
type HeadlinePlace = HeadlinePart['place'];

export type HeadlineSegmentId = HeadlineCategory | 'other' | 'headroom';

export interface HeadlineSegment {
  id: HeadlineSegmentId;
  /** Index of the headline part it stands for; null for other and headroom. */
  partIndex: number | null;
  place: HeadlinePlace | null;
  bytes: number;
  /** Where it starts and how wide it is, as fractions of the bar (0…1). */
  start: number;
  width: number;
}

export interface HeadlineBarModel {
  segments: HeadlineSegment[];
  /** The bar's full width in bytes: the limit, or more when the parts or usage exceed it. */
  scaleBytes: number;
  limitBytes: number | null;
  usageBytes: number | null;
  /** Sum of the headline's parts. */
  partsBytes: number;
  /** Usage (or the parts) above the limit: the bar is wider than the limit. */
  overLimit: boolean;
  /** Where the limit sits on the bar (0…1); null without a limit. */
  limitAt: number | null;
}

/** Below this share of the bar, "other" is rounding, not a part worth a segment. */
const MIN_OTHER_SHARE = 0.002;

export function headlineBar(headline: Headline): HeadlineBarModel {
  const partsBytes = headline.parts.reduce((sum, p) => sum + Math.max(0, p.bytes), 0);
  const usage = headline.usageBytes;
  const limit = headline.limitBytes !== null && headline.limitBytes > 0 ? headline.limitBytes : null;
  const filled = Math.max(usage ?? 0, partsBytes);
  const scale = Math.max(limit ?? 0, filled);
  const segments: HeadlineSegment[] = [];
  if (scale <= 0) return { segments, scaleBytes: 0, limitBytes: limit, usageBytes: usage, partsBytes, overLimit: false, limitAt: null };

  let at = 0;
  const push = (id: HeadlineSegmentId, bytes: number, partIndex: number | null, place: HeadlinePlace | null): void => {
    if (bytes <= 0) return;
    const width = bytes / scale;
    segments.push({ id, partIndex, place, bytes, start: at, width });
    at += width;
  };
  headline.parts.forEach((p, i) => push(p.category, Math.max(0, p.bytes), i, p.place));
  const other = usage !== null ? usage - partsBytes : 0;
  if (other / scale >= MIN_OTHER_SHARE) push('other', other, null, null);
  if (limit !== null && limit > filled) push('headroom', limit - filled, null, null);
  return {
    segments,
    scaleBytes: scale,
    limitBytes: limit,
    usageBytes: usage,
    partsBytes,
    overLimit: limit !== null && filled > limit,
    limitAt: limit !== null ? limit / scale : null,
  };
}

/** A label fits inside a segment only when the segment is wide enough; otherwise the legend carries it. */
export function labelFits(segment: Pick<HeadlineSegment, 'width'>, minShare = 0.14): boolean {
  return segment.width >= minShare;
}
