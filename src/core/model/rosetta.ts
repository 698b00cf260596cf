// The metric Rosetta stone: every figure a person may have seen for a container, the formula that
// made it, and its value computed from this bundle, so "why do these numbers differ" has an answer.
// Formulas: cAdvisor container/libcontainer handler (working set = usage − total_inactive_file),
// kubelet eviction and metrics-server use the working set, docker CLI stats (usage − cache before
// 19.03 / usage − inactive_file after), crictl stats prints the working set.
import type { MemoryGroup, ValueSource } from './memory-group';
import { walkGroups } from './memory-group';

export type RosettaMetricId =
  | 'cgroup-usage'
  | 'working-set'
  | 'kubectl-top'
  | 'cadvisor-working-set'
  | 'cadvisor-rss'
  | 'cadvisor-cache'
  | 'cadvisor-usage'
  | 'docker-stats-new'
  | 'docker-stats-old'
  | 'crictl-stats'
  | 'process-rss-sum'
  | 'anon-plus-shmem';

export interface RosettaInput {
  name: string;
  bytes: number | null;
  source: ValueSource | null;
}

export interface RosettaEntry {
  id: RosettaMetricId;
  /** i18n keys: `rosetta.<id>.label` and `rosetta.<id>.formula`. */
  valueBytes: number | null;
  inputs: RosettaInput[];
  /** A value some tool printed for this metric in the bundle (cadvisor text, metrics API, docker stats…). */
  observed: { bytes: number; source: ValueSource } | null;
}

function input(group: MemoryGroup, name: string, bytes: number | null, sourceKey: string): RosettaInput {
  return { name, bytes, source: group.sources[sourceKey] ?? null };
}

function minus(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return Math.max(0, a - b);
}

export function rosettaStone(group: MemoryGroup, observed: Partial<Record<RosettaMetricId, { bytes: number; source: ValueSource }>> = {}): RosettaEntry[] {
  const b = group.breakdown;
  const v1 = group.cgroupVersion === 1;
  const usage = input(group, v1 ? 'memory.usage_in_bytes' : 'memory.current', group.usageBytes, 'usageBytes');
  const inactive = input(group, v1 ? 'total_inactive_file' : 'inactive_file', b.inactiveFileBytes, 'breakdown.inactiveFileBytes');
  const anon = input(group, v1 ? 'total_rss' : 'anon', b.anonBytes, 'breakdown.anonBytes');
  const file = input(group, v1 ? 'total_cache' : 'file', b.fileBytes, 'breakdown.fileBytes');
  const shmem = input(group, v1 ? 'total_shmem' : 'shmem', b.shmemBytes, 'breakdown.shmemBytes');
  const workingSet = minus(usage.bytes, inactive.bytes ?? (usage.bytes === null ? null : 0));
  const processes = [...walkGroups([group])].flatMap((g) => g.processes);
  const distinct = new Map(processes.map((p) => [p.pid, p]));
  const rssKnown = [...distinct.values()].filter((p) => p.rssBytes !== null);
  const rssSum = rssKnown.length > 0 ? rssKnown.reduce((s, p) => s + (p.rssBytes ?? 0), 0) : null;
  const entry = (id: RosettaMetricId, valueBytes: number | null, inputs: RosettaInput[]): RosettaEntry => ({ id, valueBytes, inputs, observed: observed[id] ?? null });
  return [
    entry('cgroup-usage', usage.bytes, [usage]),
    entry('working-set', workingSet, [usage, inactive]),
    entry('kubectl-top', workingSet, [usage, inactive]),
    entry('cadvisor-working-set', workingSet, [usage, inactive]),
    entry('cadvisor-rss', anon.bytes, [anon]),
    entry('cadvisor-cache', file.bytes, [file]),
    entry('cadvisor-usage', usage.bytes, [usage]),
    entry('docker-stats-new', workingSet, [usage, inactive]),
    entry('docker-stats-old', minus(usage.bytes, file.bytes), [usage, file]),
    entry('crictl-stats', workingSet, [usage, inactive]),
    entry(
      'process-rss-sum',
      rssSum,
      rssKnown.map((p) => ({ name: `${p.name ?? '?'} (${p.pid}) VmRSS`, bytes: p.rssBytes, source: p.source })),
    ),
    entry('anon-plus-shmem', anon.bytes === null ? null : anon.bytes + (shmem.bytes ?? 0), [anon, shmem]),
  ];
}
