// Acceptance of the whole engine on the real lab bundles (test/fixtures/lab/*.tar.gz, copies of
// shared/corpus/lab): import → assemble → rules → headline, checked against each TRUTH.md —
// the findings that must fire, those that must not, and the numbers quoted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../bundle/import-pipeline';
import { sourceFromBytes } from '../bundle/sources';
import { analyzeBundle, type BundleAnalysis } from './analyze-bundle';
import { renderHeadline } from '../model/headline-text';

async function analyzeLab(name: string): Promise<BundleAnalysis> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/lab/${name}.tar.gz`, import.meta.url)));
  const outcome = await importBundle([sourceFromBytes(`${name}.tar.gz`, bytes)], { keepRaw: false });
  if (outcome.kind !== 'imported') throw new Error(`${name}: ${outcome.kind}`);
  return analyzeBundle(outcome.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data })));
}

function ids(a: BundleAnalysis): Set<string> {
  return new Set(a.findings.map((f) => f.id));
}

function expectFires(a: BundleAnalysis, must: string[], mustNot: string[]): void {
  const fired = ids(a);
  for (const id of must) expect(fired, `${id} must fire; fired: ${[...fired].join(', ')}`).toContain(id);
  for (const id of mustNot) expect(fired, `${id} must not fire`).not.toContain(id);
}

describe('lab orphaned-shmem', async () => {
  const a = await analyzeLab('orphaned-shmem');
  it('fires what TRUTH.md lists, and nothing it forbids', () => {
    expectFires(a, ['oom-kill-memcg', 'shmem-orphaned', 'shmem-dominant', 'process-rss-gap', 'victim-selection'], ['anon-near-limit', 'oom-kill-global', 'page-cache-dirty', 'thp-inflation', 'eviction']);
    expect(a.ruleFailures).toEqual([]);
  });
  it('shmem-orphaned quotes the pod-level figures with evidence', () => {
    const f = a.findingsBySnapshot.find((d) => d.id === 'shmem-orphaned' && a.snapshots.find((s) => s.id === d.snapshotId)?.label === 'before');
    expect(f?.metrics['remainderBytes']).toBe(84119552);
    expect(f?.metrics['remainderShmemBytes']).toBe(83886080);
    expect(f?.evidence.some((e) => e.file.endsWith('memory.usage_in_bytes'))).toBe(true);
  });
  it('the OOM kill names the pod as the cgroup whose limit was hit and cites the report', () => {
    const kill = a.findings.find((f) => f.id === 'oom-kill-memcg');
    expect(kill?.metrics['limitBytes']).toBe(134217728);
    expect(kill?.metrics['victimPid']).toBe(21065);
    expect(kill?.evidence.some((e) => /dmesg/.test(e.file))).toBe(true);
  });
  it('the headline names the pod’s own shmem as the cause', () => {
    expect(a.headline?.kind).toBe('oom');
    const top = a.headline?.parts[0];
    expect(top?.category).toBe('shmem');
    expect(top?.place).toBe('pod-itself');
    expect(top?.bytes).toBe(83886080);
    const text = renderHeadline(a.headline, 'en');
    expect(text).toContain('80.0 MiB shmem charged to the pod itself');
    expect(text).toContain('api-server');
    expect(renderHeadline(a.headline, 'zh-CN')).toContain('记在 Pod 自身');
  });
  it('victim-selection explains the burstable adj and the shmem left behind', () => {
    const v = a.findings.find((f) => f.id === 'victim-selection');
    expect(v?.metrics['oomScoreAdj']).toBe(999);
    expect(v?.metrics['qosClass']).toBe('burstable');
    expect(v?.metrics['shmemLeftInCgroupBytes']).toBe(83886080);
  });
});

describe('lab anon-oom', async () => {
  const a = await analyzeLab('anon-oom');
  it('fires anon-near-limit, oom-kill-memcg and victim-selection; not shmem-orphaned', () => {
    expectFires(
      a,
      ['oom-kill-memcg', 'anon-near-limit', 'victim-selection'],
      ['oom-kill-global', 'shmem-dominant', 'shmem-orphaned', 'page-cache-dirty', 'working-set-active-file', 'thp-inflation', 'kernel-memory-high', 'eviction'],
    );
  });
  it('the headline says anonymous memory filled the limit', () => {
    expect(a.headline?.parts[0]?.category).toBe('anon');
    expect(a.headline?.victim?.comm).toBe('order-service');
  });
  it('anon-near-limit is critical: 99.7% of the limit at the kill', () => {
    const f = a.findings.find((x) => x.id === 'anon-near-limit');
    expect(f?.severity).toBe('critical');
    expect(f?.metrics['anonBytesAtKill']).toBe(66879488);
  });
});

describe('lab dirty-writeback', async () => {
  const a = await analyzeLab('dirty-writeback');
  it('fires page-cache-dirty and process-rss-gap, no OOM finding', () => {
    expectFires(a, ['page-cache-dirty', 'process-rss-gap'], ['oom-kill-memcg', 'oom-kill-global', 'anon-near-limit', 'shmem-dominant', 'shmem-orphaned']);
    const during = a.findingsBySnapshot.find((d) => d.id === 'page-cache-dirty' && a.snapshots.find((s) => s.id === d.snapshotId)?.label === 'during');
    expect(during?.metrics['dirtyBytes']).toBe(134217728);
    expect(during?.metrics['writebackBytes']).toBe(12582912);
  });
  it('the headline is the container mid-write, its page cache mostly dirty (TRUTH: 140 MiB of 247 MiB)', () => {
    expect(renderHeadline(a.headline, 'en')).toContain('247.0 MiB page cache, 140.0 MiB of it dirty or under writeback');
    expect(a.headline?.scope).toContain('importer');
  });
});

describe('lab memory-pressure-near-limit', async () => {
  const a = await analyzeLab('memory-pressure-near-limit');
  it('fires anon-near-limit only as a warning, nothing it forbids', () => {
    expectFires(a, ['anon-near-limit'], ['oom-kill-memcg', 'oom-kill-global', 'shmem-dominant', 'shmem-orphaned', 'page-cache-dirty', 'working-set-active-file', 'memory-high-throttling']);
    expect(a.findings.find((f) => f.id === 'anon-near-limit')?.severity).toBe('warning');
  });
});

describe('lab page-cache-read', async () => {
  const a = await analyzeLab('page-cache-read');
  it('fires working-set-active-file (after) and process-rss-gap', () => {
    expectFires(a, ['working-set-active-file', 'process-rss-gap'], ['oom-kill-memcg', 'oom-kill-global', 'anon-near-limit', 'shmem-dominant', 'shmem-orphaned', 'page-cache-dirty']);
    const ws = a.findingsBySnapshot.filter((d) => d.id === 'working-set-active-file').map((d) => a.snapshots.find((s) => s.id === d.snapshotId)?.label);
    expect(ws).toContain('after');
    expect(ws).not.toContain('during');
  });
});
