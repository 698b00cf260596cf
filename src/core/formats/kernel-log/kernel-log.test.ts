// The kernel-log format as a whole: detection, streaming = whole-text parsing, other memory events,
// and bad input (empty, binary, NUL bytes, CRLF, cut reports, a 50 MB line, a million empty lines).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../registry';
import { createLineSplitter } from '../text/lines';
import { createKernelLogParser, detectKernelLog, parseKernelLog } from './kernel-log';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/kernel-log');
const ctx = { fileId: 'f', path: 'dmesg.txt' };
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const LAB = 'lab-orphaned-shmem-after-dmesg.txt';

describe('detection', () => {
  it('every fixture is detected as kernel-log', () => {
    for (const name of ['01-k3.10-rhel7-syslog-memcg-docker-uid-interleaved.log', '04-k4.x-bare-no-prefix-memcg-two-lines.log', '05-k4.x-dmesg-memcg-docker-newlines-lost-one-line.log', LAB, 'seed-001-journalctl-k-glued.txt']) {
      expect(detectFormat(read(name), name).formatId, name).toBe('kernel-log');
    }
  });

  it('a kernel log without an OOM report is still kernel-log, with a lower score and no events', () => {
    // The docker0/veth lines before the report of fixture 02.
    const head = read('02-k4.8-kmsg-raw-memcg-docker.log').split('\n').slice(0, 8).join('\n');
    const withOom = detectKernelLog(read('02-k4.8-kmsg-raw-memcg-docker.log'), 'x');
    const without = detectKernelLog(head, 'x');
    expect(without).toBeGreaterThan(0.3);
    expect(without).toBeLessThan(withOom);
    expect(detectFormat(head, 'x').formatId).toBe('kernel-log');
    const result = parseKernelLog(head, ctx);
    expect(result.status).toBe('parsed');
    expect(result.value?.oomEvents).toEqual([]);
  });

  it('text quoting the kill line elsewhere is not a kernel log (kubectl events, node-problem-detector)', () => {
    const events = [
      'LAST SEEN   TYPE      REASON       OBJECT                 MESSAGE',
      '2m          Warning   OOMKilling   node/aks-nodepool1     Memory cgroup out of memory: Killed process 183960 (stress-ng-vm) total-vm:299192kB, anon-rss:93176kB',
    ].join('\n');
    expect(detectKernelLog(events, 'events.txt')).toBe(0);
    const npd = 'I1012 19:00:20.884452    3240 log_monitor.go:160] New status generated: Reason:OOMKilling Message:Memory cgroup out of memory: Killed process 183960 (stress-ng-vm) total-vm:299192kB';
    expect(parseKernelLog(npd, ctx).value?.oomEvents).toEqual([]);
    expect(detectKernelLog('cache 1066070016\nrss 4190208\nshmem 1048363008\n', 'memory.stat')).toBe(0);
  });
});

describe('streaming', () => {
  it('pushing lines one by one gives what parse(text) gives', () => {
    for (const name of [LAB, '15-k6.1-dmesg-global-oom-group-less-truncated-two-kills.log', 'seed-004-report-2-wrapped-path.txt']) {
      const text = read(name);
      const parser = createKernelLogParser(ctx);
      // As the import pipeline feeds it: chunks of a decoded stream, cut anywhere.
      const splitter = createLineSplitter((line, n) => parser.pushLine(line, n));
      for (let i = 0; i < text.length; i += 777) splitter.push(text.slice(i, i + 777));
      splitter.end();
      expect(parser.finish()).toEqual(parseKernelLog(text, ctx));
    }
  });

  it('a runaway report is capped and closed with a warning, in bounded time', () => {
    const parser = createKernelLogParser(ctx);
    parser.pushLine('[ 1.000000] big invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0', 1);
    parser.pushLine('[ 1.000001] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name', 2);
    const started = Date.now();
    for (let i = 0; i < 300_000; i++) parser.pushLine(`[ 1.000002] [ ${1000 + i}]     0 ${1000 + i}      411      128    40960        0           937 worker`, i + 3);
    const result = parser.finish();
    expect(Date.now() - started).toBeLessThan(20_000);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('oom-task-table-capped');
    expect(codes).toContain('oom-report-too-long');
    expect(result.value?.oomEvents[0]?.tasks.length).toBe(100_000);
  });
});

describe('other memory events', () => {
  it('page allocation failures, a reaper line without its report, a memcg line that is no kill', () => {
    const text = [
      '[  100.000001] kworker/u16:2: page allocation failure: order:4, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0',
      '[  100.000002] CPU: 1 PID: 99 Comm: kworker/u16:2 Not tainted 6.1.0 #1',
      '[  200.000000] oom_reaper: reaped process 4242 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:8kB',
      '[  300.000000] oom_reaper: unable to reap pid:4343 (java)',
      '[  400.000000] Memory cgroup out of memory: Kil',
    ].join('\n');
    const result = parseKernelLog(text, ctx);
    expect(result.value?.oomEvents).toEqual([]);
    expect(result.value?.otherEvents.map((e) => [e.type, e.line, e.comm, e.pid, e.order, e.gfpMask])).toEqual([
      ['page-allocation-failure', 1, 'kworker/u16:2', null, 4, '0x40cc0'],
      ['oom-reaper', 3, 'java', 4242, null, null],
      ['oom-reaper', 4, 'java', 4343, null, null],
      ['memcg-oom', 5, null, null, null, null],
    ]);
    expect(result.value?.otherEvents[0]?.time).toEqual({ raw: '100.000001', uptimeSeconds: 100.000001 });
  });

  it('a reaper line that comes after the next report began goes to the report that killed the task', () => {
    const lab = read(LAB).split('\n').filter((l) => l !== '');
    const text = [...lab, '[ 1516.000000] other invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0', '[ 1516.000001] oom_reaper: reaped process 21065 (api-server), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'].join('\n');
    const events = parseKernelLog(text, ctx).value?.oomEvents ?? [];
    expect(events).toHaveLength(2);
    expect(events[0]?.reaped).toMatchObject({ pid: 21065, line: 80 });
    expect(events[1]?.reaped).toBeNull();
  });
});

describe('bad input', () => {
  it('empty text and a million empty lines: unusable, fast', () => {
    expect(parseKernelLog('', ctx)).toMatchObject({ status: 'unusable' });
    const started = Date.now();
    const result = parseKernelLog('\n'.repeat(1_000_000), ctx);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.status).toBe('unusable');
    expect(result.warnings.map((w) => w.code)).toEqual(['kernel-log-empty']);
    expect(result.value?.lineCount).toBe(1_000_000);
  });

  it('binary junk: unusable, no events', () => {
    let seed = 7;
    let junk = '';
    for (let i = 0; i < 100_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk += String.fromCharCode(seed % 256);
    }
    const result = parseKernelLog(junk, ctx);
    expect(result.status).toBe('unusable');
    expect(result.value?.oomEvents).toEqual([]);
  });

  it('NUL bytes inside a real report are removed and reported', () => {
    const text = read(LAB).replace('memory: usage', '\u0000\u0000memory: usage').replace('[ 1515.710152]', '\u0000[ 1515.710152]');
    const result = parseKernelLog(text, ctx);
    expect(result.warnings.map((w) => w.code)).toEqual(['kernel-log-nul-bytes']);
    expect(result.value?.oomEvents[0]?.memcg?.usageBytes).toBe(131072 * 1024);
    expect(result.value?.oomEvents[0]?.trigger?.comm).toBe('api-server');
  });

  it('CRLF line ends give the same data as LF', () => {
    const lf = read(LAB);
    expect(parseKernelLog(lf.replace(/\n/g, '\r\n'), ctx)).toEqual(parseKernelLog(lf, ctx));
    // A line parser fed by a splitter that only cut at \n still sees the \r.
    const parser = createKernelLogParser(ctx);
    lf.replace(/\n/g, '\r\n').split('\n').forEach((line, i) => parser.pushLine(line, i + 1));
    expect(parser.finish().value?.oomEvents).toEqual(parseKernelLog(lf, ctx).value?.oomEvents);
  });

  it('a report cut in the middle: what is there, and a warning naming what is missing', () => {
    const cut = read(LAB).split('\n').slice(0, 40).join('\n');
    const result = parseKernelLog(cut, ctx);
    expect(result.status).toBe('partial');
    const e = result.value?.oomEvents[0];
    expect(e).toMatchObject({ victim: null, missing: ['kill', 'task-table'], lines: { start: 1, end: 40 } });
    expect(e?.memcg?.usageBytes).toBe(134217728);
    expect(e?.cgroupStats[0]?.stats).toMatchObject({ cache: 0, rss: 0, shmem: 0, mapped_file: 0, dirty: 0, writeback: 0 });
    const w = result.warnings.find((x) => x.code === 'oom-report-incomplete');
    expect(w?.params).toEqual({ line: 1, end: 40, missing: 'kill, task-table' });
  });

  it('a 50 MB single line finishes fast', () => {
    for (const unit of ['x', '[ 1.5] Killed process 1 (a) ', 'Nov 11 06:55:00 h kernel: [']) {
      const line = unit.repeat(Math.ceil(50_000_000 / unit.length));
      const started = Date.now();
      const result = parseKernelLog(line, ctx);
      expect(Date.now() - started, unit).toBeLessThan(10_000);
      expect(result.warnings.map((w) => w.code)).toContain('kernel-log-line-too-long');
    }
  });

  it('huge numbers never become garbage figures; __proto__ and constructor keys pollute nothing', () => {
    const text = [
      'memory: usage 99999999999999999999kB, limit 9007199254740988kB, failcnt 18446744073709551615',
      'Memory cgroup stats for /x:',
      'constructor 5',
      'anon 18446744073709551615',
      'file 4096',
      '__proto__ 1',
      'Memory cgroup stats for /y: __proto__:1KB constructor:2KB cache:4KB',
      'Memory cgroup out of memory: Killed process 1 (__proto__) total-vm:99999999999999999999kB, anon-rss:1kB, file-rss:0kB, shmem-rss:0kB',
    ].join('\n');
    const e = parseKernelLog(text, ctx).value?.oomEvents[0];
    expect(e?.memcg).toMatchObject({ usageBytes: null, limitBytes: null, failcnt: null, unlimited: ['memory'] });
    const stats = e?.cgroupStats[0];
    expect(stats?.stats).toEqual({ constructor: 5, file: 4096 });
    expect(stats?.statsText).toEqual({ anon: '18446744073709551615' });
    expect(e?.cgroupStats[1]?.stats).toEqual({ constructor: 2048, cache: 4096 });
    expect(e?.victim).toMatchObject({ pid: 1, comm: '__proto__', totalVmBytes: null, anonRssBytes: 1024 });
    expect(({} as Record<string, unknown>)['constructor']).toBe(Object);
  });
});

describe('global OOM report shape (5.x+), process names with spaces inside key=value lists', () => {
  // Laid out as mm/oom_kill.c dump_header → show_mem → dump_tasks → dump_oom_summary print it.
  const report = [
    '[ 9001.000001] Isolated Web Co invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=167',
    '[ 9001.000002] CPU: 3 PID: 5150 Comm: Isolated Web Co Not tainted 6.5.0-14-generic #14-Ubuntu',
    '[ 9001.000003] Call Trace:',
    '[ 9001.000004]  <TASK>',
    '[ 9001.000005]  dump_stack_lvl+0x48/0x70',
    '[ 9001.000006]  out_of_memory+0x10b/0x580',
    '[ 9001.000007]  __alloc_pages_slowpath.constprop.0+0xb38/0xde0',
    '[ 9001.000008]  </TASK>',
    '[ 9001.000009] Mem-Info:',
    '[ 9001.000010] active_anon:1793 inactive_anon:1959541 isolated_anon:0',
    '[ 9001.000011]  active_file:44 inactive_file:0 isolated_file:0',
    '[ 9001.000012]  free:25239 free_pcp:33 free_cma:0',
    '[ 9001.000013] Node 0 active_anon:7172kB inactive_anon:7838164kB active_file:176kB',
    '[ 9001.000014] lowmem_reserve[]: 0 2991 7920 7920 7920',
    '[ 9001.000015] 2097022 pages RAM',
    '[ 9001.000016] Tasks state (memory values in pages):',
    '[ 9001.000017] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name',
    '[ 9001.000018] [   5150]  1000  5150   745181   520000  6000000        0           167 Isolated Web Co',
    '[ 9001.000019] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice/user-1000.slice/session-2.scope,task=Isolated Web Co,pid=5150,uid=1000',
    '[ 9001.000020] Out of memory: Killed process 5150 (Isolated Web Co) total-vm:2980724kB, anon-rss:2080000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:5859kB oom_score_adj:167',
  ].join('\n');

  it('reads kind, Mem-Info pages, the table row and the kill with a spaced comm', () => {
    const result = parseKernelLog(report, ctx);
    expect(result.status).toBe('parsed');
    const e = result.value?.oomEvents[0];
    expect(e?.kind).toBe('global');
    expect(e?.kindEvidence).toEqual(['call-trace:__alloc_pages_slowpath', 'Mem-Info', 'global_oom', 'kill-line:Out of memory']);
    expect(e?.memInfoPages).toEqual({ active_anon: 1793, inactive_anon: 1959541, isolated_anon: 0, active_file: 44, inactive_file: 0, isolated_file: 0, free: 25239, free_pcp: 33, free_cma: 0 });
    expect(e?.trigger).toMatchObject({ comm: 'Isolated Web Co', pid: 5150, gfpFlags: 'GFP_HIGHUSER_MOVABLE|__GFP_COMP' });
    expect(e?.tasks[0]).toMatchObject({ pid: 5150, name: 'Isolated Web Co', rssPages: 520000 });
    expect(e?.oomKillTask).toEqual({ comm: 'Isolated Web Co', pid: 5150, uid: 1000, line: 19 });
    expect(e?.memsAllowed).toBe('0');
    expect(e?.victim).toMatchObject({ pid: 5150, comm: 'Isolated Web Co', uid: 1000, anonRssBytes: 2080000 * 1024 });
    expect(e?.missing).toEqual([]);
    expect(e?.lines).toEqual({ start: 1, end: 20 });
  });

  it('a cpuset-constrained kill is kind "other"', () => {
    const e = parseKernelLog(report.replace('CONSTRAINT_NONE', 'CONSTRAINT_CPUSET').replace(',global_oom', ''), ctx).value?.oomEvents[0];
    expect(e?.kind).toBe('other');
    expect(e?.kindEvidence).toEqual(['constraint=CONSTRAINT_CPUSET']);
  });
});
