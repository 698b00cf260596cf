import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseMeminfo } from './meminfo';
import { parseProcStatus } from './status';
import { readColonField, stripGrepPrefix } from './colon-fields';

describe('proc-meminfo', () => {
  it('converts kB to bytes and keeps unitless keys as counts (RHEL 7.1, shmem-heavy)', () => {
    const r = parseMeminfo(fixtureText('proc-meminfo', 'meminfo.insights-rhel7.1-shmem-heavy.txt'), ctxFor('meminfo'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v?.summary).toMatchObject({ memTotalBytes: 8009912 * 1024, shmemBytes: 461316 * 1024, anonPagesBytes: 355484 * 1024, hugePagesTotal: 0, hugepagesizeBytes: 2048 * 1024 });
    expect(v?.raw['MemTotal']).toBe('8009912 kB');
    expect(v?.counts['HugePages_Total']).toBe(0);
    expect(v?.bytes['HugePages_Total']).toBeUndefined();
    // VmallocTotal 34359738367 kB is 32 TiB: still a safe integer in bytes.
    expect(v?.bytes['VmallocTotal']).toBe(34359738367 * 1024);
    expect(v?.lines['Shmem']).toBe(21);
    expect(v?.summary.memAvailableBytes).toBe(6820236 * 1024);
  });

  it('reads the lab node (6.18 keys) and a host with swap in use', () => {
    const lab = parseMeminfo(fixtureText('proc-meminfo', 'meminfo.anon-oom-during.txt'), ctxFor('proc/meminfo'));
    expect(lab.status).toBe('parsed');
    expect(Object.keys(lab.value?.raw ?? {})).toContain('Zswapped');
    const oomd = parseMeminfo(fixtureText('proc-meminfo', 'meminfo.oomd-56GiB-host.txt'), ctxFor('meminfo'));
    expect((oomd.value?.summary.swapTotalBytes ?? 0) - (oomd.value?.summary.swapFreeBytes ?? 0)).toBe((2097148 - 1097041) * 1024);
    expect(oomd.value?.summary.sReclaimableBytes).toBe(7334616 * 1024);
  });

  it('reads grep -H output, CRLF, and a NUMA node file', () => {
    const grep = '/proc/meminfo:MemTotal:        8009912 kB\r\n/proc/meminfo:MemFree:          538760 kB\r\n/proc/meminfo:Cached:          4893932 kB\r\n/proc/meminfo:Shmem:            461316 kB\r\n';
    expect(detectFormat(grep, 'grep.txt').formatId).toBe('proc-meminfo');
    expect(parseMeminfo(grep, ctxFor('grep.txt')).value?.summary.shmemBytes).toBe(461316 * 1024);
    const node = 'Node 1 MemTotal:       32768000 kB\nNode 1 MemFree:         1000000 kB\nNode 1 Shmem:              4096 kB\nNode 1 Active(file):     20000 kB\n';
    const r = parseMeminfo(node, ctxFor('node1/meminfo'));
    expect(r.value).toMatchObject({ numaNode: 1, summary: { memTotalBytes: 32768000 * 1024, activeFileBytes: 20000 * 1024 } });
  });

  it('never lets __proto__ or constructor keys touch a prototype', () => {
    const r = parseMeminfo('MemTotal: 1 kB\n__proto__: 2 kB\nconstructor: 3 kB\n', ctxFor('meminfo'));
    expect(r.value?.bytes['MemTotal']).toBe(1024);
    expect(Object.prototype.hasOwnProperty.call(r.value?.raw, '__proto__')).toBe(false);
    expect(r.value?.bytes['constructor']).toBe(3072);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('proc-status', () => {
  it('reads identity and memory of the lab process, RSS = anon + file + shmem', () => {
    const r = parseProcStatus(fixtureText('proc-status', 'status.anon-oom-during-20800.txt'), ctxFor('proc/20800/status'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v).toMatchObject({ pid: 20800, tgid: 20800, ppid: 20767, name: 'order-service', state: 'S (sleeping)', threads: 1, uid: 0, nsPids: [20800] });
    expect(v?.vmRssBytes).toBe(60320 * 1024);
    expect((v?.rssAnonBytes ?? 0) + (v?.rssFileBytes ?? 0) + (v?.rssShmemBytes ?? 0)).toBe(v?.vmRssBytes);
    expect(v?.vmHwmBytes).toBe(60320 * 1024);
    expect(v?.lines['VmRSS']).toBe(23);
  });

  it('reads the pause container (NSpid with two ids, VmRSS 0) and empty values', () => {
    const pause = parseProcStatus(fixtureText('proc-status', 'pid-status.gopsutil-pause-container-nstgid.txt'), ctxFor('status'));
    expect(pause.value).toMatchObject({ name: 'pause', pid: 23819, nsPids: [23819, 1], uid: 4061200383, vmRssBytes: 0 });
    const x = parseProcStatus(fixtureText('proc-status', 'pid-status.gopsutil-x86-thread-features-empty.txt'), ctxFor('status'));
    expect(x.status).toBe('parsed');
    expect(x.value?.raw['x86_Thread_features']).toBe('');
    expect(x.value?.threads).toBe(3);
  });

  it('keeps spaces in names and reads pastes whose tabs became spaces', () => {
    const text = 'Name:   CPU 11/KVM\nUmask:  0022\nState:  S (sleeping)\nTgid:   4242\nPid:    4243\nPPid:   1\nVmRSS:     1024 kB\n';
    expect(detectFormat(text, 'paste.txt').formatId).toBe('proc-status');
    expect(parseProcStatus(text, ctxFor('paste.txt')).value).toMatchObject({ name: 'CPU 11/KVM', pid: 4243, tgid: 4242, vmRssBytes: 1048576 });
  });

  it('is not taken for kubectl describe output', () => {
    const describe = 'Name:         api-7f8c9d6b5-h7j2k\nNamespace:    ml\nPriority:     0\nNode:         node-a/10.0.0.1\nStatus:       Running\n    State:          Running\n';
    expect(detectFormat(describe, 'describe.txt').formatId).not.toBe('proc-status');
  });
});

describe('colon fields', () => {
  it('strips grep prefixes only when they are one', () => {
    expect(stripGrepPrefix('/proc/1/status:VmRSS:\t12 kB')).toBe('VmRSS:\t12 kB');
    expect(stripGrepPrefix('status:3:VmRSS: 12 kB')).toBe('VmRSS: 12 kB');
    expect(stripGrepPrefix('MemTotal:        8009912 kB')).toBe('MemTotal:        8009912 kB');
    expect(stripGrepPrefix('SigQ:0/96365')).toBe('SigQ:0/96365');
    expect(readColonField('Active(anon):     311596 kB', 4)).toEqual({ key: 'Active(anon)', valueText: '311596 kB', line: 4 });
  });
});
