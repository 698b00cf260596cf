import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseKernelLog } from '../formats/kernel-log/kernel-log';
import { dedupeOomEvents } from './analyze-bundle';
import { oomVerdict } from '../formats/kernel-log/verdict';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/kernel-log/${name}`, import.meta.url), 'utf8');

describe('dedupeOomEvents', () => {
  it('keeps one of a report found in dmesg.txt and dmesg-T.txt of one capture', () => {
    const a = parseKernelLog(fixture('lab-orphaned-shmem-after-dmesg.txt'), { fileId: 'x', path: 'x' }).value?.oomEvents ?? [];
    const b = parseKernelLog(fixture('lab-orphaned-shmem-after-dmesg-T.txt'), { fileId: 'y', path: 'y' }).value?.oomEvents ?? [];
    const events = [...a.map((event) => ({ file: 'after/dmesg.txt', event })), ...b.map((event) => ({ file: 'after/dmesg-T.txt', event }))];
    expect(dedupeOomEvents(events)).toHaveLength(1);
  });
  it('never merges two reports of one file, even when both were cut before naming anything', () => {
    const text = 'kworker invoked oom-killer: gfp_mask=0xcc0, order=0, oom_score_adj=0\nsomething else\n'.repeat(2);
    const events = (parseKernelLog(text, { fileId: 'z', path: 'z' }).value?.oomEvents ?? []).map((event) => ({ file: 'dmesg.txt', event }));
    expect(events.length).toBe(2);
    expect(dedupeOomEvents(events)).toHaveLength(2);
  });
});

describe('oomVerdict', () => {
  it('names the node for a node-wide OOM without a victim', () => {
    const text = 'kworker invoked oom-killer: gfp_mask=0xcc0, order=0, oom_score_adj=0\noom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom\n';
    const [event] = parseKernelLog(text, { fileId: 'z', path: 'z' }).value?.oomEvents ?? [];
    if (!event) throw new Error('no event');
    expect(event.kind).toBe('global');
    expect(event.victim).toBeNull();
    expect(oomVerdict(event, 'en')).toBe('The OOM killer ran in the node, but the report ends before it names a victim.');
  });
});
