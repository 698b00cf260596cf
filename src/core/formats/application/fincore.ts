// Page-cache residency per file from `fincore`: util-linux's (columns `RES PAGES SIZE FILE`, human
// units or `--bytes`, `--raw`, `--noheadings`), and the older script form (linux-ftools and its
// shell ports: `filename size total pages cached pages cached size cached percentage`,
// `total cached size: N`). Samples:
//   RES PAGES   SIZE FILE
//    0B     0 198,1K /usr/bin/java
//   /usr/bin/bash 1404744 343 343 1404928 100.000000
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { contentLines } from '../text/pasted';
import { parseHumanSize } from '../text/human-size';
import { ASSUMED_PAGE_SIZE, integerOrNull, numberOrNull, type PageCacheData, type PageCacheFile, pagesToBytes } from './page-cache-data';

const UTIL_LINUX_COLUMNS = new Set(['RES', 'PAGES', 'SIZE', 'FILE', 'DIRTY_PAGES', 'DIRTY', 'WRITEBACK_PAGES', 'WRITEBACK', 'EVICTED_PAGES', 'EVICTED', 'RECENTLY_EVICTED_PAGES', 'RECENTLY_EVICTED']);

function utilLinuxHeader(tokens: string[]): boolean {
  return tokens.length >= 2 && tokens[tokens.length - 1] === 'FILE' && tokens.every((t) => UTIL_LINUX_COLUMNS.has(t));
}

function scriptHeader(line: string): boolean {
  return /^filename\s+size\s/i.test(line.trim());
}

interface Size {
  bytes: number | null;
  approximate: boolean;
}

function sizeOf(text: string | undefined): Size {
  if (text === undefined) return { bytes: null, approximate: false };
  const h = parseHumanSize(text);
  return h ? { bytes: h.bytes, approximate: h.approximate } : { bytes: null, approximate: false };
}

export function parseFincore(source: string, _ctx: ParseContext): ParseResult<PageCacheData> {
  const { lines } = contentLines(source);
  const files: PageCacheFile[] = [];
  const skipped: number[] = [];
  let columns: string[] | null = null;
  let script = false;
  let inferred = 0;
  let totalCachedBytes: number | null = null;
  let pagesOnly = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || t === '---' || t === '--' || /^return value: -?\d+$/.test(t) || /^\[ [^\]]{1,80} \]$/.test(t)) continue;
    const total = /^total cached size:\s*(\d{1,16})$/i.exec(t);
    if (total?.[1]) {
      totalCachedBytes = Number(total[1]);
      continue;
    }
    const tokens = t.split(/\s+/);
    if (utilLinuxHeader(tokens)) {
      columns = tokens;
      script = false;
      continue;
    }
    if (scriptHeader(t)) {
      script = true;
      columns = null;
      continue;
    }
    if (script) {
      // path may hold spaces: the numbers are the trailing tokens.
      let k = tokens.length;
      while (k > 0 && /^\d+(\.\d+)?$/.test(tokens[k - 1] ?? '')) k--;
      const numbers = tokens.slice(k);
      const path = tokens.slice(0, k).join(' ');
      if (path === '' || (numbers.length !== 5 && numbers.length !== 6)) {
        skipped.push(l.number);
        continue;
      }
      const [size, totalPages, , , , percent] = numbers.length === 6 ? numbers : [numbers[0], numbers[1], undefined, numbers[2], numbers[3], numbers[4]];
      const cachedPages = numbers.length === 6 ? numbers[3] : numbers[2];
      const cachedSize = numbers.length === 6 ? numbers[4] : numbers[3];
      files.push({
        path,
        sizeBytes: integerOrNull(size),
        cachedBytes: integerOrNull(cachedSize),
        cachedPages: integerOrNull(cachedPages),
        totalPages: integerOrNull(totalPages),
        cachedPercent: numberOrNull(percent),
        approximate: false,
        line: l.number,
      });
      continue;
    }
    let cols = columns;
    if (!cols) {
      // Rows printed with --noheadings: two or three leading numbers, then the file.
      const leading = tokens.findIndex((tok) => !/^\d+$/.test(tok));
      if (leading === 2) cols = ['PAGES', 'SIZE', 'FILE'];
      else if (leading === 3) cols = ['RES', 'PAGES', 'SIZE', 'FILE'];
      if (cols) inferred++;
    }
    if (!cols || tokens.length < cols.length) {
      skipped.push(l.number);
      continue;
    }
    const fileAt = cols.indexOf('FILE');
    const cell = (name: string): string | undefined => {
      const k = cols.indexOf(name);
      return k >= 0 && k !== fileAt ? tokens[k] : undefined;
    };
    const path = tokens.slice(fileAt).join(' ');
    const res = sizeOf(cell('RES'));
    const size = sizeOf(cell('SIZE'));
    const pages = integerOrNull(cell('PAGES'));
    if (res.bytes === null && pages === null) {
      skipped.push(l.number);
      continue;
    }
    let cachedBytes = res.bytes;
    let approximate = res.approximate || size.approximate;
    if (cachedBytes === null && pages !== null) {
      cachedBytes = pagesToBytes(pages, ASSUMED_PAGE_SIZE);
      approximate = true;
      pagesOnly = true;
    }
    files.push({ path, sizeBytes: size.bytes, cachedBytes, cachedPages: pages, totalPages: null, cachedPercent: null, approximate, line: l.number });
  }
  const warnings: ParseWarning[] = [];
  if (files.length === 0) return { status: 'unusable', warnings: [warning('no-rows', 'No fincore rows found.')] };
  if (skipped.length > 0) warnings.push(warning('lines-ignored', `${skipped.length} line(s) are not fincore rows and were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length }));
  if (inferred > 0) warnings.push(warning('columns-inferred', `${inferred} row(s) have no header line; their columns were inferred from the numbers.`, undefined, { count: inferred }));
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { tool: 'fincore', files, pageSizeBytes: ASSUMED_PAGE_SIZE, pageSizeAssumed: pagesOnly || script, totalCachedBytes, summary: null },
    warnings,
  };
}

export function detectFincore(head: string): number {
  let rows = 0;
  for (const line of headLines(head, 200)) {
    const t = line.trim();
    if (utilLinuxHeader(t.split(/\s+/)) || scriptHeader(t)) return 0.9;
    if (/^total cached size:\s*\d/i.test(t)) return 0.7;
    if (/^\d+ \d+ \S/.test(t)) rows++;
  }
  return rows >= 3 && /return value: \d/.test(head) ? 0.5 : 0;
}

export const fincoreFormat: FormatDefinition<PageCacheData> = {
  id: 'fincore',
  area: 'application',
  detect: (head) => detectFincore(head),
  parse: parseFincore,
};
