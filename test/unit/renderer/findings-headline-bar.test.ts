// The headline's bar (src/renderer/src/features/findings/headline-bar.ts): segments from 0 to the
// limit, on the lab orphaned-shmem headline and on hand-made cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeBundle, importBundle, sourceFromBytes, type Headline } from '../../../src/core';
import { headlineBar, labelFits } from '../../../src/renderer/src/features/findings/headline-bar';

const MiB = 1024 * 1024;

function headline(partial: Partial<Headline>): Headline {
  return { kind: 'snapshot', scope: 'ml/api', scopeKey: 'pod:x', snapshotId: 's', usageBytes: null, limitBytes: null, victim: null, parts: [], ...partial };
}

describe('headlineBar', () => {
  it('lab orphaned-shmem: shmem of the pod itself, then anon, then the rest of the usage, filling the 128 MiB limit', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/lab/orphaned-shmem.tar.gz', import.meta.url)));
    const outcome = await importBundle([sourceFromBytes('orphaned-shmem.tar.gz', bytes)], { keepRaw: false });
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    const h = analyzeBundle(outcome.bundle.files.map(({ path, formatId, data }) => ({ path, formatId, data }))).headline;
    if (!h) throw new Error('no headline');
    const bar = headlineBar(h);
    // dmesg: usage 131072kB, limit 131072kB; total_shmem 83886080, total_rss 49930240.
    expect(bar.limitBytes).toBe(134217728);
    expect(bar.scaleBytes).toBe(134217728);
    expect(bar.segments.map((s) => [s.id, s.place, s.bytes])).toEqual([
      ['shmem', 'pod-itself', 83886080],
      ['anon', 'group', 49930240],
      ['other', null, 134217728 - 83886080 - 49930240],
    ]);
    expect(bar.segments[0]?.width).toBeCloseTo(0.625, 6);
    expect(bar.segments[1]?.start).toBeCloseTo(0.625, 6);
    const end = bar.segments.reduce((x, s) => Math.max(x, s.start + s.width), 0);
    expect(end).toBeCloseTo(1, 9);
    expect(bar.overLimit).toBe(false);
  });

  it('leaves the room below the limit as an empty headroom segment', () => {
    const bar = headlineBar(headline({ usageBytes: 60 * MiB, limitBytes: 100 * MiB, parts: [{ category: 'anon', bytes: 40 * MiB, place: 'group', source: null }, { category: 'fileCache', bytes: 20 * MiB, place: 'group', source: null }] }));
    expect(bar.segments.map((s) => [s.id, s.bytes, s.start, s.width])).toEqual([
      ['anon', 40 * MiB, 0, 0.4],
      ['fileCache', 20 * MiB, 0.4, 0.2],
      ['headroom', 40 * MiB, 0.6000000000000001, 0.4],
    ]);
    expect(bar.limitAt).toBe(1);
  });

  it('drops a rounding remainder too small to see, keeps one worth a segment', () => {
    const parts = [{ category: 'anon' as const, bytes: 100 * MiB, place: 'group' as const, source: null }];
    expect(headlineBar(headline({ usageBytes: 100 * MiB + 4096, limitBytes: 200 * MiB, parts })).segments.map((s) => s.id)).toEqual(['anon', 'headroom']);
    expect(headlineBar(headline({ usageBytes: 110 * MiB, limitBytes: 200 * MiB, parts })).segments.map((s) => [s.id, s.bytes])).toEqual([
      ['anon', 100 * MiB],
      ['other', 10 * MiB],
      ['headroom', 90 * MiB],
    ]);
  });

  it('without a limit ends at the usage; above the limit widens the bar and marks where the limit is', () => {
    const parts = [{ category: 'shmem' as const, bytes: 30 * MiB, place: 'group' as const, source: null }];
    const noLimit = headlineBar(headline({ usageBytes: 30 * MiB, limitBytes: null, parts }));
    expect(noLimit.scaleBytes).toBe(30 * MiB);
    expect(noLimit.limitAt).toBeNull();
    expect(noLimit.segments.map((s) => s.id)).toEqual(['shmem']);
    const over = headlineBar(headline({ usageBytes: 40 * MiB, limitBytes: 32 * MiB, parts }));
    expect(over.overLimit).toBe(true);
    expect(over.scaleBytes).toBe(40 * MiB);
    expect(over.limitAt).toBe(0.8);
    expect(over.segments.map((s) => s.id)).toEqual(['shmem', 'other']);
  });

  it('a headline without figures has no segments (and no division by zero)', () => {
    const bar = headlineBar(headline({}));
    expect(bar.segments).toEqual([]);
    expect(bar.scaleBytes).toBe(0);
    expect(headlineBar(headline({ limitBytes: 0, parts: [] })).segments).toEqual([]);
  });

  it('labels go inside a segment only when it is wide enough', () => {
    expect(labelFits({ width: 0.5 })).toBe(true);
    expect(labelFits({ width: 0.05 })).toBe(false);
  });
});
