// Numbers longer than 16 digits in NMT output (found by src/core/formats/fuzz.test.ts): never read as
// their first 16 digits, never a figure beyond 2^53.
import { describe, expect, it } from 'vitest';
import { findFormat } from '../registry';

const nmt = findFormat('jvm-nmt');
const parse = (text: string) => nmt?.parse(text, { fileId: 'x', path: 'x' });

describe('jvm-nmt numbers', () => {
  it('a malloc total of 20 digits is not a figure', () => {
    const r = parse('Native Memory Tracking:\n\nTotal: reserved=1024KB, committed=512KB\n       malloc: 99999999999999999999 #22947\n');
    expect((r?.value as { total: { mallocBytes: number | null; reservedBytes: number } }).total).toMatchObject({ mallocBytes: null, reservedBytes: 1024 * 1024 });
  });
  it('a diff delta of 20 digits is not read as its first 16', () => {
    const r = parse('Native Memory Tracking:\n\nTotal: reserved=1024KB +99999999999999999999KB, committed=512KB +8KB\n');
    expect((r?.value as { total: { reservedDeltaBytes: number | null; committedDeltaBytes: number } }).total).toMatchObject({ reservedDeltaBytes: null, committedDeltaBytes: 8192 });
  });
});
