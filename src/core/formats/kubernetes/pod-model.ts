// A pod as `kubectl get pod -o json|yaml` and `kubectl describe pod` show it: one shape for both,
// so the assembly can take requests/limits, restarts, last termination and memory-backed volumes
// from whichever the bundle has.
import type { QosClass } from '../../model/memory-group';
import type { EnvVar, JvmSettings } from '../application/jvm-flags';

/** Requests or limits of a container (or a node's capacity): memory in bytes, CPU in cores. */
export interface ResourceList {
  memoryBytes: number | null;
  memoryText: string | null;
  cpuCores: number | null;
  cpuText: string | null;
  /** Every resource as written (`ephemeral-storage`, `hugepages-2Mi`, …). */
  raw: Record<string, string>;
  /** Line of each resource in `raw`. */
  lines: Record<string, number>;
  /** Line of the block. */
  line: number;
}

export interface ContainerStateInfo {
  /** `running`, `waiting` or `terminated` (lowercase), as the state's key or describe's word says. */
  state: string | null;
  /** `OOMKilled`, `Error`, `Completed`, `CrashLoopBackOff`, … */
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  line: number;
}

export interface VolumeMount {
  name: string | null;
  mountPath: string | null;
  readOnly: boolean | null;
  line: number;
}

export interface PodContainer {
  name: string | null;
  init: boolean;
  image: string | null;
  containerId: string | null;
  requests: ResourceList | null;
  limits: ResourceList | null;
  args: string[];
  command: string[];
  /** Memory-related environment variables only. */
  memoryEnv: EnvVar[];
  jvm: JvmSettings | null;
  volumeMounts: VolumeMount[];
  ready: boolean | null;
  restartCount: number | null;
  state: ContainerStateInfo | null;
  lastState: ContainerStateInfo | null;
  line: number;
}

export interface PodVolume {
  name: string | null;
  /** The volume source key (`emptyDir`, `configMap`, `secret`, `projected`, `hostPath`, …). */
  type: string | null;
  /** emptyDir medium: `Memory` means tmpfs, whose pages are charged to the pod's memory. */
  medium: string | null;
  sizeLimitBytes: number | null;
  sizeLimitText: string | null;
  line: number;
}

/** An event as `kubectl describe` or `kubectl get events` prints it. */
export interface KubeEvent {
  /** `Normal` or `Warning`. */
  type: string | null;
  /** `OOMKilling`, `Evicted`, `BackOff`, `Killing`, … */
  reason: string | null;
  /** Age or LAST SEEN as printed (`6m40s`, `18m (x2 over 18m)`). */
  age: string | null;
  /** How many times it happened (`x2`), when printed. */
  count: number | null;
  /** Source (`kubelet`, `kubelet, mgt04`, `default-scheduler`). */
  from: string | null;
  /** The involved object (`pod/x`), for `kubectl get events`. */
  object: string | null;
  namespace: string | null;
  message: string | null;
  line: number;
}

export interface PodInfo {
  name: string | null;
  namespace: string | null;
  uid: string | null;
  nodeName: string | null;
  /** Phase (`Running`, `Failed`) or describe's Status. */
  phase: string | null;
  /** Pod-level reason (`Evicted`). */
  reason: string | null;
  message: string | null;
  qosClass: QosClass | null;
  startTime: string | null;
  containers: PodContainer[];
  volumes: PodVolume[];
  events: KubeEvent[];
  line: number;
}

export function normaliseQos(text: string | null): QosClass | null {
  switch ((text ?? '').trim().toLowerCase()) {
    case 'guaranteed':
      return 'guaranteed';
    case 'burstable':
      return 'burstable';
    case 'besteffort':
      return 'besteffort';
    default:
      return null;
  }
}

export function emptyContainer(line: number): PodContainer {
  return {
    name: null,
    init: false,
    image: null,
    containerId: null,
    requests: null,
    limits: null,
    args: [],
    command: [],
    memoryEnv: [],
    jvm: null,
    volumeMounts: [],
    ready: null,
    restartCount: null,
    state: null,
    lastState: null,
    line,
  };
}

export function emptyPod(line: number): PodInfo {
  return { name: null, namespace: null, uid: null, nodeName: null, phase: null, reason: null, message: null, qosClass: null, startTime: null, containers: [], volumes: [], events: [], line };
}
