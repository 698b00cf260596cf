// OOM reports of every real sample: the public corpus (against its ground truth, _corpus-expected.json),
// the lab captures (against the numbers their TRUTH.md states) and the reports quoted in seeds 001/004.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKernelLog } from './kernel-log';
import type { KernelLogData, OomEvent } from './oom-types';
import { summariseOomEvent } from './summary';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/kernel-log');

function parseFixture(name: string): { data: KernelLogData; codes: string[] } {
  const result = parseKernelLog(readFileSync(join(FIXTURES, name), 'utf8'), { fileId: name, path: name });
  if (!result.value) throw new Error(`${name}: no value`);
  return { data: result.value, codes: result.warnings.map((w) => w.code) };
}

/** One entry of _corpus-expected.json (see the corpus SOURCES.md "expected.json conventions"). */
interface ExpectedKill {
  kind: string;
  triggerComm: string | null;
  victimPid: number;
  victimComm: string;
  victimAnonRssKiB: number | null;
  victimFileRssKiB: number | null;
  victimShmemRssKiB: number | null;
  memcgUsageKiB: number | null;
  memcgLimitKiB: number | null;
  oomMemcg: string | null;
  taskTableRows: number | null;
  truncated: boolean;
}

const kib = (bytes: number | null | undefined): number | null => (bytes === null || bytes === undefined ? null : bytes / 1024);

/** Our events in the corpus's shape: one entry per distinct process killed per invocation, none for no kill. */
function asExpected(events: readonly OomEvent[]): ExpectedKill[] {
  const out: ExpectedKill[] = [];
  for (const e of events) {
    if (!e.victim) continue;
    const seen = new Set<number>();
    for (const v of [e.victim, ...e.groupKills]) {
      if (seen.has(v.pid)) continue;
      seen.add(v.pid);
      out.push({
        kind: e.kind,
        triggerComm: e.trigger?.comm ?? null,
        victimPid: v.pid,
        victimComm: v.comm,
        victimAnonRssKiB: kib(v.anonRssBytes),
        victimFileRssKiB: kib(v.fileRssBytes),
        victimShmemRssKiB: kib(v.shmemRssBytes),
        memcgUsageKiB: kib(e.memcg?.usageBytes),
        memcgLimitKiB: kib(e.memcg?.limitBytes),
        oomMemcg: e.oomMemcg,
        taskTableRows: e.tasks.length > 0 ? e.tasks.length : null,
        truncated: e.missing.length > 0 || e.elided || e.cutLines.length > 0,
      });
    }
  }
  return out;
}

const corpus = JSON.parse(readFileSync(join(FIXTURES, '_corpus-expected.json'), 'utf8')) as Record<string, { events: ExpectedKill[] }>;

describe('public corpus (kernel-oom): every file against its ground truth', () => {
  it('covers all 17 files', () => {
    expect(Object.keys(corpus)).toHaveLength(17);
  });
  for (const [name, expected] of Object.entries(corpus)) {
    it(name, () => {
      const { data } = parseFixture(name);
      expect(asExpected(data.oomEvents)).toEqual(expected.events);
    });
  }
});

describe('public corpus: details the ground truth does not list', () => {
  it('01: chosen PID differs from the killed PID (3.10 sacrifice child)', () => {
    const e = parseFixture('01-k3.10-rhel7-syslog-memcg-docker-uid-interleaved.log').data.oomEvents[0];
    expect(e?.chosen).toEqual({ pid: 24984, comm: 'palo_be', score: 968, line: 1 });
    expect(e?.victim).toMatchObject({ pid: 18177, uid: 0, totalVmBytes: 70347780 * 1024, score: null });
    expect(e?.host).toBe('doris-03');
  });

  it('02: 4.8 task table (nr_ptes, nr_pmds), memory+swap and kmem lines, trigger from the CPU line', () => {
    const e = parseFixture('02-k4.8-kmsg-raw-memcg-docker.log').data.oomEvents[0];
    expect(e?.trigger).toMatchObject({ comm: 'sh', pid: 7220, gfpMask: '0x24000c0', gfpFlags: 'GFP_KERNEL', order: 0, oomScoreAdj: 0 });
    expect(e?.tasks[0]).toMatchObject({ pid: 7220, uid: 0, tgid: 7220, totalVmPages: 9413, rssPages: 2429, nrPtesPages: 16, nrPmdsPages: 3, swapents: 2641, oomScoreAdj: 0, name: 'sh', pgtablesBytes: null });
    expect(e?.memcg).toMatchObject({ usageBytes: 10240 * 1024, failcnt: 1432, memswUsageBytes: 20356 * 1024, memswLimitBytes: 20480 * 1024, memswFailcnt: 2, kmemUsageBytes: 112 * 1024, kmemLimitBytes: null });
    expect(e?.memcg?.unlimited).toEqual(['kmem']);
    expect(e?.cgroupStats[0]?.stats).toMatchObject({ cache: 24 * 1024, rss: 10104 * 1024, swap: 10116 * 1024, unevictable: 0 });
    expect(e?.cpuset).toBe('66ece93b397d49363ee39316bf5cc85c87f341cd0eee3950988cb1ff5d0c1717');
    expect(e?.kindEvidence).toContain('call-trace:mem_cgroup_out_of_memory');
    expect(e?.lines).toEqual({ start: 9, end: 37 });
    expect(e?.time).toEqual({ raw: '21847.500270', uptimeSeconds: 21847.50027 });
  });

  it('06: pre-merge cgroup2 lines in bytes, lines cut by the mail', () => {
    const e = parseFixture('06-k4.18rc-cgroup2-early-format-mail-truncated.log').data.oomEvents[0];
    expect(e?.memcg).toMatchObject({ usageBytes: 33554432, limitBytes: 33554432, failcnt: null });
    expect(e?.cgroupStats[0]).toMatchObject({ path: '/test-cgroup', form: 'block' });
    expect(e?.cgroupStats[0]?.stats).toMatchObject({ swap: 0, anon: 32845824, slab: 163840, pgfault: 8085, workingset_nodereclaim: 0 });
    expect(e?.trigger?.oomScoreAdj).toBeNull();
    expect(e?.cutLines).toEqual([1, 59]);
  });

  it('07: grep separator inside the table; reaper after the kill; CONSTRAINT_NONE but memcg', () => {
    const e = parseFixture('07-k4.19-syslog-grep-context-kubepods-constraint-none-memcg.log').data.oomEvents[0];
    expect(e?.constraint).toBe('CONSTRAINT_NONE');
    expect(e?.kind).toBe('memcg');
    expect(e?.tasks.map((t) => t.pid)).toEqual([26934, 26981, 26982, 26983, 26986, 23381, 29842, 29854, 30426, 317]);
    expect(e?.reaped).toEqual({ pid: 26865, comm: 'php-fpm7', anonRssBytes: 0, fileRssBytes: 0, shmemRssBytes: 13216 * 1024, line: 16 });
    expect(e?.oomKillTask).toEqual({ comm: 'php-fpm7', pid: 26865, uid: 65534, line: 14 });
  });

  it('09: trigger comm with a space and a slash; task rows; elisions', () => {
    const e = parseFixture('09-k5.3-dmesgT-kubevirt-kubepods-slice-elided.log').data.oomEvents[0];
    expect(e?.trigger).toMatchObject({ comm: 'CPU 11/KVM', pid: 70888, oomScoreAdj: 830 });
    expect(e?.tasks.find((t) => t.pid === 70870)).toMatchObject({ uid: 107, totalVmPages: 18302464, rssPages: 16718510, pgtablesBytes: 135278592, oomScoreAdj: 830, name: 'qemu-system-x86' });
    expect(e?.tasks[0]).toMatchObject({ pid: 70675, oomScoreAdj: -998, name: 'pause' });
    expect(e?.taskMemcg).toContain('kubepods-urstable.slice');
    expect(e?.elided).toBe(true);
  });

  it('12: a lone task row without header belongs to the report; global OOM with a docker task_memcg', () => {
    const { data, codes } = parseFixture('12-k5.x-syslog-global-docker-task-memcg-fragment.log');
    const e = data.oomEvents[0];
    expect(e?.tasks[0]).toMatchObject({ pid: 50111, rssPages: 49259, pgtablesBytes: 520192, name: 'main' });
    expect(e?.kindEvidence).toContain('global_oom');
    expect(e?.time).toEqual({ raw: 'Mar  9 18:14:14', uptimeSeconds: 295692.212091 });
    expect(codes).toContain('oom-task-columns-inferred');
  });

  it('13: node-problem-detector quoting the kill is no event; the second invocation has no kill', () => {
    const { data } = parseFixture('13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log');
    expect(data.oomEvents).toHaveLength(2);
    expect(data.oomEvents[0]?.lines).toEqual({ start: 1, end: 86 });
    expect(data.oomEvents[0]?.cgroupStats[0]?.stats).toMatchObject({ anon: 98742272, shmem: 2297856, workingset_restore_anon: 0 });
    expect(data.oomEvents[0]?.tasks).toHaveLength(9);
    expect(data.oomEvents[1]).toMatchObject({ lines: { start: 90, end: 90 }, victim: null, missing: ['kill', 'task-table'] });
    expect(data.oomEvents[1]?.trigger?.comm).toBe('stress-ng-vm');
  });

  it('14: no killable processes; timestamps running backwards stay one report', () => {
    const { data, codes } = parseFixture('14-k5.19-syslog-cgroup2-docker-no-killable-abridged.log');
    expect(data.oomEvents).toHaveLength(1);
    const e = data.oomEvents[0];
    expect(e).toMatchObject({ kind: 'memcg', noKillableProcesses: true, victim: null, missing: [], lines: { start: 1, end: 15 } });
    expect(e?.memcg).toMatchObject({ usageBytes: 524288 * 1024, limitBytes: 524288 * 1024, failcnt: 142151742, swapUsageBytes: 0, swapLimitBytes: 524288 * 1024 });
    expect(e?.tasks[0]).toMatchObject({ pid: 3738523, oomScoreAdj: -1000 });
    expect(codes).toEqual([]);
  });

  it('15: memory.oom.group repeats the kill; an elided invocation is split from the next kill', () => {
    const { data } = parseFixture('15-k6.1-dmesg-global-oom-group-less-truncated-two-kills.log');
    expect(data.oomEvents.map((e) => [e.lines.start, e.lines.end, e.victim?.pid ?? null])).toEqual([
      [1, 4, 10843],
      [5, 35, null],
      [39, 40, 115727],
    ]);
    const first = data.oomEvents[0];
    expect(first?.oomGroupMemcg).toBe('/kubepods/burstable/pod3902af1e-8ce1-42e1-a2a5-dc04f4240c4f/ed9dcd836d0c7e3e379b2387ef5e15e70f1c932dbce0fce685606bb2f4d62036');
    expect(first?.groupKills.map((k) => [k.pid, k.line])).toEqual([[10843, 4]]);
    // The terminal cut the oom-kill line; its `>` is not part of the path.
    expect(first?.taskMemcg).toBe('/kubepods/burstable/pod3902af1e-8c');
    expect(data.oomEvents[1]).toMatchObject({ kind: 'global', elided: true, trigger: { comm: 'tailscaled', pid: 1241 } });
  });

  it('16: a lone kill line, then a full cgroup2 report with zswap keys', () => {
    const { data } = parseFixture('16-k6.7-cgroup2-systemd-run-indented-two-kills.log');
    const e = data.oomEvents[1];
    expect(e?.cgroupStats[0]?.stats).toMatchObject({ file: 26927104, file_dirty: 26923008, zswap: 312451, zswapped: 1458176, zswpout: 1141 });
    expect(e?.memcg).toMatchObject({ swapUsageBytes: 2112 * 1024, swapLimitBytes: null, unlimited: ['swap'] });
    expect(e?.tasks.map((t) => [t.pid, t.rssPages, t.swapents])).toEqual([
      [128825, 864, 192],
      [128826, 288, 288],
    ]);
    expect(e?.kernelRelease).toBe('6.7.4-arch1-1');
  });
});

describe('lab captures (kernel 6.18, cgroup v1): the numbers TRUTH.md states', () => {
  for (const variant of ['dmesg', 'dmesg-T']) {
    it(`anon-oom after/${variant}.txt`, () => {
      const { data, codes } = parseFixture(`lab-anon-oom-after-${variant}.txt`);
      expect(codes).toEqual([]);
      expect(data.oomEvents).toHaveLength(1);
      const e = data.oomEvents[0] as OomEvent;
      expect(e.kind).toBe('memcg');
      expect(e.lines).toEqual({ start: 1, end: 79 });
      expect(e.trigger).toMatchObject({ comm: 'order-service', pid: 20800, gfpMask: '0xcc0', order: 0, oomScoreAdj: 999, line: 1 });
      expect(e.memcg).toMatchObject({ usageBytes: 65536 * 1024, limitBytes: 65536 * 1024, failcnt: 27, kmemUsageBytes: 224 * 1024, line: 29 });
      expect(e.constraint).toBe('CONSTRAINT_MEMCG');
      expect(e.oomMemcg).toBe('/oomlab/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891');
      expect(e.taskMemcg).toBe('/oomlab/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/6c82500b0bc207558a48d8bead2570acfa554254d60421afb461b1f26c28ee3b');
      expect(e.oomKillTask).toEqual({ comm: 'order-service', pid: 20800, uid: 0, line: 78 });
      expect(e.victim).toEqual({
        pid: 20800,
        comm: 'order-service',
        uid: 0,
        totalVmBytes: 77148 * 1024,
        anonRssBytes: 65152 * 1024,
        fileRssBytes: 5968 * 1024,
        shmemRssBytes: 0,
        oomScoreAdj: 999,
        score: null,
        pgtablesBytes: 184 * 1024,
        source: 'killed-line',
        line: 79,
      });
      expect(e.tasks).toEqual([
        {
          pid: 20800,
          uid: 0,
          tgid: 20800,
          totalVmPages: 19287,
          rssPages: 17780,
          rssAnonPages: 16288,
          rssFilePages: 1492,
          rssShmemPages: 0,
          pgtablesBytes: 188416,
          swapents: 0,
          oomScoreAdj: 999,
          name: 'order-service',
          line: 77,
        },
      ]);
      const stats = e.cgroupStats[0];
      expect(e.cgroupStats).toHaveLength(1);
      expect(stats?.line).toBe(32);
      expect(stats?.path).toBe('/oomlab/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891');
      expect(stats?.stats).toMatchObject({ rss: 0, cache: 0, shmem: 0, total_rss: 66879488, total_cache: 0, total_shmem: 0, total_inactive_file: 0, total_active_file: 0, total_dirty: 0, total_writeback: 0 });
      expect(e.missing).toEqual([]);
    });

    it(`orphaned-shmem after/${variant}.txt`, () => {
      const { data, codes } = parseFixture(`lab-orphaned-shmem-after-${variant}.txt`);
      expect(codes).toEqual([]);
      const e = data.oomEvents[0] as OomEvent;
      expect(data.oomEvents).toHaveLength(1);
      expect(e.time?.raw).toBe(variant === 'dmesg' ? '1515.710152' : 'Sun Nov 22 12:09:34 2026');
      expect(e.time?.uptimeSeconds).toBe(variant === 'dmesg' ? 1515.710152 : null);
      expect(e.trigger).toMatchObject({ comm: 'api-server', pid: 21065, oomScoreAdj: 999 });
      expect(e.memcg).toMatchObject({ usageBytes: 131072 * 1024, limitBytes: 131072 * 1024, failcnt: 35, kmemUsageBytes: 392 * 1024, line: 28 });
      expect(e.oomKillTask?.line).toBe(77);
      expect(e.oomMemcg).toBe('/oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48');
      expect(e.taskMemcg).toBe('/oomlab/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868');
      expect(e.victim).toMatchObject({ pid: 21065, comm: 'api-server', totalVmBytes: 60768 * 1024, anonRssBytes: 48640 * 1024, fileRssBytes: 5936 * 1024, shmemRssBytes: 0, pgtablesBytes: 152 * 1024, oomScoreAdj: 999, line: 78 });
      expect(e.tasks[0]).toMatchObject({ pid: 21065, rssPages: 13644, rssAnonPages: 12160, rssFilePages: 1484, rssShmemPages: 0, pgtablesBytes: 155648, oomScoreAdj: 999, line: 76 });
      const stats = e.cgroupStats[0];
      expect(stats?.line).toBe(31);
      expect(stats?.stats).toMatchObject({ rss: 0, cache: 0, shmem: 0, total_rss: 49930240, total_cache: 83886080, total_shmem: 83886080, hierarchical_memory_limit: 134217728 });
      // 2^63 − 4096 does not fit a double exactly: kept as text, never as a rounded number.
      expect(stats?.statsText).toEqual({ hierarchical_memsw_limit: '9223372036854771712' });
      expect(stats?.stats).not.toHaveProperty('hierarchical_memsw_limit');
      const summary = summariseOomEvent(e);
      expect(summary).toMatchObject({ scope: e.oomMemcg, statsShmemBytes: 83886080, statsAnonBytes: 49930240, usageShareOfLimit: 1, victimRssBytes: (48640 + 5936) * 1024, taskCount: 1, tasksRssBytes: 13644 * 4096 });
    });
  }
});

describe('reports quoted in the seeds', () => {
  it('seed 001: journalctl -k records glued onto one line', () => {
    const { data, codes } = parseFixture('seed-001-journalctl-k-glued.txt');
    expect(codes).toContain('kernel-log-records-split');
    expect(data.oomEvents).toHaveLength(1);
    const e = data.oomEvents[0];
    expect(e).toMatchObject({ kind: 'memcg', host: 'devops101', time: { raw: 'Sep 13 20:05:55', uptimeSeconds: null } });
    expect(e?.cgroupStats[0]).toMatchObject({ path: '/docker/9aa53161a9f95c6be87e448980332a151b0aeeb840ea4ca92dc96a64a03e3d33', form: 'v1-line' });
    expect(e?.cgroupStats[0]?.stats).toEqual({ cache: 0, rss: 1045824 * 1024, rss_huge: 0, shmem: 0, mapped_file: 0, dirty: 0 });
    expect(e?.tasks).toEqual([
      { pid: 11002, uid: 0, tgid: 11002, totalVmPages: 262708, rssPages: 261750, pgtablesBytes: null, swapents: 0, oomScoreAdj: 0, name: 'mem_alloc', nrPtesPages: 519, nrPmdsPages: 4, line: 1 },
    ]);
    expect(e?.victim).toMatchObject({ pid: 11002, comm: 'mem_alloc', score: 1000, anonRssBytes: 1045716 * 1024, fileRssBytes: 1284 * 1024, shmemRssBytes: 0 });
  });

  it('seed 004 report 1: the cli-contract example (shmem in an emptyDir, victim named by the reaper)', () => {
    const { data } = parseFixture('seed-004-report-1-shmem-emptydir.txt');
    expect(data.oomEvents).toHaveLength(1);
    const e = data.oomEvents[0] as OomEvent;
    expect(e.kind).toBe('memcg');
    expect(e.lines).toEqual({ start: 1, end: 43 });
    expect(e.time).toEqual({ raw: 'Nov 11 06:55:00', uptimeSeconds: null });
    expect(e.host).toBe('iZb10Z');
    expect(e.trigger).toMatchObject({ comm: 'GC Thread#2', pid: 213115, gfpMask: '0x6000c0', order: 0, oomScoreAdj: 873 });
    expect(e.oomMemcg).toBe('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice');
    expect(e.taskMemcg).toBe('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc****670f9.slice/docker-24ec*5ae338000ff2f7516.scope');
    expect(e.memcg).toMatchObject({ usageBytes: 17179869184, limitBytes: 17179869184, failcnt: 17883 });
    expect(e.cgroupStats.map((s) => [s.stats['cache'], s.stats['shmem'], s.stats['rss']])).toEqual([
      [9052606464, 9052606464, 388 * 1024],
      [132 * 1024, 0, 7917200 * 1024],
    ]);
    expect(e.tasks.find((t) => t.name === 'java')).toEqual({
      pid: 212425,
      uid: 1001,
      tgid: 212425,
      totalVmPages: 4025962,
      rssPages: 1985479,
      pgtablesBytes: 16760832,
      swapents: 0,
      oomScoreAdj: 873,
      name: 'java',
      line: 42,
    });
    expect(e.reaped).toEqual({ pid: 212425, comm: 'java', anonRssBytes: 0, fileRssBytes: 0, shmemRssBytes: 32768, line: 43 });
    expect(e.victim).toMatchObject({ pid: 212425, comm: 'java', source: 'oom-reaper', anonRssBytes: null });
    expect(e.missing).toEqual(['kill']);
  });

  it('seed 004 report 2: a cgroup path wrapped across two lines is re-joined', () => {
    const { data, codes } = parseFixture('seed-004-report-2-wrapped-path.txt');
    expect(codes).toContain('kernel-log-lines-joined');
    const e = data.oomEvents[0] as OomEvent;
    expect(data.oomEvents).toHaveLength(1);
    expect(e.taskMemcg).toBe('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podc00e47e7_5c66_4885_a929_607663ed3cd4.slice/docker-45c3345632cb4d19698badde97941c43f6c3593f21d98a847049b5f03805b642.scope');
    expect(e.oomMemcg).toBe('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podc00e47e7_5c66_4885_a929_607663ed3cd4.slice');
    const pod = '/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podc00e47e7_5c66_4885_a929_607663ed3cd4.slice';
    expect(e.cgroupStats.map((s) => [s.path, s.line, Object.keys(s.stats).length])).toEqual([
      [pod, 41, 20],
      [`${pod}/docker-27240dd20e37e46a25ae6c2219763a8123782762e981e46be2b3311620e17fcc.scope`, 44, 20],
      [`${pod}/docker-45c3345632cb4d19698badde97941c43f6c3593f21d98a847049b5f03805b642.scope`, 48, 20],
    ]);
    const container = e.cgroupStats[2]?.stats;
    expect(container).toMatchObject({ cache: 1043196 * 1024, rss: 5280 * 1024, shmem: 1042932 * 1024, workingset_refault_anon: 0, inactive_anon: 536316 * 1024, unevictable: 0 });
    expect(e.cgroupStats[0]?.stats['rss']).toBe(0);
    expect(e.tasks).toHaveLength(9);
    expect(e.trigger).toMatchObject({ comm: 'dd', pid: 2992940, oomScoreAdj: 968 });
    expect(e.victim).toMatchObject({ pid: 2456831, comm: 'nginx', source: 'oom-reaper' });
    expect(e.lines).toEqual({ start: 1, end: 63 });
  });
});
