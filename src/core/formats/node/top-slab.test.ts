import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseTop } from './top';
import { parseSlabinfo } from './slabinfo';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('top', () => {
  it('reads top inside a pod (seed 004): node header, the pod\'s tasks', () => {
    const text = fixtureText('top', 'top.seed004-in-pod-node-header-no-top-line.txt');
    expect(detectFormat(text, 'x').formatId).toBe('top');
    const r = parseTop(text, ctxFor('x'));
    expect(r.status).toBe('parsed');
    const it0 = r.value?.iterations[0];
    expect(r.value?.iterations).toHaveLength(1);
    expect(it0?.header.scope).toBe('node-header');
    expect(it0?.header.tasks).toMatchObject({ total: 8, running: 1, sleeping: 7, line: 1 });
    expect(it0?.header.memory).toMatchObject({ unit: 'MiB', approximate: true, totalBytes: Math.round(15752.1 * MiB), buffCacheBytes: Math.round(10235.1 * MiB), availableBytes: Math.round(10118.9 * MiB), line: 6 });
    expect(it0?.header.swap).toMatchObject({ totalBytes: 0, line: 7 });
    expect(it0?.processes.map((p) => p.pid)).toEqual([1, 23, 24, 25, 26, 27, 179]);
    expect(it0?.processes[2]).toMatchObject({ pid: 24, user: 'www-data', virtBytes: 59064 * 1024, resBytes: 2564 * 1024, shrBytes: 720 * 1024, state: 'S', command: 'nginx', approximate: false, line: 11 });
  });

  it('reads top -b -n 2 with its top line, scaled RES and a command with spaces', () => {
    const screen = (time: string, res: string) =>
      [
        `top - ${time} up 10 days,  3:12,  0 users,  load average: 0.00, 0.01, 0.05`,
        'Tasks: 150 total,   1 running, 149 sleeping,   0 stopped,   0 zombie',
        '%Cpu(s):  1.0 us,  0.5 sy,  0.0 ni, 98.5 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st',
        'KiB Mem : 16336016 total,   461704 free, 15874312 used,   339944 buff/cache',
        'KiB Swap:        0 total,        0 free,        0 used.   201234 avail Mem ',
        '',
        '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND',
        `21065 1001      20   0   12.1g   ${res}  19.2m S  12.5 80.1 120:01.33 java -Xmx8g -jar app.jar`,
        '',
      ].join('\n');
    const r = parseTop(screen('06:55:00', '1.2g') + screen('06:55:03', '12582912'), ctxFor('top.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value?.iterations).toHaveLength(2);
    const [a, b] = r.value?.iterations ?? [];
    expect(a?.header).toMatchObject({ time: '06:55:00', uptime: '10 days,  3:12', loadAverage: [0, 0.01, 0.05] });
    expect(a?.header.memory).toMatchObject({ unit: 'KiB', approximate: false, totalBytes: 16336016 * 1024, availableBytes: 201234 * 1024 });
    expect(a?.processes[0]).toMatchObject({ pid: 21065, user: '1001', resBytes: Math.round(1.2 * GiB), virtBytes: Math.round(12.1 * GiB), approximate: true, command: 'java -Xmx8g -jar app.jar', memPercent: 80.1 });
    expect(b?.header.time).toBe('06:55:03');
    expect(b?.processes[0]).toMatchObject({ resBytes: 12582912 * 1024, approximate: true });
    expect(b?.lineStart).toBe(9);
  });

  it('reads procps 3.2 (k suffixes, cached on the Swap line) and busybox top', () => {
    const old = [
      'top - 10:00:00 up 1 day,  2:00,  1 user,  load average: 1.00, 1.00, 1.00',
      'Tasks: 100 total,   1 running,  99 sleeping,   0 stopped,   0 zombie',
      'Mem:  16336016k total, 15874312k used,   461704k free,   339944k buffers',
      'Swap:  8191992k total,   108948k used,  8083044k free,  9834988k cached',
      '',
      '  PID USER      PR  NI  VIRT  RES  SHR S %CPU %MEM    TIME+  COMMAND',
      ' 4242 app       20   0 2048m 1.5g  10m S  3.0  9.6   1:00.00 java',
    ].join('\n');
    const r = parseTop(old, ctxFor('x'));
    expect(r.value?.iterations[0]?.header.memory).toMatchObject({ totalBytes: 16336016 * 1024, buffersBytes: 339944 * 1024, cachedBytes: 9834988 * 1024 });
    expect(r.value?.iterations[0]?.header.swap).toMatchObject({ usedBytes: 108948 * 1024 });
    expect(r.value?.iterations[0]?.processes[0]).toMatchObject({ virtBytes: 2048 * MiB, resBytes: Math.round(1.5 * GiB) });

    const busybox = [
      'Mem: 1507416K used, 523460K free, 1024K shrd, 92216K buff, 790700K cached',
      'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq',
      'Load average: 0.00 0.01 0.05 1/98 45',
      '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND',
      '    1     0 root     S     1592   0%   1   0% sleep 3600',
    ].join('\n');
    expect(detectFormat(busybox, 'top.txt').formatId).toBe('top');
    const bb = parseTop(busybox, ctxFor('top.txt'));
    expect(bb.value?.iterations[0]?.header.memory).toMatchObject({ usedBytes: 1507416 * 1024, sharedBytes: 1024 * 1024, buffersBytes: 92216 * 1024, cachedBytes: 790700 * 1024 });
    expect(bb.value?.iterations[0]?.processes[0]).toMatchObject({ pid: 1, virtBytes: 1592 * 1024, resBytes: null, state: 'S', command: 'sleep 3600' });
  });
});

describe('slabinfo', () => {
  it('sizes caches from /proc/slabinfo 2.1 (slabs × pages per slab × 4 KiB), largest first', () => {
    const r = parseSlabinfo(fixtureText('slabinfo', 'slabinfo.node_exporter-v2.1-short.txt'), ctxFor('slabinfo'));
    expect(r.status).toBe('parsed');
    expect(r.value).toMatchObject({ source: 'proc-slabinfo', version: '2.1', summary: null });
    expect(r.value?.caches.map((c) => c.name)).toEqual(['dmaengine-unmap-128', 'kmalloc-8192', 'tw_sock_TCP', 'kmem_cache']);
    expect(r.value?.caches[0]).toMatchObject({ activeObjects: 1206, totalObjects: 1320, objectSizeBytes: 1088, pagesPerSlab: 8, totalSlabs: 44, cacheSizeBytes: 44 * 8 * 4096, line: 4 });
    expect(r.value?.totalCacheSizeBytes).toBe((27 * 2 + 44 * 8 + 37 * 8 + 10 * 2) * 4096);
  });

  it('reads slabtop -o', () => {
    const text = [
      ' Active / Total Objects (% used)    : 2219383 / 2256474 (98.4%)',
      ' Active / Total Slabs (% used)      : 62010 / 62010 (100.0%)',
      ' Active / Total Caches (% used)     : 96 / 129 (74.4%)',
      ' Active / Total Size (% used)       : 473398.53K / 484614.92K (97.7%)',
      ' Minimum / Average / Maximum Object : 0.01K / 0.21K / 8.00K',
      '',
      '  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME                   ',
      ' 613158 613158 100%    0.10K  15722       39     62888K buffer_head',
      ' 282880 282651  99%    0.19K  13460       21     53840K dentry',
      ' 121290 121290 100%    1.06K   8086       15    258752K ext4_inode_cache',
    ].join('\n');
    expect(detectFormat(text, 'slabtop.txt').formatId).toBe('slabinfo');
    const r = parseSlabinfo(text, ctxFor('slabtop.txt'));
    expect(r.status).toBe('parsed');
    expect(r.value?.source).toBe('slabtop');
    expect(r.value?.summary).toMatchObject({ activeObjects: 2219383, totalSlabs: 62010, totalCaches: 129, totalSizeBytes: Math.round(484614.92 * 1024) });
    expect(r.value?.caches[0]).toMatchObject({ name: 'ext4_inode_cache', cacheSizeBytes: 258752 * 1024, totalSlabs: 8086, objectsPerSlab: 15 });
    expect(r.value?.totalCacheSizeBytes).toBe((62888 + 53840 + 258752) * 1024);
  });
});
