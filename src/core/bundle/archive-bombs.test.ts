// Bomb defences of the import pipeline: the expansion-ratio ceiling (per source), compressed input
// fed to the decompressor in slices so no single step inflates more than ~16 MiB, and refusals or
// cancellations raised while a zip member inflates stopping the import (fflate catches what its data
// callback throws; the expander re-throws it once fflate returns).
import { gzipSync, strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFLATE_SLICE_BYTES } from './archive';
import { importBundle } from './import-pipeline';
import { sourceFromBytes } from './sources';

const MiB = 1024 ** 2;
const LAB = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/lab/orphaned-shmem.tar.gz')));
/** Text that deflate shrinks little (so its ratio stays low). */
function noise(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 7;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = 97 + ((x >>> 24) % 26);
  }
  return out;
}

describe('expansion ratio', () => {
  it('a collector bundle (about 13×) imports; the same bundle is refused under a 10× ceiling', async () => {
    const limits = { expansionRatioFloorBytes: 64 * 1024, maxExpansionRatio: 100 };
    expect((await importBundle([sourceFromBytes('lab.tar.gz', LAB)], { limits })).kind).toBe('imported');
    const strict = await importBundle([sourceFromBytes('lab.tar.gz', LAB)], { limits: { ...limits, maxExpansionRatio: 10 } });
    expect(strict).toMatchObject({ kind: 'refused', reason: { code: 'archive-expansion-ratio', params: { archive: 'lab.tar.gz', ratio: 10, sourceBytes: LAB.length } } });
  });

  it('is counted per source: a big plain file before a bomb does not dilute it', async () => {
    const bomb = gzipSync(new Uint8Array(8 * MiB), { level: 9 });
    const outcome = await importBundle([sourceFromBytes('plain.txt', noise(4 * MiB)), sourceFromBytes('zeros.gz', bomb)], { limits: { expansionRatioFloorBytes: MiB } });
    expect(outcome).toMatchObject({ kind: 'refused', reason: { code: 'archive-expansion-ratio', params: { archive: 'zeros.gz', sourceBytes: bomb.length } } });
  });

  it('a refusal inside a zip member stops the import (it is not read as a damaged member)', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('first'), 'zeros.bin': [new Uint8Array(8 * MiB), { level: 9 }], 'after.txt': strToU8('never read') });
    const outcome = await importBundle([sourceFromBytes('bomb.zip', zip)], { limits: { expansionRatioFloorBytes: MiB } });
    expect(outcome).toMatchObject({ kind: 'refused', reason: { code: 'archive-expansion-ratio', params: { archive: 'bomb.zip' } } });
    const nested = zipSync({ 'inner.zip': zip });
    const outer = await importBundle([sourceFromBytes('outer.zip', nested)], { limits: { expansionRatioFloorBytes: MiB } });
    expect(outer).toMatchObject({ kind: 'refused', reason: { code: 'archive-expansion-ratio', params: { archive: 'outer.zip' } } });
  });

  it('a cancellation inside a zip member stops the import', async () => {
    const zip = zipSync({ 'zeros.bin': [new Uint8Array(32 * MiB), { level: 1 }], 'after.txt': strToU8('x') });
    const cancel = { aborted: false };
    const outcome = await importBundle([sourceFromBytes('big.zip', zip)], {
      cancel,
      onEvent: (e) => {
        if (e.type === 'file-started' && e.path === 'zeros.bin') cancel.aborted = true;
      },
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
  });
});

describe('compressed input in slices', () => {
  it(`inflates at most ${INFLATE_SLICE_BYTES / 1024} KiB of input at a time: a gzip bomb read in 1 MiB chunks overshoots the ceiling by at most ~16 MiB`, async () => {
    const bomb = gzipSync(new Uint8Array(200 * MiB), { level: 9 });
    const outcome = await importBundle([sourceFromBytes('zeros.gz', bomb, MiB)], { limits: { maxTotalUncompressedBytes: 64 * MiB, expansionRatioFloorBytes: 4096 * MiB } });
    if (outcome.kind !== 'refused') throw new Error(outcome.kind);
    expect(outcome.reason.code).toBe('archive-too-large');
    // Before slicing, the one 200 KB chunk came out as 200 MiB in one piece.
    expect(INFLATE_SLICE_BYTES).toBe(16 * 1024);
    expect(Number(outcome.reason.params?.['bytes'])).toBeLessThanOrEqual(64 * MiB + 17 * MiB);
  });

  it('slicing changes nothing in what a normal archive gives', async () => {
    const outcome = await importBundle([sourceFromBytes('lab.tar.gz', LAB, 4 * MiB)]);
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    expect(outcome.bundle.files.length).toBeGreaterThan(100);
    const byChunks = await importBundle([sourceFromBytes('lab.tar.gz', LAB, 333)]);
    if (byChunks.kind !== 'imported') throw new Error(byChunks.kind);
    expect(byChunks.bundle.fingerprint).toBe(outcome.bundle.fingerprint);
  });
});
