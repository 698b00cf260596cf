// The OOM cgroup's figures at the kill on the real reports: seed 004 (Linux 4.19: one local line per
// cgroup of the subtree) and the lab orphaned-shmem report (Linux 6.18: the OOM cgroup's own memory.stat).
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../test/helpers/fixture-bundle';
import { oomEventsOf } from '../analyze/analyze-bundle';
import { oomGroupStats, sameCgroupLeaf, shmemLeftByOthers } from './oom-stats';
import type { OomEvent } from '../formats/kernel-log/oom-types';

function eventOf(fixture: string): OomEvent {
  const event = oomEventsOf(fixtureFiles([[fixture, 'dmesg.txt']]))[0]?.event;
  if (!event) throw new Error(`no OOM event in ${fixture}`);
  return event;
}

describe('oomGroupStats', () => {
  it('seed 004 report 1: sums the per-cgroup lines; 8.4 GiB shmem lies outside the java container', () => {
    const stats = oomGroupStats(eventOf('kernel-log/seed-004-report-1-shmem-emptydir.txt'));
    expect(stats?.basis).toBe('sum');
    expect(stats?.lines).toEqual([34, 36]);
    expect(stats?.stats['rss']).toBe((388 + 7917200) * 1024);
    expect(stats?.stats['shmem']).toBe(8840436 * 1024);
    expect(stats?.outsideTask).toEqual({ shmemBytes: 8840436 * 1024, rssBytes: 388 * 1024, lines: [34] });
    expect(stats?.taskCgroupBytes).toBe((7917200 + 132) * 1024);
    expect(shmemLeftByOthers(stats)).toBe(8840436 * 1024);
  });
  it('seed 004 report 2 (the reproduction): the shmem is in the killed task’s own container', () => {
    const stats = oomGroupStats(eventOf('kernel-log/seed-004-report-2-wrapped-path.txt'));
    expect(stats?.basis).toBe('sum');
    expect(stats?.stats['shmem']).toBe(1042932 * 1024);
    expect(stats?.outsideTask?.shmemBytes).toBe(0);
    expect(shmemLeftByOthers(stats)).toBeNull();
  });
  it('the lab report (Linux 6.18): the OOM cgroup’s own hierarchical stats', () => {
    const stats = oomGroupStats(eventOf('kernel-log/lab-orphaned-shmem-after-dmesg.txt'));
    expect(stats?.basis).toBe('own');
    expect(stats?.stats['total_shmem']).toBe(83886080);
    expect(shmemLeftByOthers(stats)).toBeNull();
  });
});

describe('sameCgroupLeaf', () => {
  it('matches equal leaves and masked ids that agree on their last 10+ hex digits', () => {
    expect(sameCgroupLeaf('/a/docker-24ec*5ae338000ff2f7516.scope', '/b/kubepods-burstable-p*8000ff2f7516.scope')).toBe(true);
    expect(sameCgroupLeaf('/a/docker-24ec*5ae338000ff2f7516.scope', '/b/kubepods-burstable-po*34a0838.scope')).toBe(false);
    expect(sameCgroupLeaf('/a/x/pod1', '/b/pod1')).toBe(true);
    expect(sameCgroupLeaf('/a/kubepods-pod0123456789ab.slice', '/b/docker-0123456789ab.scope')).toBe(false);
    expect(sameCgroupLeaf(null, '/x')).toBe(false);
  });
});
