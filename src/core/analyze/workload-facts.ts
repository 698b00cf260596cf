// Facts about workloads from the Kubernetes and runtime files of a bundle: OOMKilled statuses,
// evictions, restarts, container states, memory limits and JVM heap sizes, each with the file and
// line it was read from. Reads the parsed data of kubectl get/describe pod, kubectl events and
// describe node, kubectl get pods, docker/crictl inspect and JVM Native Memory Tracking. Samples:
//   Last State:     Terminated            (kubectl describe pod)
//     Reason:       OOMKilled
//   Warning  Evicted  18m  kubelet, mgt04  The node was low on resource: memory. …   (kubectl events)
import type { AnalysisFile } from './analyze-bundle';
import type { MetricValue, WorkloadFact, WorkloadFactKind } from '../rules/rule';
import type { ValueSource } from '../model/memory-group';
import type { KubeEvent, PodContainer, PodInfo, ContainerStateInfo } from '../formats/kubernetes/pod-model';
import type { KubectlPodRow } from '../formats/kubernetes/kubectl-tables';
import type { ContainerInspect } from '../formats/runtime/container-inspect-data';
import type { JvmSettings } from '../formats/application/jvm-flags';
import type { JvmNmtData } from '../formats/application/jvm-nmt';
import { normaliseContainerId, normalisePodUid } from '../assemble/join-keys';
import { parseMemoryQuantity } from '../model/quantity';
import { formatBytes } from '../model/units';

interface Identity {
  podName: string | null;
  podNamespace: string | null;
  containerName: string | null;
  podUid: string | null;
  containerId: string | null;
}

const NO_IDENTITY: Identity = { podName: null, podNamespace: null, containerName: null, podUid: null, containerId: null };

class FactList {
  readonly facts: WorkloadFact[] = [];

  add(kind: WorkloadFactKind, who: Identity, value: MetricValue, text: string, basis: string, source: ValueSource): void {
    this.facts.push({ kind, ...who, value, text, basis, source });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function arrayOf<T>(data: unknown, key: string): T[] {
  if (!isRecord(data)) return [];
  const v = data[key];
  return Array.isArray(v) ? (v as T[]) : [];
}

function src(file: string, line: number, key: string, lineEnd?: number): ValueSource {
  const start = Math.max(1, line);
  return lineEnd !== undefined && lineEnd > start ? { file, line: start, lineEnd, key } : { file, line: start, key };
}

/** What an eviction message says: the resource, and the container's usage against its request when printed. */
export interface EvictionMessage {
  resource: string | null;
  containerName: string | null;
  usageBytes: number | null;
  requestBytes: number | null;
}

// pkg/kubelet/eviction/helpers.go: "The node was low on resource: %v. Threshold quantity: %v, available: %v. "
// then "Container %s was using %s, which exceeds its request of %s. " per container; admission
// rejections say "The node had condition: [MemoryPressure]."
const LOW_ON = /low on resource: ([A-Za-z0-9.-]{1,40})/;
const CONTAINER_USAGE = /Container (\S{1,253}) was using (\S{1,40}), which exceeds its request of ([^\s,]{1,40}?)\.?(?:\s|$)/;

export function readEvictionMessage(message: string | null): EvictionMessage {
  const text = (message ?? '').slice(0, 4000);
  const low = LOW_ON.exec(text);
  let resource = low?.[1]?.replace(/\.$/, '') ?? null;
  if (resource === null && /MemoryPressure/.test(text)) resource = 'memory';
  const usage = CONTAINER_USAGE.exec(text);
  const bytes = (q: string | undefined): number | null => {
    if (q === undefined) return null;
    const parsed = parseMemoryQuantity(q);
    return parsed.ok ? parsed.bytes : null;
  };
  return { resource, containerName: usage?.[1] ?? null, usageBytes: bytes(usage?.[2]), requestBytes: bytes(usage?.[3]) };
}

function podIdentity(pod: PodInfo): Identity {
  return { podName: pod.name, podNamespace: pod.namespace, containerName: null, podUid: normalisePodUid(pod.uid), containerId: null };
}

/** The last line a pod's data mentions: the excerpt of a pod-level status runs from the pod's first line to it. */
function lastLineOf(pod: PodInfo): number {
  let last = pod.line;
  for (const c of pod.containers) last = Math.max(last, c.line, c.state?.line ?? 0, c.lastState?.line ?? 0);
  return last;
}

// A state block: `Last State: Terminated` + Reason, Exit Code, Started, Finished (describe), or
// `terminated:` + containerID, exitCode, finishedAt, reason, startedAt (YAML/JSON).
const STATE_BLOCK_LINES = 6;

function stateFacts(out: FactList, file: string, who: Identity, state: ContainerStateInfo | null, basis: 'state' | 'last-state'): void {
  if (!state) return;
  if (basis === 'state' && state.state !== null) out.add('container-state', who, state.state, state.reason ? `${state.state} (${state.reason})` : state.state, 'state', src(file, state.line, 'state'));
  if ((state.reason ?? '').toLowerCase() !== 'oomkilled') return;
  const parts = [`${basis === 'state' ? 'State' : 'Last State'}: ${state.state ?? 'terminated'}`, 'Reason: OOMKilled'];
  if (state.exitCode !== null) parts.push(`Exit Code: ${state.exitCode}`);
  if (state.finishedAt) parts.push(`Finished: ${state.finishedAt}`);
  out.add('terminated-oomkilled', who, state.exitCode, parts.join(', '), basis, src(file, state.line, 'reason', state.line + STATE_BLOCK_LINES - 1));
}

function jvmFacts(out: FactList, file: string, who: Identity, jvm: JvmSettings | null, limitBytes: number | null, line: number): void {
  if (!jvm) return;
  const flagText = (prefix: string): string => {
    const flag = [...jvm.flags].reverse().find((f) => f.flag.startsWith(prefix));
    return flag ? `${flag.flag} (${flag.source})` : prefix;
  };
  if (jvm.maxHeapBytes !== null) {
    const text = jvm.flags.some((f) => f.flag.startsWith('-Xmx')) ? flagText('-Xmx') : flagText('-XX:MaxHeapSize=');
    out.add('jvm-max-heap', who, jvm.maxHeapBytes, text, 'xmx', src(file, line, 'jvm'));
  } else if (jvm.maxRamPercentage !== null && limitBytes !== null) {
    // The JVM sizes the heap from the container limit it detects: MaxRAMPercentage × limit / 100.
    const bytes = Math.floor((limitBytes * jvm.maxRamPercentage) / 100);
    out.add('jvm-max-heap', who, bytes, `${flagText('-XX:MaxRAMPercentage=')} × ${formatBytes(limitBytes)}`, 'max-ram-percentage', src(file, line, 'jvm'));
  }
}

function containerFacts(out: FactList, file: string, pod: PodInfo, c: PodContainer): void {
  const who: Identity = { ...podIdentity(pod), containerName: c.name, containerId: normaliseContainerId(c.containerId) };
  const limit = c.limits?.memoryBytes ?? null;
  if (limit !== null && c.limits) out.add('memory-limit', who, limit, `limits.memory ${c.limits.memoryText ?? limit}`, 'spec', src(file, c.limits.lines['memory'] ?? c.limits.line, 'limits.memory'));
  if (c.restartCount !== null) out.add('restart-count', who, c.restartCount, `restartCount ${c.restartCount}`, 'status', src(file, c.line, 'restartCount'));
  stateFacts(out, file, who, c.state, 'state');
  stateFacts(out, file, who, c.lastState, 'last-state');
  jvmFacts(out, file, who, c.jvm, limit, c.line);
}

function eventFacts(out: FactList, file: string, events: readonly KubeEvent[], base: Identity): void {
  for (const e of events) {
    const reason = e.reason ?? '';
    const who: Identity = { ...base };
    if (e.object !== null && e.object.toLowerCase().startsWith('pod/')) who.podName = e.object.slice(4);
    if (e.namespace !== null) who.podNamespace = e.namespace;
    const text = `${e.type ?? ''} ${reason}${e.from ? ` (${e.from})` : ''}: ${e.message ?? ''}`.trim();
    if (reason === 'Evicted') {
      const m = readEvictionMessage(e.message);
      out.add('evicted', { ...who, containerName: m.containerName ?? who.containerName }, m.resource, (e.message ?? '').trim(), 'event', src(file, e.line, 'Evicted'));
    } else if (reason === 'OOMKilling' || reason === 'SystemOOM') {
      // node-problem-detector's kernel monitor: "Memory cgroup out of memory: Kill process …" (a memcg kill) or "Out of memory: Kill process …".
      const memcg = /Memory cgroup out of memory/i.test(e.message ?? '');
      out.add('oom-killing-event', who, memcg ? 'memcg' : 'global', text, 'event', src(file, e.line, reason));
    }
  }
}

function podFacts(out: FactList, file: string, pods: readonly PodInfo[]): void {
  for (const pod of pods) {
    const who = podIdentity(pod);
    if ((pod.reason ?? '').toLowerCase() === 'evicted') {
      const m = readEvictionMessage(pod.message);
      out.add('evicted', { ...who, containerName: m.containerName }, m.resource, (pod.message ?? '').trim(), 'pod-status', src(file, pod.line, 'status.reason', lastLineOf(pod)));
    }
    for (const c of pod.containers) containerFacts(out, file, pod, c);
    eventFacts(out, file, pod.events, who);
  }
}

function rowFacts(out: FactList, file: string, rows: readonly KubectlPodRow[]): void {
  for (const row of rows) {
    const who: Identity = { ...NO_IDENTITY, podName: row.name, podNamespace: row.namespace };
    const status = row.status ?? '';
    if (status === 'OOMKilled') out.add('terminated-oomkilled', who, null, `STATUS OOMKilled, RESTARTS ${row.restarts ?? '—'}`, 'get-pods', src(file, row.line, 'STATUS'));
    if (status === 'Evicted') out.add('evicted', who, null, '', 'get-pods', src(file, row.line, 'STATUS'));
    if (row.restarts !== null) out.add('restart-count', who, row.restarts, `RESTARTS ${row.restarts}`, 'get-pods', src(file, row.line, 'RESTARTS'));
  }
}

function inspectState(c: ContainerInspect): string | null {
  if (c.running === true) return 'running';
  const s = (c.status ?? '').toLowerCase();
  if (s.includes('running')) return 'running';
  if (s.includes('exited')) return 'exited';
  if (s.includes('created')) return 'created';
  return c.running === false ? 'exited' : null;
}

function inspectFacts(out: FactList, file: string, containers: readonly ContainerInspect[]): void {
  for (const c of containers) {
    if (c.kind === 'sandbox') continue;
    const who: Identity = { podName: c.podName, podNamespace: c.podNamespace, containerName: c.containerName ?? c.name, podUid: normalisePodUid(c.podUid), containerId: normaliseContainerId(c.id) };
    const line = (key: string): number => c.lines[key] ?? c.line;
    if (c.memoryLimitBytes !== null) out.add('memory-limit', who, c.memoryLimitBytes, `memory limit ${formatBytes(c.memoryLimitBytes)}`, 'inspect', src(file, line('memoryLimitBytes'), 'memoryLimitBytes'));
    if (c.restartCount !== null) out.add('restart-count', who, c.restartCount, `restart count ${c.restartCount}`, 'inspect', src(file, line('restartCount'), 'restartCount'));
    const state = inspectState(c);
    if (state !== null) out.add('container-state', who, state, `${c.status ?? state}${c.oomKilled !== null ? `, OOMKilled ${c.oomKilled}` : ''}`, 'inspect', src(file, line('oomKilled'), 'status'));
    if (c.oomKilled === true) {
      const first = Math.min(line('oomKilled'), line('exitCode'));
      const last = Math.max(line('oomKilled'), line('exitCode'));
      const range = last - first <= 10 ? last : first;
      const text = `OOMKilled true, exit code ${c.exitCode ?? '—'}${c.finishedAt ? `, finished ${c.finishedAt}` : ''}`;
      // Docker sets State.OOMKilled on any OOM event in the container's cgroup (moby daemon/monitor.go,
      // EventOOM): on a running container it means a process inside was killed, not the container.
      if (state === 'running') out.add('oom-killing-event', who, 'memcg', `${text} (still running)`, 'inspect', src(file, first, 'oomKilled', range));
      else out.add('terminated-oomkilled', who, c.exitCode, text, 'inspect', src(file, first, 'oomKilled', range));
    }
    jvmFacts(out, file, who, c.jvm, c.memoryLimitBytes, c.line);
  }
}

function nmtFacts(out: FactList, file: string, data: JvmNmtData): void {
  const heap = data.categories.find((c) => c.name === 'Java Heap');
  if (heap?.reservedBytes != null) out.add('jvm-max-heap', NO_IDENTITY, heap.reservedBytes, `Java Heap reserved=${formatBytes(heap.reservedBytes)} (Native Memory Tracking)`, 'nmt', src(file, heap.line, 'Java Heap.reserved'));
  const total = data.total;
  if (total?.committedBytes == null) return;
  out.add('jvm-nmt-committed', NO_IDENTITY, total.committedBytes, `Total committed=${formatBytes(total.committedBytes)}`, 'nmt', src(file, total.line, 'Total.committed'));
  if (heap?.committedBytes != null && data.kind === 'summary') {
    const nonHeap = Math.max(0, total.committedBytes - heap.committedBytes);
    out.add('jvm-nmt-non-heap', NO_IDENTITY, nonHeap, `Total committed − Java Heap committed = ${formatBytes(nonHeap)}`, 'nmt', src(file, total.line, 'Total.committed − Java Heap.committed', heap.line));
  }
}

/** Every workload fact the bundle's files state, in file order. */
export function deriveWorkloadFacts(files: readonly AnalysisFile[]): WorkloadFact[] {
  const out = new FactList();
  for (const f of files) {
    if (!isRecord(f.data)) continue;
    switch (f.formatId) {
      case 'kubectl-pod':
      case 'kubectl-describe-pod':
        podFacts(out, f.path, arrayOf<PodInfo>(f.data, 'pods'));
        break;
      case 'kubectl-events':
        eventFacts(out, f.path, arrayOf<KubeEvent>(f.data, 'events'), NO_IDENTITY);
        break;
      case 'kubectl-describe-node':
        for (const node of arrayOf<{ events?: KubeEvent[] }>(f.data, 'nodes')) eventFacts(out, f.path, node.events ?? [], NO_IDENTITY);
        break;
      case 'kubectl-get-pods':
        rowFacts(out, f.path, arrayOf<KubectlPodRow>(f.data, 'rows'));
        break;
      case 'docker-inspect':
      case 'crictl-inspect':
        inspectFacts(out, f.path, arrayOf<ContainerInspect>(f.data, 'containers'));
        break;
      case 'jvm-nmt':
        if (Array.isArray(f.data['categories'])) nmtFacts(out, f.path, f.data as unknown as JvmNmtData);
        break;
      default:
        break;
    }
  }
  return out.facts;
}
