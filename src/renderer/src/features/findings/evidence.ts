// Pure: evidence references → links into the Files tab (the file open in Monaco, the cited lines
// highlighted: #/bundle/<id>/files/<path>?line=N&lineEnd=M) and their short "file:lines" labels;
// metric values → display text. Same route as the breakdown table's source links.
import type { EvidenceRef } from '../../../../core';
import { bundleHref } from '../../app/router';

export function evidenceHref(bundleId: string, ref: EvidenceRef): string {
  const end = ref.lineEnd > ref.lineStart ? ref.lineEnd : null;
  return bundleHref(bundleId, 'files', ref.file, ref.lineStart, end);
}

/** `12` or `12–14`. */
export function lineSpan(ref: Pick<EvidenceRef, 'lineStart' | 'lineEnd'>): string {
  return ref.lineEnd > ref.lineStart ? `${ref.lineStart}–${ref.lineEnd}` : String(ref.lineStart);
}

/** Long folder names (pod UIDs, 64-hex container ids) cut in the middle; the full path goes in a title. */
export function abbreviatePath(path: string, maxSegment = 24): string {
  return path
    .split('/')
    .map((seg) => (seg.length > maxSegment ? `${seg.slice(0, 12)}…${seg.slice(-6)}` : seg))
    .join('/');
}

export type MetricDisplay = { kind: 'bytes'; bytes: number } | { kind: 'share'; share: number } | { kind: 'text'; text: string };

/** Rules name byte figures `…Bytes` and fractions `…Share…` (e.g. `shmemShareOfUsage` 0.933). */
export function metricDisplay(name: string, value: number | string | boolean | null): MetricDisplay {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (name.endsWith('Bytes')) return { kind: 'bytes', bytes: value };
    if (/share/i.test(name) && value >= 0 && value <= 1.5) return { kind: 'share', share: value };
    return { kind: 'text', text: String(value) };
  }
  if (value === null) return { kind: 'text', text: '—' };
  return { kind: 'text', text: String(value) };
}
