// One capture time of one node (or part of one): a forest of memory groups.
import type { MemoryGroup } from './memory-group';

export interface Snapshot {
  id: string;
  /** What the user sees: a sub-folder name (`before`), a sample time, or the bundle title. */
  label: string;
  /** ISO 8601, or null when the bundle does not say. */
  capturedAt: string | null;
  host: string | null;
  kernelRelease: string | null;
  cgroupVersion: 1 | 2 | null;
  /** Roots of the memory tree. */
  groups: MemoryGroup[];
  /** Bundle paths of the files this snapshot was built from. */
  files: string[];
}
