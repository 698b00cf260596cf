// working-set-active-file: the working set (kubectl top, container_memory_working_set_bytes, kubelet
// eviction) is far above anon + shmem because of ACTIVE file cache, which the working set counts
// (it subtracts only inactive_file). Explains "RSS is 35% but container memory is 100%" (seed 000).
import { snapshotRule } from './snapshot-rule';
import { breakdownFact, bytesText, limitFact, percentText, sumFacts, usageFact } from './group-facts';
import { round3 } from './anon-near-limit';

export const WORKING_SET_ACTIVE_FILE_THRESHOLDS = { minGapShareOfWorkingSet: 0.25, minGapBytes: 16 * 1024 * 1024, minActiveShareOfGap: 0.5, warnWorkingSetShareOfLimit: 0.8 } as const;

export const workingSetActiveFileRule = snapshotRule(
  'working-set-active-file',
  WORKING_SET_ACTIVE_FILE_THRESHOLDS,
  (group) => {
    const usage = usageFact(group);
    const inactive = breakdownFact(group, 'inactiveFileBytes');
    const active = breakdownFact(group, 'activeFileBytes');
    const anonShmem = sumFacts(breakdownFact(group, 'anonBytes'), breakdownFact(group, 'shmemBytes'));
    if (!usage || !active || !anonShmem || group.workingSetBytes === null) return null;
    const workingSet = group.workingSetBytes;
    const gap = workingSet - anonShmem.bytes;
    const t = WORKING_SET_ACTIVE_FILE_THRESHOLDS;
    if (gap < t.minGapBytes || gap < workingSet * t.minGapShareOfWorkingSet || active.bytes < gap * t.minActiveShareOfGap) return null;
    const limit = limitFact(group);
    const high = limit !== null && workingSet >= limit.bytes * t.warnWorkingSetShareOfLimit;
    return {
      severity: high ? 'warning' : 'info',
      params: {
        workingSet: bytesText(workingSet),
        usage: bytesText(usage.bytes),
        inactive: bytesText(inactive?.bytes ?? 0),
        anonShmem: bytesText(anonShmem.bytes),
        active: bytesText(active.bytes),
        shareOfLimit: limit ? percentText(workingSet, limit.bytes) : '—',
      },
      metrics: {
        workingSetBytes: workingSet,
        anonPlusShmemBytes: anonShmem.bytes,
        activeFileBytes: active.bytes,
        inactiveFileBytes: inactive?.bytes ?? null,
        workingSetShareOfLimit: limit ? round3(workingSet / limit.bytes) : null,
      },
      evidence: [...usage.evidence, ...(inactive?.evidence ?? []), ...active.evidence, ...anonShmem.evidence],
    };
  },
  { innermostOnly: true },
);
