// Line prefixes as the corpus files write them (each sample line is copied from a fixture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isElisionMarker, splitGluedRecords, stripLinePrefix } from './line-prefix';
import { parseKernelLog } from './kernel-log';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/kernel-log');
const ctx = { fileId: 't', path: 't' };

describe('stripLinePrefix', () => {
  it('dmesg uptime: keeps seconds since boot, keeps call-trace indentation', () => {
    const a = stripLinePrefix('[ 1515.710152] api-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999');
    expect(a.style).toBe('dmesg');
    expect(a.time).toEqual({ raw: '1515.710152', uptimeSeconds: 1515.710152 });
    expect(a.host).toBeNull();
    expect(a.message).toBe('api-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999');
    expect(stripLinePrefix('[ 1515.710187]  dump_stack_lvl+0x57/0x80').message).toBe(' dump_stack_lvl+0x57/0x80');
  });

  it('dmesg with a caller id, and indented lines', () => {
    const a = stripLinePrefix('[   12.345678][ T1234] oom_reaper: reaped process 1 (x), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB');
    expect(a.style).toBe('dmesg');
    expect(a.message.startsWith('oom_reaper:')).toBe(true);
    const b = stripLinePrefix('     [41369.848126] memory: usage 32768kB, limit 32768kB, failcnt 21239');
    expect(b.time?.uptimeSeconds).toBe(41369.848126);
    expect(b.message).toBe('memory: usage 32768kB, limit 32768kB, failcnt 21239');
  });

  it('dmesg -T, English and localised', () => {
    const a = stripLinePrefix('[Thu May  9 14:52:38 2024] CPU 11/KVM invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=830');
    expect(a.style).toBe('dmesg-T');
    expect(a.time).toEqual({ raw: 'Thu May  9 14:52:38 2024', uptimeSeconds: null });
    expect(a.message.startsWith('CPU 11/KVM invoked')).toBe(true);
    const zh = stripLinePrefix('[二 9月  3 05:57:48 2024] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null)');
    expect(zh.style).toBe('dmesg-T');
    expect(zh.time?.raw).toBe('二 9月  3 05:57:48 2024');
    expect(zh.message).toBe('oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null)');
  });

  it('syslog: host, program, and the dmesg time after "kernel:"', () => {
    const a = stripLinePrefix('Mar  9 18:14:14 http-service-0 kernel: [295692.212175] Out of memory: Killed process 50111 (main) total-vm:896552kB');
    expect(a.style).toBe('syslog');
    expect(a.host).toBe('http-service-0');
    expect(a.kernel).toBe(true);
    expect(a.time).toEqual({ raw: 'Mar  9 18:14:14', uptimeSeconds: 295692.212175 });
    expect(a.message).toBe('Out of memory: Killed process 50111 (main) total-vm:896552kB');
    const b = stripLinePrefix('Nov 11 06:55:00 iZb10Z kernel: GC Thread#2 invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=873');
    expect(b.host).toBe('iZb10Z');
    expect(b.time).toEqual({ raw: 'Nov 11 06:55:00', uptimeSeconds: null });
    expect(b.message.startsWith('GC Thread#2 invoked')).toBe(true);
  });

  it('syslog lines of other programs are not kernel lines (node-problem-detector quotes the kill)', () => {
    const npd = stripLinePrefix(
      'Oct 12 19:00:20 aks-nodepool1-24207654-vmss000001 node-problem-detector-startup.sh[3240]: I1012 19:00:20.884452    3240 log_monitor.go:160] New status generated: &{Source:kernel-monitor Events:[{Severity:warn Reason:OOMKilling Message:Memory cgroup out of memory: Killed process 183960 (stress-ng-vm)}]}',
    );
    expect(npd.style).toBe('syslog');
    expect(npd.kernel).toBe(false);
    expect(stripLinePrefix('May  8 14:05:34 doris-03 containerd: time="2020-05-08T14:05:34.745916919+08:00" level=info').kernel).toBe(false);
  });

  it('journalctl short-iso and short-precise', () => {
    const iso = stripLinePrefix('2024-11-11T06:55:00+0800 node-1 kernel: Memory cgroup out of memory: Killed process 1 (java) total-vm:1kB');
    expect(iso.style).toBe('journal-iso');
    expect(iso.host).toBe('node-1');
    expect(iso.time?.raw).toBe('2024-11-11T06:55:00+0800');
    expect(iso.message.startsWith('Memory cgroup out of memory')).toBe(true);
    const precise = stripLinePrefix('Nov 11 06:55:00.123456 node-1 kernel: oom_reaper: reaped process 1 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB');
    expect(precise.style).toBe('journal-precise');
    expect(precise.time?.raw).toBe('Nov 11 06:55:00.123456');
    expect(precise.message.startsWith('oom_reaper:')).toBe(true);
  });

  it('journalctl short-monotonic and dmesg --time-format iso', () => {
    const mono = stripLinePrefix('[ 8523.347282] aks-node-1 kernel: memory: usage 102400kB, limit 102400kB, failcnt 6402');
    expect(mono).toEqual({ style: 'journal-monotonic', message: 'memory: usage 102400kB, limit 102400kB, failcnt 6402', time: { raw: '8523.347282', uptimeSeconds: 8523.347282 }, host: 'aks-node-1', kernel: true });
    // A dmesg message that merely contains "kernel:" later keeps its text.
    expect(stripLinePrefix('[ 1.5] Booting the kernel: ok').message).toBe('Booting the kernel: ok');
    const iso = stripLinePrefix('2024-11-11T06:55:00,123456+08:00 Out of memory: Killed process 1 (a)');
    expect(iso).toMatchObject({ style: 'dmesg-iso', host: null, message: 'Out of memory: Killed process 1 (a)' });
  });

  it('raw /dev/kmsg records: priority, sequence, microseconds', () => {
    const a = stripLinePrefix('4,1493,21847500270,-;sh invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), order=0, oom_score_adj=0');
    expect(a.style).toBe('kmsg');
    expect(a.time).toEqual({ raw: '21847.500270', uptimeSeconds: 21847.50027 });
    expect(a.message).toBe('sh invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), order=0, oom_score_adj=0');
  });

  it('no prefix at all, `dmesg -r` priorities, `dmesg -x` facility/level', () => {
    const bare = stripLinePrefix('Memory cgroup out of memory: Kill process 1557026 (stress) score 1957 or sacrifice child');
    expect(bare).toEqual({ style: 'none', message: 'Memory cgroup out of memory: Kill process 1557026 (stress) score 1957 or sacrifice child', time: null, host: null, kernel: true });
    expect(stripLinePrefix('<4>[  100.000001] Out of memory: Killed process 1 (a)').time?.uptimeSeconds).toBe(100.000001);
    expect(stripLinePrefix('kern  :err   : [  100.5] Out of memory: Killed process 1 (a)').message).toBe('Out of memory: Killed process 1 (a)');
  });

  it('task-table brackets and elision markers are not times', () => {
    expect(stripLinePrefix('[  26934]     0 26934      411      128    40960        0           937 entrypoint.sh').style).toBe('none');
    expect(stripLinePrefix('[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name').style).toBe('none');
    expect(stripLinePrefix('[...]').style).toBe('none');
    expect(isElisionMarker('[...]')).toBe(true);
    expect(isElisionMarker('...')).toBe(true);
    expect(isElisionMarker('<snip>')).toBe(true);
    expect(isElisionMarker('.. not one')).toBe(false);
  });
});

describe('splitGluedRecords', () => {
  it('leaves a normal line alone, including syslog + dmesg time', () => {
    expect(splitGluedRecords('[ 1515.710152] api-server invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=999')).toBeNull();
    expect(splitGluedRecords('Mar  9 18:14:14 http-service-0 kernel: [295692.212175] Out of memory: Killed process 50111 (main)')).toBeNull();
    expect(splitGluedRecords('     [41369.848126] memory: usage 32768kB, limit 32768kB, failcnt 21239')).toBeNull();
  });

  it('splits dmesg records whose newlines were lost (fixture 05)', () => {
    const text = readFileSync(join(FIXTURES, '05-k4.x-dmesg-memcg-docker-newlines-lost-one-line.log'), 'utf8');
    const pieces = splitGluedRecords(text.trimEnd()) ?? [];
    expect(pieces).toHaveLength(8);
    expect(pieces[1]).toBe('[193038.106478] memory: usage 524288kB, limit 524288kB, failcnt 77');
    // The last record was cut inside its own timestamp: it stays part of the record before it.
    expect(pieces[7]?.endsWith('or sacrifice child[193038.1')).toBe(true);
  });

  it('splits journalctl records glued onto the command line (seed 001)', () => {
    const text = readFileSync(join(FIXTURES, 'seed-001-journalctl-k-glued.txt'), 'utf8').trimEnd();
    const pieces = splitGluedRecords(text) ?? [];
    expect(pieces[0]).toBe('$ journalctl -k');
    expect(pieces).toHaveLength(6);
    expect(pieces.slice(1).every((p) => p.startsWith('Sep 13 20:05:55 devops101 kernel: '))).toBe(true);
    expect(pieces[3]).toBe('Sep 13 20:05:55 devops101 kernel: [11002]     0 11002   262708   261750     519       4        0             0 mem_alloc');
  });
});

describe('fast paths (bench: a 1 GiB dmesg log)', () => {
  it('a plain uptime is read by hand exactly as the regex reads it; other bracket forms still reach the regex', () => {
    expect(stripLinePrefix('[    5.012542] kauditd_printk_skb: 12 callbacks suppressed')).toMatchObject({ style: 'dmesg', time: { raw: '5.012542', uptimeSeconds: 5.012542 }, message: 'kauditd_printk_skb: 12 callbacks suppressed' });
    expect(stripLinePrefix('[1234567890.123456789] x').time?.raw).toBe('1234567890.123456789');
    // Eleven integer digits or ten fraction digits: not an uptime, as before.
    expect(stripLinePrefix('[12345678901.1] x').style).toBe('none');
    expect(stripLinePrefix('[1.1234567890] x').style).toBe('none');
    expect(stripLinePrefix('[ 12.5 <  0.000100>] x')).toMatchObject({ style: 'dmesg', time: { raw: '12.5' }, message: 'x' });
    expect(stripLinePrefix('[12.] x').style).toBe('none');
    expect(stripLinePrefix('[.5] x').style).toBe('none');
  });

  it('brackets that cannot open a time do not split a line; ones that can still do', () => {
    expect(splitGluedRecords('[ 5.0] systemd-journald[312]: Data hash table of /var/log/journal/x/system.journal has a fill level at 75.0')).toBeNull();
    expect(splitGluedRecords('[ 5.0] audit: type=1400 apparmor="DENIED" comm="runc:[2:INIT]" requested_mask="r"')).toBeNull();
    expect(splitGluedRecords('[ 5.0] [drm] Initialized virtio_gpu 0.1.0 0 for virtio0 on minor 0')).toBeNull();
    expect(splitGluedRecords('[ 5.0] first[ 5.1] second')).toEqual(['[ 5.0] first', '[ 5.1] second']);
    expect(splitGluedRecords('[ 5.0] first[Mon Nov 11 06:55:00 2024] second')).toEqual(['[ 5.0] first', '[Mon Nov 11 06:55:00 2024] second']);
    expect(splitGluedRecords('Nov 11 06:55:00 h kernel: a [drm] x Nov 11 06:55:01 h kernel: b')).toEqual(['Nov 11 06:55:00 h kernel: a [drm] x ', 'Nov 11 06:55:01 h kernel: b']);
  });
});

describe('prefixes over whole fixtures', () => {
  const cases: [string, string, number][] = [
    ['02-k4.8-kmsg-raw-memcg-docker.log', 'kmsg', 44],
    ['09-k5.3-dmesgT-kubevirt-kubepods-slice-elided.log', 'dmesg-T', 16],
    ['11-k5.x-dmesgT-zh-locale-kubepods-2line.log', 'dmesg-T', 2],
    ['13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log', 'syslog', 90],
    ['16-k6.7-cgroup2-systemd-run-indented-two-kills.log', 'dmesg', 108],
    ['10-k5.8-no-timestamp-memcg-ltp-elided.log', 'none', 14],
    ['lab-anon-oom-after-dmesg-T.txt', 'dmesg-T', 79],
  ];
  for (const [name, style, count] of cases) {
    it(`${name}: ${count} ${style} lines`, () => {
      const data = parseKernelLog(readFileSync(join(FIXTURES, name), 'utf8'), ctx).value;
      expect(data?.prefixStyles[style as 'dmesg']).toBe(count);
    });
  }

  it('kmsg continuation lines ( SUBSYSTEM=…) are skipped', () => {
    const text = [
      '6,1490,21846890815,-;eth0: renamed from vetha2b3fd2',
      ' SUBSYSTEM=net',
      ' DEVICE=n7',
      '3,1521,21847500423,-;Killed process 7220 (sh) total-vm:37652kB, anon-rss:9448kB, file-rss:268kB, shmem-rss:0kB',
    ].join('\n');
    const data = parseKernelLog(text, ctx).value;
    expect(data?.prefixStyles).toEqual({ kmsg: 2 });
    expect(data?.oomEvents[0]?.victim?.pid).toBe(7220);
    expect(data?.oomEvents[0]?.lines).toEqual({ start: 4, end: 4 });
  });
});
