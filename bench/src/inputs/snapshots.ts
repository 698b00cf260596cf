// One capture of a node with N pods, in the collector's layout (resources/collector/MANIFEST.md):
// manifest.json naming every pod and container, and for each pod and container cgroup (v1) its
// memory.stat — the lab's real pod and container memory.stat from test/fixtures with every byte
// figure multiplied by the pod's scale — usage, limit, max usage and failcnt. `after` grows one pod
// in ten, so a diff of two captures has something to explain. Sample (one container):
//   cgroup/kubepods/burstable/pod3f1c…/9ab0…/memory.stat        rss 110321664 …
//   cgroup/kubepods/burstable/pod3f1c…/9ab0…/memory.usage_in_bytes   117506048
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtureText } from '../paths';
import type { NodePod } from './node-model';

const POD_STAT = 'cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-pod.txt';
const CONTAINER_STAT = 'cgroup-v1-memory-stat/memory.stat.orphaned-shmem-during-container.txt';
/** Counters (events, not bytes) and limits: not scaled. */
const NOT_BYTES = /^(total_)?(pgpgin|pgpgout|pgfault|pgmajfault|workingset_\w+|hierarchical_\w+)$/;

function scaledStat(template: string, factor: number, limitBytes: number): { text: string; usageBytes: number } {
  let rss = 0;
  let cache = 0;
  const lines = template
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [key = '', value = ''] = line.split(' ');
      if (key === 'hierarchical_memory_limit') return `${key} ${limitBytes}`;
      if (NOT_BYTES.test(key) || !/^\d+$/.test(value)) return line;
      const scaled = Number(value) * factor;
      if (key === 'total_rss') rss = scaled;
      if (key === 'total_cache') cache = scaled;
      return `${key} ${scaled}`;
    });
  return { text: `${lines.join('\n')}\n`, usageBytes: rss + cache + 4096 * 32 * factor };
}

export interface SnapshotFile {
  path: string;
  text: string;
}

/** The files of one capture, paths relative to the snapshot folder. */
export function snapshotFiles(pods: readonly NodePod[], label: 'before' | 'after', capturedAt: string): SnapshotFile[] {
  const podTemplate = fixtureText(POD_STAT);
  const containerTemplate = fixtureText(CONTAINER_STAT);
  const files: SnapshotFile[] = [];
  const cgroupFiles = (cgroupPath: string, stat: { text: string; usageBytes: number }, limitBytes: number, pids: number[]): void => {
    const dir = `cgroup${cgroupPath}`;
    files.push({ path: `${dir}/memory.stat`, text: stat.text });
    files.push({ path: `${dir}/memory.usage_in_bytes`, text: `${stat.usageBytes}\n` });
    files.push({ path: `${dir}/memory.limit_in_bytes`, text: `${limitBytes}\n` });
    files.push({ path: `${dir}/memory.max_usage_in_bytes`, text: `${stat.usageBytes + 1048576}\n` });
    files.push({ path: `${dir}/memory.failcnt`, text: '0\n' });
    files.push({ path: `${dir}/cgroup.procs`, text: pids.map((p) => `${p}\n`).join('') });
  };
  let pid = 3000;
  const manifestPods = pods.map((p, i) => {
    const grown = label === 'after' && i % 10 === 0 ? 2 : 1;
    const podPath = `/kubepods/${p.qos}/pod${p.uid}`;
    const podLimit = 134217728 * p.scale * 2;
    const containers = p.containers.map((c, n) => {
      const cPath = `${podPath}/${c.id}`;
      const factor = n === 0 ? p.scale * grown : 1;
      const pids = [pid++];
      cgroupFiles(cPath, scaledStat(containerTemplate, factor, podLimit), podLimit, pids);
      return { name: c.name, id: c.id, cgroupPath: cPath, runtime: 'containerd', pids };
    });
    cgroupFiles(podPath, scaledStat(podTemplate, p.scale * grown + p.containers.length - 1, podLimit), podLimit, []);
    return { uid: p.uid, name: p.name, namespace: p.namespace, qosClass: p.qos, cgroupPath: podPath, containers };
  });
  const manifest = {
    schema: 'oomscope-bundle/1',
    collector: 'oomscope-collect.sh',
    snapshot: label,
    capturedAt,
    hostname: 'bench-node-1',
    kernel: '6.18.44-fc-v669',
    cgroupVersion: 1,
    cgroupRoot: '/',
    pods: manifestPods,
    files: files.map((f) => f.path).sort(),
  };
  files.push({ path: 'manifest.json', text: `${JSON.stringify(manifest, null, 2)}\n` });
  return files;
}

export function writeSnapshotDir(dir: string, files: readonly SnapshotFile[]): number {
  let bytes = 0;
  for (const f of files) {
    const full = join(dir, f.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}
