// What the page-cache panel shows: files by cached bytes, and the total (the tool's own, else the sum).
import type { PageCacheData, PageCacheFile } from '../../../../core';

export interface PageCacheSummary {
  files: PageCacheFile[];
  /** Sum of the listed files' cached bytes. */
  sumCachedBytes: number;
  /** The tool's own total when it printed one (fincore --summarize, vmtouch), else null. */
  toolTotalBytes: number | null;
  fileCount: number;
}

export function pageCacheSummary(data: PageCacheData): PageCacheSummary {
  const files = [...data.files].sort((a, b) => (b.cachedBytes ?? -1) - (a.cachedBytes ?? -1) || a.line - b.line);
  const sum = files.reduce((s, f) => s + (f.cachedBytes ?? 0), 0);
  return { files, sumCachedBytes: sum, toolTotalBytes: data.totalCachedBytes ?? data.summary?.residentBytes ?? null, fileCount: files.length };
}

/** Share of a file in the page cache, in [0, 1]: the tool's percentage, else cached / size. */
export function cachedShare(f: PageCacheFile): number | null {
  if (f.cachedPercent !== null) return Math.min(1, Math.max(0, f.cachedPercent / 100));
  if (f.cachedBytes !== null && f.sizeBytes !== null && f.sizeBytes > 0) return Math.min(1, f.cachedBytes / f.sizeBytes);
  return null;
}
