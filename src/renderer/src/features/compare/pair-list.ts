// Pure: how a pair of raw files is named in the Compare screen's list, and which pair opens first
// (the memory.stat of the group whose change is explained). Pair keys as pairFiles writes them:
//   group:pod:8053…/container:api:memory.stat   process:pod:8053…/container:api:api-server:status
//   path:dmesg.txt                               format:kernel-log
import type { FilePair } from '../../../../core';

export interface PairLabel {
  /** The file's name, or both names when they differ (`kern.log ↔ dmesg.txt`). */
  name: string;
  /** Whose file it is: the group, the process, or the folder below the snapshot. */
  detail: string | null;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function pairLabel(pair: FilePair, groupName: (key: string | null) => string | null): PairLabel {
  const beforeName = pair.before ? baseName(pair.before.path) : null;
  const afterName = pair.after ? baseName(pair.after.path) : null;
  const name = beforeName && afterName && beforeName !== afterName ? `${beforeName} ↔ ${afterName}` : (beforeName ?? afterName ?? pair.fileName);
  switch (pair.kind) {
    case 'group':
      return { name, detail: groupName(pair.groupKey) };
    case 'process': {
      const group = groupName(pair.groupKey);
      const process = pair.processName ?? '';
      return { name, detail: group ? `${process} · ${group}` : process || null };
    }
    case 'path': {
      const rel = pair.key.startsWith('path:') ? pair.key.slice('path:'.length) : pair.fileName;
      const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : null;
      return { name, detail: folder };
    }
    case 'format':
      return { name, detail: null };
  }
}

/** The scope group's memory.stat, else any memory.stat, else the first pair. */
export function defaultPairKey(pairs: readonly FilePair[], scopeKey: string | null): string | null {
  const stat = (p: FilePair): boolean => p.fileName === 'memory.stat';
  const pick = (scopeKey !== null ? pairs.find((p) => p.kind === 'group' && p.groupKey === scopeKey && stat(p)) : undefined) ?? pairs.find((p) => p.kind === 'group' && stat(p)) ?? pairs.find(stat) ?? pairs[0];
  return pick?.key ?? null;
}
