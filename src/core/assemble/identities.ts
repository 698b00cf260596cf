// Who is who: pod names, namespaces, UIDs, container names, ids and PIDs, from every file that
// says (the collector's manifest.json, the kubelet summary, docker/crictl inspect, kubectl get/describe
// pod), as facts the tree builder matches against cgroup paths. Sample fact
// (from a lab manifest.json):
//   { podUid: '8053180c-…', podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml', containerName: 'api',
//     containerId: '5e5f644350da…', pids: [21065], listsContainers: true }
import type { ManifestData } from '../formats/collector/manifest';
import type { KubeletSummaryData } from '../formats/kubernetes/kubelet-summary';
import type { ContainerInspectData } from '../formats/runtime/container-inspect-data';
import type { KubectlDescribePodData } from '../formats/kubernetes/kubectl-describe-pod';
import type { KubectlPodData } from '../formats/kubernetes/kubectl-pod';
import type { PodInfo } from '../formats/kubernetes/pod-model';
import type { MemoryGroup, QosClass, ValueSource } from '../model/memory-group';
import { isObjectData, type AssemblyFile } from './capture-times';
import { namesFromDockerName, namesFromLabels, normaliseContainerId, normalisePodUid, parseCgroupPath, sameContainerId } from './join-keys';

export interface IdentityFact {
  podUid: string | null;
  podName: string | null;
  podNamespace: string | null;
  qosClass: QosClass | null;
  /** The pod's cgroup path from the Kubernetes root on (`/kubepods/burstable/pod…`). */
  podKubePath: string | null;
  containerName: string | null;
  containerId: string | null;
  containerKubePath: string | null;
  pids: number[];
  sandbox: boolean | null;
  /** false for a container the source shows as exited (its cgroup, if still there, is left over); null when unknown. */
  current: boolean | null;
  /** The source lists the pod's current containers: a container cgroup it does not name is left over. */
  listsContainers: boolean;
  /** The pod's volumes as its spec declares them (kubectl), on the pod-level fact. */
  podVolumes: DeclaredVolume[];
  source: ValueSource;
}

export interface DeclaredVolume {
  name: string;
  /** `Memory` for an emptyDir with medium Memory (tmpfs), `disk` for another emptyDir, null otherwise. */
  medium: 'Memory' | 'disk' | null;
  sizeLimitBytes: number | null;
  source: ValueSource;
}

// A Map: a QoS text from the input such as `constructor` must not find Object's own property.
const QOS_NAMES = new Map<string, QosClass>([
  ['guaranteed', 'guaranteed'],
  ['burstable', 'burstable'],
  ['besteffort', 'besteffort'],
]);

function qosOf(text: string | null): QosClass | null {
  return text === null ? null : (QOS_NAMES.get(text.toLowerCase()) ?? null);
}

function kubePathOf(path: string | null): string | null {
  if (path === null || path === '') return null;
  return parseCgroupPath(path).kubePath;
}

function fromManifest(file: AssemblyFile, data: ManifestData): IdentityFact[] {
  const facts: IdentityFact[] = [];
  data.pods.forEach((pod, podIndex) => {
    const base = {
      podUid: normalisePodUid(pod.uid),
      podName: pod.name,
      podNamespace: pod.namespace,
      qosClass: qosOf(pod.qosClass),
      podKubePath: kubePathOf(pod.cgroupPath),
    };
    facts.push({ ...base, containerName: null, containerId: null, containerKubePath: null, pids: [], sandbox: null, current: null, listsContainers: true, podVolumes: [], source: { file: file.path, line: 1, key: `pods[${podIndex}]` } });
    pod.containers.forEach((c, i) => {
      facts.push({
        ...base,
        containerName: c.name,
        containerId: normaliseContainerId(c.id),
        containerKubePath: kubePathOf(c.cgroupPath),
        pids: [...c.pids],
        sandbox: c.sandbox,
        current: true,
        listsContainers: true,
        podVolumes: [],
        source: { file: file.path, line: 1, key: `pods[${podIndex}].containers[${i}]` },
      });
    });
  });
  return facts;
}

function fromKubeletSummary(file: AssemblyFile, data: KubeletSummaryData): IdentityFact[] {
  const facts: IdentityFact[] = [];
  for (const pod of data.pods) {
    const base = { podUid: normalisePodUid(pod.uid), podName: pod.name, podNamespace: pod.namespace, qosClass: null, podKubePath: null };
    facts.push({ ...base, containerName: null, containerId: null, containerKubePath: null, pids: [], sandbox: null, current: null, listsContainers: false, podVolumes: [], source: { file: file.path, line: pod.line, key: 'podRef' } });
    for (const c of pod.containers) {
      if (c.name === null) continue;
      facts.push({ ...base, containerName: c.name, containerId: null, containerKubePath: null, pids: [], sandbox: null, current: true, listsContainers: false, podVolumes: [], source: { file: file.path, line: c.line, key: 'containers[].name' } });
    }
  }
  return facts;
}

/** docker inspect / crictl inspect: ids, PIDs and the kubelet's io.kubernetes.* labels. */
function fromInspect(file: AssemblyFile, data: ContainerInspectData): IdentityFact[] {
  return data.containers.map((c) => {
    const labels = namesFromLabels(c.labels);
    const docker = namesFromDockerName(c.name);
    return {
      podUid: normalisePodUid(c.podUid) ?? labels.podUid ?? docker?.podUid ?? null,
      podName: c.podName ?? labels.podName ?? docker?.podName ?? null,
      podNamespace: c.podNamespace ?? labels.podNamespace ?? docker?.podNamespace ?? null,
      qosClass: null,
      podKubePath: null,
      containerName: c.kind === 'sandbox' ? 'POD' : (c.containerName ?? labels.containerName ?? docker?.containerName ?? null),
      containerId: normaliseContainerId(c.id),
      containerKubePath: null,
      pids: c.pid !== null && c.pid > 0 ? [c.pid] : [],
      sandbox: c.kind === 'sandbox',
      current: c.running,
      listsContainers: false,
      podVolumes: [],
      source: { file: file.path, line: c.line, key: 'Id' },
    };
  });
}

/** kubectl get pod -o json|yaml / kubectl describe pod: names, QoS, the current container ids, emptyDir media. */
function fromPods(file: AssemblyFile, pods: readonly PodInfo[]): IdentityFact[] {
  const facts: IdentityFact[] = [];
  for (const pod of pods) {
    const base = { podUid: normalisePodUid(pod.uid), podName: pod.name, podNamespace: pod.namespace, qosClass: pod.qosClass, podKubePath: null };
    // containerStatuses name the current instance of each container; an id they do not name is an earlier one.
    const listsContainers = pod.containers.some((c) => c.containerId !== null);
    const podVolumes: DeclaredVolume[] = pod.volumes
      .filter((v) => v.name !== null)
      .map((v) => ({
        name: v.name ?? '',
        medium: v.type === 'emptyDir' ? (v.medium === 'Memory' ? 'Memory' : 'disk') : null,
        sizeLimitBytes: v.sizeLimitBytes,
        source: { file: file.path, line: v.line, key: v.type === 'emptyDir' ? 'emptyDir.medium' : 'volumes[].name', rawText: v.medium ?? '' },
      }));
    facts.push({ ...base, containerName: null, containerId: null, containerKubePath: null, pids: [], sandbox: null, current: null, listsContainers, podVolumes, source: { file: file.path, line: pod.line, key: 'metadata' } });
    for (const c of pod.containers) {
      const state = c.state?.state ?? null;
      facts.push({
        ...base,
        containerName: c.name,
        containerId: normaliseContainerId(c.containerId),
        containerKubePath: null,
        pids: [],
        sandbox: false,
        current: state === 'running' ? true : state === 'terminated' ? false : null,
        listsContainers,
        podVolumes: [],
        source: { file: file.path, line: c.line, key: 'containerID' },
      });
    }
  }
  return facts;
}

export function collectIdentities(files: readonly AssemblyFile[]): IdentityFact[] {
  const facts: IdentityFact[] = [];
  for (const f of files) {
    if (!isObjectData(f.data)) continue;
    if (f.formatId === 'manifest') facts.push(...fromManifest(f, f.data as ManifestData));
    else if (f.formatId === 'kubelet-summary') facts.push(...fromKubeletSummary(f, f.data as KubeletSummaryData));
    else if (f.formatId === 'docker-inspect' || f.formatId === 'crictl-inspect') facts.push(...fromInspect(f, f.data as ContainerInspectData));
    else if (f.formatId === 'kubectl-pod') facts.push(...fromPods(f, (f.data as KubectlPodData).pods));
    else if (f.formatId === 'kubectl-describe-pod') facts.push(...fromPods(f, (f.data as KubectlDescribePodData).pods));
  }
  return facts;
}

/** Facts about the pod a group belongs to (by UID, else by the pod's cgroup path). */
export function podFactsFor(facts: readonly IdentityFact[], group: Pick<MemoryGroup, 'podUid'>, podKubePath: string | null): IdentityFact[] {
  return facts.filter((f) => (group.podUid !== null && f.podUid === group.podUid) || (podKubePath !== null && f.podKubePath === podKubePath));
}

/** The fact naming the container of a cgroup (by full or short id, else by cgroup path). */
export function containerFactFor(facts: readonly IdentityFact[], containerId: string | null, kubePath: string): IdentityFact | null {
  for (const f of facts) if (containerId !== null && sameContainerId(f.containerId, containerId)) return f;
  for (const f of facts) if (f.containerKubePath !== null && f.containerKubePath === kubePath) return f;
  return null;
}

/** First non-null value of a field over facts. */
export function firstOf<K extends keyof IdentityFact>(facts: readonly IdentityFact[], key: K): IdentityFact[K] | null {
  for (const f of facts) if (f[key] !== null) return f[key];
  return null;
}
