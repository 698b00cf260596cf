import { describe, expect, it } from 'vitest';
import { cpuQuantityCores, memoryQuantityBytes, parseCpuQuantity, parseMemoryQuantity } from './quantity';

describe('parseMemoryQuantity', () => {
  // Values from the corpus (kubectl describe/top, metrics API, pod specs) and the seeds.
  it.each([
    ['0', 0],
    ['512Mi', 536870912],
    ['100Mi', 104857600],
    ['300Mi', 314572800],
    ['9830Mi', 10307502080],
    ['2Gi', 2147483648],
    ['12Gi', 12884901888],
    ['1.5Gi', 1610612736],
    ['2513804Ki', 2574135296],
    ['2748180Ki', 2814136320],
    ['35505620Ki', 36357754880],
    ['7474992Ki', 7654391808],
    ['95773032Ki', 98071584768],
    ['1G', 1000000000],
    ['1M', 1000000],
    ['1k', 1000],
    ['129e6', 129000000],
    ['129E6', 129000000],
    ['1.5e3', 1500],
    ['1e+3', 1000],
    ['1P', 1e15],
    ['+1Ki', 1024],
    ['.5Gi', 536870912],
    ['5.', 5],
    ['007Mi', 7340032],
    ['  256Mi ', 268435456],
    ['1073741824', 1073741824],
    ['7Pi', 7 * 2 ** 50],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseMemoryQuantity(text)).toEqual({ ok: true, bytes, rounded: false });
  });

  it('rounds a fraction of a byte up, as Quantity.Value() does, and says so', () => {
    expect(parseMemoryQuantity('100m')).toEqual({ ok: true, bytes: 1, rounded: true });
    expect(parseMemoryQuantity('0.1')).toEqual({ ok: true, bytes: 1, rounded: true });
    expect(parseMemoryQuantity('1.5')).toEqual({ ok: true, bytes: 2, rounded: true });
    expect(parseMemoryQuantity('1e-3')).toEqual({ ok: true, bytes: 1, rounded: true });
    expect(parseMemoryQuantity('1e-999')).toEqual({ ok: true, bytes: 1, rounded: true });
    expect(parseMemoryQuantity('1.0000001Ki')).toEqual({ ok: true, bytes: 1025, rounded: true });
  });

  it('is exact beyond float precision', () => {
    // 0.1 + 0.2 style errors would show here: 1.1Gi = 1181116006.4 → 1181116007
    expect(parseMemoryQuantity('1.1Gi')).toEqual({ ok: true, bytes: 1181116007, rounded: true });
    expect(parseMemoryQuantity('3.3Mi')).toEqual({ ok: true, bytes: 3460301, rounded: true });
    expect(parseMemoryQuantity('8589934591.5')).toEqual({ ok: true, bytes: 8589934592, rounded: true });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1K', 'suffix'],
    ['1KB', 'suffix'],
    ['1MiB', 'suffix'],
    ['1i', 'suffix'],
    ['1e', 'suffix'],
    ['1e1.5', 'suffix'],
    ['1ee3', 'suffix'],
    ['Mi', 'format'],
    ['abc', 'format'],
    ['.', 'format'],
    ['1 Gi', 'format'],
    ['1.2.3', 'format'],
    ['-1Gi', 'negative'],
    ['-0.5', 'negative'],
    ['9223372036854775807', 'too-large'],
    ['8Ei', 'too-large'],
    ['1E', 'too-large'],
    ['1e999', 'too-large'],
    ['1e1000000', 'too-large'],
    ['1'.repeat(65), 'too-long'],
    ['NaN', 'format'],
    ['Infinity', 'format'],
    ['0x10', 'suffix'],
  ])('%j is refused (%s)', (text, reason) => {
    expect(parseMemoryQuantity(text)).toEqual({ ok: false, reason });
  });

  it('accepts zero in any form, even negative zero', () => {
    expect(parseMemoryQuantity('-0')).toEqual({ ok: true, bytes: 0, rounded: false });
    expect(parseMemoryQuantity('0Gi')).toEqual({ ok: true, bytes: 0, rounded: false });
    expect(parseMemoryQuantity('0e999')).toEqual({ ok: true, bytes: 0, rounded: false });
  });

  it('convenience accessor returns null for absent or invalid text', () => {
    expect(memoryQuantityBytes('64Mi')).toBe(67108864);
    expect(memoryQuantityBytes(null)).toBeNull();
    expect(memoryQuantityBytes(undefined)).toBeNull();
    expect(memoryQuantityBytes('lots')).toBeNull();
  });

  it('stays fast on hostile input', () => {
    const start = Date.now();
    for (let i = 0; i < 2000; i++) parseMemoryQuantity(`1e${'9'.repeat(6)}`);
    parseMemoryQuantity('9'.repeat(1_000_000));
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('parseCpuQuantity', () => {
  it.each([
    ['1045813398n', 1.045813398, 1045813398],
    ['329087452n', 0.329087452, 329087452],
    ['9559630n', 0.00955963, 9559630],
    ['100m', 0.1, 100000000],
    ['250m', 0.25, 250000000],
    ['1800m', 1.8, 1800000000],
    ['2', 2, 2000000000],
    ['32', 32, 32000000000],
    ['0.5', 0.5, 500000000],
    ['100u', 0.0001, 100000],
    ['0', 0, 0],
  ])('%s → %d cores', (text, cores, nanoCores) => {
    expect(parseCpuQuantity(text)).toEqual({ ok: true, cores, nanoCores, rounded: false });
  });

  it('rounds below a nanocore up', () => {
    expect(parseCpuQuantity('0.1n')).toEqual({ ok: true, cores: 1e-9, nanoCores: 1, rounded: true });
  });

  it('refuses what is not a quantity', () => {
    expect(parseCpuQuantity('1 core')).toEqual({ ok: false, reason: 'format' });
    expect(parseCpuQuantity('-100m')).toEqual({ ok: false, reason: 'negative' });
    expect(cpuQuantityCores('4m')).toBe(0.004);
    expect(cpuQuantityCores('x')).toBeNull();
  });

  it('refuses a suffix named like a property of every object (found by the fuzz test: a node description with "constructor" in a cell)', () => {
    for (const suffix of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(parseCpuQuantity(`1${suffix}`)).toEqual({ ok: false, reason: 'suffix' });
      expect(parseMemoryQuantity(`1${suffix}`)).toEqual({ ok: false, reason: 'suffix' });
    }
    // `_` is no suffix character at all.
    expect(parseMemoryQuantity('1__proto__')).toEqual({ ok: false, reason: 'format' });
  });
});
