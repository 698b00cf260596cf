// Backup round trip on a real bundle (the lab's orphaned-shmem capture, test/fixtures/lab): import
// it, add notes and an analysis, write a backup, read it back → everything deep-equal. Then the
// archives a backup must refuse, and the merge plan.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../bundle/import-pipeline';
import { sourceFromBytes } from '../bundle/sources';
import { concatChunks } from '../bundle/archive';
import { analyzeBundle } from '../analyze/analyze-bundle';
import { sha256Hex } from '../bundle/sha256';
import type { Note } from '../notes/note';
import { BACKUP_FORMAT_VERSION, backupFileName, type BackupBundle, type BackupBundleMeta, type BackupFileMeta } from './backup-format';
import { writeBackup } from './write-backup';
import { readBackup } from './read-backup';
import { findDuplicates, planBackupImport } from './merge-plan';

type Meta = BackupBundleMeta & { tags: string[]; conclusion: string; incidentStatus: string; host: string | null; capturedAt: string | null };
type FileMeta = BackupFileMeta & { formatId: string; data: unknown; warnings: unknown[]; container: string | null };

async function labBundle(id: string, name = 'orphaned-shmem'): Promise<BackupBundle<Meta, FileMeta>> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/lab/${name}.tar.gz`, import.meta.url)));
  const outcome = await importBundle([sourceFromBytes(`${name}.tar.gz`, bytes)]);
  if (outcome.kind !== 'imported') throw new Error(outcome.kind);
  const files: FileMeta[] = outcome.bundle.files.map((f, n) => ({
    id: `${id}/${String(n).padStart(6, '0')}`,
    bundleId: id,
    path: f.path,
    container: f.container,
    formatId: f.formatId,
    warnings: f.warnings,
    data: f.data,
    sha256: f.sha256,
    sizeBytes: f.sizeBytes,
  }));
  const raw = new Map(outcome.bundle.files.map((f, n) => [files[n]?.id ?? '', concatChunks(f.raw ?? [])]));
  const dmesg = files.find((f) => f.path.endsWith('after/dmesg.txt'))?.path ?? 'missing';
  const at = '2025-03-04T05:06:07.000Z';
  const notes: Note[] = [
    { id: `${id}-n1`, bundleId: id, target: { kind: 'bundle' }, markdown: '## Why\nThe init container’s **emptyDir** (tmpfs) kept 80 MiB.\n<img src=x onerror=alert(1)>', createdAt: at, updatedAt: at },
    { id: `${id}-n2`, bundleId: id, target: { kind: 'lines', file: dmesg, lineStart: 3, lineEnd: 5 }, markdown: '初始化容器写满了 /dev/shm', createdAt: at, updatedAt: at },
    { id: `${id}-n3`, bundleId: id, target: { kind: 'group', snapshotId: 'during', groupKey: 'pod:8053180c' }, markdown: '', createdAt: at, updatedAt: at },
  ];
  const analysis = { ...analyzeBundle(files.map(({ path, formatId, data }) => ({ path, formatId, data }))), bundleId: id, engineVersion: 1, analysedAt: at };
  const bundle: Meta = { id, fingerprint: outcome.bundle.fingerprint, title: `Lab ${name}`, tags: ['lab', 'shmem'], conclusion: 'Explained: *tmpfs*.', incidentStatus: 'explained', host: 'vm', capturedAt: null };
  return { bundle, files, notes, analysis, raw };
}

const OPTIONS = { appVersion: '0.1.0', createdAt: '2025-03-04T05:06:07.000Z' };

describe('backup round trip', async () => {
  const one = await labBundle('b-one');
  const two = await labBundle('b-two', 'anon-oom');
  const { bytes, manifest } = writeBackup([one, two], OPTIONS);

  it('the manifest counts what is inside', () => {
    expect(manifest.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(manifest.counts.bundles).toBe(2);
    expect(manifest.counts.files).toBe(one.files.length + two.files.length);
    expect(manifest.counts.rawFiles).toBe(one.files.length + two.files.length);
    expect(manifest.counts.notes).toBe(6);
    expect(manifest.counts.analyses).toBe(2);
    expect(one.files.length).toBeGreaterThan(100);
    // A file id's "/" is encoded, so each raw file is one entry of its bundle's raw folder.
    expect(manifest.bundles[0]?.raw[0]?.entry).toBe('bundles/b-one/raw/b-one%2F000000');
  });

  it('reads back deep-equal: metadata, file records with parsed data, raw bytes, notes, analysis', () => {
    const read = readBackup(bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.manifest).toEqual(manifest);
    expect(read.bundles).toHaveLength(2);
    for (const [n, original] of [one, two].entries()) {
      const back = read.bundles[n];
      expect(back?.bundle).toEqual(original.bundle);
      expect(back?.files).toEqual(original.files);
      expect(back?.notes).toEqual(original.notes);
      expect(back?.analysis).toEqual(JSON.parse(JSON.stringify(original.analysis)));
      expect(back?.raw.size).toBe(original.raw.size);
      for (const [fileId, raw] of original.raw) expect(back?.raw.get(fileId)).toEqual(raw);
    }
  });

  it('the raw bytes are the imported files: their SHA-256 is the file record’s', () => {
    const read = readBackup(bytes);
    if (!read.ok) throw new Error(read.error.message);
    for (const f of read.bundles[0]?.files ?? []) expect(sha256Hex(read.bundles[0]?.raw.get(f.id) ?? new Uint8Array())).toBe(f.sha256);
  });

  it('an empty workspace makes a backup that reads back empty', () => {
    const empty = writeBackup([], OPTIONS);
    const read = readBackup(empty.bytes);
    expect(read.ok && read.bundles).toEqual([]);
  });

  it('suggests a file name with the date', () => {
    expect(backupFileName(new Date(2025, 0, 31, 15, 42))).toBe('oomscope-2025-01-31-1542.oomscope-backup.zip');
  });

  describe('refuses', () => {
    const entries = unzipSync(bytes);
    const rezip = (change: (e: Record<string, Uint8Array>) => void): Uint8Array => {
      const copy: Record<string, Uint8Array> = { ...entries };
      change(copy);
      return zipSync(copy);
    };
    const codeOf = (b: Uint8Array): string => {
      const r = readBackup(b);
      return r.ok ? 'ok' : r.error.code;
    };

    it('what is not a ZIP, or a ZIP cut short', () => {
      expect(codeOf(new Uint8Array())).toBe('not-zip');
      expect(codeOf(strToU8('hello, not a zip'))).toBe('not-zip');
      expect(codeOf(bytes.subarray(0, bytes.length / 2))).toBe('corrupt');
    });

    it('a foreign ZIP (no manifest, or someone else’s)', () => {
      expect(codeOf(zipSync({ 'readme.txt': strToU8('hi') }))).toBe('not-backup');
      expect(codeOf(zipSync({ 'manifest.json': strToU8('{"format":"other","formatVersion":1}') }))).toBe('not-backup');
      expect(codeOf(zipSync({ 'manifest.json': strToU8('not json') }))).toBe('bad-entry');
    });

    it('a backup from a newer format', () => {
      const r = readBackup(zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: BACKUP_FORMAT_VERSION + 1 })) }));
      expect(r.ok ? null : r.error).toMatchObject({ code: 'newer-version', params: { version: BACKUP_FORMAT_VERSION + 1, supported: BACKUP_FORMAT_VERSION } });
    });

    it('a raw file whose bytes changed, with the file and bundle named', () => {
      const entry = manifest.bundles[0]?.raw[5]?.entry ?? '';
      const r = readBackup(
        rezip((e) => {
          const changed = new Uint8Array(e[entry] ?? []);
          changed[0] = (changed[0] ?? 0) ^ 0xff;
          e[entry] = changed;
        }),
      );
      expect(r.ok ? null : r.error).toMatchObject({ code: 'checksum', params: { path: one.files[5]?.path, bundle: 'Lab orphaned-shmem' } });
    });

    it('a missing raw file or metadata entry', () => {
      const entry = manifest.bundles[1]?.raw[0]?.entry ?? '';
      expect(codeOf(rezip((e) => delete e[entry]))).toBe('missing-entry');
      expect(codeOf(rezip((e) => delete e['bundles/b-one/notes.json']))).toBe('missing-entry');
    });

    it('damaged records: a note of the wrong shape, a file of another bundle', () => {
      expect(codeOf(rezip((e) => (e['bundles/b-one/notes.json'] = strToU8('[{"id":1},{},{}]'))))).toBe('bad-entry');
      const files = JSON.parse(new TextDecoder().decode(entries['bundles/b-one/files.json'])) as FileMeta[];
      const moved = files.map((f, n) => (n === 0 ? { ...f, bundleId: 'b-two' } : f));
      expect(codeOf(rezip((e) => (e['bundles/b-one/files.json'] = strToU8(JSON.stringify(moved)))))).toBe('bad-entry');
    });

    it('an archive that unpacks beyond the limit', () => {
      const r = readBackup(bytes, { maxUnpackedBytes: 1000 });
      expect(r.ok ? null : r.error.code).toBe('too-large');
    });

    it('__proto__ keys in the JSON reach no prototype', () => {
      const polluted = rezip((e) => {
        const b = JSON.parse(new TextDecoder().decode(e['bundles/b-one/bundle.json'])) as Record<string, unknown>;
        e['bundles/b-one/bundle.json'] = strToU8(JSON.stringify(b).replace(/^\{/, '{"__proto__":{"polluted":true},'));
      });
      const r = readBackup(polluted);
      expect(r.ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (r.ok) expect(Object.prototype.hasOwnProperty.call(r.bundles[0]?.bundle, '__proto__')).toBe(false);
    });
  });

  describe('merge plan', () => {
    const read = readBackup(bytes);
    if (!read.ok) throw new Error(read.error.message);
    const existing = [{ id: 'local-1', fingerprint: one.bundle.fingerprint, title: 'mine', live: true }];
    let counter = 0;
    const newId = (): string => `new-${++counter}`;

    it('finds bundles already in the workspace by fingerprint (not those in the trash)', () => {
      expect(findDuplicates(read.bundles, existing).map((d) => d.bundle.bundle.id)).toEqual(['b-one']);
      expect(findDuplicates(read.bundles, [{ ...existing[0]!, live: false }])).toEqual([]);
    });

    it('skip: the duplicate is left out, the rest keeps its ids', () => {
      const plan = planBackupImport(read.bundles, existing, 'skip', newId);
      expect(plan.skipped.map((d) => d.existing.id)).toEqual(['local-1']);
      expect(plan.add.map((b) => b.bundle.id)).toEqual(['b-two']);
      expect(plan.add[0]).toBe(read.bundles[1]);
    });

    it('keep both: the duplicate comes in as a copy, every id rewritten, nothing else changed', () => {
      const plan = planBackupImport(read.bundles, existing, 'keep-both', newId);
      expect(plan.skipped).toEqual([]);
      const copy = plan.add[0];
      const original = read.bundles[0];
      if (!copy || !original) throw new Error('no copy');
      expect(copy.bundle.id).toMatch(/^new-/);
      expect({ ...copy.bundle, id: 'x' }).toEqual({ ...original.bundle, id: 'x' });
      expect(copy.files.every((f) => f.bundleId === copy.bundle.id && f.id.startsWith(`${copy.bundle.id}/`))).toBe(true);
      expect(copy.files.map((f) => f.id.slice(f.id.indexOf('/')))).toEqual(original.files.map((f) => f.id.slice(f.id.indexOf('/'))));
      expect(copy.files.map(({ id: _i, bundleId: _b, ...rest }) => rest)).toEqual(original.files.map(({ id: _i, bundleId: _b, ...rest }) => rest));
      for (const f of copy.files) expect(copy.raw.get(f.id)).toBeDefined();
      expect(copy.notes.map((n) => n.bundleId)).toEqual([copy.bundle.id, copy.bundle.id, copy.bundle.id]);
      expect(new Set(copy.notes.map((n) => n.id)).size).toBe(3);
      expect(copy.notes.map((n) => n.id)).not.toContain(original.notes[0]?.id);
      expect(copy.notes.map(({ target, markdown }) => ({ target, markdown }))).toEqual(original.notes.map(({ target, markdown }) => ({ target, markdown })));
      expect((copy.analysis as { bundleId: string }).bundleId).toBe(copy.bundle.id);
      expect(plan.add[1]?.bundle.id).toBe('b-two');
    });

    it('an id already taken (even by a bundle in the trash) gets a new one', () => {
      const plan = planBackupImport(read.bundles, [{ id: 'b-two', fingerprint: 'other', title: 't', live: false }], 'skip', newId);
      expect(plan.add.map((b) => b.bundle.id)).toEqual(['b-one', expect.stringMatching(/^new-/)]);
    });
  });
});
