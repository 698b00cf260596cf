// `pcstat` (tobert/pcstat) and its fork `hcache` (silenceshell/hcache, `-top`): page-cache
// residency per file as a box table, `-terse` CSV or `-json`. Pages are the tool's page size
// (os.Getpagesize(), 4096 on x86-64 and most arm64). Samples:
//   | Name      | Size           | Pages      | Cached    | Percent |
//   | testfile3 | 102401024      | 25001      | 60        | 000.240 |
//   name,size,timestamp,mtime,pages,cached,percent
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { decimal, isArray, isObject, member, text } from '../text/tree';
import { FieldReader } from '../text/tree-fields';
import { ASSUMED_PAGE_SIZE, integerOrNull, numberOrNull, type PageCacheData, type PageCacheFile, pagesToBytes } from './page-cache-data';

const CSV_HEADER = /^name,size,timestamp,mtime,pages,cached,percent\s*$/i;
const BORDER = /^[|+][-+|=]+$/;

function file(path: string, size: number | null, pages: number | null, cached: number | null, percent: number | null, line: number): PageCacheFile {
  return { path, sizeBytes: size, cachedBytes: pagesToBytes(cached, ASSUMED_PAGE_SIZE), cachedPages: cached, totalPages: pages, cachedPercent: percent, approximate: true, line };
}

function parseTable(source: string, tool: 'pcstat' | 'hcache'): ParseResult<PageCacheData> {
  const lines = splitLines(source);
  const files: PageCacheFile[] = [];
  const skipped: number[] = [];
  let columns: string[] | null = null;
  let csv = false;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || BORDER.test(t)) continue;
    if (CSV_HEADER.test(t)) {
      csv = true;
      continue;
    }
    if (csv) {
      const parts = t.split(',');
      if (parts.length >= 7) {
        const nums = parts.slice(-6);
        const name = parts.slice(0, -6).join(',');
        files.push(file(name, integerOrNull(nums[0]), integerOrNull(nums[3]), integerOrNull(nums[4]), numberOrNull(nums[5]), i + 1));
      } else skipped.push(i + 1);
      continue;
    }
    if (t.startsWith('|')) {
      const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (cells.includes('Name') && cells.some((c) => c.startsWith('Cached'))) {
        columns = cells;
        continue;
      }
      if (columns) {
        const cell = (prefix: string): string | undefined => {
          const k = (columns ?? []).findIndex((c) => c.startsWith(prefix));
          return k >= 0 ? cells[k] : undefined;
        };
        const name = cell('Name');
        if (name) {
          files.push(file(name, integerOrNull(cell('Size')), integerOrNull(cell('Pages')), integerOrNull(cell('Cached')), numberOrNull(cell('Percent')), i + 1));
          continue;
        }
      }
    }
    skipped.push(i + 1);
  }
  const warnings: ParseWarning[] = [];
  if (files.length === 0) return { status: 'unusable', warnings: [warning('no-rows', `No ${tool} rows found.`)] };
  if (skipped.length > 0) warnings.push(warning('lines-ignored', `${skipped.length} line(s) are not ${tool} rows and were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length }));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { tool, files, pageSizeBytes: ASSUMED_PAGE_SIZE, pageSizeAssumed: true, totalCachedBytes: null, summary: null }, warnings };
}

function parseJson(source: string, tool: 'pcstat' | 'hcache'): ParseResult<PageCacheData> {
  const read = readJsonLenient(source);
  const f = new FieldReader();
  const files: PageCacheFile[] = [];
  for (const value of read.values) {
    for (const item of isArray(value) ? value.items : [value]) {
      if (!isObject(item) || !member(item, 'filename')) continue;
      files.push(file(text(member(item, 'filename')) ?? '', f.count(member(item, 'size'), 'size'), f.count(member(item, 'pages'), 'pages'), f.count(member(item, 'cached'), 'cached'), decimal(member(item, 'percent')), item.line));
    }
  }
  const warnings = [...jsonReadWarnings(read), ...f.warnings()];
  if (files.length === 0) return { status: 'unusable', warnings: [warning('no-rows', `No ${tool} entries (with "filename") found.`), ...warnings] };
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { tool, files, pageSizeBytes: ASSUMED_PAGE_SIZE, pageSizeAssumed: true, totalCachedBytes: null, summary: null }, warnings };
}

function parse(source: string, tool: 'pcstat' | 'hcache'): ParseResult<PageCacheData> {
  const first = source.trimStart().charAt(0);
  return first === '[' || first === '{' ? parseJson(source, tool) : parseTable(source, tool);
}

export function parsePcstat(source: string, _ctx: ParseContext): ParseResult<PageCacheData> {
  return parse(source, 'pcstat');
}

export function parseHcache(source: string, _ctx: ParseContext): ParseResult<PageCacheData> {
  return parse(source, 'hcache');
}

/** Which of the two wrote it: hcache says `Size (bytes)` and draws `+---` borders. */
function style(head: string): 'pcstat' | 'hcache' | 'either' | null {
  const lines = headLines(head, 20).map((l) => l.trim());
  if (lines.some((l) => l.startsWith('|') && l.includes('Name') && l.includes('Cached') && l.includes('Size (bytes)'))) return 'hcache';
  if (lines.some((l) => l.startsWith('|') && l.includes('Name') && l.includes('Cached'))) return lines[0]?.startsWith('+') ? 'hcache' : 'pcstat';
  if (lines.some((l) => CSV_HEADER.test(l))) return 'either';
  if (/"filename"\s*:/.test(head) && /"cached"\s*:/.test(head) && /"pages"\s*:/.test(head)) return 'either';
  return null;
}

export const pcstatFormat: FormatDefinition<PageCacheData> = {
  id: 'pcstat',
  area: 'application',
  detect: (head, path) => {
    const s = style(head);
    if (s === 'pcstat') return 0.9;
    if (s === 'either') return /hcache/i.test(path) ? 0.85 : 0.9;
    if (s === 'hcache') return 0.8;
    return 0;
  },
  parse: parsePcstat,
};

export const hcacheFormat: FormatDefinition<PageCacheData> = {
  id: 'hcache',
  area: 'application',
  detect: (head, path) => {
    const s = style(head);
    if (s === 'hcache') return 0.92;
    if (s === 'either') return /hcache/i.test(path) ? 0.9 : 0.85;
    return 0;
  },
  parse: parseHcache,
};
