// What page-cache residency tools (fincore, pcstat, hcache, vmtouch) say about files: how big each
// is and how much of it sits in the page cache. Note (seed 004): files in tmpfs (emptyDir medium
// Memory) often do not show up in these tools at all, though they fill the cgroup's shmem.

export interface PageCacheFile {
  path: string;
  sizeBytes: number | null;
  /** Bytes of the file in the page cache. */
  cachedBytes: number | null;
  cachedPages: number | null;
  totalPages: number | null;
  cachedPercent: number | null;
  /** The tool printed rounded human units (`198,1K`), or bytes were computed from pages of an assumed size. */
  approximate: boolean;
  line: number;
}

export interface VmtouchSummary {
  files: number | null;
  directories: number | null;
  residentPages: number | null;
  totalPages: number | null;
  /** Resident pages × page size. */
  residentBytes: number | null;
  totalBytes: number | null;
  residentPercent: number | null;
  /** As printed, rounded (`568M/268G`). */
  residentText: string | null;
  elapsedSeconds: number | null;
  line: number;
}

export interface PageCacheData {
  tool: 'fincore' | 'pcstat' | 'hcache' | 'vmtouch';
  files: PageCacheFile[];
  /** Page size used to turn pages into bytes. */
  pageSizeBytes: number;
  /** True when the input did not say the page size and 4096 was assumed. */
  pageSizeAssumed: boolean;
  /** A total the tool printed itself (`total cached size: 20422656`, vmtouch resident bytes). */
  totalCachedBytes: number | null;
  summary: VmtouchSummary | null;
}

export const ASSUMED_PAGE_SIZE = 4096;

export function numberOrNull(text: string | undefined | null): number | null {
  if (text === undefined || text === null) return null;
  const t = text.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d{1,16}(\.\d{1,20})?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function integerOrNull(text: string | undefined | null): number | null {
  if (text === undefined || text === null || !/^\d{1,16}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : null;
}

/** Pages × the assumed page size, or null when the product is not a safe integer (garbage counts). */
export function pagesToBytes(pages: number | null, pageSizeBytes: number): number | null {
  if (pages === null) return null;
  const bytes = pages * pageSizeBytes;
  return Number.isSafeInteger(bytes) ? bytes : null;
}
