// `cgroup.procs` / `tasks` (v1) / `cgroup.threads` (v2): the PIDs (or TIDs) in a cgroup, one a line.
// An empty file means the group has no process of its own (a pod-level cgroup). Sample:
//   20800
//   20833
//   20834
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { splitLines } from '../text/lines';
import { knownFileFromPath, singleValueScore } from './single-value-files';
import { capWarnings } from '../proc/capped-warnings';

export interface CgroupProcsData {
  /** `cgroup.procs`, `tasks` or `cgroup.threads`; null when the name does not say. */
  file: string | null;
  pids: number[];
  /** 1-based line of each entry of `pids` (same order). */
  pidLines: number[];
}

export function parseCgroupProcs(text: string, ctx: ParseContext): ParseResult<CgroupProcsData> {
  const pids: number[] = [];
  const pidLines: number[] = [];
  const warnings: ParseWarning[] = [];
  const skipped: number[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    const pid = /^\d{1,10}$/.test(t) ? Number(t) : Number.NaN;
    if (Number.isSafeInteger(pid)) {
      pids.push(pid);
      pidLines.push(i + 1);
    } else skipped.push(i + 1);
  }
  if (skipped.length > 0) {
    warnings.push(warning('lines-skipped', `${skipped.length} line(s) are not a PID and were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length }));
  }
  const known = knownFileFromPath(ctx.path);
  const file = known && known.formatId === 'cgroup-procs' ? known.name : null;
  if (pids.length === 0 && skipped.length > 0) return { status: 'unusable', warnings: capWarnings(warnings) };
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { file, pids, pidLines }, warnings: capWarnings(warnings) };
}

export const cgroupProcsFormat: FormatDefinition<CgroupProcsData> = {
  id: 'cgroup-procs',
  area: 'cgroup',
  detect: (head, path) => singleValueScore('cgroup-procs', head, path),
  parse: parseCgroupProcs,
};
