// The mapping line shared by /proc/<pid>/maps, smaps and smaps_rollup:
//   55f52478d000-55f5247ae000 rw-p 00000000 00:00 0                          [heap]
//   7f82cdb70000-7f82cdb72000 r--p 00000000 fe:00 339490                     /usr/lib/…/libffi.so.8.1.2
// and its classification (anonymous, heap, stack, file, shmem, special).

export type MappingKind = 'anonymous' | 'heap' | 'stack' | 'file' | 'shmem' | 'special';

export interface MappingLine {
  /** Hex text as written (addresses can exceed 2^53). */
  startAddress: string;
  endAddress: string;
  /** end − start; null when the range is not a valid one. */
  sizeBytes: number | null;
  perms: string;
  offset: string;
  device: string;
  inode: number | null;
  /** Path or pseudo-name (`[heap]`, `/memfd:x (deleted)`); null for an unnamed anonymous mapping. */
  path: string | null;
  /** The path ends with ` (deleted)`: the file was unlinked while still mapped. */
  deleted: boolean;
  kind: MappingKind;
}

const MAPPING = /^([0-9a-fA-F]{1,16})-([0-9a-fA-F]{1,16})[ \t]+([r-][w-][x-][psS-])[ \t]+([0-9a-fA-F]{1,16})[ \t]+([0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8})[ \t]+(\d{1,20})(?:[ \t](.*))?$/;

/** The mapping of one line, or null when the line is not a mapping line. */
export function readMappingLine(raw: string): MappingLine | null {
  const m = MAPPING.exec(raw.trim());
  if (!m) return null;
  const [, start = '', end = '', perms = '', offset = '', device = '', inodeText = '', rest] = m;
  const pathText = (rest ?? '').trim();
  const path = pathText === '' ? null : pathText;
  const deleted = path !== null && path.endsWith(' (deleted)');
  const inode = Number(inodeText);
  return {
    startAddress: start,
    endAddress: end,
    sizeBytes: rangeSize(start, end),
    perms,
    offset,
    device,
    inode: Number.isSafeInteger(inode) ? inode : null,
    path,
    deleted,
    kind: classifyMapping(path, device, inode),
  };
}

function rangeSize(start: string, end: string): number | null {
  const size = BigInt(`0x${end}`) - BigInt(`0x${start}`);
  if (size < 0n || size > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(size);
}

// Shared-memory backed mappings: POSIX shm, memfd, SysV shm, and named shared anonymous memory.
const SHMEM_PATH = /^(?:\/dev\/shm\/|\/memfd:|\/SYSV[0-9a-fA-F]{8}\b|\[anon_shmem:)/;

export function classifyMapping(path: string | null, device: string, inode: number): MappingKind {
  if (path === null) return 'anonymous';
  if (SHMEM_PATH.test(path)) return 'shmem';
  if (path === '[heap]') return 'heap';
  if (path === '[stack]' || path.startsWith('[stack:')) return 'stack';
  // Named anonymous memory (prctl PR_SET_VMA_ANON_NAME, 5.17+).
  if (path.startsWith('[anon:')) return 'anonymous';
  if (path.startsWith('[')) return 'special';
  if (device === '00:00' && inode === 0) return 'special';
  return 'file';
}

export const MAPPING_KINDS: readonly MappingKind[] = ['anonymous', 'heap', 'stack', 'file', 'shmem', 'special'];
