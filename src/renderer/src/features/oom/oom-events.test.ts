import { describe, expect, it } from 'vitest';
import { emptyBreakdown, emptyEvents, type AnalysisFile, type MemoryGroup, type Snapshot } from '../../../../core';
import labDmesg from '../../../../../test/fixtures/kernel-log/lab-orphaned-shmem-after-dmesg.txt.expected.json';
import labDmesgT from '../../../../../test/fixtures/kernel-log/lab-orphaned-shmem-after-dmesg-T.txt.expected.json';
import globalTwoKills from '../../../../../test/fixtures/kernel-log/15-k6.1-dmesg-global-oom-group-less-truncated-two-kills.log.expected.json';
import seed004 from '../../../../../test/fixtures/kernel-log/seed-004-report-1-shmem-emptydir.txt.expected.json';
import { baseName, buildOomEventViews, cgroupName } from './oom-events';

const log = (path: string, data: unknown): AnalysisFile => ({ path, formatId: 'kernel-log', data });

function group(over: Partial<MemoryGroup>): MemoryGroup {
  return {
    key: over.path ?? 'k',
    path: '',
    role: 'other',
    qosClass: null,
    podUid: null,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: null,
    orphaned: false,
    cgroupVersion: 1,
    usageBytes: null,
    limitBytes: null,
    workingSetBytes: null,
    maxUsageBytes: null,
    breakdown: emptyBreakdown(),
    events: emptyEvents(),
    processes: [],
    sources: {},
    children: [],
    ...over,
  };
}

const POD = 'pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const CONTAINER = '5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868';
const container = group({ path: `s/after/cgroup/kubepods/burstable/${POD}/${CONTAINER}`, role: 'container', podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml', containerName: 'api' });
const pod = group({ path: `s/after/cgroup/kubepods/burstable/${POD}`, role: 'pod', podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml', children: [container] });
const after: Snapshot = { id: 'after', label: 'after', capturedAt: '2026-11-22T12:10:00Z', host: 'vm', kernelRelease: null, cgroupVersion: 1, groups: [pod], files: ['s/after/dmesg.txt', 's/after/dmesg-T.txt'] };

describe('OOM events of a bundle', () => {
  it('shows one report found in dmesg.txt and dmesg-T.txt once, with both files, the wall-clock time and the uptime', () => {
    const views = buildOomEventViews([log('s/after/dmesg-T.txt', labDmesgT), log('s/after/dmesg.txt', labDmesg)], [after]);
    expect(views).toHaveLength(1);
    const v = views[0]!;
    expect(v.copies).toEqual([
      { file: 's/after/dmesg-T.txt', lines: { start: 1, end: 78 } },
      { file: 's/after/dmesg.txt', lines: { start: 1, end: 78 } },
    ]);
    expect(v.timeRaw).toBe('Sun Nov 22 12:09:34 2026');
    expect(v.wallMs).toBe(Date.UTC(2026, 10, 22, 12, 9, 34));
    expect(v.yearKnown).toBe(true);
    expect(v.uptimeSeconds).toBeCloseTo(1515.710152);
    expect(v.snapshot?.id).toBe('after');
    expect(v.scopeName).toBe('ml/api-7f8c9d6b5-h7j2k');
    expect(cgroupName(v, v.event.taskMemcg)).toBe('ml/api-7f8c9d6b5-h7j2k / api');
    expect(cgroupName(v, '/somewhere/else')).toBeNull();
    expect(v.headline.scope).toBe('ml/api-7f8c9d6b5-h7j2k');
    expect(v.headline.parts.map((p) => [p.category, p.bytes])).toContainEqual(['shmem', 83886080]);
    expect(v.id).toBe('s/after/dmesg-T.txt:1');
  });

  it('keeps the copies of different captures apart', () => {
    const views = buildOomEventViews([log('s/after/dmesg.txt', labDmesg), log('s/later/dmesg.txt', labDmesg)], []);
    expect(views).toHaveLength(2);
  });

  it('keeps every report of one file, even truncated ones that look alike', () => {
    const views = buildOomEventViews([log('node/dmesg.txt', globalTwoKills)], []);
    expect(views.map((v) => v.event.lines.start)).toEqual([1, 5, 39]);
    expect(views.every((v) => v.wallMs === null && v.uptimeSeconds !== null)).toBe(true);
    expect(views[0]?.scopeName).toBeNull();
    // Two reports in one file with the same victim, trigger and usage (core's dedupe key) are two kills.
    const report = (labDmesg as { oomEvents: { lines: { start: number; end: number } }[] }).oomEvents[0]!;
    const twice = { ...labDmesg, oomEvents: [report, { ...report, lines: { start: 79, end: 156 } }] };
    expect(buildOomEventViews([log('node/dmesg.txt', twice)], []).map((v) => v.event.lines.start)).toEqual([1, 79]);
  });

  it('takes the year of a syslog time from the capture, else the one given', () => {
    const [v] = buildOomEventViews([log('seed/messages', seed004)], [], 2024);
    expect(v?.timeRaw).toBe('Nov 11 06:55:00');
    expect(v?.wallMs).toBe(Date.UTC(2024, 10, 11, 6, 55, 0));
    expect(v?.yearKnown).toBe(false);
  });

  it('ignores files that are not kernel logs, or have no data', () => {
    expect(buildOomEventViews([{ path: 'a', formatId: 'cgroup-v1-memory-stat', data: {} }, { path: 'b', formatId: 'kernel-log', data: null }], [])).toEqual([]);
    expect(baseName('a/b/dmesg.txt')).toBe('dmesg.txt');
    expect(baseName('dmesg.txt')).toBe('dmesg.txt');
  });
});
