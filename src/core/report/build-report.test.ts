// The report's content on the real lab bundle orphaned-shmem (test/fixtures/lab/orphaned-shmem.tar.gz):
// the pod hits its 128 MiB limit with 80 MiB of shmem an init container left in a memory-backed
// emptyDir, and api-server (pid 21065) is killed. Numbers checked against the lab's TRUTH.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBundle, type ImportedBundle } from '../bundle/import-pipeline';
import { sourceFromBytes } from '../bundle/sources';
import { analyzeBundle, type BundleAnalysis } from '../analyze/analyze-bundle';
import { decodeText } from '../formats/text/decode';
import { splitLines } from '../formats/text/lines';
import type { LineReader } from '../rules/run-rules';
import type { Locale } from '../i18n/translate';
import { buildReport, type ReportNoteInput } from './build-report';
import { compareForReport } from './report-comparison';
import { formatReportTime } from './report-time';

async function importLab(name: string): Promise<{ bundle: ImportedBundle; analysis: BundleAnalysis; readLines: LineReader }> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/lab/${name}.tar.gz`, import.meta.url)));
  const outcome = await importBundle([sourceFromBytes(`${name}.tar.gz`, bytes)], { keepRaw: true });
  if (outcome.kind !== 'imported') throw new Error(`${name}: ${outcome.kind}`);
  const bundle = outcome.bundle;
  const analysis = analyzeBundle(bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
  const cache = new Map<string, string[]>();
  const readLines: LineReader = (file, start, end) => {
    let lines = cache.get(file);
    if (!lines) {
      const f = bundle.files.find((x) => x.path === file);
      if (!f?.raw) return null;
      const all = new Uint8Array(f.raw.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of f.raw) {
        all.set(c, at);
        at += c.length;
      }
      lines = splitLines(decodeText(all).text);
      cache.set(file, lines);
    }
    return lines.slice(start - 1, end).join('\n');
  };
  return { bundle, analysis, readLines };
}

const lab = await importLab('orphaned-shmem');
const DMESG = 'orphaned-shmem/after/dmesg.txt';
const NOTES: ReportNoteInput[] = [
  { targetLabel: 'ml/api-7f8c9d6b5-h7j2k', markdown: 'The warm-cache init container fills /cache (emptyDir, medium Memory).', updatedAt: '2026-11-23T09:00:00.000Z' },
  { targetLabel: `${DMESG}, line 28`, markdown: 'usage = limit: the pod hit 128 MiB.', updatedAt: '2026-11-23T09:05:00.000Z', lines: { file: DMESG, lineStart: 28, lineEnd: 28 } },
];

function report(locale: Locale, notes: ReportNoteInput[] = NOTES) {
  return buildReport({
    bundle: { title: 'api pod OOM (lab)', host: null, tags: ['lab', 'shmem'], status: 'explained', conclusion: 'Give the emptyDir a sizeLimit.', author: 'SRE on call' },
    analysis: lab.analysis,
    readLines: lab.readLines,
    notes,
    comparison: null,
    files: lab.bundle.files.map((f) => ({ path: f.path, formatId: f.formatId, sizeBytes: f.sizeBytes, sha256: f.sha256, data: f.data })),
    locale,
    generatedAt: '2026-11-23T10:00:00.000Z',
  });
}

describe('buildReport on lab orphaned-shmem', () => {
  const en = report('en');

  it('cover: node, pod, kernel, capture window, author, counts', () => {
    expect(en.cover.title).toBe('api pod OOM (lab)');
    expect(en.cover.node).toBe('vm');
    expect(en.cover.pods).toEqual(['ml/api-7f8c9d6b5-h7j2k']);
    expect(en.cover.kernel).toBe('6.18.44-fc-v669');
    expect(en.cover.timeFrom).toBe('2026-11-22T12:09:33.646Z');
    expect(en.cover.timeTo).toBe('2026-11-22T12:09:35.554Z');
    expect(en.cover.author).toBe('SRE on call');
    // 'Explained' once the notes catalogue (incident.status.*) is registered; the raw status otherwise.
    expect(en.cover.status).toMatch(/^explained$/i);
    expect(en.cover.tags).toEqual(['lab', 'shmem']);
    expect(en.cover.snapshotCount).toBe(4);
    expect(en.cover.oomEventCount).toBe(1);
    expect(en.cover.fileCount).toBe(lab.bundle.files.length);
  });

  it('the answer: the headline numbers and the most severe findings', () => {
    expect(en.answer.headline).toContain('128.0 MiB limit');
    expect(en.answer.headline).toContain('80.0 MiB shmem charged to the pod itself');
    expect(en.answer.headline).toContain('api-server (pid 21065)');
    expect(en.answer.usageBytes).toBe(134217728);
    expect(en.answer.limitBytes).toBe(134217728);
    expect(en.answer.victim).toBe('api-server (pid 21065)');
    expect(en.answer.topFindings[0]).toBe('Memory-cgroup OOM kill — ml/api-7f8c9d6b5-h7j2k');
    expect(en.answer.topFindings).toHaveLength(3);
    expect(en.answer.conclusion).toBe('Give the emptyDir a sizeLimit.');
  });

  it('timeline: captures in order, the kill before the capture that logged it, the dmesg note beside the kill', () => {
    expect(en.timeline.map((e) => e.kind)).toEqual(['snapshot', 'snapshot', 'snapshot', 'oom', 'note', 'snapshot']);
    expect(en.timeline[0]?.title).toBe('Snapshot “init-running” captured');
    expect(en.timeline[0]?.timeText).toBe('2026-11-22 12:09:33 UTC');
    // init-running pod memory.usage_in_bytes 90165248 = 86.0 MiB
    expect(en.timeline[0]?.detail).toBe('ml/api-7f8c9d6b5-h7j2k: 86.0 MiB of 128.0 MiB (67.2%)');
    expect(en.timeline[3]?.title).toBe('OOM kill: api-server (pid 21065)');
    expect(en.timeline[3]?.timeText).toBe('1515.7 s after boot');
    expect(en.timeline[4]?.title).toBe(`Note on ${DMESG}, line 28`);
    expect(en.timeline[5]?.detail).toBe('ml/api-7f8c9d6b5-h7j2k: 80.4 MiB of 128.0 MiB (62.8%)');
  });

  it('charts: the pod in each snapshot and at the kill; parts add up to the limit', () => {
    expect(en.charts.map((c) => c.title)).toEqual(['init-running', 'before', 'during', 'At the OOM kill (1515.7 s after boot)', 'after']);
    for (const c of en.charts) {
      const total = c.parts.reduce((s, p) => s + p.bytes, 0);
      expect(total, c.title).toBe(Math.max(c.usageBytes ?? 0, c.limitBytes ?? 0));
    }
    const kill = en.charts[3];
    expect(kill?.limitBytes).toBe(134217728);
    expect(kill?.parts.find((p) => p.category === 'shmem')?.bytes).toBe(83886080);
    expect(kill?.parts.find((p) => p.category === 'anon')?.bytes).toBe(49930240);
    const after = en.charts[4];
    expect(after?.usageBytes).toBe(84287488);
    expect(after?.parts.find((p) => p.category === 'shmem')?.bytes).toBe(83886080);
    expect(after?.parts.find((p) => p.category === 'headroom')?.bytes).toBe(134217728 - 84287488);
  });

  it('OOM event: verdict, usage/limit, victim, task table, key lines', () => {
    const e = en.oomEvents[0];
    expect(e?.file).toBe(DMESG);
    expect(e?.verdict).toBe('api-server (pid 21065) was killed in ml/api-7f8c9d6b5-h7j2k because its 128.0 MiB limit was reached (usage 128.0 MiB).');
    expect(e?.usageBytes).toBe(134217728);
    expect(e?.failcnt).toBe(35);
    expect(e?.victim).toMatchObject({ comm: 'api-server', pid: 21065, anonRssBytes: 49807360, shmemRssBytes: 0, oomScoreAdj: 999 });
    expect(e?.taskCount).toBe(1);
    expect(e?.topTasks[0]).toMatchObject({ pid: 21065, name: 'api-server', isVictim: true, oomScoreAdj: 999 });
    expect(e?.evidence.map((x) => x.lineStart)).toEqual([1, 28, 31, 77, 78]);
    expect(e?.evidence[1]?.excerpt).toBe('[ 1515.710392] memory: usage 131072kB, limit 131072kB, failcnt 35');
  });

  it('findings: every collapsed finding, most severe first, with the cited lines only', () => {
    expect(en.findings.map((f) => f.id)).toEqual(lab.analysis.findings.map((f) => f.id));
    expect(en.findings[0]?.severityLabel).toBe('critical');
    const orphaned = en.findings.find((f) => f.id === 'shmem-orphaned');
    expect(orphaned?.seenIn).toEqual(['before', 'during', 'after']);
    expect(orphaned?.evidence.some((e) => e.excerpt === 'total_shmem 83886080')).toBe(true);
    for (const f of en.findings) for (const e of f.evidence) expect(e.excerpt.split('\n').length).toBeLessThanOrEqual(40);
  });

  it('notes: both, in order, the line note with its line', () => {
    expect(en.notes.map((n) => n.targetLabel)).toEqual(['ml/api-7f8c9d6b5-h7j2k', `${DMESG}, line 28`]);
    expect(en.notes[0]?.evidence).toBeNull();
    expect(en.notes[1]?.evidence?.excerpt).toBe('[ 1515.710392] memory: usage 131072kB, limit 131072kB, failcnt 35');
  });

  it('appendix: every file with format and SHA-256, sorted by path', () => {
    expect(en.appendix.files).toHaveLength(lab.bundle.files.length);
    const paths = en.appendix.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    const dmesg = en.appendix.files.find((f) => f.path === DMESG);
    expect(dmesg?.formatId).toBe('kernel-log');
    expect(dmesg?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(en.appendix.totalBytes).toBe(lab.bundle.files.reduce((s, f) => s + f.sizeBytes, 0));
  });

  it('Chinese: the same numbers, Chinese words', () => {
    const zh = report('zh-CN');
    expect(zh.answer.headline).toContain('记在 Pod 自身');
    expect(zh.answer.headline).toContain('128.0 MiB');
    expect(zh.timeline[0]?.title).toBe('采集快照“init-running”');
    expect(zh.timeline[3]?.timeText).toBe('开机后 1515.7 秒');
    expect(zh.findings[0]?.severityLabel).not.toBe('critical');
    expect(zh.charts[3]?.parts.find((p) => p.category === 'shmem')?.bytes).toBe(83886080);
  });

  it('no notes, no comparison: empty sections, nothing made up', () => {
    const bare = report('en', []);
    expect(bare.notes).toEqual([]);
    expect(bare.comparison).toBeNull();
    expect(bare.timeline.filter((e) => e.kind === 'note')).toEqual([]);
  });
});

describe('comparison in the report', () => {
  it('before (baseline) → the snapshot of the answer: the shmem is already there before the kill', () => {
    const before = { analysis: lab.analysis, readLines: lab.readLines, snapshotId: 'orphaned-shmem/before', label: '' };
    const after = { analysis: lab.analysis, readLines: lab.readLines, snapshotId: null, label: '' };
    const input = compareForReport(before, after, 'en');
    expect(input?.beforeLabel).toBe('before');
    expect(input?.afterLabel).toBe('after');
    const model = buildReport({
      bundle: { title: 't', host: null, tags: [], status: null, conclusion: '', author: null },
      analysis: lab.analysis,
      readLines: lab.readLines,
      notes: [],
      comparison: input,
      files: [],
      locale: 'en',
      generatedAt: '2026-11-23T10:00:00.000Z',
    });
    const c = model.comparison;
    expect(c?.usageAfterBytes).toBe(84287488);
    expect(c?.usageDeltaBytes).toBe(84287488 - (c?.usageBeforeBytes ?? 0));
    expect(c?.explanation.length).toBeGreaterThan(0);
    expect(c?.findings.persisting.some((t) => t.startsWith('Memory charged to the pod that no running container owns'))).toBe(true);
  });
  it('returns null when a side has no snapshot', () => {
    const empty = analyzeBundle([]);
    expect(compareForReport({ analysis: empty, readLines: () => null, snapshotId: null, label: 'x' }, { analysis: lab.analysis, readLines: lab.readLines, snapshotId: null, label: '' }, 'en')).toBeNull();
  });
});

describe('formatReportTime', () => {
  it('prints UTC and keeps what is not a date', () => {
    expect(formatReportTime('2026-11-22T12:09:35.554Z')).toBe('2026-11-22 12:09:35 UTC');
    expect(formatReportTime('2026-11-22T20:09:35+08:00')).toBe('2026-11-22 12:09:35 UTC');
    expect(formatReportTime('yesterday')).toBe('yesterday');
    expect(formatReportTime(null)).toBe('—');
  });
});
