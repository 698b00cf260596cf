// A counter holding a 64-bit garbage value is said to be unusable, never taken for "no limit",
// and the key is not reported missing when it is there.
import { describe, expect, it } from 'vitest';
import { parseMemoryStatV1 } from './memory-stat-v1';
import { parseMemoryStatV2 } from './memory-stat-v2';

const ctx = { fileId: 'f', path: 'memory.stat' };

describe('memory.stat values that do not fit', () => {
  it('v1: a garbage cache value warns once, as unusable; the unlimited limit stays silent', () => {
    const r = parseMemoryStatV1('cache 18446744073709551615\nrss 4096\nhierarchical_memory_limit 9223372036854771712\n', ctx);
    expect(r.value?.breakdown.fileBytes).toBeNull();
    expect(r.value?.hierarchicalLimitUnlimited).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['value-not-integer']);
    expect(r.warnings[0]?.params?.['key']).toBe('cache');
  });
  it('v2: a garbage anon value is not "missing"', () => {
    const r = parseMemoryStatV2('anon 18446744073709551615\nfile 8192\nkernel 0\nshmem 0\n', ctx);
    expect(r.value?.breakdown.anonBytes).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['value-not-integer']);
  });
});
