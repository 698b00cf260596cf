// The report worker's job (src/renderer/src/features/report/report-builder.ts) on the real lab
// bundle orphaned-shmem (test/fixtures/lab): analyse when no analysis is given, name the notes'
// targets as the app does, read only the cited lines from the Blobs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBundle, importBundle, sourceFromBytes, type Note } from '../../../src/core';
import { buildReportFromRequest } from '../../../src/renderer/src/features/report/report-builder';
import type { ReportRequest, ReportWorkerFile } from '../../../src/renderer/src/features/report/report-protocol';

const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/lab/orphaned-shmem.tar.gz', import.meta.url)));
const outcome = await importBundle([sourceFromBytes('orphaned-shmem.tar.gz', bytes)], { keepRaw: true });
if (outcome.kind !== 'imported') throw new Error(outcome.kind);
const bundleFiles = outcome.bundle.files;
const files: ReportWorkerFile[] = bundleFiles.map((f) => ({
  path: f.path,
  formatId: f.formatId,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  encoding: f.encoding,
  data: f.data,
  blob: new Blob((f.raw ?? []) as Uint8Array<ArrayBuffer>[]),
}));
const DMESG = 'orphaned-shmem/after/dmesg.txt';

function note(id: string, target: Note['target'], markdown: string, updatedAt: string): Note {
  return { id, bundleId: 'b1', target, markdown, createdAt: updatedAt, updatedAt };
}

const NOTES: Note[] = [
  note('n1', { kind: 'group', snapshotId: 'orphaned-shmem/after', groupKey: 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48' }, 'The pod holds the init container’s 80 MiB.', '2026-11-23T09:00:00.000Z'),
  note('n2', { kind: 'lines', file: DMESG, lineStart: 28, lineEnd: 28 }, 'usage = limit', '2026-11-23T09:01:00.000Z'),
];

function request(overrides: Partial<ReportRequest> = {}): ReportRequest {
  return {
    bundle: { title: 'Sample incident', host: 'vm', tags: [], status: null, conclusion: '', author: null },
    analysis: null,
    files,
    notes: NOTES,
    compare: null,
    locale: 'en',
    generatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

describe('buildReportFromRequest', () => {
  it('analyses, labels the notes by their targets and quotes the cited lines from the Blobs', async () => {
    const { model, snapshots } = await buildReportFromRequest(request());
    expect(model.answer.headline).toContain('80.0 MiB shmem charged to the pod itself');
    expect(snapshots.map((s) => s.label)).toEqual(['init-running', 'before', 'during', 'after']);
    expect(model.notes.map((n) => n.targetLabel)).toEqual(['Group Pod ml/api-7f8c9d6b5-h7j2k in after', `${DMESG}, line 28`]);
    expect(model.notes[1]?.evidence?.excerpt).toBe('[ 1515.710392] memory: usage 131072kB, limit 131072kB, failcnt 35');
    expect(model.oomEvents[0]?.evidence[0]?.excerpt).toContain('api-server invoked oom-killer');
    const orphaned = model.findings.find((f) => f.id === 'shmem-orphaned');
    expect(orphaned?.evidence.find((e) => e.file.endsWith('/memory.stat'))?.excerpt).toBe('total_shmem 83886080');
  });

  it('uses a given analysis and compares with a baseline snapshot', async () => {
    const analysis = analyzeBundle(bundleFiles.map(({ path, formatId, data }) => ({ path, formatId, data })));
    const { model } = await buildReportFromRequest(request({ analysis, compare: { title: '', analysis, files: [], snapshotId: 'orphaned-shmem/before' } }));
    expect(model.comparison?.beforeLabel).toBe('before');
    expect(model.comparison?.afterLabel).toBe('after');
  });

  it('writes Chinese when asked', async () => {
    const { model } = await buildReportFromRequest(request({ locale: 'zh-CN', notes: [] }));
    expect(model.answer.headline).toContain('记在 Pod 自身');
    expect(model.notes).toEqual([]);
  });
});
