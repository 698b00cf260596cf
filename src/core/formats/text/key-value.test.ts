import { describe, expect, it } from 'vitest';
import { readKeyValueLines, toCounterTable } from './key-value';
import { capWarnings, leftOutWarning } from '../proc/capped-warnings';
import { warning } from '../format';
import { parseMemoryEvents } from '../cgroup/memory-events';

describe('toCounterTable on a file pasted many times over', () => {
  const once = 'low 0\nhigh 1\nmax 2\noom 3\noom_kill 0\n';

  it('makes the first 20 repeated-key warnings and counts the rest', () => {
    const table = toCounterTable(readKeyValueLines(once.repeat(100)));
    const codes = table.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'duplicate-key')).toHaveLength(20);
    expect(table.warnings[table.warnings.length - 1]).toEqual(leftOutWarning('duplicate-key', 5 * 99 - 20));
    expect(table.raw).toMatchObject({ low: 0, high: 1, max: 2, oom: 3, oom_kill: 0 });
  });

  it('gives the same list through capWarnings as when every warning was made', () => {
    const made = Array.from({ length: 495 }, (_, i) => warning('duplicate-key', `Key "k${i % 5}" appears again; the first value is kept.`, 6 + i, { key: `k${i % 5}` }));
    const missing = warning('missing-key', 'Key "x" is not present.', undefined, { key: 'x' });
    const everyOne = capWarnings([...made, missing]);
    const counted = capWarnings([...made.slice(0, 20), leftOutWarning('duplicate-key', 475), missing]);
    expect(counted).toEqual(everyOne);
    const events = parseMemoryEvents(once.repeat(100), { fileId: 'f', path: 'memory.events' });
    expect(events.warnings.map((w) => w.code)).toEqual([...Array.from({ length: 20 }, () => 'duplicate-key'), 'more-warnings-left-out']);
    expect(events.warnings[20]?.params).toEqual({ count: 475, code: 'duplicate-key' });
  });
});
