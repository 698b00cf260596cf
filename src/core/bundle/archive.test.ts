import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeTar, paxRecords } from '../../../test/helpers/tar-builder';
import { importBundle, type ImportedBundle, type ImportOptions } from './import-pipeline';
import { normaliseMemberName } from './member-name';
import { sourceFromBytes, type ImportSource } from './sources';
import { looksLikeTar } from './tar-reader';

const MEMORY_STAT = 'cache 4096\nrss 9510912\nshmem 0\ntotal_cache 83906560\ntotal_rss 9510912\ntotal_shmem 83886080\n';

async function imported(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportedBundle> {
  const outcome = await importBundle(sources, options);
  if (outcome.kind !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome.bundle;
}

const text = (bytes: Uint8Array[] | null) => new TextDecoder().decode(Buffer.concat(bytes ?? []));

describe('member names', () => {
  it('are cleaned for display and never climb out of the bundle', () => {
    expect(normaliseMemberName('./before/memory.stat')).toMatchObject({ path: 'before/memory.stat', unsafeReason: null });
    expect(normaliseMemberName('/etc/passwd')).toMatchObject({ path: 'etc/passwd', unsafeReason: 'absolute' });
    expect(normaliseMemberName('../../x')).toMatchObject({ path: 'x', unsafeReason: 'parent-segment', originalName: '../../x' });
    expect(normaliseMemberName('a/../../b')).toMatchObject({ path: 'b', unsafeReason: 'parent-segment' });
    expect(normaliseMemberName('C:\\Windows\\x.txt')).toMatchObject({ path: 'Windows/x.txt', unsafeReason: 'absolute' });
    expect(normaliseMemberName('a\0b')).toMatchObject({ path: 'a_b', unsafeReason: 'control-characters' });
    expect(normaliseMemberName('../..')).toMatchObject({ path: 'unnamed' });
  });
});

describe('tar', () => {
  it('reads ustar members, skips directories, lists links as skipped', async () => {
    const tar = makeTar([
      { name: 'snap/', type: '5' },
      { name: 'snap/memory.stat', data: MEMORY_STAT },
      { name: 'snap/empty', data: '' },
      { name: 'snap/link', type: '2', linkName: '/etc/passwd' },
    ]);
    expect(looksLikeTar(tar)).toBe(true);
    const bundle = await imported([sourceFromBytes('bundle.tar', tar, 7)]);
    expect(bundle.files.map((f) => f.path)).toEqual(['snap/memory.stat', 'snap/empty']);
    const stat = bundle.files[0]!;
    expect(stat.formatId).toBe('cgroup-v1-memory-stat');
    expect(stat.container).toBe('bundle.tar');
    expect(text(stat.raw)).toBe(MEMORY_STAT);
    expect(bundle.skipped).toEqual([expect.objectContaining({ path: 'snap/link', reason: expect.objectContaining({ code: 'archive-member-not-a-file' }) })]);
    expect(bundle.archives).toEqual([expect.objectContaining({ kind: 'tar', membersCount: 2, complete: true })]);
  });

  it('honours pax paths and GNU long names', async () => {
    const long = `deep/${'x'.repeat(150)}/memory.stat`;
    const tar = makeTar([
      { name: 'PaxHeader', type: 'x', data: paxRecords({ path: long }) },
      { name: 'short-name-ignored', data: MEMORY_STAT },
      { name: '././@LongLink', type: 'L', data: `${long}.gnu\0` },
      { name: 'cut', data: 'total_rss 1\n' },
    ]);
    const bundle = await imported([sourceFromBytes('x.tar', tar)]);
    expect(bundle.files.map((f) => f.path)).toEqual([long, `${long}.gnu`]);
  });

  it('shows ../ and absolute member names safely, keeping the original name', async () => {
    const tar = makeTar([
      { name: '../../etc/cron.d/evil', data: 'x' },
      { name: '/abs/file', data: 'y' },
    ]);
    const bundle = await imported([sourceFromBytes('evil.tar', tar)]);
    expect(bundle.files.map((f) => [f.path, f.originalName])).toEqual([
      ['etc/cron.d/evil', '../../etc/cron.d/evil'],
      ['abs/file', '/abs/file'],
    ]);
    expect(bundle.files[0]!.warnings.map((w) => w.code)).toContain('archive-member-name-unsafe');
  });

  it('refuses a header that declares more than the ceiling, keeping nothing', async () => {
    const tar = makeTar([{ name: 'huge.bin', data: 'tiny', declaredSize: 10 * 1024 ** 3 }]);
    const outcome = await importBundle([sourceFromBytes('liar.tar', tar)]);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') {
      expect(outcome.reason.code).toBe('archive-too-large');
      expect(outcome.reason.message).toContain('liar.tar');
    }
  });

  it('keeps the members read before a damaged header, with a warning', async () => {
    const tar = makeTar([
      { name: 'a.txt', data: 'first' },
      { name: 'b.txt', data: 'second' },
    ]);
    tar[512 * 2 + 10] = (tar[512 * 2 + 10] ?? 0) ^ 0xff; // corrupt the second header's name: its checksum no longer matches
    const bundle = await imported([sourceFromBytes('damaged.tar', tar)]);
    expect(bundle.files.map((f) => f.path)).toEqual(['a.txt']);
    expect(bundle.archives[0]).toMatchObject({ complete: false, warnings: [expect.objectContaining({ code: 'archive-corrupt' })] });
  });
});

describe('gzip', () => {
  it('expands .tar.gz as one archive alone: members at their own names', async () => {
    const tgz = gzipSync(makeTar([{ name: 'orphaned-shmem/before/memory.stat', data: MEMORY_STAT }]));
    const bundle = await imported([sourceFromBytes('orphaned-shmem.tar.gz', tgz, 5)]);
    expect(bundle.files.map((f) => f.path)).toEqual(['orphaned-shmem/before/memory.stat']);
    expect(bundle.archives.map((a) => [a.kind, a.path])).toEqual([
      ['tar', 'orphaned-shmem.tar'],
      ['gzip', 'orphaned-shmem.tar.gz'],
    ]);
  });

  it('puts members under the archive path when other sources come with it', async () => {
    const tgz = gzipSync(makeTar([{ name: 'before/memory.stat', data: MEMORY_STAT }]));
    const bundle = await imported([sourceFromBytes('notes.txt', strToU8('hello')), sourceFromBytes('lab.tgz', tgz)]);
    expect(bundle.files.map((f) => f.path)).toEqual(['notes.txt', 'lab.tgz/before/memory.stat']);
  });

  it('turns dmesg.txt.gz into dmesg.txt', async () => {
    const bundle = await imported([sourceFromBytes('logs/dmesg.txt.gz', gzipSync(strToU8('hello kernel\n')))]);
    expect(bundle.files.map((f) => [f.path, f.container])).toEqual([['logs/dmesg.txt', 'logs/dmesg.txt.gz']]);
  });

  it('refuses a gzip bomb as it streams (no size is declared up front)', async () => {
    const bomb = gzipSync(new Uint8Array(200 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const outcome = await importBundle([sourceFromBytes('zeros.gz', bomb)], { limits: { maxTotalUncompressedBytes: 64 * 1024 * 1024 } });
    expect(outcome).toMatchObject({ kind: 'refused', reason: { code: 'archive-too-large', params: { archive: 'zeros.gz' } } });
  });

  it('reports a truncated .tar.gz as a warning, not a throw', async () => {
    // Stored deflate blocks (level 0) are 64 KiB each: fflate emits each once it is whole.
    const tgz = gzipSync(makeTar([{ name: 'a.txt', data: 'a'.repeat(5000) }, { name: 'b.txt', data: 'b'.repeat(1_000_000) }]), { level: 0 });
    const cut = tgz.subarray(0, Math.floor(tgz.length / 2));
    const bundle = await imported([sourceFromBytes('cut.tar.gz', cut)]);
    expect(bundle.files.map((f) => [f.path, f.truncated])).toEqual([
      ['a.txt', false],
      ['b.txt', true],
    ]);
    expect(bundle.files[1]!.warnings.map((w) => w.code)).toContain('file-truncated');
    const gz = bundle.archives.find((a) => a.kind === 'gzip');
    expect(gz?.complete).toBe(false);
  });

  it('reports junk after the gzip magic as a damaged archive', async () => {
    const junk = new Uint8Array(600).map((_, i) => (i * 97 + 13) & 0xff);
    junk[0] = 0x1f;
    junk[1] = 0x8b;
    const bundle = await imported([sourceFromBytes('junk.gz', junk)]);
    expect(bundle.archives[0]).toMatchObject({ kind: 'gzip', complete: false });
  });
});

describe('zip', () => {
  it('reads members, and archives nested inside', async () => {
    const inner = gzipSync(makeTar([{ name: 'after/memory.stat', data: MEMORY_STAT }]));
    const zip = zipSync({ 'bundle/': new Uint8Array(0), 'bundle/notes.md': strToU8('# notes'), 'bundle/inner.tar.gz': [inner, { level: 0 }] });
    const bundle = await imported([sourceFromBytes('incident.zip', zip, 100)]);
    expect(bundle.files.map((f) => f.path)).toEqual(['bundle/notes.md', 'bundle/inner.tar.gz/after/memory.stat']);
    expect(bundle.files[1]!.container).toBe('bundle/inner.tar');
    expect(bundle.archives.map((a) => a.kind).sort()).toEqual(['gzip', 'tar', 'zip']);
  });

  it('refuses a zip bomb from its declared size, naming the archive', async () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    const outcome = await importBundle([sourceFromBytes('bomb.zip', bomb)], { limits: { maxTotalUncompressedBytes: 64 * 1024 * 1024 } });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') {
      expect(outcome.reason.code).toBe('archive-too-large');
      expect(outcome.reason.message).toMatch(/bomb\.zip declares 209715200 bytes uncompressed, over the 64 MiB ceiling/);
    }
  });

  it('refuses more members than the entry ceiling', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`f${i}.txt`] = strToU8(String(i));
    const outcome = await importBundle([sourceFromBytes('many.zip', zipSync(files))], { limits: { maxEntries: 10 } });
    expect(outcome).toMatchObject({ kind: 'refused', reason: { code: 'archive-too-many-entries' } });
  });

  it('keeps archives nested deeper than the limit as plain files', async () => {
    let data: Uint8Array = strToU8('core');
    for (let i = 0; i < 4; i++) data = gzipSync(data);
    const bundle = await imported([sourceFromBytes('onion.gz.gz.gz.gz', data)], { limits: { maxDepth: 2 } });
    expect(bundle.files).toHaveLength(1);
    expect(bundle.files[0]!.warnings.map((w) => w.code)).toContain('archive-too-deep');
  });

  it('a corrupt zip gives a warning, not a throw', async () => {
    const zip = zipSync({ 'a.txt': strToU8('a'.repeat(10_000)) });
    const damaged = zip.slice();
    for (let i = 40; i < 60; i++) damaged[i] = 0xff;
    const bundle = await imported([sourceFromBytes('bad.zip', damaged)]);
    expect(bundle.archives[0]).toMatchObject({ kind: 'zip', complete: false });
  });
});
