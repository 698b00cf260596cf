// Kernel slab caches: `/proc/slabinfo` (version 2.1) and `slabtop -o` (one screen). A cache's
// memory is its slabs × pages per slab × page size; slabtop prints it as CACHE SIZE. Samples:
//   slabinfo - version: 2.1
//   kmalloc-8192         132    148   8192    4    8 : tunables    0    0    0 : slabdata     37     37      0
//    613158 613158 100%    0.10K  15722       39     62888K buffer_head                 (slabtop -o)
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { PAGE_SIZE_BYTES } from '../../model/units';
import { parseHumanSize } from './human-size';
import { capWarnings } from '../proc/capped-warnings';

export interface SlabCache {
  name: string;
  activeObjects: number;
  totalObjects: number;
  /** Object size; slabtop prints it rounded to 0.01K, so it is approximate there. */
  objectSizeBytes: number | null;
  objectsPerSlab: number | null;
  pagesPerSlab: number | null;
  activeSlabs: number | null;
  totalSlabs: number | null;
  /** Memory the cache holds: slabs × pages per slab × page size (slabinfo) or CACHE SIZE (slabtop). */
  cacheSizeBytes: number | null;
  line: number;
}

export interface SlabtopSummary {
  activeObjects: number | null;
  totalObjects: number | null;
  activeSlabs: number | null;
  totalSlabs: number | null;
  activeCaches: number | null;
  totalCaches: number | null;
  activeSizeBytes: number | null;
  totalSizeBytes: number | null;
}

export interface SlabinfoData {
  source: 'proc-slabinfo' | 'slabtop';
  /** `2.1` from the slabinfo header; null for slabtop. */
  version: string | null;
  /** Page size used for slabinfo sizes (the file does not say; 4096 on x86-64 and most arm64). */
  pageSizeBytes: number;
  /** Largest first. */
  caches: SlabCache[];
  totalCacheSizeBytes: number;
  /** slabtop's header lines; null for /proc/slabinfo. */
  summary: SlabtopSummary | null;
}

const VERSION = /^slabinfo - version: (\d{1,3}\.\d{1,3})/;
const SLABINFO_ROW = /^(\S{1,200})[ \t]+(\d{1,15})[ \t]+(\d{1,15})[ \t]+(\d{1,10})[ \t]+(\d{1,10})[ \t]+(\d{1,10})[ \t]*:[ \t]*tunables[ \t]+\d{1,10}[ \t]+\d{1,10}[ \t]+\d{1,10}[ \t]*:[ \t]*slabdata[ \t]+(\d{1,15})[ \t]+(\d{1,15})[ \t]+\d{1,15}$/;
const SLABTOP_ROW = /^(\d{1,15})[ \t]+(\d{1,15})[ \t]+(\d{1,3})%[ \t]+(\d{1,10}(?:[.,]\d{1,3})?K)[ \t]+(\d{1,15})[ \t]+(\d{1,10})[ \t]+(\d{1,15}K)[ \t]+(\S.{0,200})$/;
const SLABTOP_HEADER = /^OBJS[ \t]+ACTIVE[ \t]+USE[ \t]+OBJ SIZE/;
const SLABTOP_PAIR = /^Active \/ Total (Objects|Slabs|Caches|Size) \(% used\)[ \t]*:[ \t]*(\S{1,30}) \/ (\S{1,30})/;

export function detectSlabinfo(head: string, _path: string): number {
  let version = false;
  let slabtopHeader = false;
  let rows = 0;
  let other = 0;
  for (const raw of headLines(head, 80)) {
    const t = raw.trim();
    if (t === '') continue;
    if (VERSION.test(t)) version = true;
    else if (SLABTOP_HEADER.test(t)) slabtopHeader = true;
    else if (SLABINFO_ROW.test(t) || SLABTOP_ROW.test(t)) rows++;
    else other++;
  }
  if (version && rows > 0) return 0.97;
  if (slabtopHeader && rows > 0) return 0.95;
  if (rows >= 3 && other <= rows) return 0.8;
  return 0;
}

function int(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

function kib(text: string | undefined): number | null {
  return text === undefined ? null : (parseHumanSize(text, 1024)?.bytes ?? null);
}

export function parseSlabinfo(text: string, _ctx: ParseContext): ParseResult<SlabinfoData> {
  const warnings: ParseWarning[] = [];
  const caches: SlabCache[] = [];
  let version: string | null = null;
  let slabtop = false;
  const summary: SlabtopSummary = { activeObjects: null, totalObjects: null, activeSlabs: null, totalSlabs: null, activeCaches: null, totalCaches: null, activeSizeBytes: null, totalSizeBytes: null };
  let skipped = 0;
  let firstSkipped = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t.startsWith('#')) continue;
    const v = VERSION.exec(t);
    if (v) {
      version = v[1] ?? null;
      continue;
    }
    const row = SLABINFO_ROW.exec(t);
    if (row) {
      const totalSlabs = int(row[8]);
      const pagesPerSlab = int(row[6]);
      caches.push({
        name: row[1] ?? '',
        activeObjects: int(row[2]) ?? 0,
        totalObjects: int(row[3]) ?? 0,
        objectSizeBytes: int(row[4]),
        objectsPerSlab: int(row[5]),
        pagesPerSlab,
        activeSlabs: int(row[7]),
        totalSlabs,
        cacheSizeBytes: totalSlabs !== null && pagesPerSlab !== null ? totalSlabs * pagesPerSlab * PAGE_SIZE_BYTES : null,
        line: i + 1,
      });
      continue;
    }
    const top = SLABTOP_ROW.exec(t);
    if (top) {
      slabtop = true;
      caches.push({
        name: (top[8] ?? '').trim(),
        totalObjects: int(top[1]) ?? 0,
        activeObjects: int(top[2]) ?? 0,
        objectSizeBytes: kib(top[4]),
        objectsPerSlab: int(top[6]),
        pagesPerSlab: null,
        activeSlabs: null,
        totalSlabs: int(top[5]),
        cacheSizeBytes: kib(top[7]),
        line: i + 1,
      });
      continue;
    }
    if (SLABTOP_HEADER.test(t)) {
      slabtop = true;
      continue;
    }
    const pair = SLABTOP_PAIR.exec(t);
    if (pair) {
      slabtop = true;
      const kind = pair[1];
      if (kind === 'Size') {
        summary.activeSizeBytes = kib(pair[2]);
        summary.totalSizeBytes = kib(pair[3]);
      } else if (kind === 'Objects' || kind === 'Slabs' || kind === 'Caches') {
        summary[`active${kind}`] = int(pair[2]);
        summary[`total${kind}`] = int(pair[3]);
      }
      continue;
    }
    if (t.startsWith('Minimum / Average / Maximum Object')) continue;
    skipped++;
    if (firstSkipped === 0) firstSkipped = i + 1;
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not slab cache rows and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (caches.length === 0) return { status: 'unusable', warnings: [warning('no-slab-caches', 'No slab cache rows found.'), ...warnings] };
  if (!slabtop && version === null) warnings.push(warning('missing-key', 'The "slabinfo - version:" header is not present.', undefined, { key: 'version' }));
  caches.sort((a, b) => (b.cacheSizeBytes ?? 0) - (a.cacheSizeBytes ?? 0) || a.line - b.line);
  const totalCacheSizeBytes = caches.reduce((sum, c) => sum + (c.cacheSizeBytes ?? 0), 0);
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { source: slabtop ? 'slabtop' : 'proc-slabinfo', version, pageSizeBytes: PAGE_SIZE_BYTES, caches, totalCacheSizeBytes, summary: slabtop ? summary : null },
    warnings: capWarnings(warnings),
  };
}

export const slabinfoFormat: FormatDefinition<SlabinfoData> = {
  id: 'slabinfo',
  area: 'proc',
  detect: detectSlabinfo,
  parse: parseSlabinfo,
};
