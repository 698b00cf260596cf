// The breakdown of a memory group, in bytes, as model-and-findings.md defines it. null = not in the input.

export interface MemoryBreakdown {
  /** Anonymous memory excluding shmem (v1 total_rss incl. rss_huge; v2 anon). */
  anonBytes: number | null;
  /** Page cache including shmem, as the kernel counts it (v1 total_cache; v2 file). */
  fileBytes: number | null;
  /** shmem/tmpfs (inside fileBytes). */
  shmemBytes: number | null;
  activeFileBytes: number | null;
  inactiveFileBytes: number | null;
  dirtyBytes: number | null;
  writebackBytes: number | null;
  mappedFileBytes: number | null;
  anonThpBytes: number | null;
  kernelBytes: number | null;
  slabReclaimableBytes: number | null;
  slabUnreclaimableBytes: number | null;
  swapBytes: number | null;
  /** v1 hierarchical_memory_limit, null when absent or unlimited. */
  hierarchicalLimitBytes: number | null;
}

export const BREAKDOWN_KEYS: readonly (keyof MemoryBreakdown)[] = [
  'anonBytes',
  'fileBytes',
  'shmemBytes',
  'activeFileBytes',
  'inactiveFileBytes',
  'dirtyBytes',
  'writebackBytes',
  'mappedFileBytes',
  'anonThpBytes',
  'kernelBytes',
  'slabReclaimableBytes',
  'slabUnreclaimableBytes',
  'swapBytes',
  'hierarchicalLimitBytes',
];

export function emptyBreakdown(): MemoryBreakdown {
  return {
    anonBytes: null,
    fileBytes: null,
    shmemBytes: null,
    activeFileBytes: null,
    inactiveFileBytes: null,
    dirtyBytes: null,
    writebackBytes: null,
    mappedFileBytes: null,
    anonThpBytes: null,
    kernelBytes: null,
    slabReclaimableBytes: null,
    slabUnreclaimableBytes: null,
    swapBytes: null,
    hierarchicalLimitBytes: null,
  };
}

/** Page cache that is not shmem: what reclaim can drop once clean. */
export function fileCacheExclShmemBytes(b: MemoryBreakdown): number | null {
  if (b.fileBytes === null) return null;
  return Math.max(0, b.fileBytes - (b.shmemBytes ?? 0));
}

/** Working set as cAdvisor and the kubelet compute it: usage − inactive_file, floored at 0. */
export function workingSetBytes(usageBytes: number | null, inactiveFileBytes: number | null): number | null {
  if (usageBytes === null) return null;
  return Math.max(0, usageBytes - (inactiveFileBytes ?? 0));
}
