import { describe, expect, it } from 'vitest';
import { buildImportRecords, bundleTitleFromPaths, fileId, normalisePath } from './import-records';
import type { ImportedFile } from '../workers/protocol';
import { SCHEMA_VERSIONS } from './schema';
import { ANALYSIS_ENGINE_VERSION, analysisState } from './analysis-store';

function file(index: number, path: string, formatId: string, sizeBytes: number, warnings = 0): ImportedFile {
  return {
    index,
    path,
    container: null,
    sizeBytes,
    sha256: `sha-${index}`,
    encoding: 'utf-8',
    formatId,
    status: formatId === 'unknown' ? 'unusable' : 'parsed',
    warnings: Array.from({ length: warnings }, () => ({ code: 'unrecognised', message: 'Not recognised', params: { reason: 'x' } })),
    data: formatId === 'unknown' ? null : { ok: true },
    detectScore: formatId === 'unknown' ? 0 : 0.9,
    blob: new Blob([new Uint8Array(sizeBytes)]),
  };
}

describe('buildImportRecords', () => {
  const summary = { fingerprint: 'fp-1', host: 'vm', capturedAt: '2026-11-22T12:09:33.646Z', warnings: [] };

  it('makes one bundle row, one file row and one blob row per file, in import order', () => {
    const files = [file(1, 'lab/during/dmesg.txt', 'kernel-log', 4150), file(0, 'lab/during/memory.stat', 'cgroup-v1-memory-stat', 744), file(2, 'lab/notes.txt', 'unknown', 78, 1)];
    const r = buildImportRecords({ bundleId: 'b1', importedAt: '2026-11-23T10:00:00.000Z', files, summary });
    expect(r.files.map((f) => f.path)).toEqual(['lab/during/memory.stat', 'lab/during/dmesg.txt', 'lab/notes.txt']);
    expect(r.files.map((f) => f.id)).toEqual(['b1/000000', 'b1/000001', 'b1/000002']);
    expect(r.blobs.map((b) => b.fileId)).toEqual(r.files.map((f) => f.id));
    expect(r.blobs.every((b) => b.bundleId === 'b1')).toBe(true);
    expect(r.bundle).toMatchObject({
      id: 'b1',
      title: 'lab',
      host: 'vm',
      capturedAt: '2026-11-22T12:09:33.646Z',
      status: 'ready',
      deletedAt: null,
      fingerprint: 'fp-1',
      fileCount: 3,
      recognisedCount: 2,
      warningCount: 1,
      sizeBytes: 744 + 4150 + 78,
      tags: [],
    });
  });

  it('keeps raw bytes out of the file rows (listing must not load them)', () => {
    const r = buildImportRecords({ bundleId: 'b2', importedAt: 'now', files: [file(0, 'memory.stat', 'cgroup-v1-memory-stat', 10)], summary });
    expect(Object.keys(r.files[0] ?? {})).not.toContain('blob');
    expect(r.blobs[0]?.blob.size).toBe(10);
  });

  it('keeps the worker’s analysis with the bundle, or none when the worker had none', () => {
    const analysis = { snapshots: [], oomEvents: [], findingsBySnapshot: [], findings: [], headline: null, eventHeadlines: [], ruleFailures: [] };
    const r = buildImportRecords({ bundleId: 'b5', importedAt: '2026-11-23T10:00:00.000Z', files: [], summary, analysis });
    expect(r.analysis).toMatchObject({ bundleId: 'b5', engineVersion: ANALYSIS_ENGINE_VERSION, analysedAt: '2026-11-23T10:00:00.000Z', headline: null });
    expect(buildImportRecords({ bundleId: 'b6', importedAt: 'now', files: [], summary }).analysis).toBeNull();
  });

  it('prefers the title it is given', () => {
    const r = buildImportRecords({ bundleId: 'b3', importedAt: 'now', title: '  Sample incident  ', files: [file(0, 'a/memory.stat', 'x', 1)], summary });
    expect(r.bundle.title).toBe('Sample incident');
  });

  it('an import of nothing still makes a consistent (empty) bundle', () => {
    const r = buildImportRecords({ bundleId: 'b4', importedAt: 'now', files: [], summary });
    expect(r.bundle.fileCount).toBe(0);
    expect(r.bundle.sizeBytes).toBe(0);
    expect(r.files).toEqual([]);
  });
});

describe('bundleTitleFromPaths', () => {
  it('uses the folder every path shares', () => {
    expect(bundleTitleFromPaths(['orphaned-shmem/before/memory.stat', 'orphaned-shmem/after/dmesg.txt'])).toBe('orphaned-shmem');
  });
  it('uses the name of a single file', () => {
    expect(bundleTitleFromPaths(['memory.stat'])).toBe('memory.stat');
  });
  it('names the first of several loose files and counts the rest', () => {
    expect(bundleTitleFromPaths(['memory.stat', 'dmesg.txt', 'meminfo'])).toBe('memory.stat +2');
    expect(bundleTitleFromPaths(['a/memory.stat', 'b/dmesg.txt'])).toBe('memory.stat +1');
  });
});

describe('paths and ids', () => {
  it('normalises separators and leading slashes', () => {
    expect(normalisePath('\\\\lab\\during//memory.stat')).toBe('lab/during/memory.stat');
    expect(normalisePath('/memory.stat')).toBe('memory.stat');
  });
  it('pads file ids so they sort in import order', () => {
    expect(fileId('b', 9) < fileId('b', 10)).toBe(true);
  });
});

describe('analysisState', () => {
  it('asks for a re-analysis of bundles without one or analysed by an older engine', () => {
    expect(analysisState(undefined)).toBe('missing');
    expect(analysisState(null)).toBe('missing');
    expect(analysisState({ engineVersion: 1 }, 2)).toBe('outdated');
    expect(analysisState({ engineVersion: 2 }, 2)).toBe('current');
  });
});

describe('schema versions', () => {
  it('go up one at a time and every version declares every table of the one before', () => {
    let before: string[] = [];
    SCHEMA_VERSIONS.forEach((v, i) => {
      expect(v.version).toBe(i + 1);
      const tables = Object.keys(v.stores).sort();
      expect(tables).toEqual(expect.arrayContaining(before));
      before = tables;
    });
    expect(Object.keys(SCHEMA_VERSIONS[0]?.stores ?? {}).sort()).toEqual(['blobs', 'bundles', 'files', 'notes', 'settings']);
    expect(before).toEqual(['analyses', 'blobs', 'bundles', 'files', 'notes', 'settings']);
  });
  it('version 2 adds the analyses, one per bundle', () => {
    expect(SCHEMA_VERSIONS[1]?.stores.analyses).toBe('bundleId');
  });
  it('index what the app queries by', () => {
    const latest = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1];
    expect(latest?.stores.bundles).toContain('fingerprint');
    expect(latest?.stores.bundles).toContain('status');
    expect(latest?.stores.files).toContain('bundleId');
    expect(latest?.stores.blobs?.startsWith('fileId')).toBe(true);
  });
});
