// Tells v1 from v2 memory.stat by the keys only each version writes.
import { headLines } from '../text/lines';
import { normaliseKeyValueLine } from '../text/key-value';

const V1_ONLY = new Set(['cache', 'rss', 'rss_huge', 'mapped_file', 'hierarchical_memory_limit', 'hierarchical_memsw_limit', 'total_cache', 'total_rss', 'total_shmem', 'pgpgin', 'pgpgout']);
const V2_ONLY = new Set(['anon', 'file', 'kernel', 'kernel_stack', 'pagetables', 'sock', 'file_mapped', 'file_dirty', 'file_writeback', 'anon_thp', 'file_thp', 'shmem_thp', 'slab_reclaimable', 'slab_unreclaimable', 'slab', 'workingset_refault_anon', 'percpu', 'zswap']);
const OOM_REPORT = /Memory cgroup stats for|invoked oom-killer|oom-kill:constraint|Killed process \d/;
const SHARED = new Set(['shmem', 'swap', 'dirty', 'writeback', 'inactive_anon', 'active_anon', 'inactive_file', 'active_file', 'unevictable', 'pgfault', 'pgmajfault']);

export function detectMemoryStat(head: string, path: string): { v1: number; v2: number } {
  const lines = headLines(head, 200);
  let v1 = 0;
  let v2 = 0;
  let shared = 0;
  let other = 0;
  let repeated = 0;
  const seen = new Set<string>();
  for (const raw of lines) {
    // A kernel OOM report quotes memory.stat (v2 block form): it is a kernel log, not a memory.stat.
    if (OOM_REPORT.test(raw)) return { v1: 0, v2: 0 };
    const line = normaliseKeyValueLine(raw);
    if (line === '' || line === '--') continue;
    const m = /^([a-z_]+)[ \t]+-?\d+$/.exec(line);
    if (!m || m[1] === undefined) {
      other++;
      continue;
    }
    const key = m[1];
    if (seen.has(key)) repeated++;
    seen.add(key);
    if (V1_ONLY.has(key)) v1++;
    else if (V2_ONLY.has(key)) v2++;
    else if (SHARED.has(key)) shared++;
    else if (key.startsWith('total_')) v1++;
    else if (key.startsWith('workingset_') || key.startsWith('pg') || key.startsWith('thp_')) shared++;
    else other++;
  }
  const known = v1 + v2 + shared;
  // One memory.stat never repeats a key; repeats mean several samples (memstat-series) or a log.
  if (known < 3 || other > known || repeated > 2) return { v1: 0, v2: 0 };
  const nameHint = /memory\.stat$/.test(path) ? 0.05 : 0;
  const strength = Math.min(0.9, 0.5 + known / 40) + nameHint;
  if (v1 > v2) return { v1: strength, v2: 0 };
  if (v2 > v1) return { v1: 0, v2: strength };
  return { v1: 0, v2: 0 };
}
