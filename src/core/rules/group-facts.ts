// Reading a memory group's numbers for rules: each value with the evidence it came from.
import { formatBytes, formatPercent } from '../model/units';
import type { MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { groupDisplayName, walkGroups } from '../model/memory-group';
import type { MemoryBreakdown } from '../model/breakdown';
import { evidenceFrom, type EvidenceRef } from './rule';
import { isRemainderGroup } from '../assemble/remainder';

export interface Fact {
  bytes: number;
  evidence: EvidenceRef[];
}

export function breakdownFact(group: MemoryGroup, key: keyof MemoryBreakdown): Fact | null {
  const bytes = group.breakdown[key];
  if (bytes === null) return null;
  return { bytes, evidence: evidenceFrom(group.sources[`breakdown.${key}`]) };
}

export function usageFact(group: MemoryGroup): Fact | null {
  if (group.usageBytes === null) return null;
  return { bytes: group.usageBytes, evidence: evidenceFrom(group.sources['usageBytes']) };
}

/** The limit that applies to this group: its own, else the hierarchical one memory.stat reports. */
export function limitFact(group: MemoryGroup): Fact | null {
  if (group.limitBytes !== null) return { bytes: group.limitBytes, evidence: evidenceFrom(group.sources['limitBytes']) };
  const h = group.breakdown.hierarchicalLimitBytes;
  if (h !== null) return { bytes: h, evidence: evidenceFrom(group.sources['breakdown.hierarchicalLimitBytes']) };
  return null;
}

/** Sum of two optional facts; null when both are missing. */
export function sumFacts(...facts: (Fact | null)[]): Fact | null {
  const present = facts.filter((f): f is Fact => f !== null);
  if (present.length === 0) return null;
  return { bytes: present.reduce((s, f) => s + f.bytes, 0), evidence: present.flatMap((f) => f.evidence) };
}

export function bytesText(bytes: number): string {
  return `${formatBytes(bytes)} (${bytes} B)`;
}

export function percentText(part: number, whole: number): string {
  return formatPercent(part, whole);
}

/** How people name a group in a sentence (the model's display name). */
export const scopeName = groupDisplayName;

/** Every group of every snapshot, with its snapshot. */
export function* snapshotGroups(snapshots: readonly Snapshot[]): Generator<{ snapshot: Snapshot; group: MemoryGroup }> {
  for (const snapshot of snapshots) for (const group of walkGroups(snapshot.groups)) yield { snapshot, group };
}

/** Groups whose numbers are a cgroup's own (not the assembly's derived "not owned by any container" remainder). */
export function isRealCgroup(group: MemoryGroup): boolean {
  return !isRemainderGroup(group);
}
