import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseProcMaps } from './maps';
import { parseSmaps } from './smaps';
import { parseSmapsRollup } from './smaps-rollup';
import { classifyMapping, readMappingLine } from './mapping-line';

describe('mapping lines', () => {
  it('classifies anonymous, heap, stack, file, shmem and special regions', () => {
    expect(readMappingLine('7f82caa00000-7f82cda00000 rw-p 00000000 00:00 0 ')).toMatchObject({ path: null, kind: 'anonymous', sizeBytes: 0x3000000 });
    expect(readMappingLine('211d1000-212f4000 rw-p 00000000 00:00 0                                  [heap]')?.kind).toBe('heap');
    expect(readMappingLine('7ffd3a570000-7ffd3a591000 rw-p 00000000 00:00 0                          [stack]')?.kind).toBe('stack');
    expect(readMappingLine('7f0000000000-7f0000100000 rw-s 00000000 00:01 1234                       /memfd:jit-cache (deleted)')).toMatchObject({ kind: 'shmem', deleted: true, path: '/memfd:jit-cache (deleted)' });
    expect(readMappingLine('7f0000000000-7f0000100000 rw-s 00000000 00:1a 99                         /dev/shm/my shared file')).toMatchObject({ kind: 'shmem', path: '/dev/shm/my shared file' });
    expect(classifyMapping('[anon:dalvik-heap]', '00:00', 0)).toBe('anonymous');
    expect(classifyMapping('[vdso]', '00:00', 0)).toBe('special');
    // vsyscall is above 2^53: the size is still exact.
    expect(readMappingLine('ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]')).toMatchObject({ sizeBytes: 4096, kind: 'special' });
    expect(readMappingLine('Size:                136 kB')).toBeNull();
  });
});

describe('proc-maps', () => {
  it('totals the lab process regions per kind', () => {
    const r = parseProcMaps(fixtureText('proc-maps', 'maps.anon-oom-during-20800.txt'), ctxFor('proc/20800/maps'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v?.pid).toBe(20800);
    expect(v?.regions).toHaveLength(60);
    expect(v?.byKind.heap).toEqual({ count: 1, sizeBytes: 0x212f4000 - 0x211d1000 });
    // The 48 MiB anonymous region memhog touched (7f82caa00000-7f82cda00000).
    expect(v?.regions.find((g) => g.startAddress === '7f82caa00000')).toMatchObject({ kind: 'anonymous', sizeBytes: 48 * 1024 * 1024, line: 8 });
    const sum = Object.values(v?.byKind ?? {}).reduce((s, k) => s + k.sizeBytes, 0);
    expect(sum).toBe(v?.totalSizeBytes);
    expect(v?.byKind.anonymous.count).toBe(7);
  });
});

describe('proc-smaps', () => {
  it('reads every mapping with its sizes and VmFlags (trailing spaces)', () => {
    const text = fixtureText('proc-smaps', 'smaps.cadvisor-4-mappings-vmflags-trailing-space.txt');
    expect(detectFormat(text, 'smaps').formatId).toBe('proc-smaps');
    const r = parseSmaps(text, ctxFor('proc/1/smaps'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v?.mappings).toHaveLength(4);
    expect(v?.mappings[0]).toMatchObject({ path: '/sbin/cgmanager', kind: 'file', rssBytes: 132 * 1024, privateCleanBytes: 132 * 1024, vmFlags: ['rd', 'ex', 'mr', 'mw', 'me', 'dw', 'sd'], line: 1, lineEnd: 21 });
    expect(v?.totals.rssBytes).toBe((132 + 8 + 4 + 16) * 1024);
    expect(v?.totals.pssAnonBytes).toBeNull();
    expect(v?.byKind.heap).toMatchObject({ count: 1, rssBytes: 16 * 1024, virtualBytes: 132 * 1024 });
  });

  it('reports a file cut inside the last mapping', () => {
    const text = fixtureText('proc-smaps', 'smaps.cadvisor-4-mappings-vmflags-trailing-space.txt').split('\n').slice(0, 23).join('\n');
    const r = parseSmaps(text, ctxFor('smaps'));
    expect(r.status).toBe('partial');
    expect(r.warnings.map((w) => w.code)).toContain('smaps-truncated');
    expect(r.value?.mappings).toHaveLength(2);
  });
});

describe('proc-smaps-rollup', () => {
  it('reads the lab rollup: Pss_Anon + Pss_File + Pss_Shmem = Pss', () => {
    const text = fixtureText('proc-smaps-rollup', 'smaps_rollup.anon-oom-during-20800.txt');
    expect(detectFormat(text, 'proc/20800/smaps_rollup').formatId).toBe('proc-smaps-rollup');
    const r = parseSmapsRollup(text, ctxFor('proc/20800/smaps_rollup'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v).toMatchObject({ pid: 20800, rangeStart: '00400000', rangeEnd: '7fffcd485000', rssBytes: 60320 * 1024, pssBytes: 58715 * 1024, pssAnonBytes: 54352 * 1024 });
    expect((v?.pssAnonBytes ?? 0) + (v?.pssFileBytes ?? 0) + (v?.pssShmemBytes ?? 0)).toBe(v?.pssBytes);
    expect(v?.raw['KSM']).toBe('0 kB');
    expect(v?.lines['Swap']).toBe(21);
  });

  it('reads a block pasted without its [rollup] line', () => {
    const text = fixtureText('proc-smaps-rollup', 'smaps_rollup.orphaned-shmem-init-running-21009.txt').split('\n').slice(1).join('\n');
    expect(detectFormat(text, 'smaps_rollup.txt').formatId).toBe('proc-smaps-rollup');
    const r = parseSmapsRollup(text, ctxFor('smaps_rollup.txt'));
    expect(r.value?.rangeStart).toBeNull();
    expect(r.value?.rssBytes).not.toBeNull();
  });
});
