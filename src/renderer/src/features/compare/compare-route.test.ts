import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/router';
import { compareHref, formatSnapshotAddress, parseSnapshotAddress, resolveSides, sameAddress, type SnapshotChoice } from './compare-route';

const B = '3f2a9c1e-1111-4222-8333-944455556666';
const OTHER = '7d0b2f4a-aaaa-4bbb-8ccc-dddddddddddd';
const LAB: SnapshotChoice[] = ['init-running', 'before', 'during', 'after'].map((l) => ({ id: `orphaned-shmem/${l}`, label: l, capturedAt: null }));

describe('snapshot addresses', () => {
  it('splits at the first colon: snapshot ids may hold colons and slashes', () => {
    expect(parseSnapshotAddress(`${B}:orphaned-shmem/before`)).toEqual({ bundleId: B, snapshotId: 'orphaned-shmem/before' });
    expect(parseSnapshotAddress(`${B}:sample@2021-11-18T13:37:49`)).toEqual({ bundleId: B, snapshotId: 'sample@2021-11-18T13:37:49' });
    expect(parseSnapshotAddress(B)).toEqual({ bundleId: B, snapshotId: null });
    expect(parseSnapshotAddress(`${B}:`)).toEqual({ bundleId: B, snapshotId: null });
    expect(parseSnapshotAddress(':x')).toBeNull();
    expect(parseSnapshotAddress('')).toBeNull();
    expect(parseSnapshotAddress(null)).toBeNull();
    expect(formatSnapshotAddress({ bundleId: B, snapshotId: null })).toBe(B);
  });

  it('round-trips through the URL (reload keeps the place)', () => {
    const href = compareHref({ before: { bundleId: B, snapshotId: 'orphaned-shmem/before' }, after: { bundleId: B, snapshotId: 'orphaned-shmem/during' }, scope: 'pod:8053/container:api' });
    expect(href.startsWith('#/compare?')).toBe(true);
    const route = parseRoute(href);
    expect(route).toEqual({ name: 'compare', before: `${B}:orphaned-shmem/before`, after: `${B}:orphaned-shmem/during`, scope: 'pod:8053/container:api' });
    expect(parseRoute('#/compare')).toEqual({ name: 'compare', before: null, after: null, scope: null });
    expect(compareHref({ before: null, after: null, scope: null })).toBe('#/compare');
  });

  it('same snapshot only when both bundle and snapshot match', () => {
    expect(sameAddress({ bundleId: B, snapshotId: 'a' }, { bundleId: B, snapshotId: 'a' })).toBe(true);
    expect(sameAddress({ bundleId: B, snapshotId: 'a' }, { bundleId: OTHER, snapshotId: 'a' })).toBe(false);
    expect(sameAddress(null, null)).toBe(false);
  });
});

describe('resolveSides', () => {
  const lists = (id: string): SnapshotChoice[] | undefined => (id === B ? LAB : id === OTHER ? [{ id: 'x/bundle', label: 'bundle', capturedAt: null }] : undefined);

  it('one bundle on both sides: first against last', () => {
    const r = resolveSides({ bundleId: B, snapshotId: null }, { bundleId: B, snapshotId: null }, lists);
    expect(r.before?.snapshotId).toBe('orphaned-shmem/init-running');
    expect(r.after?.snapshotId).toBe('orphaned-shmem/after');
  });

  it('two bundles: the latest snapshot of each', () => {
    const r = resolveSides({ bundleId: B, snapshotId: null }, { bundleId: OTHER, snapshotId: null }, lists);
    expect(r.before?.snapshotId).toBe('orphaned-shmem/after');
    expect(r.after?.snapshotId).toBe('x/bundle');
  });

  it('keeps chosen snapshots; forgets one the bundle does not have', () => {
    const r = resolveSides({ bundleId: B, snapshotId: 'orphaned-shmem/before' }, { bundleId: B, snapshotId: 'gone' }, lists);
    expect(r.before?.snapshotId).toBe('orphaned-shmem/before');
    expect(r.after?.snapshotId).toBe('orphaned-shmem/after');
  });

  it('before left open against a chosen first snapshot takes another one, never the same', () => {
    const r = resolveSides({ bundleId: B, snapshotId: null }, { bundleId: B, snapshotId: 'orphaned-shmem/init-running' }, lists);
    expect(r.before?.snapshotId).toBe('orphaned-shmem/before');
  });

  it('waits while a bundle’s snapshots are unknown, and leaves a missing side empty', () => {
    const r = resolveSides({ bundleId: 'loading', snapshotId: null }, null, lists);
    expect(r).toEqual({ before: { bundleId: 'loading', snapshotId: null }, after: null });
  });
});
