// The OOM cgroup's memory figures at the kill, from the report's `Memory cgroup stats for …` lines.
// Kernels since 5.x print the OOM cgroup's own memory.stat (hierarchical: `total_*` on v1, or v2's
// keys). Older v1 kernels (4.19 in seed 004) print one line per cgroup of the OOM cgroup's subtree,
// each with that cgroup's LOCAL counters (mm/memcontrol.c mem_cgroup_print_oom_info:
// for_each_mem_cgroup_tree), so the cgroup's figures are the sum of the lines. Sample (seed 004):
//   Memory cgroup stats for /kubepods.slice/…-po*34a0838.scope: cache:8840436KB rss:388KB … shmem:8840436KB
//   Memory cgroup stats for /kubepods.slice/…-p*8000ff2f7516.scope: cache:132KB rss:7917200KB … shmem:0KB
import type { OomCgroupStats, OomEvent } from '../formats/kernel-log/oom-types';

export interface OomGroupStats {
  /** Kernel names (`total_rss`/`rss`, `shmem`, `anon`, …), bytes. Summed local counters keep the local names. */
  stats: Record<string, number>;
  /** `own`: the OOM cgroup's own (hierarchical) block; `sum`: the local lines of its subtree added up. */
  basis: 'own' | 'sum';
  /** The report lines the figures come from. */
  lines: number[];
  /**
   * Shmem on lines of cgroups other than the killed task's own (only with `sum`, when the task's
   * line is found), and the anonymous memory (rss) on those lines.
   */
  outsideTask: { shmemBytes: number; rssBytes: number; lines: number[] } | null;
  /** The killed task's own cgroup line (only with `sum`): its rss + cache. */
  taskCgroupBytes: number | null;
}

function lastSegment(path: string | null): string {
  const parts = (path ?? '').split('/').filter((p) => p !== '');
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function trailingHex(segment: string): string {
  let i = segment.length;
  while (i > 0 && /[0-9a-f]/.test(segment[i - 1] ?? '')) i--;
  return segment.slice(i);
}

const MIN_HEX_SUFFIX = 10;

/**
 * Two cgroup leaves name the same cgroup: equal, or (pasted logs often mask the middle of an id:
 * `docker-24ec*5ae338000ff2f7516.scope`) both `.scope`s whose trailing hex ids agree on 10+ digits.
 */
export function sameCgroupLeaf(a: string | null, b: string | null): boolean {
  const x = lastSegment(a);
  const y = lastSegment(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  if (!x.endsWith('.scope') || !y.endsWith('.scope')) return false;
  const hx = trailingHex(x.slice(0, -6));
  const hy = trailingHex(y.slice(0, -6));
  const shorter = hx.length <= hy.length ? hx : hy;
  const longer = hx.length <= hy.length ? hy : hx;
  return shorter.length >= MIN_HEX_SUFFIX && longer.endsWith(shorter);
}

function isHierarchical(block: OomCgroupStats): boolean {
  return block.form === 'block' || Object.keys(block.stats).some((k) => k.startsWith('total_'));
}

export function oomGroupStats(event: OomEvent): OomGroupStats | null {
  const blocks = event.cgroupStats;
  if (blocks.length === 0) return null;
  const own = blocks.find((s) => s.path !== null && s.path === event.oomMemcg) ?? null;
  const local = blocks.every((b) => b.form === 'v1-line' && !isHierarchical(b));
  if (!local || blocks.length === 1) {
    const chosen = own ?? blocks[0];
    return chosen ? { stats: { ...chosen.stats }, basis: 'own', lines: [chosen.line], outsideTask: null, taskCgroupBytes: null } : null;
  }
  const stats: Record<string, number> = {};
  for (const b of blocks) for (const [k, v] of Object.entries(b.stats)) if (typeof v === 'number') stats[k] = (stats[k] ?? 0) + v;
  const taskBlock = blocks.find((b) => sameCgroupLeaf(b.path, event.taskMemcg)) ?? null;
  let outsideTask: OomGroupStats['outsideTask'] = null;
  if (taskBlock) {
    const others = blocks.filter((b) => b !== taskBlock);
    outsideTask = {
      shmemBytes: others.reduce((s, b) => s + (b.stats['shmem'] ?? 0), 0),
      rssBytes: others.reduce((s, b) => s + (b.stats['rss'] ?? 0), 0),
      lines: others.filter((b) => (b.stats['shmem'] ?? 0) > 0).map((b) => b.line),
    };
  }
  const taskCgroupBytes = taskBlock ? (taskBlock.stats['rss'] ?? 0) + (taskBlock.stats['cache'] ?? 0) : null;
  return { stats, basis: 'sum', lines: blocks.map((b) => b.line), outsideTask, taskCgroupBytes };
}

/**
 * Shmem at the kill that lies in cgroups other than the killed task's and where no process holds
 * anonymous memory to speak of (rss under 1% of that shmem): a finished container's tmpfs data left
 * under the pod (seed 004: 8.4 GiB shmem beside 388 KB rss). null when the report cannot tell.
 */
export function shmemLeftByOthers(stats: OomGroupStats | null): number | null {
  const outside = stats?.outsideTask;
  if (!outside || outside.shmemBytes <= 0) return null;
  return outside.rssBytes < outside.shmemBytes * 0.01 ? outside.shmemBytes : null;
}
