import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseCgroupMemoryValue } from './memory-value';
import { parseCgroupProcs } from './procs';
import { knownFileFromPath, singleValueScore } from './single-value-files';
import { parseProcOomScore } from '../proc/oom-score';

const LAB = 'cgroup/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/6c82500b';

describe('single-number files: the name decides which file', () => {
  it('maps names, renamed copies and bundle paths to the kernel file', () => {
    expect(knownFileFromPath(`${LAB}/memory.max_usage_in_bytes`)?.name).toBe('memory.max_usage_in_bytes');
    expect(knownFileFromPath('memory.max.telegraf-96GiB.txt')?.name).toBe('memory.max');
    expect(knownFileFromPath('memory.swap.max')?.name).toBe('memory.swap.max');
    expect(knownFileFromPath('memory.kmem.usage_in_bytes.datadog.txt')?.name).toBe('memory.kmem.usage_in_bytes');
    expect(knownFileFromPath('proc/20800/oom_score_adj')?.name).toBe('oom_score_adj');
    expect(knownFileFromPath('oom_score.anon-oom-during-20800.txt')?.name).toBe('oom_score');
    expect(knownFileFromPath('notes.txt')).toBeNull();
  });

  it('never lets two formats claim the same one-number file', () => {
    const cases: [string, string, string][] = [
      ['67108864\n', `${LAB}/memory.limit_in_bytes`, 'cgroup-memory-value'],
      ['20800\n', `${LAB}/cgroup.procs`, 'cgroup-procs'],
      ['999\n', 'proc/20800/oom_score_adj', 'proc-oom-score'],
      ['-997\n', 'proc/1/oom_score_adj', 'proc-oom-score'],
      ['max\n', 'memory.max', 'cgroup-memory-value'],
      ['20800\n20833\n', 'tasks', 'cgroup-procs'],
    ];
    for (const [text, path, id] of cases) {
      const d = detectFormat(text, path);
      expect(d.formatId, path).toBe(id);
      expect(d.alternatives.filter((a) => a.formatId === 'cgroup-memory-value' || a.formatId === 'cgroup-procs' || a.formatId === 'proc-oom-score')).toEqual([]);
    }
    expect(singleValueScore('proc-oom-score', 'max', 'oom_score')).toBe(0);
  });

  it('an unnamed single integer is a weak cgroup-memory-value with file null', () => {
    expect(detectFormat('4096\n', 'value.txt').formatId).toBe('cgroup-memory-value');
    const r = parseCgroupMemoryValue('4096\n', ctxFor('value.txt'));
    expect(r.status).toBe('partial');
    expect(r.value).toMatchObject({ file: null, cgroupVersion: null, unit: null, value: 4096, valueBytes: null, count: null });
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-value-file']);
  });
});

describe('cgroup-memory-value on real files', () => {
  it('reads bytes, counters and flags by file', () => {
    const usage = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.usage_in_bytes.datadog.txt'), ctxFor('memory.usage_in_bytes.datadog.txt'));
    expect(usage.status).toBe('parsed');
    expect(usage.value).toMatchObject({ file: 'memory.usage_in_bytes', cgroupVersion: 1, unit: 'bytes', valueBytes: 354488320, count: null, unlimited: false });

    // One byte "0", no newline.
    const failcnt = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.failcnt.datadog.txt'), ctxFor('memory.failcnt.datadog.txt'));
    expect(failcnt.value).toMatchObject({ file: 'memory.failcnt', unit: 'count', count: 0, valueBytes: null, line: 1 });

    const near = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.failcnt.memory-pressure-near-limit-during-pod.txt'), ctxFor(`x/memory.failcnt`));
    expect(near.value?.count).toBe(17877);

    const peak = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.peak.telegraf.txt'), ctxFor('memory.peak.telegraf.txt'));
    expect(peak.value).toMatchObject({ file: 'memory.peak', cgroupVersion: 2, valueBytes: 87302021120 });

    const hierarchy = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.use_hierarchy.anon-oom-during-pod.txt'), ctxFor('memory.use_hierarchy'));
    expect(hierarchy.value).toMatchObject({ unit: 'flag', count: 1 });
  });

  it('reads the v1 sentinel and v2 "max" as unlimited, never as a figure', () => {
    const memsw = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.memsw.limit_in_bytes.anon-oom-during-container.txt'), ctxFor('memory.memsw.limit_in_bytes'));
    expect(memsw.status).toBe('parsed');
    expect(memsw.value).toMatchObject({ unlimited: true, value: null, valueBytes: null, rawText: '9223372036854771712' });
    const max = parseCgroupMemoryValue('max\n', ctxFor('sys/fs/cgroup/kubepods.slice/memory.max'));
    expect(max.value).toMatchObject({ file: 'memory.max', unlimited: true, valueBytes: null, rawText: 'max' });
    const limit = parseCgroupMemoryValue(fixtureText('cgroup-memory-value', 'memory.limit_in_bytes.anon-oom-during-pod.txt'), ctxFor('memory.limit_in_bytes'));
    expect(limit.value).toMatchObject({ unlimited: false, valueBytes: 67108864 });
  });

  it('warns on a usage beyond 2^53 instead of showing a garbage figure', () => {
    const r = parseCgroupMemoryValue('18446744073709551615\n', ctxFor('memory.usage_in_bytes'));
    expect(r.status).toBe('partial');
    expect(r.value).toMatchObject({ value: null, valueBytes: null, unlimited: false, rawText: '18446744073709551615' });
    expect(r.warnings[0]?.code).toBe('value-not-integer');
  });

  it('takes the file name from a pasted `cat` line when the file name says nothing', () => {
    const r = parseCgroupMemoryValue('$ cat /sys/fs/cgroup/memory/memory.limit_in_bytes\r\n1073741824\r\n', ctxFor('paste.txt'));
    expect(r.value).toMatchObject({ file: 'memory.limit_in_bytes', valueBytes: 1073741824, line: 2, commandPath: '/sys/fs/cgroup/memory/memory.limit_in_bytes' });
    expect(detectFormat('$ cat /proc/42/oom_score_adj\n-997\n', 'paste.txt').formatId).toBe('proc-oom-score');
  });

  it('refuses text that is not one number', () => {
    expect(parseCgroupMemoryValue('12a34', ctxFor('memory.current')).status).toBe('unusable');
    expect(parseCgroupMemoryValue('1\n2\n', ctxFor('memory.current')).status).toBe('unusable');
    expect(parseCgroupMemoryValue('', ctxFor('memory.current')).status).toBe('unusable');
  });
});

describe('cgroup-procs and proc-oom-score', () => {
  it('lists the PIDs of a cgroup with their lines', () => {
    const r = parseCgroupProcs(fixtureText('cgroup-procs', 'cgroup.procs.anon-oom-during-container.txt'), ctxFor(`${LAB}/cgroup.procs`));
    expect(r.value).toEqual({ file: 'cgroup.procs', pids: [20800], pidLines: [1] });
    const many = parseCgroupProcs('20800\n20833\r\njunk\n', ctxFor('tasks'));
    expect(many.status).toBe('partial');
    expect(many.value?.pids).toEqual([20800, 20833]);
    expect(many.value?.file).toBe('tasks');
  });

  it('reads oom_score and oom_score_adj with the PID from the bundle path', () => {
    const score = parseProcOomScore(fixtureText('proc-oom-score', 'oom_score.anon-oom-during-20800.txt'), ctxFor('proc/20800/oom_score'));
    expect(score.value).toEqual({ file: 'oom_score', pid: 20800, value: 1334, rawText: '1334', line: 1 });
    const adj = parseProcOomScore(fixtureText('proc-oom-score', 'oom_score_adj.memory-pressure-near-limit-during-21730.txt'), ctxFor('proc/21730/oom_score_adj'));
    expect(adj.value?.value).toBe(0);
    expect(adj.status).toBe('parsed');
    expect(parseProcOomScore('-997\n', ctxFor('proc/7/oom_score_adj')).value).toMatchObject({ pid: 7, value: -997 });
    const odd = parseProcOomScore('5000\n', ctxFor('proc/1/oom_score_adj'));
    expect(odd.status).toBe('partial');
    expect(odd.warnings[0]?.code).toBe('value-out-of-range');
  });
});
