// What `docker inspect` and `crictl inspect`/`inspectp` say about one container or pod sandbox,
// in one shape so the assembly joins either to its cgroup and pod. Docker's JSON is an array of
// objects; crictl prints one object per id; pastes give a bare object, an array of one, or a fragment.
import type { EnvVar, JvmSettings } from '../application/jvm-flags';
import { parseBinarySuffixSize } from '../text/human-size';

export interface ContainerMount {
  /** `tmpfs`, `bind`, `volume`, … (docker Type / OCI type); null when the input does not say. */
  type: string | null;
  source: string | null;
  destination: string | null;
  /** A tmpfs mount (memory-backed: its pages are shmem, charged to the container's cgroup). */
  tmpfs: boolean;
  /** tmpfs `size=` option, when given. */
  sizeBytes: number | null;
  /** The pod volume behind a kubelet path `/var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~<plugin>/<name>`. */
  volumeName: string | null;
  volumePlugin: string | null;
  options: string[];
  line: number;
}

export interface ContainerInspect {
  /** Which tool wrote it. */
  runtime: 'docker' | 'cri';
  kind: 'container' | 'sandbox';
  id: string | null;
  name: string | null;
  image: string | null;
  pid: number | null;
  /** As written: `running`, `exited`, `CONTAINER_EXITED`, `SANDBOX_READY`, … */
  status: string | null;
  running: boolean | null;
  /** docker State.OOMKilled; CRI: status.reason is `OOMKilled`. null when the input does not say. */
  oomKilled: boolean | null;
  exitCode: number | null;
  /** CRI status.reason or docker State.Error, when not empty. */
  reason: string | null;
  startedAt: string | null;
  /** null for docker's zero time 0001-01-01T00:00:00Z (never finished). */
  finishedAt: string | null;
  /** The kubelet's `io.kubernetes.container.restartCount` annotation when present, else docker RestartCount. */
  restartCount: number | null;
  /** The kubelet's attempt number (from `k8s_…_<attempt>` names or CRI metadata). */
  attempt: number | null;
  /** null when no limit is set (docker writes 0). */
  memoryLimitBytes: number | null;
  /** true when the input says explicitly that there is no limit (0 / -1). */
  memoryLimitUnlimited: boolean | null;
  memorySwapLimitBytes: number | null;
  memoryReservationBytes: number | null;
  shmSizeBytes: number | null;
  oomKillDisable: boolean | null;
  oomScoreAdj: number | null;
  /** docker HostConfig.CgroupParent (e.g. `kubepods-burstable-pod….slice`). */
  cgroupParent: string | null;
  /** OCI linux.cgroupsPath (`kubepods-burstable-pod….slice:cri-containerd:<id>` with systemd). */
  cgroupsPath: string | null;
  mounts: ContainerMount[];
  /** The command line (docker Path + Args, OCI process.args). */
  args: string[];
  /** Memory-related environment variables only (others may hold secrets and are not kept). */
  memoryEnv: EnvVar[];
  envCount: number;
  jvm: JvmSettings | null;
  labels: Record<string, string>;
  podName: string | null;
  podNamespace: string | null;
  podUid: string | null;
  containerName: string | null;
  /** Line of the main facts (`pid`, `oomKilled`, `exitCode`, `memoryLimitBytes`, `restartCount`, …). */
  lines: Record<string, number>;
  line: number;
}

export interface ContainerInspectData {
  containers: ContainerInspect[];
}

export function emptyInspect(runtime: ContainerInspect['runtime'], line: number): ContainerInspect {
  return {
    runtime,
    kind: 'container',
    id: null,
    name: null,
    image: null,
    pid: null,
    status: null,
    running: null,
    oomKilled: null,
    exitCode: null,
    reason: null,
    startedAt: null,
    finishedAt: null,
    restartCount: null,
    attempt: null,
    memoryLimitBytes: null,
    memoryLimitUnlimited: null,
    memorySwapLimitBytes: null,
    memoryReservationBytes: null,
    shmSizeBytes: null,
    oomKillDisable: null,
    oomScoreAdj: null,
    cgroupParent: null,
    cgroupsPath: null,
    mounts: [],
    args: [],
    memoryEnv: [],
    envCount: 0,
    jvm: null,
    labels: {},
    podName: null,
    podNamespace: null,
    podUid: null,
    containerName: null,
    lines: {},
    line,
  };
}

/**
 * The kubelet's runtime names: `k8s_<container>_<pod>_<namespace>_<uid>_<attempt>` for containers
 * (`POD` for the sandbox under dockershim), `k8s_<pod>_<namespace>_<uid>_<attempt>` for CRI-O sandboxes.
 */
export function parseKubeletName(name: string | null): { container: string | null; pod: string; namespace: string; uid: string; attempt: number | null } | null {
  if (!name) return null;
  const parts = name.replace(/^\//, '').split('_');
  if (parts[0] !== 'k8s') return null;
  const attemptOf = (t: string | undefined): number | null => (t !== undefined && /^\d{1,9}$/.test(t) ? Number(t) : null);
  if (parts.length === 6) return { container: parts[1] ?? null, pod: parts[2] ?? '', namespace: parts[3] ?? '', uid: parts[4] ?? '', attempt: attemptOf(parts[5]) };
  if (parts.length === 5) return { container: null, pod: parts[1] ?? '', namespace: parts[2] ?? '', uid: parts[3] ?? '', attempt: attemptOf(parts[4]) };
  return null;
}

const KUBELET_VOLUME = /\/volumes\/([a-z0-9.-]+)~([a-z0-9.-]+)\/([^/]+)\/?$/;

export function volumeOfPath(path: string | null): { plugin: string; name: string } | null {
  if (!path) return null;
  const m = KUBELET_VOLUME.exec(path);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  return { plugin: `${m[1]}/${m[2]}`, name: m[3] };
}

/** tmpfs `size=` from mount options (`rw,nosuid,size=65536k`). */
export function tmpfsSize(options: readonly string[]): number | null {
  for (const o of options) if (o.startsWith('size=')) return parseBinarySuffixSize(o.slice(5));
  return null;
}

/** Fills pod identity from the kubelet's labels, then from a `k8s_…` runtime name. */
export function applyKubernetesIdentity(c: ContainerInspect, labels: Record<string, string>, runtimeName: string | null): void {
  const get = (k: string): string | null => (Object.prototype.hasOwnProperty.call(labels, k) && labels[k] !== '' ? (labels[k] ?? null) : null);
  c.podName = get('io.kubernetes.pod.name');
  c.podNamespace = get('io.kubernetes.pod.namespace');
  c.podUid = get('io.kubernetes.pod.uid');
  c.containerName = get('io.kubernetes.container.name');
  const fromName = parseKubeletName(runtimeName);
  if (fromName) {
    c.podName ??= fromName.pod;
    c.podNamespace ??= fromName.namespace;
    c.podUid ??= fromName.uid;
    if (fromName.container !== null) c.containerName ??= fromName.container;
    c.attempt ??= fromName.attempt;
    if (fromName.container === 'POD' || fromName.container === null) c.kind = 'sandbox';
  }
  if (c.containerName === 'POD') c.kind = 'sandbox';
  const restart = get('io.kubernetes.container.restartCount') ?? get('annotation.io.kubernetes.container.restartCount');
  // The kubelet's count is what `kubectl get pod` shows; docker's RestartCount only counts its own restart policy.
  if (restart !== null && /^\d{1,9}$/.test(restart)) c.restartCount = Number(restart);
}
