// cgroup v2 `memory.events` (hierarchical: this group and its descendants) and `memory.events.local`
// (this group only). Keys vary by kernel: `oom_group_kill` is 5.17+, some kernels add more. Sample:
//   low 0
//   high 12
//   oom_kill 1
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { counter, readKeyValueLines, toCounterTable } from '../text/key-value';
import { splitLines } from '../text/lines';
import { baseName, nameStartsWith } from '../proc/path-hints';
import { countKeySet, withoutHeadings } from './key-set-detect';
import { capWarnings } from '../proc/capped-warnings';

export interface CgroupV2MemoryEventsData {
  /** true for memory.events.local, false for memory.events; null when neither the name nor a header says. */
  local: boolean | null;
  /** Times usage went under memory.low protection (reclaimed despite it). */
  low: number | null;
  /** Times usage went over memory.high (the group was throttled). */
  high: number | null;
  /** Times usage hit memory.max (allocation about to fail). */
  max: number | null;
  /** Times the OOM killer was invoked for the group (whether or not it killed). */
  oom: number | null;
  oomKill: number | null;
  oomGroupKill: number | null;
  raw: Record<string, number | string>;
  lines: Record<string, number>;
}

const KEYS = new Set(['low', 'high', 'max', 'oom', 'oom_kill', 'oom_group_kill', 'sock_throttled']);

export function detectMemoryEvents(head: string, path: string): number {
  const c = countKeySet(head, KEYS);
  const core = ['oom', 'oom_kill', 'max', 'high'].filter((k) => c.known.has(k)).length;
  if (core < 2 || c.unknownKeys > 0 || c.otherLines > 2) return 0;
  const nameHint = /memory\.events/.test(path) ? 0.04 : 0;
  return (c.known.size >= 4 ? 0.92 : 0.75) + nameHint;
}

/** From the name (`memory.events.local…` / `memory.events…`) or a pasted `memory.events.local:` header. */
function localFrom(path: string, text: string): boolean | null {
  const name = baseName(path);
  if (nameStartsWith(name, 'memory.events.local')) return true;
  if (nameStartsWith(name, 'memory.events')) return false;
  for (const raw of splitLines(text.slice(0, 4096))) {
    const t = raw.trim();
    if (/memory\.events\.local:?$/.test(t)) return true;
    if (/memory\.events:?$/.test(t)) return false;
  }
  return null;
}

export function parseMemoryEvents(text: string, ctx: ParseContext): ParseResult<CgroupV2MemoryEventsData> {
  const table = toCounterTable(withoutHeadings(readKeyValueLines(text), text, 'memory.events'));
  const warnings = [...table.warnings];
  if (Object.keys(table.raw).length === 0) {
    return { status: 'unusable', warnings: [warning('no-counters', 'No "key value" counters found.'), ...warnings] };
  }
  for (const key of ['oom', 'oom_kill']) {
    if (counter(table.raw, key) === null) warnings.push(warning('missing-key', `Key "${key}" is not present.`, undefined, { key }));
  }
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      local: localFrom(ctx.path, text),
      low: counter(table.raw, 'low'),
      high: counter(table.raw, 'high'),
      max: counter(table.raw, 'max'),
      oom: counter(table.raw, 'oom'),
      oomKill: counter(table.raw, 'oom_kill'),
      oomGroupKill: counter(table.raw, 'oom_group_kill'),
      raw: table.raw,
      lines: table.lines,
    },
    warnings: capWarnings(warnings),
  };
}

export const memoryEventsFormat: FormatDefinition<CgroupV2MemoryEventsData> = {
  id: 'cgroup-v2-memory-events',
  area: 'cgroup',
  detect: detectMemoryEvents,
  parse: parseMemoryEvents,
};
