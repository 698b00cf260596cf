// Which files belong to which capture time. A capture is a folder holding a `manifest.json`, or the
// folder above a `cgroup/` or `proc/` tree (the lab and collector layout, e.g. `before/` and
// `after/`); each file belongs to the deepest capture folder above it, and files above every capture
// (kubectl output, inspect JSON next to `sample-001/`, `sample-002/`) are shared by all. Sample:
//   orphaned-shmem/before/manifest.json                         → capture `orphaned-shmem/before`
//   orphaned-shmem/before/cgroup/kubepods/…/memory.stat         → capture `orphaned-shmem/before`
//   orphaned-shmem/after/dmesg.txt                              → capture `orphaned-shmem/after`
import type { ManifestData } from '../formats/collector/manifest';
import { bundleCgroupFile } from './join-keys';

export interface AssemblyFile {
  /** The file's path in the bundle. */
  path: string;
  formatId: string;
  /** The format's parse result (null when unrecognised). */
  data: unknown;
}

export interface Capture {
  /** The capture folder with a trailing `/` ('' for the bundle root). */
  root: string;
  files: AssemblyFile[];
  manifest: { file: AssemblyFile; data: ManifestData } | null;
}

export interface CapturePartition {
  captures: Capture[];
  /** Files above every capture: used for names in each, values only when there is one capture. */
  shared: AssemblyFile[];
}

export const CGROUP_FORMATS: ReadonlySet<string> = new Set([
  'cgroup-v1-memory-stat',
  'cgroup-v2-memory-stat',
  'cgroup-memory-value',
  'cgroup-v1-oom-control',
  'cgroup-v2-memory-events',
  'cgroup-procs',
]);

const PROCESS_FORMATS: ReadonlySet<string> = new Set(['proc-status', 'proc-cgroup', 'proc-oom-score', 'proc-smaps-rollup', 'proc-smaps', 'proc-maps']);

export function isObjectData(data: unknown): data is object {
  return typeof data === 'object' && data !== null;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** The folder above a `proc/<pid>/…` file (`before/proc/21065/status` → `before/`). */
function processRoot(path: string): string | null {
  const segments = path.split('/');
  for (let i = segments.length - 3; i >= 0; i--) {
    if (segments[i] === 'proc' && /^\d{1,10}$/.test(segments[i + 1] ?? '')) return segments.slice(0, i).map((s) => `${s}/`).join('');
  }
  return null;
}

/** A file that is data of one capture time (a cgroup's or a process's file). */
export function captureRootOf(file: AssemblyFile): string | null {
  if (CGROUP_FORMATS.has(file.formatId)) {
    const layout = bundleCgroupFile(file.path);
    return layout ? layout.snapshotPrefix : null;
  }
  if (PROCESS_FORMATS.has(file.formatId)) return processRoot(file.path);
  return null;
}

function isCaptureData(file: AssemblyFile): boolean {
  return CGROUP_FORMATS.has(file.formatId) || PROCESS_FORMATS.has(file.formatId);
}

export function partitionCaptures(files: readonly AssemblyFile[]): CapturePartition {
  const candidates = new Set<string>();
  for (const f of files) {
    if (f.formatId === 'manifest' && isObjectData(f.data)) candidates.add(folderOf(f.path));
    const root = captureRootOf(f);
    if (root !== null) candidates.add(root);
  }
  const sortedRoots = [...candidates].sort((a, b) => b.length - a.length);
  const deepestRoot = (path: string): string | null => sortedRoots.find((r) => path.startsWith(r)) ?? null;
  const owned = new Map<string, AssemblyFile[]>();
  for (const f of files) {
    const root = deepestRoot(f.path);
    if (root === null) continue;
    const list = owned.get(root) ?? [];
    list.push(f);
    owned.set(root, list);
  }
  // A folder counts as a capture only when it holds capture data of its own (a collector's top
  // folder with only a manifest, logs and kubectl output is shared by its sample folders).
  const roots = [...owned.entries()].filter(([, list]) => list.some(isCaptureData)).map(([root]) => root);
  if (roots.length === 0) return { captures: [makeCapture('', [...files])], shared: [] };
  const byDepth = roots.sort((a, b) => b.length - a.length);
  const captureFiles = new Map<string, AssemblyFile[]>(roots.map((r) => [r, []]));
  const shared: AssemblyFile[] = [];
  for (const f of files) {
    const root = byDepth.find((r) => f.path.startsWith(r));
    if (root === undefined) shared.push(f);
    else captureFiles.get(root)?.push(f);
  }
  const captures = [...captureFiles.entries()].map(([root, list]) => makeCapture(root, list));
  if (captures.length === 1 && captures[0]) {
    captures[0].files.push(...shared);
    return { captures, shared: [] };
  }
  return { captures, shared };
}

function makeCapture(root: string, files: AssemblyFile[]): Capture {
  const own = files.filter((f) => f.formatId === 'manifest' && isObjectData(f.data) && folderOf(f.path) === root);
  const chosen = own[0];
  return { root, files, manifest: chosen ? { file: chosen, data: chosen.data as ManifestData } : null };
}

// Capture folders named for their moment sort by meaning; the rest by name (`sample-002` < `sample-010`).
const MOMENT_RANK: [RegExp, number][] = [
  [/^(?:init|initial|start|baseline)/i, 0],
  [/^(?:before|pre)/i, 1],
  [/^(?:during|mid|peak)/i, 2],
  [/^(?:after|post|end|final)/i, 3],
];

export function momentRank(label: string): number {
  for (const [pattern, rank] of MOMENT_RANK) if (pattern.test(label)) return rank;
  return 2;
}

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
