import { describe, expect, it } from 'vitest';
import type { KernelLogData, OomEvent } from '../../../../core';
import seed004 from '../../../../../test/fixtures/kernel-log/seed-004-report-1-shmem-emptydir.txt.expected.json';
import aks from '../../../../../test/fixtures/kernel-log/13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log.expected.json';
import lab from '../../../../../test/fixtures/kernel-log/lab-orphaned-shmem-after-dmesg.txt.expected.json';
import { defaultDirection, hasRssSplit, sortTasks, taskRows, visibleRows } from './task-table';

const event = (data: unknown): OomEvent => (data as KernelLogData).oomEvents[0] as OomEvent;

describe('task rows of a report', () => {
  it('seed 004: RSS in bytes from pages, QoS from oom_score_adj, java (named by the oom_reaper line) is the victim', () => {
    const rows = taskRows(event(seed004));
    expect(rows.map((r) => r.name)).toEqual(['pause', 'tini', 'java']);
    const java = rows[2];
    // 1985479 pages × 4096 B = 8132521984 B (7.57 GiB).
    expect(java?.rssBytes).toBe(8132521984);
    expect(java?.pgtablesBytes).toBe(16760832);
    expect(java?.oomScoreAdj).toBe(873);
    expect(java?.qos).toBe('burstable');
    expect(java?.victim).toBe(true);
    expect(rows[0]?.qos).toBe('pause');
    expect(rows[0]?.victim).toBe(false);
    expect(rows[1]?.victim).toBe(false);
    expect(hasRssSplit(rows)).toBe(false);
  });

  it('the lab report (6.18): the rss_anon/rss_file/rss_shmem split, adj 999 → Burstable', () => {
    const rows = taskRows(event(lab));
    expect(rows).toHaveLength(1);
    // [  21065]     0 21065    15192    13644    12160     1484         0   155648        0           999 api-server
    expect(rows[0]).toMatchObject({ pid: 21065, name: 'api-server', rssBytes: 13644 * 4096, rssAnonBytes: 12160 * 4096, rssFileBytes: 1484 * 4096, rssShmemBytes: 0, qos: 'burstable', victim: true });
    expect(hasRssSplit(rows)).toBe(true);
  });

  it('AKS cgroup v2: adj 1000 implies BestEffort, -998 the pause container; victim stress-ng-vm pid 183960', () => {
    const rows = taskRows(event(aks));
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => r.victim).map((r) => r.pid)).toEqual([183960]);
    expect(rows.find((r) => r.pid === 183960)?.qos).toBe('besteffort');
    expect(rows.find((r) => r.pid === 181505)?.qos).toBe('pause');
  });
});

describe('sorting the task table', () => {
  const rows = taskRows(event(seed004));

  it('by RSS, largest first; by name; by PID; by adj keeping the kernel order on ties', () => {
    expect(sortTasks(rows, 'rss', 'desc').map((r) => r.name)).toEqual(['java', 'tini', 'pause']);
    expect(sortTasks(rows, 'rss', 'asc').map((r) => r.name)).toEqual(['pause', 'tini', 'java']);
    expect(sortTasks(rows, 'name', 'asc').map((r) => r.name)).toEqual(['java', 'pause', 'tini']);
    expect(sortTasks(rows, 'pid', 'asc').map((r) => r.pid)).toEqual([212336, 212425, 2064649]);
    expect(sortTasks(rows, 'adj', 'desc').map((r) => r.name)).toEqual(['tini', 'java', 'pause']);
    expect(sortTasks(rows, 'adj', 'asc').map((r) => r.name)).toEqual(['pause', 'tini', 'java']);
  });

  it('puts unknown values last either way, and does not change its input', () => {
    const withNull = [...rows, { ...rows[0]!, pid: 1, name: 'x', rssBytes: null, oomScoreAdj: null }];
    expect(sortTasks(withNull, 'rss', 'desc').at(-1)?.name).toBe('x');
    expect(sortTasks(withNull, 'rss', 'asc').at(-1)?.name).toBe('x');
    expect(sortTasks(withNull, 'adj', 'asc').at(-1)?.name).toBe('x');
    expect(withNull.map((r) => r.name)).toEqual(['pause', 'tini', 'java', 'x']);
  });

  it('sorts numbers biggest first and names A→Z at the first click', () => {
    expect(defaultDirection('rss')).toBe('desc');
    expect(defaultDirection('adj')).toBe('desc');
    expect(defaultDirection('name')).toBe('asc');
    expect(defaultDirection('pid')).toBe('asc');
  });

  it('caps a long table but keeps the victim in view', () => {
    const byPid = sortTasks(rows, 'pid', 'asc');
    expect(visibleRows(byPid, 1, false).map((r) => r.name)).toEqual(['tini', 'java']);
    expect(visibleRows(byPid, 1, true)).toHaveLength(3);
    expect(visibleRows(byPid, 5, false)).toHaveLength(3);
  });
});
