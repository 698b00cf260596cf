import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseMemoryStatV1 } from './memory-stat-v1';
import { parseMemoryStatV2 } from './memory-stat-v2';

const v1 = (name: string) => parseMemoryStatV1(fixtureText('cgroup-v1-memory-stat', name), ctxFor(name));
const v2 = (name: string) => parseMemoryStatV2(fixtureText('cgroup-v2-memory-stat', name), ctxFor(name));

describe('cgroup v1 memory.stat on real files', () => {
  it('keeps the unlimited sentinel as text without calling the file defective', () => {
    const r = v1('memory.stat.datadog-v1-memsw-no-trailing-newline.txt');
    expect(r.status).toBe('parsed');
    expect(r.warnings).toEqual([]);
    expect(r.value?.raw['hierarchical_memsw_limit']).toBe('9223372036854771712');
    expect(r.value?.breakdown.hierarchicalLimitBytes).toBe(107108864);
    // The last line has no newline and is still read.
    expect(r.value?.raw['total_unevictable']).toBe(0);
    expect(r.value?.breakdown).toMatchObject({ anonBytes: 19058688, fileBytes: 4866048, inactiveFileBytes: 4595712 });

    const parent = v1('memory.stat.gopsutil-docker-parent-unlimited.txt');
    expect(parent.status).toBe('parsed');
    expect(parent.value?.hierarchicalLimitUnlimited).toBe(true);
    expect(parent.value?.breakdown.hierarchicalLimitBytes).toBeNull();
  });

  it('reads the lab pod and container: the pod charges 80 MiB of shmem no live child holds', () => {
    const pod = v1('memory.stat.orphaned-shmem-during-pod.txt');
    const ctr = v1('memory.stat.orphaned-shmem-during-container.txt');
    expect(pod.value?.breakdown).toMatchObject({ shmemBytes: 83886080, anonBytes: 36773888, fileBytes: 83906560 });
    expect(pod.value?.raw['shmem']).toBe(0);
    expect(ctr.value?.breakdown.shmemBytes).toBe(0);
    expect(ctr.value?.breakdown.anonBytes).toBe(36773888);
    expect(ctr.value?.hierarchicalLimitUnlimited).toBe(false);
  });

  it('reads seed 004 pastes with their `cat` prompt (skipped, reported)', () => {
    const r = v1('memory.stat.seed004-container-shmem-cat-prompt.txt');
    expect(r.status).toBe('partial');
    expect(r.warnings.map((w) => w.code)).toEqual(['lines-skipped']);
    expect(r.value?.breakdown).toMatchObject({ fileBytes: 1066070016, shmemBytes: 1048363008, anonBytes: 4190208, hierarchicalLimitBytes: 1073741824 });
    expect(r.value?.lines['cache']).toBe(2);
  });

  it('reads a container view without total_* lines as local counters', () => {
    const r = v1('memory.stat.gopsutil-container-private-no-total-lines.txt');
    expect(r.value?.hierarchical).toBe(false);
    expect(r.value?.breakdown).toMatchObject({ anonBytes: 4194304, fileBytes: 8388608, hierarchicalLimitBytes: 268435456 });
  });
});

describe('cgroup v2 memory.stat on real files', () => {
  it('keeps kernel 6.8 zswap keys in raw; kernel comes from the `kernel` key', () => {
    const r = v2('memory.stat.datadog-kernel6.8-zswap.txt');
    expect(r.status).toBe('parsed');
    expect(r.value?.raw).toMatchObject({ zswap: 0, zswapped: 0, zswpwb: 0, thp_swpout: 0 });
    expect(r.value?.breakdown).toMatchObject({ anonBytes: 15941632, fileBytes: 3481600, kernelBytes: 929792, shmemBytes: 0 });
  });

  it('sums the kernel parts on 5.10 (no `kernel` key)', () => {
    const r = v2('memory.stat.coroot-kubepods-besteffort-docker-scope-k5.10.txt');
    // kernel_stack 262144 + pagetables 536576 + percpu 0 + sock 4096 + slab 1892512
    expect(r.value?.breakdown.kernelBytes).toBe(262144 + 536576 + 0 + 4096 + 1892512);
    expect(r.value?.breakdown.anonBytes).toBe(44892160);
  });

  it('does not claim a kernel OOM report quoting a v2 stats block, nor a series of samples', () => {
    const report = ['Memory cgroup stats for /foo:', 'anon 0', 'file 0', 'kernel_stack 36864', 'slab 274432', 'sock 0', 'shmem 0', 'inactive_anon 126976', 'pgfault 59466'].join('\n');
    expect(detectFormat(report, 'log.txt').alternatives.map((a) => a.formatId)).not.toContain('cgroup-v2-memory-stat');
    const twice = 'anon 1\nfile 2\nkernel 3\nshmem 4\nanon 5\nfile 6\nkernel 7\nshmem 8\n';
    expect(detectFormat(twice, 'x.txt').formatId).not.toBe('cgroup-v2-memory-stat');
  });

  it('is not claimed by /proc/vmstat, whose pg*/workingset_* keys overlap', () => {
    expect(detectFormat(fixtureText('proc-vmstat', 'vmstat.anon-oom-during.txt'), 'vmstat').formatId).toBe('proc-vmstat');
  });
});
