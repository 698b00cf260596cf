import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseProcCgroup } from './pid-cgroup';
import { parseProcVmstat } from './vmstat';

const cg = (name: string, path = name) => parseProcCgroup(fixtureText('proc-cgroup', name), ctxFor(path));

describe('proc-cgroup', () => {
  it('joins a lab PID to its v1 memory cgroup (hybrid host: 0::/ too)', () => {
    const r = cg('cgroup.anon-oom-during-20800.txt', 'proc/20800/cgroup');
    expect(r.value).toMatchObject({
      pid: 20800,
      memoryPath: '/oomlab/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/6c82500b0bc207558a48d8bead2570acfa554254d60421afb461b1f26c28ee3b',
      memoryPathLine: 6,
      unifiedPath: '/',
      cgroupVersion: 1,
      mode: 'hybrid',
    });
    expect(r.value?.controllers).toHaveLength(10);
  });

  it('reads v1-only (no final newline), pure v2, relative and podman paths', () => {
    const v1 = cg('pid-cgroup.coroot-v1-docker-no-unified-line-no-trailing-newline.txt');
    expect(v1.value).toMatchObject({ mode: 'v1', unifiedPath: null, memoryPath: '/docker/b43d92bf1e5c6f78bb9b7bc6f40721280299855ba692092716e3a1b6c0b86f3f', memoryPathLine: 7 });
    expect(v1.value?.controllers.find((c) => c.hierarchyId === 7)?.controllers).toEqual(['cpu', 'cpuacct']);
    expect(v1.value?.controllers.find((c) => c.hierarchyId === 1)?.controllers).toEqual(['name=systemd']);
    const v2 = cg('pid-cgroup.gopsutil-v2-systemd-scope.txt');
    expect(v2.value).toMatchObject({ mode: 'v2', cgroupVersion: 2, memoryPath: '/system.slice/docker-fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210.scope' });
    expect(cg('pid-cgroup.datadog-v2-relative-path.txt').value?.memoryPath).toBe('./testdata/self-reader');
    expect(cg('pid-cgroup.gopsutil-v1-hybrid-docker.txt').value?.mode).toBe('hybrid');
  });

  it('reads the seed 004 paste: prompt with the PID, one line, then "..."', () => {
    const text = fixtureText('proc-cgroup', 'cgroup.seed004-more-prompt-ellipsis.txt');
    expect(detectFormat(text, 'paste.txt').formatId).toBe('proc-cgroup');
    const r = parseProcCgroup(text, ctxFor('paste.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ pid: 2456661, cgroupVersion: 1, memoryPathLine: 2 });
    expect(r.value?.memoryPath?.endsWith('docker-45c3345632cb4d19698badde97941c43f6c3593f21d98a847049b5f03805b642.scope')).toBe(true);
  });

  it('does not take clock times for cgroup lines', () => {
    expect(detectFormat('12:30:45 something happened\n', 'x.txt').formatId).not.toBe('proc-cgroup');
  });
});

describe('proc-vmstat', () => {
  it('sums the per-zone reclaim counters of a 3.x kernel', () => {
    const r = parseProcVmstat(fixtureText('proc-vmstat', 'vmstat.node_exporter-kernel3.x-per-zone-counters.txt'), ctxFor('vmstat'));
    expect(r.status).toBe('parsed');
    const raw = r.value?.raw ?? {};
    const kswapd = ['pgscan_kswapd_dma', 'pgscan_kswapd_dma32', 'pgscan_kswapd_normal', 'pgscan_kswapd_movable'].reduce((s, k) => s + (typeof raw[k] === 'number' ? raw[k] : 0), 0);
    expect(r.value?.summary.pgscanKswapd).toBe(kswapd);
    expect(r.value?.summary.nrFreePages).toBe(977769);
    expect(r.value?.summary.oomKill).toBe(raw['oom_kill']);
    expect(r.value?.summary.workingsetRefaultFile).toBe(157066);
  });

  it('reads the lab node after the kill', () => {
    const r = parseProcVmstat(fixtureText('proc-vmstat', 'vmstat.anon-oom-during.txt'), ctxFor('proc/vmstat'));
    expect(r.value?.summary.nrFreePages).toBe(1239891);
    expect(r.value?.summary.pgscanKswapd).toBe(r.value?.raw['pgscan_kswapd']);
    expect(r.value?.lines['nr_free_pages']).toBe(1);
  });
});
