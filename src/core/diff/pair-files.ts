// Pairs the raw files of two snapshots for a side-by-side text diff, by what each file is rather
// than where it sits: the cgroup files of the same group key (container ids differ after a
// restart), the /proc/<pid>/ files of the same process name (PIDs differ), then the same path
// below the snapshot's folder (`before/dmesg.txt` ↔ `during/dmesg.txt`), then the only file of a
// format on each side (`kern.log` ↔ `dmesg.txt`).
import type { MemoryGroup } from '../model/memory-group';
import { walkGroups } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { matchedKeyOf } from './leaves';
import { matchGroups, type GroupMatching } from './match-groups';
import { isOwnChargesGroup } from './own-charges';

export interface PairableFile {
  /** Bundle path, `/`-separated. */
  path: string;
  formatId: string;
}

export interface PairFilesSide {
  files: readonly PairableFile[];
  /** Its groups' sources and processes say which file belongs to which group or process; its `files` (when not empty) select the files. */
  snapshot?: Snapshot | null;
}

export type FilePairKind = 'group' | 'process' | 'path' | 'format';

export interface FilePair {
  /** Stable identity of the pair, e.g. `group:<key>:memory.stat`, `process:<key>:api-server:status`, `path:dmesg.txt`. */
  key: string;
  kind: FilePairKind;
  /** Matched group key for `group` and `process` pairs. */
  groupKey: string | null;
  processName: string | null;
  /** The file's name (last path segment). */
  fileName: string;
  formatId: string;
  before: PairableFile | null;
  after: PairableFile | null;
}

type Side = 'before' | 'after';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(0, i) : '';
}

function commonFolder(paths: readonly string[]): string {
  const first = paths[0];
  if (first === undefined) return '';
  let prefix = first.slice(0, first.lastIndexOf('/') + 1);
  for (const p of paths) {
    while (prefix !== '' && !p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
    if (prefix === '') break;
  }
  return prefix;
}

const PROC_PID = /(?:^|\/)proc\/(\d{1,10})\/(.+)$/;

function isCgroupFile(file: PairableFile): boolean {
  const name = baseName(file.path);
  return file.formatId.startsWith('cgroup') || name.startsWith('memory.') || name.startsWith('cgroup.');
}

interface Classified {
  file: PairableFile;
  key: string;
  kind: FilePairKind;
  groupKey: string | null;
  processName: string | null;
  order: number;
}

function classifySide(side: PairFilesSide, which: Side, matching: GroupMatching | null): Classified[] {
  const snapshot = side.snapshot ?? null;
  const selected = snapshot && snapshot.files.length > 0 ? new Set(snapshot.files) : null;
  const files = side.files.filter((f) => !selected || selected.has(f.path));
  const keyOf = (g: MemoryGroup): string => (matching ? matchedKeyOf(matching, which, g) : null) ?? g.key;

  // Which group each cgroup directory belongs to, from the files the groups cite.
  const dirGroups = new Map<string, Set<string>>();
  const groupOrder = new Map<string, number>();
  const processOf = new Map<number, { groupKey: string; name: string }>();
  if (snapshot) {
    const parents = new Map<MemoryGroup, MemoryGroup>();
    for (const g of walkGroups(snapshot.groups)) for (const c of g.children) parents.set(c, g);
    for (const g of walkGroups(snapshot.groups)) {
      const key = keyOf(g);
      if (!groupOrder.has(key)) groupOrder.set(key, groupOrder.size);
      const parent = parents.get(g);
      if (!(parent && isOwnChargesGroup(g, parent))) {
        for (const source of Object.values(g.sources)) {
          const dir = dirName(source.file);
          const set = dirGroups.get(dir) ?? new Set<string>();
          set.add(key);
          dirGroups.set(dir, set);
        }
      }
      // Among processes of one name, the largest gets `name`, the next `name#2`… (as diffProcesses pairs them).
      const seen = new Map<string, number>();
      const byRss = [...g.processes].sort((x, y) => (y.rssBytes ?? -1) - (x.rssBytes ?? -1) || x.pid - y.pid);
      for (const p of byRss) {
        const base = p.name ?? `pid ${p.pid}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        processOf.set(p.pid, { groupKey: key, name: n === 1 ? base : `${base}#${n}` });
      }
    }
  }

  const prefix = commonFolder(files.map((f) => f.path));
  const out: Classified[] = [];
  for (const file of files) {
    const name = baseName(file.path);
    const groups = dirGroups.get(dirName(file.path));
    if (isCgroupFile(file) && groups && groups.size === 1) {
      const [groupKey] = [...groups] as [string];
      out.push({ file, key: `group:${groupKey}:${name}`, kind: 'group', groupKey, processName: null, order: groupOrder.get(groupKey) ?? 0 });
      continue;
    }
    const proc = PROC_PID.exec(file.path);
    if (proc && proc[1] !== undefined && proc[2] !== undefined) {
      const owner = processOf.get(Number(proc[1]));
      if (owner) {
        out.push({ file, key: `process:${owner.groupKey}:${owner.name}:${proc[2]}`, kind: 'process', groupKey: owner.groupKey, processName: owner.name, order: groupOrder.get(owner.groupKey) ?? 0 });
        continue;
      }
    }
    out.push({ file, key: `path:${file.path.slice(prefix.length)}`, kind: 'path', groupKey: null, processName: null, order: 0 });
  }
  // The same key twice on one side (two files cited for one group under one name): number them.
  const counts = new Map<string, number>();
  for (const c of out) {
    const n = (counts.get(c.key) ?? 0) + 1;
    counts.set(c.key, n);
    if (n > 1) c.key = `${c.key}#${n}`;
  }
  return out;
}

const KIND_ORDER: Record<FilePairKind, number> = { group: 0, process: 1, path: 2, format: 3 };

export function pairFiles(before: PairFilesSide, after: PairFilesSide): FilePair[] {
  const matching = before.snapshot && after.snapshot ? matchGroups(before.snapshot, after.snapshot) : null;
  const left = classifySide(before, 'before', matching);
  const right = classifySide(after, 'after', matching);
  const leftByKey = new Map(left.map((c) => [c.key, c]));
  const pairs: (FilePair & { order: number })[] = [];
  const pairedLeft = new Set<Classified>();
  const unpairedRight: Classified[] = [];
  for (const r of right) {
    const l = leftByKey.get(r.key);
    if (l) {
      pairedLeft.add(l);
      pairs.push(pairOf(r.key, r, l, r));
    } else {
      unpairedRight.push(r);
    }
  }
  const unpairedLeft = left.filter((l) => !pairedLeft.has(l));
  // The only file of a format on each side, both unpaired, with no path the other side has.
  const single = (list: Classified[]): Map<string, Classified> => {
    const byFormat = new Map<string, Classified[]>();
    for (const c of list) {
      if (c.kind !== 'path' || c.file.formatId === 'unknown') continue;
      const same = byFormat.get(c.file.formatId);
      if (same) same.push(c);
      else byFormat.set(c.file.formatId, [c]);
    }
    return new Map([...byFormat].filter(([, v]) => v.length === 1).map(([k, v]) => [k, v[0] as Classified]));
  };
  const leftSingles = single(unpairedLeft);
  const rightSingles = single(unpairedRight);
  const usedLeft = new Set<Classified>();
  for (const r of unpairedRight) {
    const l = rightSingles.get(r.file.formatId) === r ? leftSingles.get(r.file.formatId) : undefined;
    if (l) {
      usedLeft.add(l);
      pairs.push({ ...pairOf(`format:${r.file.formatId}`, r, l, r), kind: 'format' });
    } else {
      pairs.push(pairOf(r.key, r, null, r));
    }
  }
  for (const l of unpairedLeft) if (!usedLeft.has(l)) pairs.push(pairOf(l.key, l, l, null));
  pairs.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.order - y.order || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return pairs.map(({ order: _order, ...pair }) => pair);
}

function pairOf(key: string, info: Classified, before: Classified | null, after: Classified | null): FilePair & { order: number } {
  return {
    key,
    kind: info.kind,
    groupKey: info.groupKey,
    processName: info.processName,
    fileName: baseName(info.file.path),
    formatId: (after ?? before ?? info).file.formatId,
    before: before ? before.file : null,
    after: after ? after.file : null,
    order: info.order,
  };
}
