// What a file in a collector snapshot is, from its place in the layout the lab bundles use:
//   cgroup/<path below cgroupRoot>/memory.stat    → a cgroup's file
//   proc/<pid>/status                             → a process's file
//   proc/meminfo, proc/pressure/memory, dmesg.txt → node-wide files
import { baseName, pidFromPath } from '../proc/path-hints';
import { trimTrailing } from '../text/trim';

// The lab bundles' layout gives the first five; oomscope-collect.sh's `fileRoles` also names
// kubernetes, runtime, volume (fincore of memory-backed mounts) and jvm files.
export const FILE_ROLES = ['cgroup', 'process', 'node', 'kernel-log', 'page-cache', 'volume', 'kubernetes', 'runtime', 'jvm', 'manifest', 'other'] as const;
export type ManifestFileRole = (typeof FILE_ROLES)[number];

export interface LayoutRole {
  role: ManifestFileRole;
  cgroupPath: string | null;
  pid: number | null;
}

function joinCgroup(root: string | null, rel: string): string {
  const base = trimTrailing(root ?? '', '/');
  const tail = rel.replace(/^\/+/, '');
  return tail === '' ? base || '/' : `${base}/${tail}`;
}

export function fileRoleFromLayout(path: string, cgroupRoot: string | null): LayoutRole {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const name = baseName(p);
  if (p.startsWith('cgroup/')) {
    const dir = p.slice('cgroup/'.length, p.length - name.length).replace(/\/$/, '');
    return { role: 'cgroup', cgroupPath: joinCgroup(cgroupRoot, dir), pid: null };
  }
  const pid = pidFromPath(`/${p}`);
  if (pid !== null) return { role: 'process', cgroupPath: null, pid };
  if (p.startsWith('proc/') || p.startsWith('sys/')) return { role: 'node', cgroupPath: null, pid: null };
  if (/^(?:dmesg|kern\.log|messages|syslog|journal)/.test(name)) return { role: 'kernel-log', cgroupPath: null, pid: null };
  if (/^(?:fincore|pcstat|hcache|vmtouch)/.test(name)) return { role: 'page-cache', cgroupPath: null, pid: null };
  if (p.startsWith('kubectl/') || p.startsWith('kubelet/')) return { role: 'kubernetes', cgroupPath: null, pid: null };
  if (p.startsWith('runtime/')) return { role: 'runtime', cgroupPath: null, pid: null };
  if (p.startsWith('jvm/')) return { role: 'jvm', cgroupPath: null, pid: null };
  if (name === 'manifest.json') return { role: 'manifest', cgroupPath: null, pid: null };
  return { role: 'other', cgroupPath: null, pid: null };
}
