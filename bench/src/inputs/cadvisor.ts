// Prometheus text as the kubelet's /metrics/cadvisor endpoint writes it, scraped again and again
// into one file (`while sleep 10; do curl …/metrics/cadvisor >> cadvisor.prom; done`) until it
// reaches the wanted size. The first scrape begins with the real excerpts from
// test/fixtures/cadvisor-prometheus; then every metric family cAdvisor exports (cpu, fs, network,
// tasks, memory, spec) for a node of 110 pods (node-model.ts). Sample:
//   # TYPE container_memory_working_set_bytes gauge
//   container_memory_working_set_bytes{container="app",id="/kubepods/burstable/pod3f1c…/9ab0…",image="registry.local/checkout:1.4.2",name="9ab0…",namespace="shop",pod="checkout-…"} 2.01326592e+08 1734380410856
import { fixtureText } from '../paths';
import { Prng } from '../prng';
import { ChunkedWriter } from '../write-file';
import { nodePods, type NodePod } from './node-model';

export const CADVISOR_FIXTURES = [
  'cadvisor-prometheus/metrics-cadvisor.k3s-7255-cgroupv2-max-usage-zero.excerpt.prom',
  'cadvisor-prometheus/metrics-cadvisor.rke2-7436-failcnt-failure_type.excerpt.prom',
];

/** grep's fixed string for this file: one working-set series per cgroup per scrape. */
export const CADVISOR_MARKER = 'container_memory_working_set_bytes{';

interface Cgroup {
  labels: string;
  memoryBytes: number;
  limitBytes: number;
}

function cgroups(pods: readonly NodePod[]): Cgroup[] {
  const out: Cgroup[] = [];
  const plain = (id: string, memoryBytes: number): Cgroup => ({ labels: `container="",id="${id}",image="",name="",namespace="",pod=""`, memoryBytes, limitBytes: 0 });
  out.push(plain('/', 12_884_901_888), plain('/kubepods', 8_589_934_592), plain('/kubepods/besteffort', 536_870_912), plain('/kubepods/burstable', 7_516_192_768));
  for (const s of ['containerd.service', 'kubelet.service', 'systemd-journald.service', 'sshd.service']) out.push(plain(`/system.slice/${s}`, 50_331_648));
  for (const p of pods) {
    const podPath = `/kubepods/${p.qos}/pod${p.uid}`;
    const podMem = p.scale * 67_108_864;
    out.push({ labels: `container="",id="${podPath}",image="",name="",namespace="${p.namespace}",pod="${p.name}"`, memoryBytes: podMem, limitBytes: p.qos === 'besteffort' ? 0 : podMem * 2 });
    out.push({ labels: `container="",id="${podPath}/${p.uid.replace(/-/g, '').slice(0, 12)}${'0'.repeat(52)}",image="registry.k8s.io/pause:3.9",name="",namespace="${p.namespace}",pod="${p.name}"`, memoryBytes: 270_336, limitBytes: 0 });
    p.containers.forEach((c, i) => {
      const mem = i === 0 ? podMem - 33_554_432 : 33_554_432;
      out.push({ labels: `container="${c.name}",id="${podPath}/${c.id}",image="${c.image}",name="${c.id}",namespace="${p.namespace}",pod="${p.name}"`, memoryBytes: mem, limitBytes: p.qos === 'besteffort' ? 0 : mem * 2 });
    });
  }
  return out;
}

/** Go's %g-like float text (`2.01326592e+08`), as cAdvisor prints gauges. */
function goFloat(n: number): string {
  if (n === 0) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e6) return String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  const exp = Number(exponent);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

type Family = [name: string, type: 'counter' | 'gauge', help: string, series: (c: Cgroup, rng: Prng) => [extraLabels: string, value: number][]];

const one = (value: number): [string, number][] => [['', value]];
const FAMILIES: Family[] = [
  ['container_cpu_cfs_periods_total', 'counter', 'Number of elapsed enforcement period intervals.', (_c, r) => one(r.int(1e6))],
  ['container_cpu_cfs_throttled_periods_total', 'counter', 'Number of throttled period intervals.', (_c, r) => one(r.int(1e4))],
  ['container_cpu_system_seconds_total', 'counter', 'Cumulative system cpu time consumed in seconds.', (_c, r) => one(r.int(1e6) / 100)],
  ['container_cpu_usage_seconds_total', 'counter', 'Cumulative cpu time consumed in seconds.', (_c, r) => [['cpu="total",', r.int(1e7) / 1000]]],
  ['container_cpu_user_seconds_total', 'counter', 'Cumulative user cpu time consumed in seconds.', (_c, r) => one(r.int(1e6) / 100)],
  ['container_file_descriptors', 'gauge', 'Number of open file descriptors for the container.', (_c, r) => one(r.int(500))],
  ['container_fs_reads_bytes_total', 'counter', 'Cumulative count of bytes read', (_c, r) => [['device="/dev/nvme0n1",', r.int(1e9)]]],
  ['container_fs_writes_bytes_total', 'counter', 'Cumulative count of bytes written', (_c, r) => [['device="/dev/nvme0n1",', r.int(1e9)]]],
  ['container_last_seen', 'gauge', 'Last time a container was seen by the exporter', () => one(1734380410)],
  ['container_memory_cache', 'gauge', 'Number of bytes of page cache memory.', (c) => one(Math.floor(c.memoryBytes / 4 / 4096) * 4096)],
  ['container_memory_failcnt', 'counter', 'Number of memory usage hits limits', (_c, r) => one(r.int(3) === 0 ? r.int(100) : 0)],
  [
    'container_memory_failures_total',
    'counter',
    'Cumulative count of memory allocation failures.',
    (_c, r) => [
      ['failure_type="pgfault",scope="container",', r.int(1e7)],
      ['failure_type="pgfault",scope="hierarchy",', r.int(1e7)],
      ['failure_type="pgmajfault",scope="container",', r.int(1e3)],
      ['failure_type="pgmajfault",scope="hierarchy",', r.int(1e3)],
    ],
  ],
  ['container_memory_mapped_file', 'gauge', 'Size of memory mapped files in bytes.', (c) => one(Math.floor(c.memoryBytes / 16 / 4096) * 4096)],
  ['container_memory_max_usage_bytes', 'gauge', 'Maximum memory usage recorded in bytes', (c) => one(c.memoryBytes + 8 * 1048576)],
  ['container_memory_rss', 'gauge', 'Size of RSS in bytes.', (c) => one(Math.floor((c.memoryBytes * 3) / 4 / 4096) * 4096)],
  ['container_memory_swap', 'gauge', 'Container swap usage in bytes.', () => one(0)],
  ['container_memory_usage_bytes', 'gauge', 'Current memory usage in bytes, including all memory regardless of when it was accessed', (c) => one(c.memoryBytes)],
  ['container_memory_working_set_bytes', 'gauge', 'Current working set in bytes.', (c) => one(c.memoryBytes - 4 * 1048576 > 0 ? c.memoryBytes - 4 * 1048576 : c.memoryBytes)],
  [
    'container_network_receive_bytes_total',
    'counter',
    'Cumulative count of bytes received',
    (_c, r) => [
      ['interface="eth0",', r.int(1e10)],
      ['interface="tunl0",', 0],
    ],
  ],
  [
    'container_network_transmit_bytes_total',
    'counter',
    'Cumulative count of bytes transmitted',
    (_c, r) => [
      ['interface="eth0",', r.int(1e10)],
      ['interface="tunl0",', 0],
    ],
  ],
  ['container_oom_events_total', 'counter', 'Count of out of memory events observed for the container', () => one(0)],
  ['container_processes', 'gauge', 'Number of processes running inside the container.', (_c, r) => one(1 + r.int(40))],
  ['container_sockets', 'gauge', 'Number of open sockets for the container.', (_c, r) => one(r.int(200))],
  ['container_spec_cpu_shares', 'gauge', 'CPU share of the container.', () => one(1024)],
  ['container_spec_memory_limit_bytes', 'gauge', 'Memory limit for the container.', (c) => one(c.limitBytes)],
  ['container_spec_memory_reservation_limit_bytes', 'gauge', 'Memory reservation limit for the container.', () => one(0)],
  ['container_spec_memory_swap_limit_bytes', 'gauge', 'Memory swap limit for the container.', (c) => one(c.limitBytes)],
  ['container_start_time_seconds', 'gauge', 'Start time of the container since unix epoch in seconds.', () => one(1734300000)],
  [
    'container_tasks_state',
    'gauge',
    'Number of tasks in given state',
    (_c, r) => ['iowaiting', 'running', 'sleeping', 'stopped', 'uninterruptible'].map((s) => [`state="${s}",`, s === 'sleeping' ? r.int(100) : 0] as [string, number]),
  ],
  ['container_threads', 'gauge', 'Number of threads running inside the container', (_c, r) => one(1 + r.int(200))],
];

export async function writeCadvisor(path: string, targetBytes: number, seed = 3): Promise<{ bytes: number; scrapes: number; cgroups: number }> {
  const rng = new Prng(seed);
  const groups = cgroups(nodePods(110));
  const out = new ChunkedWriter(path);
  for (const f of CADVISOR_FIXTURES) out.text(`${fixtureText(f).trimEnd()}\n`);
  let scrapes = 0;
  let timestampMs = 1_734_380_410_856;
  let written = 0;
  while (written < targetBytes) {
    for (const [name, type, help, series] of FAMILIES) {
      out.text(`# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`);
      for (const c of groups) {
        const labelsAt = c.labels;
        for (const [extra, value] of series(c, rng)) {
          const line = `${name}{${extra}${labelsAt}} ${goFloat(value)} ${timestampMs + rng.int(5000)}\n`;
          out.text(line);
          written += line.length;
        }
      }
      await out.drain();
    }
    scrapes++;
    timestampMs += 10_000;
  }
  out.text('# HELP machine_memory_bytes Amount of memory installed on the machine.\n# TYPE machine_memory_bytes gauge\nmachine_memory_bytes 1.6765018112e+10\n');
  const bytes = await out.close();
  return { bytes, scrapes, cgroups: groups.length };
}
