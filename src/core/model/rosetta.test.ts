import { describe, expect, it } from 'vitest';
import { rosettaStone } from './rosetta';
import { group, MiB, process } from '../rules/test-groups';
import { hasMessage } from '../i18n/translate';

describe('rosettaStone', () => {
  // page-cache-read `after` (TRUTH.md): usage 163860480, total_inactive_file 0, total_active_file 157290496, total_rss 6332416.
  const g = group({
    usageBytes: 163860480,
    breakdown: { anonBytes: 6332416, fileBytes: 157290496, shmemBytes: 0, inactiveFileBytes: 0, activeFileBytes: 157290496 },
    processes: [process(1, 'reader', 6 * MiB)],
  });
  const byId = new Map(rosettaStone(g).map((e) => [e.id, e]));
  it('computes each figure from its formula', () => {
    expect(byId.get('working-set')?.valueBytes).toBe(163860480);
    expect(byId.get('cadvisor-rss')?.valueBytes).toBe(6332416);
    expect(byId.get('docker-stats-old')?.valueBytes).toBe(163860480 - 157290496);
    expect(byId.get('process-rss-sum')?.valueBytes).toBe(6 * MiB);
    expect(byId.get('anon-plus-shmem')?.valueBytes).toBe(6332416);
  });
  it('keeps the evidence of its inputs', () => {
    expect(byId.get('working-set')?.inputs[0]?.source?.key).toBe('memory.usage_in_bytes');
  });
  it('says null, never 0, when the usage is unknown', () => {
    const noUsage = rosettaStone(group({ breakdown: { anonBytes: 1 } }));
    expect(noUsage.find((e) => e.id === 'working-set')?.valueBytes).toBeNull();
  });
  it('has a label and formula in the catalogues for every metric', () => {
    for (const e of rosettaStone(g)) {
      expect(hasMessage(`rosetta.${e.id}.label`)).toBe(true);
      expect(hasMessage(`rosetta.${e.id}.formula`)).toBe(true);
    }
  });
});
