// The result of comparing two snapshots (cli-contract.md `diff --json`, extended): groups matched on
// stable keys with before/after/delta, the scope's usage change split into category deltas per
// group (`explanation`), shifts that leave usage alone (`notes`), and findings new/resolved/persisting.
import type { MemoryBreakdown } from '../model/breakdown';
import type { GroupRole } from '../model/memory-group';

/**
 * Categories that add up to usage. `file-cache` excludes shmem and, where the input has the
 * dirty/writeback counters, also excludes dirty + writeback pages, which are `file-dirty`.
 * `other` is usage − the categories counted (kernel memory when the input lacks it, rounding).
 */
export type DiffCategory = 'anon' | 'shmem' | 'file-cache' | 'file-dirty' | 'kernel' | 'other';
export const DIFF_CATEGORIES: readonly DiffCategory[] = ['anon', 'shmem', 'file-cache', 'file-dirty', 'kernel', 'other'];

/**
 * matched: same stable key on both sides. restarted: matched, but the container id changed (a new
 * cgroup: the old one's page-cache and shmem charges stay with the parent). appeared / vanished:
 * on one side only.
 */
export type GroupDiffStatus = 'matched' | 'restarted' | 'appeared' | 'vanished';

/** Names of a group, enough to write "container api" or "the pod itself" in either language. */
export interface GroupRef {
  key: string;
  role: GroupRole;
  path: string;
  podName: string | null;
  podNamespace: string | null;
  containerName: string | null;
  /** Set when this is the part of a group's usage that none of its live children hold ("the pod itself"). */
  ownChargesOf: Omit<GroupRef, 'ownChargesOf'> | null;
}

export interface GroupSide {
  usageBytes: number | null;
  limitBytes: number | null;
  workingSetBytes: number | null;
  breakdown: MemoryBreakdown;
}

export type BreakdownDelta = { [K in keyof MemoryBreakdown]: number | null };

export interface GroupDelta {
  usageBytes: number | null;
  anonBytes: number | null;
  /** Page cache excluding shmem (dirty and writeback included). */
  fileCacheBytes: number | null;
  shmemBytes: number | null;
  kernelBytes: number | null;
  swapBytes: number | null;
  workingSetBytes: number | null;
  dirtyWritebackBytes: number | null;
  activeFileBytes: number | null;
  inactiveFileBytes: number | null;
  /** Every breakdown field, after − before. */
  breakdown: BreakdownDelta;
}

export interface ProcessSide {
  pid: number;
  rssBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  swapBytes: number | null;
}

export interface ProcessDiff {
  /** Process name (comm), or `pid <n>` when the input has no name. */
  name: string;
  command: string | null;
  status: 'matched' | 'appeared' | 'vanished';
  pidChanged: boolean;
  /** Same PID, another name: the process exec'd; its name before. */
  renamedFrom: string | null;
  before: ProcessSide | null;
  after: ProcessSide | null;
  delta: { rssBytes: number | null; rssAnonBytes: number | null; rssFileBytes: number | null; rssShmemBytes: number | null; swapBytes: number | null };
}

export interface GroupDiff {
  key: string;
  role: GroupRole;
  status: GroupDiffStatus;
  ref: GroupRef;
  parentKey: string | null;
  orphaned: boolean;
  /** A vanished (or restarted) group: the group whose own charges took what its removed cgroup still held. */
  chargesMovedToKey: string | null;
  /** null on the side where the group does not exist; delta counts a missing side as 0. */
  before: GroupSide | null;
  after: GroupSide | null;
  delta: GroupDelta;
  processes: ProcessDiff[];
}

export interface ExplanationEntry {
  category: DiffCategory;
  /** Change of this category in this group, after moves are netted out. Sums to the scope's usage change. */
  deltaBytes: number;
  /** The group (or "itself" part of a group) the change is in. */
  key: string;
  text: string;
  kind: 'change' | 'moved';
  group: GroupRef;
  status: GroupDiffStatus;
  /** kind `moved`: bytes that left `fromKey` (a removed or restarted cgroup) and stay charged to `key`. */
  movedBytes?: number;
  fromKey?: string;
  from?: GroupRef;
  fromStatus?: GroupDiffStatus;
  /** file-cache: how the LRU lists moved (the working set counts active, not inactive). */
  activeFileDeltaBytes?: number | null;
  inactiveFileDeltaBytes?: number | null;
}

export type DiffNoteKind = 'working-set-jump' | 'working-set-drop' | 'moved-to-parent' | 'unchanged-holding' | 'scope-not-found';

export interface DiffNote {
  kind: DiffNoteKind;
  key: string;
  /** working-set-*: change of the working set; moved-to-parent: bytes moved; unchanged-holding: change (≈ 0). */
  deltaBytes: number;
  text: string;
  group: GroupRef | null;
  category?: DiffCategory;
  /** unchanged-holding: the bytes held on both sides (after). */
  heldBytes?: number;
  usageDeltaBytes?: number | null;
  activeFileDeltaBytes?: number | null;
  inactiveFileDeltaBytes?: number | null;
  /** working-set-jump: bytes that went from the inactive to the active file list. */
  inactiveToActiveBytes?: number;
  fromKey?: string;
  from?: GroupRef;
  fromStatus?: GroupDiffStatus;
}

export interface ScopeSummary {
  /** null: the whole snapshot (every root group). */
  key: string | null;
  role: GroupRole | null;
  ref: GroupRef | null;
  found: boolean;
  before: { usageBytes: number | null; workingSetBytes: number | null };
  after: { usageBytes: number | null; workingSetBytes: number | null };
  usageDeltaBytes: number | null;
  workingSetDeltaBytes: number | null;
  /** Sum of the explanation's deltaBytes; equals usageDeltaBytes when every group has usage. */
  explainedDeltaBytes: number;
}

/** The least a finding needs to be matched across snapshots: its id and the stable key of its scope. */
export interface FindingLike {
  id: string;
  scopeKey?: string | null;
  scope?: string | null;
}

export interface FindingsDiff<F extends FindingLike> {
  new: F[];
  resolved: F[];
  /** The after side's finding of each pair. */
  persisting: F[];
}

export interface SnapshotRefOut {
  id: string;
  label: string;
  capturedAt: string | null;
}

export interface SnapshotDiff<F extends FindingLike = FindingLike> {
  before: SnapshotRefOut;
  after: SnapshotRefOut;
  scope: ScopeSummary;
  groups: GroupDiff[];
  /** Sorted by |deltaBytes|, largest first (moves, at 0, last by movedBytes). */
  explanation: ExplanationEntry[];
  notes: DiffNote[];
  findings: FindingsDiff<F>;
}
