// Parsed files in, snapshots out: one per capture time (sub-folders with a manifest or their own
// cgroup/proc files, samples of a time-series file), in time order, each a tree node → qos → pod →
// container (→ processes) whose every value cites its file, line and key, plus one "remainder"
// child per parent for what no visible child holds. Used by analyzeBundle (worker, CLI, report).
//
//   const snapshots = assembleSnapshots(bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
//
// Sample (lab orphaned-shmem.tar.gz → 4 snapshots: init-running, before, during, after):
//   before  pod:8053180c-…                          usage 93818880  limit 134217728
//             pod:8053180c-…/container:api          usage  9699328
//             pod:8053180c-…/(not owned by any container)  usage 84119552, shmem 83886080
import type { KubeletSummaryData } from '../formats/kubernetes/kubelet-summary';
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { collectCgroupDirs, groupFromDir, type CgroupDirFiles } from './cgroup-groups';
import { isObjectData, momentRank, naturalCompare, partitionCaptures, type AssemblyFile, type Capture } from './capture-times';
import { collectIdentities, type IdentityFact } from './identities';
import { applyDeclaredVolumes, applyKubeletSummary } from './kubelet-groups';
import { attachProcesses } from './processes';
import { addRemainders } from './remainder';
import { seriesSamples } from './series';
import { identifyGroups, linkGroups, sortTree, type PlacedGroup } from './tree';

export type { AssemblyFile } from './capture-times';

interface Draft {
  snapshot: Snapshot;
  order: number;
}

export function assembleSnapshots(files: readonly AssemblyFile[]): Snapshot[] {
  const { captures, shared } = partitionCaptures(files);
  const sharedFacts = collectIdentities(shared);
  const drafts: Draft[] = captures.map((capture, order) => ({ snapshot: captureSnapshot(capture, sharedFacts), order }));
  const haveCgroupData = drafts.some((d) => d.snapshot.groups.length > 0);
  const series = seriesSamples(files, !haveCgroupData);
  const allFacts = series.length > 0 ? collectIdentities(files) : [];
  series.forEach((sample, i) => {
    const groups = buildSnapshot(sample.dirs, sample.groups, allFacts, [], []);
    drafts.push({
      snapshot: { id: sample.id, label: sample.label, capturedAt: sample.capturedAt, host: null, kernelRelease: null, cgroupVersion: versionOf(groups), groups, files: [sample.file] },
      order: captures.length + i,
    });
  });
  // Samples of a series carry the cgroup data: capture folders left without any group then add nothing.
  const kept = series.length > 0 ? drafts.filter((d) => d.snapshot.groups.length > 0) : drafts;
  return kept.sort(compareDrafts).map((d) => d.snapshot);
}

function captureSnapshot(capture: Capture, sharedFacts: readonly IdentityFact[]): Snapshot {
  const manifest = capture.manifest?.data ?? null;
  const dirs = collectCgroupDirs(capture.files, manifest?.cgroupRoot ?? null);
  const facts = [...collectIdentities(capture.files), ...sharedFacts];
  const summaries = capture.files.filter((f) => f.formatId === 'kubelet-summary' && isObjectData(f.data));
  const groups = buildSnapshot(dirs, [], facts, capture.files, summaries);
  const summaryData = summaries[0]?.data as KubeletSummaryData | undefined;
  const label = manifest?.snapshot ?? lastFolder(capture.root) ?? 'bundle';
  return {
    id: capture.root === '' ? 'bundle' : capture.root.replace(/\/$/, ''),
    label,
    capturedAt: manifest?.capturedAtIso ?? manifest?.capturedAt ?? summaryData?.node?.memory?.time ?? null,
    host: manifest?.hostname ?? manifest?.nodeName ?? summaryData?.node?.nodeName ?? null,
    kernelRelease: manifest?.kernel ?? null,
    cgroupVersion: manifest?.cgroupVersion ?? versionOf(groups),
    groups,
    files: capture.files.map((f) => f.path),
  };
}

/** Groups of one capture: numbers per cgroup directory, identities, kubelet figures, processes, tree, remainders. */
function buildSnapshot(
  dirs: readonly CgroupDirFiles[],
  extraGroups: readonly MemoryGroup[],
  facts: readonly IdentityFact[],
  processFiles: readonly AssemblyFile[],
  summaries: readonly AssemblyFile[],
): MemoryGroup[] {
  const placed: PlacedGroup[] = dirs.map((dir) => ({
    group: groupFromDir(dir),
    dir,
    localOnly: dir.stat !== null && dir.stat.data.cgroupVersion === 1 && !dir.stat.data.hierarchical,
  }));
  identifyGroups(placed, facts);
  const groups: MemoryGroup[] = [...placed.map((p) => p.group), ...extraGroups];
  const parents = new Map<MemoryGroup, MemoryGroup>();
  for (const summary of summaries) applyKubeletSummary(groups, summary, parents);
  applyDeclaredVolumes(groups, facts);
  attachProcesses(placed, processFiles, facts);
  const roots = linkGroups(groups, parents);
  addRemainders(roots, new Set(placed.filter((p) => p.localOnly).map((p) => p.group)));
  return sortTree(roots);
}

function lastFolder(root: string): string | null {
  const parts = root.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? null;
}

function versionOf(groups: readonly MemoryGroup[]): 1 | 2 | null {
  for (const g of groups) {
    if (g.cgroupVersion !== null) return g.cgroupVersion;
    const inner = versionOf(g.children);
    if (inner !== null) return inner;
  }
  return null;
}

function timeOf(snapshot: Snapshot): number | null {
  if (snapshot.capturedAt === null) return null;
  const ms = Date.parse(snapshot.capturedAt);
  return Number.isFinite(ms) ? ms : null;
}

/** By capture time when both have one; else by the folder's meaning (before < during < after), then name. */
function compareDrafts(a: Draft, b: Draft): number {
  const ta = timeOf(a.snapshot);
  const tb = timeOf(b.snapshot);
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  const ra = momentRank(a.snapshot.label);
  const rb = momentRank(b.snapshot.label);
  if (ta === null && tb === null && ra !== rb) return ra - rb;
  return naturalCompare(a.snapshot.id, b.snapshot.id) || a.order - b.order;
}
