import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { parseJvmHeapInfo } from './jvm-heap-info';
import { parseJvmNmt } from './jvm-nmt';
import { jvmSettings, memoryEnv } from './jvm-flags';

describe('jvm-heap-info', () => {
  it('reads the G1 hs_err heap section (JDK 17)', () => {
    const s = parseJvmHeapInfo(fixture('jvm-heap-info/gc-heap-info.create-5179-hs_err-g1-jdk17.txt'), CTX).value?.summaries[0];
    expect(s).toMatchObject({ title: 'Heap', heapCommittedBytes: 262144 * 1024, heapUsedBytes: 97035 * 1024, metaspaceCommittedBytes: 25408 * 1024, classSpaceCommittedBytes: 2816 * 1024, regionSizeBytes: 2097152 });
  });

  it('reads JDK 11 capacity and two summaries between braces', () => {
    const jdk11 = parseJvmHeapInfo(fixture('jvm-heap-info/gc-heap-info.jpype-315-hs_err-g1-jdk11-capacity.excerpt.txt'), CTX).value?.summaries[0];
    expect(jdk11?.spaces.find((sp) => sp.name === 'Metaspace')?.capacityBytes).toBe(10602 * 1024);
    const braces = parseJvmHeapInfo(fixture('jvm-heap-info/gc-heap-info.corretto17-201-heap-before-after-braces.excerpt.txt'), CTX).value;
    expect(braces?.summaries.map((s) => [s.title, s.heapUsedBytes])).toEqual([
      [null, 1618341 * 1024],
      ['Heap after GC invocations=76 (full 0)', 246321 * 1024],
    ]);
  });

  it('reads jcmd GC.heap_info for Parallel, ZGC and Shenandoah', () => {
    const parallel = `12345:
 PSYoungGen      total 76288K, used 3932K [0x00000000fab00000, 0x0000000100000000, 0x0000000100000000)
  eden space 65536K, 6% used [0x00000000fab00000,0x00000000faed7290,0x00000000feb00000)
  from space 10752K, 0% used [0x00000000ff580000,0x00000000ff580000,0x0000000100000000)
  to   space 10752K, 0% used [0x00000000feb00000,0x00000000feb00000,0x00000000ff580000)
 ParOldGen       total 175104K, used 0K [0x00000000f0000000, 0x00000000fab00000, 0x00000000fab00000)
  object space 175104K, 0% used [0x00000000f0000000,0x00000000f0000000,0x00000000fab00000)
 Metaspace       used 2907K, capacity 4486K, committed 4864K, reserved 1056768K
  class space    used 314K, capacity 386K, committed 512K, reserved 1048576K
`;
    const p = parseJvmHeapInfo(parallel, CTX);
    expect(p.value?.pid).toBe(12345);
    const s = p.value?.summaries[0];
    expect(s).toMatchObject({ heapCommittedBytes: (76288 + 175104) * 1024, heapUsedBytes: 3932 * 1024 });
    expect(s?.spaces.find((sp) => sp.name === 'eden space')).toMatchObject({ level: 1, sizeBytes: 65536 * 1024, usedPercent: 6 });
    const z = parseJvmHeapInfo('4242:\n ZHeap           used 8M, capacity 30M, max capacity 1024M\n Metaspace       used 6371K, committed 6528K, reserved 1056768K\n', CTX).value?.summaries[0];
    expect(z).toMatchObject({ heapCommittedBytes: 30 * 1048576, heapUsedBytes: 8 * 1048576 });
    expect(z?.spaces[0]).toMatchObject({ name: 'ZHeap', maxBytes: 1073741824 });
    const shen = parseJvmHeapInfo('Shenandoah Heap\n 4194304K max, 4194304K soft max, 4194304K committed, 1187936K used\n 2048 x 2048K regions\n', CTX).value?.summaries[0];
    expect(shen?.spaces[0]).toMatchObject({ name: 'Shenandoah Heap', maxBytes: 4194304 * 1024, committedBytes: 4194304 * 1024, usedBytes: 1187936 * 1024 });
  });

  it('is unusable without heap lines; never throws', () => {
    expect(parseJvmHeapInfo('hello', CTX).status).toBe('unusable');
    expect(() => parseJvmHeapInfo(' total '.repeat(100000), CTX)).not.toThrow();
  });
});

describe('jvm-nmt', () => {
  it('reads a JDK 21 summary in bytes (scale=1)', () => {
    const r = parseJvmNmt(fixture('jvm-nmt/nmt-summary.prometheus-client_java-scale-bytes-jdk21.txt'), CTX);
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v).toMatchObject({ kind: 'summary', scale: 'bytes' });
    expect(v?.total).toMatchObject({ reservedBytes: 10341970661, committedBytes: 642716389, mallocBytes: 27513573, mmapCommittedBytes: 615202816 });
    expect(v?.categories).toHaveLength(21);
    expect(v?.categories.find((c) => c.name === 'Java Heap')).toMatchObject({ reservedBytes: 8531214336, committedBytes: 536870912, line: 7 });
    expect(v?.categories.find((c) => c.name === 'Thread')).toMatchObject({ threadCount: 20, stackCommittedBytes: 798720, mallocBytes: 27512, arenaBytes: 21048 });
    expect(v?.categories.find((c) => c.name === 'Class')?.details).toMatchObject({ classes: 1630, 'metadata.used': 2748008, 'class space.committed': 458752, 'malloc.count': 2350 });
  });

  it('reads a summary.diff in KB with +/- deltas', () => {
    const diff = `12345:

Native Memory Tracking:

Total: reserved=1490428KB +2008KB, committed=185868KB -12KB

-                 Java Heap (reserved=262144KB, committed=69632KB)
                            (mmap: reserved=262144KB, committed=69632KB)

-                    Thread (reserved=21586KB +1028KB, committed=21586KB +1028KB)
                            (thread #22 +1)
                            (stack: reserved=21504KB +1024KB, committed=21504KB +1024KB)
                            (malloc=61KB +3KB #123 +6)
`;
    const r = parseJvmNmt(diff, CTX);
    expect(r.value).toMatchObject({ kind: 'diff', scale: 'KB' });
    expect(r.value?.total).toMatchObject({ reservedBytes: 1490428 * 1024, reservedDeltaBytes: 2008 * 1024, committedDeltaBytes: -12 * 1024 });
    expect(r.value?.categories.find((c) => c.name === 'Thread')).toMatchObject({ committedDeltaBytes: 1028 * 1024, threadCount: 22, stackReservedBytes: 21504 * 1024, mallocBytes: 61 * 1024 });
    expect(r.value?.categories.find((c) => c.name === 'Thread')?.details['stack.reserved.delta']).toBe(1024 * 1024);
  });

  it('says when NMT is off; never throws', () => {
    const off = parseJvmNmt('12345:\nNative memory tracking is not enabled\n', CTX);
    expect(off).toMatchObject({ status: 'unusable', warnings: [expect.objectContaining({ code: 'nmt-disabled' })] });
    expect(() => parseJvmNmt('(' + '='.repeat(100000), CTX)).not.toThrow();
  });
});

describe('jvm flags', () => {
  it('applies JAVA_TOOL_OPTIONS, then the command line, then _JAVA_OPTIONS; the last -Xmx wins', () => {
    const env = memoryEnv(['JAVA_TOOL_OPTIONS=-Xmx1g', 'SECRET=x', '_JAVA_OPTIONS=-Xmx3g -Xss512k']);
    expect(env.map((e) => e.name)).toEqual(['JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS']);
    const s = jvmSettings(['java', '-Xmx2g', '-XX:MaxRAMPercentage=75.0', '-jar', 'a.jar'], env);
    expect(s?.flags.map((f) => [f.flag, f.source])).toEqual([
      ['-Xmx1g', 'JAVA_TOOL_OPTIONS'],
      ['-Xmx2g', 'args'],
      ['-XX:MaxRAMPercentage=75.0', 'args'],
      ['-Xmx3g', '_JAVA_OPTIONS'],
      ['-Xss512k', '_JAVA_OPTIONS'],
    ]);
    expect(s).toMatchObject({ maxHeapBytes: 3221225472, maxRamPercentage: 75, threadStackBytes: 524288 });
    expect(jvmSettings(['nginx'], [])).toBeNull();
    expect(jvmSettings(['-Xmx99999999999999999999t'], [])?.maxHeapBytes).toBeNull();
  });
});
