// kernel-memory-high: kernel memory (slab, sockets, page tables, stacks) is a large part of the usage.
// v2 reports `kernel` (or its parts); on v1 it is usage − cache − rss (model-and-findings.md).
import type { MemoryGroup } from '../model/memory-group';
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, percentText, usageFact, type Fact } from './group-facts';
import { round3 } from './anon-near-limit';

export const KERNEL_MEMORY_HIGH_THRESHOLDS = { minShareOfUsage: 0.15, minBytes: 256 * 1024 * 1024 } as const;

function kernelFact(group: MemoryGroup): Fact | null {
  const direct = breakdownFact(group, 'kernelBytes');
  if (direct) return direct;
  const usage = usageFact(group);
  const anon = breakdownFact(group, 'anonBytes');
  const file = breakdownFact(group, 'fileBytes');
  if (group.cgroupVersion !== 1 || !usage || !anon || !file) return null;
  return { bytes: Math.max(0, usage.bytes - anon.bytes - file.bytes), evidence: [...usage.evidence, ...anon.evidence, ...file.evidence] };
}

/** What the kernel share is measured against: usage, else anon + file + kernel (v2 memory.stat alone). */
function denominator(group: MemoryGroup, kernel: Fact): Fact | null {
  const usage = usageFact(group);
  if (usage) return usage;
  const anon = breakdownFact(group, 'anonBytes');
  const file = breakdownFact(group, 'fileBytes');
  if (!anon || !file) return null;
  return { bytes: anon.bytes + file.bytes + kernel.bytes, evidence: [...anon.evidence, ...file.evidence] };
}

export const kernelMemoryHighRule = snapshotRule(
  'kernel-memory-high',
  KERNEL_MEMORY_HIGH_THRESHOLDS,
  (group) => {
    const kernel = kernelFact(group);
    if (!kernel) return null;
    const total = denominator(group, kernel);
    if (!total || total.bytes <= 0) return null;
    if (kernel.bytes < KERNEL_MEMORY_HIGH_THRESHOLDS.minBytes || kernel.bytes < total.bytes * KERNEL_MEMORY_HIGH_THRESHOLDS.minShareOfUsage) return null;
    const slabReclaimable = breakdownFact(group, 'slabReclaimableBytes');
    const mostlyReclaimable = slabReclaimable !== null && slabReclaimable.bytes >= kernel.bytes * 0.5;
    return {
      severity: mostlyReclaimable ? 'info' : 'warning',
      params: {
        kernel: bytesText(kernel.bytes),
        total: bytesText(total.bytes),
        share: percentText(kernel.bytes, total.bytes),
        slabReclaimable: slabReclaimable ? bytesText(slabReclaimable.bytes) : '—',
      },
      metrics: {
        kernelBytes: kernel.bytes,
        usageBytes: total.bytes,
        kernelShareOfUsage: round3(kernel.bytes / total.bytes),
        slabReclaimableBytes: slabReclaimable?.bytes ?? null,
      },
      evidence: [...kernel.evidence, ...total.evidence, ...(slabReclaimable?.evidence ?? [])],
    };
  },
  { innermostOnly: true },
);
