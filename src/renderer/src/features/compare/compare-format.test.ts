import { describe, expect, it } from 'vitest';
import { compareBytes, comparePercent, compareSigned, isCompareUnits, sentenceUnits } from './compare-format';

describe('compare sizes', () => {
  it('binary, decimal, or exact bytes grouped for the language', () => {
    expect(compareBytes(27262976, 'iec', 'en')).toBe('26.0 MiB');
    expect(compareBytes(27262976, 'si', 'en')).toBe('27.3 MB');
    expect(compareBytes(27262976, 'bytes', 'en')).toBe('27,262,976 B');
    expect(compareBytes(-4096, 'bytes', 'zh-CN')).toBe('−4,096 B');
    expect(compareBytes(null, 'iec', 'en')).toBe('—');
  });
  it('always signed', () => {
    expect(compareSigned(27262976, 'iec', 'en')).toBe('+26.0 MiB');
    expect(compareSigned(-27262976, 'iec', 'en')).toBe('−26.0 MiB');
    expect(compareSigned(0, 'iec', 'en')).toBe('±0 B');
    expect(compareSigned(null, 'bytes', 'en')).toBe('—');
  });
  it('percent of before', () => {
    expect(comparePercent(27262976 / 9510912)).toBe('+287%');
    expect(comparePercent(-0.333)).toBe('−33.3%');
    expect(comparePercent(0)).toBe('±0%');
    expect(comparePercent(null)).toBe('—');
  });
  it('units the engine’s sentences know', () => {
    expect(sentenceUnits('bytes')).toBe('iec');
    expect(sentenceUnits('si')).toBe('si');
    expect(isCompareUnits('bytes')).toBe(true);
    expect(isCompareUnits('kB')).toBe(false);
  });
});
