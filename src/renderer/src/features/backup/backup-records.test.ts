// The app's records through a backup and back (core's writeBackup/readBackup, then restoreBundle):
// every field equal, the bundle back in the library; what an older backup lacks is filled in.
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type Note } from '../../../../core';
import type { AnalysisRecord, BundleRecord, FileRecord } from '../../db/schema';
import { restoreBundle, toBackupBundle } from './backup-records';

const BUNDLE: BundleRecord = {
  id: 'b1',
  title: 'api pod OOM',
  host: 'node-7',
  capturedAt: '2025-02-01T10:00:00.000Z',
  importedAt: '2025-02-02T10:00:00.000Z',
  tags: ['prod', '内存'],
  status: 'ready',
  deletedAt: null,
  conclusion: 'The **init container** filled /dev/shm.',
  incidentStatus: 'explained',
  fingerprint: 'f'.repeat(64),
  importWarnings: [{ code: 'archive.skipped', message: 'a link was skipped' }],
  fileCount: 2,
  recognisedCount: 1,
  warningCount: 1,
  sizeBytes: 13,
};

const FILES: FileRecord[] = [
  { id: 'b1/000000', bundleId: 'b1', path: 'x/memory.stat', container: null, formatId: 'cgroup-v1-memory-stat', status: 'parsed', warnings: [], data: { cache: 4096, nested: { a: [1, null] } }, sha256: 'unused', sizeBytes: 10, encoding: 'utf-8', detectScore: 0.9 },
  { id: 'b1/000001', bundleId: 'b1', path: 'x/notes.txt', container: 'x.tar.gz', formatId: 'unknown', status: 'unusable', warnings: [{ code: 'format.unknown', message: 'Not recognised', line: 1 }], data: null, sha256: 'unused', sizeBytes: 3, encoding: null, detectScore: 0 },
];

const NOTES: Note[] = [{ id: 'n1', bundleId: 'b1', target: { kind: 'lines', file: 'x/memory.stat', lineStart: 1, lineEnd: 2 }, markdown: '<script>x</script>', createdAt: 'c', updatedAt: 'u' }];

describe('records through a backup', () => {
  it('come back equal, with their raw bytes', async () => {
    const raw = new Map([
      ['b1/000000', new TextEncoder().encode('cache 4096')],
      ['b1/000001', new TextEncoder().encode('hi\n')],
    ]);
    const analysis = { bundleId: 'b1', engineVersion: 1, analysedAt: 'a', snapshots: [], oomEvents: [], findingsBySnapshot: [], findings: [], headline: null, eventHeadlines: [], ruleFailures: [] } as unknown as AnalysisRecord;
    const { bytes } = writeBackup([toBackupBundle(BUNDLE, FILES, NOTES, analysis, raw)], { appVersion: '0.1.0', createdAt: '2025-03-01T00:00:00.000Z' });
    const read = readBackup(bytes);
    if (!read.ok) throw new Error(read.error.message);
    const b = read.bundles[0];
    if (!b) throw new Error('no bundle');
    const blobs = new Map([...b.raw].map(([id, bytes]) => [id, new Blob([bytes as Uint8Array<ArrayBuffer>])]));
    const restored = restoreBundle(b, blobs, 'now');
    expect(restored.bundle).toEqual(BUNDLE);
    expect(restored.files).toEqual(FILES);
    expect(restored.notes).toEqual(NOTES);
    expect(restored.analysis).toEqual(analysis);
    expect(restored.blobs.map((r) => r.fileId)).toEqual(['b1/000000', 'b1/000001']);
    expect(await restored.blobs[0]?.blob.text()).toBe('cache 4096');
  });

  it('a bundle of an older backup gets the fields it lacks; one in the trash comes back ready', () => {
    const old = { id: 'b2', fingerprint: 'g', title: 'old', status: 'trash', deletedAt: 'x' };
    const restored = restoreBundle({ bundle: old, files: [], notes: [], analysis: null }, new Map(), '2025-05-05T00:00:00.000Z');
    expect(restored.bundle).toMatchObject({ id: 'b2', status: 'ready', deletedAt: null, incidentStatus: 'open', conclusion: '', tags: [], host: null, importedAt: '2025-05-05T00:00:00.000Z', fileCount: 0 });
    expect(restored.analysis).toBeNull();
  });
});
