// The `Key: N kB` block that follows each mapping line in smaps, and the single block of
// smaps_rollup (fs/proc/task_mmu.c __show_smap). Keys vary by kernel: Pss_Anon/File/Shmem and
// Pss_Dirty are 5.x+, KSM and FilePmdMapped newer still; none is guaranteed. `Size` is not here:
// it equals the mapping line's range (MappingLine.sizeBytes).

export interface SmapsFields {
  rssBytes: number | null;
  pssBytes: number | null;
  pssDirtyBytes: number | null;
  pssAnonBytes: number | null;
  pssFileBytes: number | null;
  pssShmemBytes: number | null;
  sharedCleanBytes: number | null;
  sharedDirtyBytes: number | null;
  privateCleanBytes: number | null;
  privateDirtyBytes: number | null;
  referencedBytes: number | null;
  anonymousBytes: number | null;
  lazyFreeBytes: number | null;
  anonHugePagesBytes: number | null;
  shmemPmdMappedBytes: number | null;
  filePmdMappedBytes: number | null;
  sharedHugetlbBytes: number | null;
  privateHugetlbBytes: number | null;
  swapBytes: number | null;
  swapPssBytes: number | null;
  lockedBytes: number | null;
  ksmBytes: number | null;
}

export const SMAPS_KEYS: Record<keyof SmapsFields, string> = {
  rssBytes: 'Rss',
  pssBytes: 'Pss',
  pssDirtyBytes: 'Pss_Dirty',
  pssAnonBytes: 'Pss_Anon',
  pssFileBytes: 'Pss_File',
  pssShmemBytes: 'Pss_Shmem',
  sharedCleanBytes: 'Shared_Clean',
  sharedDirtyBytes: 'Shared_Dirty',
  privateCleanBytes: 'Private_Clean',
  privateDirtyBytes: 'Private_Dirty',
  referencedBytes: 'Referenced',
  anonymousBytes: 'Anonymous',
  lazyFreeBytes: 'LazyFree',
  anonHugePagesBytes: 'AnonHugePages',
  shmemPmdMappedBytes: 'ShmemPmdMapped',
  filePmdMappedBytes: 'FilePmdMapped',
  sharedHugetlbBytes: 'Shared_Hugetlb',
  privateHugetlbBytes: 'Private_Hugetlb',
  swapBytes: 'Swap',
  swapPssBytes: 'SwapPss',
  lockedBytes: 'Locked',
  ksmBytes: 'KSM',
};

const FIELD_BY_KEY: ReadonlyMap<string, keyof SmapsFields> = new Map(
  (Object.entries(SMAPS_KEYS) as [keyof SmapsFields, string][]).map(([field, key]) => [key, field]),
);

export function smapsFieldFor(key: string): keyof SmapsFields | undefined {
  return FIELD_BY_KEY.get(key);
}

export function emptySmapsFields(): SmapsFields {
  const fields = {} as SmapsFields;
  for (const field of Object.keys(SMAPS_KEYS) as (keyof SmapsFields)[]) fields[field] = null;
  return fields;
}

/** Adds `from` into `into`, field by field; a field stays null only if no mapping had it. */
export function addSmapsFields(into: SmapsFields, from: SmapsFields): void {
  for (const field of Object.keys(SMAPS_KEYS) as (keyof SmapsFields)[]) {
    const v = from[field];
    if (v !== null) into[field] = (into[field] ?? 0) + v;
  }
}
