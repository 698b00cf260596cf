// `vmtouch` (hoytech/vmtouch): the summary, and with `-v` one residency bar per file. Sample:
//   /dev/sda6
//   [o                            o                              ] 145557/70337536
//     Resident Pages: 145557/70337536  568M/268G  0.207%
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { contentLines } from '../text/pasted';
import { ASSUMED_PAGE_SIZE, integerOrNull, numberOrNull, type PageCacheData, type PageCacheFile, type VmtouchSummary, pagesToBytes } from './page-cache-data';

const BAR = /^\[([^\]]{0,400})\]\s+(\d{1,16})\/(\d{1,16})$/;
const RESIDENT = /^(?:Resident|Touched|Evicted) Pages:\s+(\d{1,16})\/(\d{1,16})\s+(\S+)\/([^\s/]+)\s+([\d.]+)%$/;

export function parseVmtouch(source: string, _ctx: ParseContext): ParseResult<PageCacheData> {
  const { lines } = contentLines(source);
  const files: PageCacheFile[] = [];
  const skipped: number[] = [];
  let summary: VmtouchSummary | null = null;
  let pendingPath: { text: string; line: number } | null = null;
  const ensure = (line: number): VmtouchSummary => {
    summary ??= { files: null, directories: null, residentPages: null, totalPages: null, residentBytes: null, totalBytes: null, residentPercent: null, residentText: null, elapsedSeconds: null, line };
    return summary;
  };
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') continue;
    const bar = BAR.exec(t);
    if (bar) {
      const cached = integerOrNull(bar[2]);
      const total = integerOrNull(bar[3]);
      files.push({
        path: pendingPath?.text ?? '',
        sizeBytes: null,
        cachedBytes: pagesToBytes(cached, ASSUMED_PAGE_SIZE),
        cachedPages: cached,
        totalPages: total,
        cachedPercent: cached !== null && total ? Math.round((cached / total) * 100000) / 1000 : null,
        approximate: true,
        line: pendingPath?.line ?? l.number,
      });
      pendingPath = null;
      continue;
    }
    const kv = /^(Files|Directories|Elapsed):\s+(\S+)/.exec(t);
    if (kv) {
      const s = ensure(l.number);
      if (kv[1] === 'Files') s.files = integerOrNull(kv[2]);
      else if (kv[1] === 'Directories') s.directories = integerOrNull(kv[2]);
      else s.elapsedSeconds = numberOrNull(kv[2]);
      continue;
    }
    const resident = RESIDENT.exec(t);
    if (resident) {
      const s = ensure(l.number);
      s.residentPages = integerOrNull(resident[1]);
      s.totalPages = integerOrNull(resident[2]);
      s.residentBytes = pagesToBytes(s.residentPages, ASSUMED_PAGE_SIZE);
      s.totalBytes = pagesToBytes(s.totalPages, ASSUMED_PAGE_SIZE);
      s.residentText = `${resident[3] ?? ''}/${resident[4] ?? ''}`;
      s.residentPercent = numberOrNull(resident[5]);
      s.line = l.number;
      continue;
    }
    if (pendingPath) skipped.push(pendingPath.line);
    pendingPath = { text: t, line: l.number };
  }
  if (pendingPath) skipped.push(pendingPath.line);
  const warnings: ParseWarning[] = [];
  const s = summary as VmtouchSummary | null;
  if (files.length === 0 && !s) return { status: 'unusable', warnings: [warning('no-rows', 'No vmtouch summary or per-file lines found.')] };
  if (skipped.length > 0) warnings.push(warning('lines-ignored', `${skipped.length} line(s) are not vmtouch output and were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length }));
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { tool: 'vmtouch', files, pageSizeBytes: ASSUMED_PAGE_SIZE, pageSizeAssumed: true, totalCachedBytes: s?.residentBytes ?? null, summary: s },
    warnings,
  };
}

export function detectVmtouch(head: string): number {
  let bars = 0;
  for (const line of headLines(head, 200)) {
    const t = line.trim();
    if (RESIDENT.test(t)) return 0.95;
    if (BAR.test(t)) bars++;
  }
  return bars > 0 ? 0.8 : 0;
}

export const vmtouchFormat: FormatDefinition<PageCacheData> = {
  id: 'vmtouch',
  area: 'application',
  detect: (head) => detectVmtouch(head),
  parse: parseVmtouch,
};
