// cgroup v1 `memory.oom_control`: whether the OOM killer is disabled for the group, whether the group
// is under OOM now, and (kernel 4.13+) how many processes the OOM killer killed in it. Sample:
//   oom_kill_disable 0
//   under_oom 0
//   oom_kill 1
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { counter, readKeyValueLines, toCounterTable } from '../text/key-value';
import { countKeySet, withoutHeadings } from './key-set-detect';
import { capWarnings } from '../proc/capped-warnings';

export interface CgroupV1OomControlData {
  oomKillDisable: boolean | null;
  underOom: boolean | null;
  /** OOM kills in this cgroup itself (not its children); null before kernel 4.13, which lacks the key. */
  oomKill: number | null;
  raw: Record<string, number | string>;
  lines: Record<string, number>;
}

const KEYS = new Set(['oom_kill_disable', 'under_oom', 'oom_kill']);

function flag(value: number | null): boolean | null {
  return value === null ? null : value !== 0;
}

export function detectOomControl(head: string, path: string): number {
  const c = countKeySet(head, KEYS);
  if (!c.known.has('oom_kill_disable') && !c.known.has('under_oom')) return 0;
  if (c.unknownKeys > 0 || c.otherLines > 2) return 0;
  const nameHint = /memory\.oom_control/.test(path) ? 0.04 : 0;
  return (c.known.size >= 2 ? 0.92 : 0.7) + nameHint;
}

export function parseOomControl(text: string, _ctx: ParseContext): ParseResult<CgroupV1OomControlData> {
  const table = toCounterTable(withoutHeadings(readKeyValueLines(text), text, 'memory.oom_control'));
  const warnings = [...table.warnings];
  if (Object.keys(table.raw).length === 0) {
    return { status: 'unusable', warnings: [warning('no-counters', 'No "key value" counters found.'), ...warnings] };
  }
  for (const key of ['oom_kill_disable', 'under_oom']) {
    if (counter(table.raw, key) === null) warnings.push(warning('missing-key', `Key "${key}" is not present.`, undefined, { key }));
  }
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      oomKillDisable: flag(counter(table.raw, 'oom_kill_disable')),
      underOom: flag(counter(table.raw, 'under_oom')),
      oomKill: counter(table.raw, 'oom_kill'),
      raw: table.raw,
      lines: table.lines,
    },
    warnings: capWarnings(warnings),
  };
}

export const oomControlFormat: FormatDefinition<CgroupV1OomControlData> = {
  id: 'cgroup-v1-oom-control',
  area: 'cgroup',
  detect: detectOomControl,
  parse: parseOomControl,
};
