// `/proc/<pid>/cgroup`: which cgroup a process is in, per hierarchy. v1 lines name their controllers
// (`4:memory:/kubepods/…`), the v2 unified line has none (`0::/kubepods.slice/…`); hybrid hosts print
// both. This is what joins a PID to its container. Sample:
//   5:memory:/docker/b43d92bf1e5c…
//   1:name=systemd:/docker/b43d92bf1e5c…
//   0::/system.slice/docker-fedcba98….scope
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { pidFromPath } from './path-hints';
import { capWarnings } from './capped-warnings';

export interface CgroupMembership {
  hierarchyId: number;
  /** Controllers of a v1 hierarchy (`cpu`, `cpuacct`, `name=systemd`); empty for the v2 unified line. */
  controllers: string[];
  path: string;
  line: number;
}

export interface ProcCgroupData {
  /** From a `…/proc/<pid>/cgroup` path or a pasted `cat /proc/<pid>/cgroup` line; null otherwise. */
  pid: number | null;
  /** The memory cgroup: the v1 `memory` controller's path, else the v2 unified path; null if neither. */
  memoryPath: string | null;
  memoryPathLine: number | null;
  /** The `0::` line's path (v2 or hybrid); null on a v1-only host. */
  unifiedPath: string | null;
  /** 1 when memory is on a v1 hierarchy, 2 when only the unified hierarchy exists. */
  cgroupVersion: 1 | 2 | null;
  /** `v1`, `v2` or `hybrid` (both kinds of lines). */
  mode: 'v1' | 'v2' | 'hybrid';
  controllers: CgroupMembership[];
}

// hierarchy-ID:controller-list:cgroup-path (man 7 cgroups); the path may itself contain ':'.
const LINE = /^(\d{1,4}):([^:]{0,500}):(.{1,8192})$/;
// Decoration of a paste: `[root@h ~]# more /proc/2456661/cgroup`, and `...` where lines were cut.
const COMMAND = /(?:^|[\s$#>])(?:cat|more|less|head|tail)[ \t]{1,10}(\S{0,200}\/cgroup)[ \t]*$/;
const ELLIPSIS = /^(?:\.{3,}|…)$/;

export function detectProcCgroup(head: string, _path: string): number {
  let hits = 0;
  let other = 0;
  for (const raw of headLines(head, 60)) {
    const t = raw.trim();
    if (t === '' || ELLIPSIS.test(t) || COMMAND.test(t)) continue;
    const m = LINE.exec(t);
    if (m && (m[3] ?? '').match(/^[./]/)) hits++;
    else other++;
  }
  if (hits === 0 || other > 0) return 0;
  return hits >= 2 ? 0.92 : 0.85;
}

export function parseProcCgroup(text: string, ctx: ParseContext): ParseResult<ProcCgroupData> {
  const controllers: CgroupMembership[] = [];
  const warnings: ParseWarning[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  let commandPath: string | null = null;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || ELLIPSIS.test(t)) continue;
    const command = COMMAND.exec(t);
    if (command) {
      commandPath ??= command[1] ?? null;
      continue;
    }
    const m = LINE.exec(t);
    if (!m) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    const list = m[2] ?? '';
    controllers.push({
      hierarchyId: Number(m[1]),
      controllers: list === '' ? [] : list.split(','),
      path: m[3] ?? '',
      line: i + 1,
    });
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not "id:controllers:path" and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (controllers.length === 0) return { status: 'unusable', warnings: [warning('no-cgroup-lines', 'No "id:controllers:path" lines found.'), ...warnings] };
  const memory = controllers.find((c) => c.controllers.includes('memory')) ?? null;
  const unified = controllers.find((c) => c.hierarchyId === 0 && c.controllers.length === 0) ?? null;
  const hasV1 = controllers.some((c) => c.controllers.length > 0);
  const chosen = memory ?? unified;
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      pid: pidFromPath(ctx.path) ?? (commandPath !== null ? pidFromPath(commandPath) : null),
      memoryPath: chosen?.path ?? null,
      memoryPathLine: chosen?.line ?? null,
      unifiedPath: unified?.path ?? null,
      cgroupVersion: memory ? 1 : unified ? 2 : null,
      mode: hasV1 && unified ? 'hybrid' : hasV1 ? 'v1' : 'v2',
      controllers,
    },
    warnings: capWarnings(warnings),
  };
}

export const procCgroupFormat: FormatDefinition<ProcCgroupData> = {
  id: 'proc-cgroup',
  area: 'proc',
  detect: detectProcCgroup,
  parse: parseProcCgroup,
};
