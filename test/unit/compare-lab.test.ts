// The Compare screen's worker side on real data: the lab bundle orphaned-shmem (a copy of
// shared/corpus/lab/orphaned-shmem in test/fixtures/lab/) imported, analysed and compared as the
// compare worker does, and seed 004's memstat series. Numbers from the lab's TRUTH.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBundle, importBundle, parseFileText, sourceFromBytes } from '../../src/core';
import { bundleSnapshots, compareSides, SnapshotNotFoundError, type SideInput } from '../../src/renderer/src/features/compare/compare-analysis';
import { waterfallModel } from '../../src/renderer/src/features/compare/waterfall';
import { alignRows } from '../../src/renderer/src/features/compare/align-rows';
import { withOwnerRefs } from '../../src/renderer/src/features/compare/group-name';
import { defaultPairKey } from '../../src/renderer/src/features/compare/pair-list';

const POD = 'pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const API = `${POD}/container:api`;
const WARM_CACHE = `${POD}/container:warm-cache`;
const POD_ITSELF = `${POD}/(not owned by any container)`;

async function labSide(): Promise<Omit<SideInput, 'snapshotId'>> {
  const bytes = new Uint8Array(readFileSync(new URL('../fixtures/lab/orphaned-shmem.tar.gz', import.meta.url)));
  const outcome = await importBundle([sourceFromBytes('orphaned-shmem.tar.gz', bytes)], { keepRaw: false });
  if (outcome.kind !== 'imported') throw new Error(outcome.kind);
  const files = outcome.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data }));
  return { bundleId: 'lab', analysis: analyzeBundle(files), files: files.map(({ path, formatId }) => ({ path, formatId })) };
}

describe('Compare on the lab bundle orphaned-shmem', async () => {
  const lab = await labSide();
  const info = bundleSnapshots('lab', lab.analysis);
  const id = (label: string): string => info.choices.find((c) => c.label === label)?.id ?? `missing ${label}`;

  it('offers its four captures in time order, and a series of the pod through them', () => {
    expect(info.choices.map((c) => c.label)).toEqual(['init-running', 'before', 'during', 'after']);
    expect(info.series.points.map((p) => p.capturedAt)).toEqual(['2026-11-22T12:09:33.646Z', '2026-11-22T12:09:33.892Z', '2026-11-22T12:09:34.782Z', '2026-11-22T12:09:35.554Z']);
    const pod = info.series.groups.find((g) => g.key === POD);
    expect(pod?.values.usage).toEqual([90165248, 93818880, 121344000, 84287488]);
    expect(pod?.values.shmem).toEqual([83886080, 83886080, 83886080, 83886080]);
    expect(info.series.groups.find((g) => g.key === WARM_CACHE)?.values.usage.map((v) => v !== null)).toEqual([true, false, false, false]);
  });

  it('before → during: "+26.0 MiB anon in container api" first, the pod itself’s 80 MiB shmem unchanged, shmem-orphaned persisting, memory.stat paired', () => {
    const c = compareSides({ ...lab, snapshotId: id('before') }, { ...lab, snapshotId: id('during') }, null);
    expect(c.before.snapshot.label).toBe('before');
    expect(c.diff.explanation[0]?.text).toBe('+26.0 MiB anon in container api');
    expect(c.diff.notes.find((n) => n.kind === 'unchanged-holding')?.text).toBe('80.0 MiB shmem in the pod itself unchanged (±0 B).');
    expect(c.diff.findings.persisting.map((f) => f.id)).toContain('shmem-orphaned');
    const stat = c.pairs.find((p) => p.key === `group:${POD}:memory.stat`);
    expect(stat?.before?.path).toMatch(/orphaned-shmem\/before\/cgroup\/.*pod8053180c[^/]*\/memory\.stat$/);
    expect(stat?.after?.path).toMatch(/orphaned-shmem\/during\/cgroup\/.*pod8053180c[^/]*\/memory\.stat$/);
    expect(defaultPairKey(c.pairs, c.diff.scope.key)).toBe(`group:${POD}:memory.stat`);
    const w = waterfallModel(c.diff.scope, c.diff.explanation);
    expect(w.rows[0]).toMatchObject({ kind: 'start', toBytes: 93818880 });
    expect(w.rows[1]).toMatchObject({ kind: 'step', deltaBytes: 27262976 });
    expect(w.rows.at(-1)).toMatchObject({ kind: 'end', toBytes: 121344000 });
    expect(w.rows.some((r) => r.kind === 'unexplained')).toBe(false);
  });

  it('swapped: the signs flip', () => {
    const c = compareSides({ ...lab, snapshotId: id('during') }, { ...lab, snapshotId: id('before') }, null);
    expect(c.diff.explanation[0]?.text).toBe('−26.0 MiB anon in container api');
    expect(c.diff.scope.usageDeltaBytes).toBe(93818880 - 121344000);
  });

  it('init-running → before: warm-cache gone, its shmem moved to the pod itself (not freed), rows aligned by key', () => {
    const c = compareSides({ ...lab, snapshotId: id('init-running') }, { ...lab, snapshotId: id('before') }, null);
    const rows = alignRows(withOwnerRefs(c.diff.groups));
    expect(rows.map((r) => [r.key, r.group.status])).toEqual([
      [POD, 'matched'],
      [API, 'appeared'],
      [POD_ITSELF, 'matched'],
      [WARM_CACHE, 'vanished'],
    ]);
    expect(rows.find((r) => r.key === POD_ITSELF)?.group.ref.ownChargesOf?.key).toBe(POD);
    expect(rows.find((r) => r.key === WARM_CACHE)?.group.chargesMovedToKey).toBe(POD_ITSELF);
    expect(c.diff.explanation.find((e) => e.kind === 'moved')?.text).toBe(
      '80.0 MiB shmem moved from container warm-cache to the pod itself: not freed, the pages of a removed cgroup stay charged to its parent',
    );
  });

  it('a snapshot id the bundle does not have is an error the screen can name', () => {
    expect(() => compareSides({ ...lab, snapshotId: 'nope' }, { ...lab, snapshotId: id('before') }, null)).toThrow(SnapshotNotFoundError);
  });
});

describe('Compare on a memstat series (seed 004 shmem-leak-check.log)', () => {
  it('two samples: a point each, no usage in the input, the shmem growth the only big step', () => {
    // The later sample is seed 004's real one; the earlier one is the same text with 1 GiB less shmem (made up, as in the diff tests).
    const real = readFileSync(new URL('../fixtures/memstat-series/shmem-leak-check.log.seed004.txt', import.meta.url), 'utf8');
    const earlier = real
      .replace('Thu Nov 18 13:37:49 CST 2021', 'Thu Nov 18 13:36:49 CST 2021')
      .replace('total_cache 9075990528', 'total_cache 8002248704')
      .replace('total_shmem 9069502464', 'total_shmem 7995760640');
    const parsed = parseFileText('shmem-leak-check.log', earlier + real);
    const files = [{ path: 'shmem-leak-check.log', formatId: parsed.formatId, data: parsed.data }];
    const side = { bundleId: 'seed004', analysis: analyzeBundle(files), files };
    const info = bundleSnapshots('seed004', side.analysis);
    expect(info.choices).toHaveLength(2);
    expect(info.series.points).toHaveLength(2);
    const pod = info.series.groups[0];
    expect(pod?.values.shmem).toEqual([7995760640, 9069502464]);
    expect(pod?.values.usage).toEqual([null, null]);
    const [first, second] = info.choices;
    const c = compareSides({ ...side, snapshotId: first?.id ?? '' }, { ...side, snapshotId: second?.id ?? '' }, null);
    const w = waterfallModel(c.diff.scope, c.diff.explanation);
    expect(w.usageKnown).toBe(false);
    expect(w.rows[0]).toMatchObject({ kind: 'step', category: 'shmem', deltaBytes: 9069502464 - 7995760640 });
  });
});
