// The keys that join evidence from different files: cgroup paths (systemd and cgroupfs drivers,
// docker / containerd / CRI-O, v1 mount prefixes, the bundle layout `<snapshot>/cgroup/<path>`),
// pod UIDs (`_` ↔ `-`), container ids (full or 12-character short), and Kubernetes names from
// runtime labels and docker container names. Sample paths, all naming a container of a burstable pod:
//   /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice/docker-24ec….scope
//   /kubepods/burstable/pod28fcb1a0-a45c-44e7-b9bf-e3b9360bedba/3e5e5eab87df615f4777e6f7f261a7fb62f4a7ee5bc3e25e3a5b5223ccd368fe
//   orphaned-shmem/before/cgroup/kubepods/burstable/pod8053180c-…/5e5f644350da…/memory.stat
import type { QosClass } from '../model/memory-group';

export type CgroupLevel = 'root' | 'kubepods' | 'qos' | 'pod' | 'container' | 'other';
export type ContainerRuntime = 'docker' | 'containerd' | 'crio';

export interface CgroupPathInfo {
  /** The path as given, with `\` turned into `/`, a trailing `/` removed and a leading `/` added. */
  path: string;
  /** The part from the Kubernetes root on (`/kubepods/…`, `/kubepods.slice/…`); the whole path when none. */
  kubePath: string;
  level: CgroupLevel;
  driver: 'systemd' | 'cgroupfs' | null;
  qosClass: QosClass | null;
  /** Lower case with dashes; null when the path names no pod or the UID is masked/cut. */
  podUid: string | null;
  /** The container id as the path writes it (64 hex digits, or shorter when cut); null when none. */
  containerId: string | null;
  runtime: ContainerRuntime | null;
  /** CRI-O's `crio-conmon-<id>.scope`: the monitor process of a container, not the container. */
  conmon: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_ID = /^[0-9a-f]{12,64}$/;
// A Map: a cgroup path segment such as `kubepods-constructor-pod…` must not find Object's own property.
const QOS = new Map<string, QosClass>([
  ['burstable', 'burstable'],
  ['besteffort', 'besteffort'],
  ['guaranteed', 'guaranteed'],
]);

/** `96bc17dc_f218_…` or `96BC17DC-F218-…` → `96bc17dc-f218-…`; null when not a UUID. */
export function normalisePodUid(text: string | null | undefined): string | null {
  if (!text) return null;
  const uid = text.trim().toLowerCase().replace(/_/g, '-');
  return UUID.test(uid) ? uid : null;
}

/** A container id without its runtime scheme (`containerd://`, `docker://`, `cri-o://`), lower case; null when not hex. */
export function normaliseContainerId(text: string | null | undefined): string | null {
  if (!text) return null;
  let id = text.trim().toLowerCase();
  const scheme = id.indexOf('://');
  if (scheme >= 0) id = id.slice(scheme + 3);
  if (id.startsWith('sha256:')) id = id.slice(7);
  return HEX_ID.test(id) ? id : null;
}

/** Full and short (12-character, as `docker ps` prints) ids of one container match. */
export function sameContainerId(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normaliseContainerId(a);
  const y = normaliseContainerId(b);
  if (x === null || y === null) return false;
  if (x === y) return true;
  const shorter = x.length <= y.length ? x : y;
  const longer = x.length <= y.length ? y : x;
  return shorter.length >= 12 && longer.startsWith(shorter);
}

export function shortContainerId(id: string): string {
  return id.slice(0, 12);
}

function isKubeRoot(segment: string): boolean {
  return segment === 'kubepods' || segment === 'kubepods.slice';
}

/** Reads one path segment below the Kubernetes root; false when it is not a level of the tree. */
function readSegment(segment: string, info: CgroupPathInfo, depth: number): boolean {
  // systemd driver: kubepods-burstable.slice, kubepods-burstable-pod<uid>.slice, kubepods-pod<uid>.slice
  if (segment.endsWith('.slice') && segment.startsWith('kubepods-')) {
    info.driver = 'systemd';
    const body = segment.slice('kubepods-'.length, -'.slice'.length);
    const pod = body.lastIndexOf('pod');
    if (pod >= 0 && (pod === 0 || body[pod - 1] === '-')) {
      const qos = pod === 0 ? null : body.slice(0, pod - 1);
      info.qosClass = qos === null ? 'guaranteed' : (QOS.get(qos) ?? info.qosClass);
      info.podUid = normalisePodUid(body.slice(pod + 3));
      info.level = 'pod';
      return true;
    }
    const qos = QOS.get(body);
    if (!qos || info.level !== 'kubepods') return false;
    info.qosClass = qos;
    info.level = 'qos';
    return true;
  }
  // systemd scopes of a container: docker-<id>.scope, cri-containerd-<id>.scope, crio-<id>.scope, crio-conmon-<id>.scope
  if (segment.endsWith('.scope')) {
    // Under a pod normally; directly under kubepods or a QoS slice when the pod slice is masked in a paste.
    if (info.level === 'container') return false;
    const m = /^(docker|cri-containerd|crio-conmon|crio|containerd)-([0-9a-fA-F]{12,64})\.scope$/.exec(segment);
    if (!m || m[1] === undefined || m[2] === undefined) return false;
    info.containerId = m[2].toLowerCase();
    info.runtime = m[1] === 'docker' ? 'docker' : m[1].startsWith('crio') ? 'crio' : 'containerd';
    info.conmon = m[1] === 'crio-conmon';
    info.level = info.conmon ? 'other' : 'container';
    return !info.conmon;
  }
  // cgroupfs driver: burstable/, besteffort/, pod<uid>/, <container id>/
  const lower = segment.toLowerCase();
  if (depth === 1 && (lower === 'burstable' || lower === 'besteffort')) {
    info.qosClass = lower;
    info.level = 'qos';
    return true;
  }
  if (lower.startsWith('pod') && (info.level === 'kubepods' || info.level === 'qos')) {
    if (info.level === 'kubepods') info.qosClass = 'guaranteed';
    info.podUid = normalisePodUid(lower.slice(3));
    info.level = 'pod';
    return true;
  }
  const id = normaliseContainerId(lower);
  if (id === null || info.level !== 'pod') return false;
  info.containerId = id;
  info.level = 'container';
  return true;
}

/** Reads the level afresh (readSegment changes it behind the compiler's narrowing). */
function levelOf(info: CgroupPathInfo): CgroupLevel {
  return info.level;
}

/** What a cgroup path says about its place in the Kubernetes tree. Never throws; unknown shapes are `other`. */
export function parseCgroupPath(rawPath: string): CgroupPathInfo {
  const cleaned = rawPath.replace(/\\/g, '/').trim();
  const segments = cleaned.split('/').filter((s) => s !== '' && s !== '.');
  const path = `/${segments.join('/')}`;
  const info: CgroupPathInfo = { path, kubePath: path, level: segments.length === 0 ? 'root' : 'other', driver: null, qosClass: null, podUid: null, containerId: null, runtime: null, conmon: false };
  const root = segments.findIndex(isKubeRoot);
  if (root < 0) {
    readPlainContainer(segments, info);
    return info;
  }
  info.kubePath = `/${segments.slice(root).join('/')}`;
  info.driver = segments[root] === 'kubepods.slice' ? 'systemd' : 'cgroupfs';
  info.level = 'kubepods';
  const below = segments.slice(root + 1);
  for (let i = 0; i < below.length; i++) {
    const segment = below[i] ?? '';
    // Below a container nothing more is read: a sub-cgroup of it is not a Kubernetes level.
    if (levelOf(info) === 'container') {
      info.level = 'other';
      break;
    }
    if (readSegment(segment, info, i + 1)) continue;
    // A slice not understood (seen in real logs: `kubepods-urstable.slice`) is skipped; anything else stops the walk.
    if (segment.endsWith('.slice') && levelOf(info) !== 'pod') continue;
    info.level = 'other';
    break;
  }
  return info;
}

/** Containers outside Kubernetes: `/docker/<id>`, `/system.slice/docker-<id>.scope`, `/machine.slice/libpod-<id>.scope`. */
function readPlainContainer(segments: string[], info: CgroupPathInfo): void {
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2] ?? '';
  const scope = /^(docker|cri-containerd|crio|libpod)-([0-9a-fA-F]{12,64})\.scope$/.exec(last);
  if (scope && scope[1] !== undefined && scope[2] !== undefined) {
    info.containerId = scope[2].toLowerCase();
    info.runtime = scope[1] === 'docker' ? 'docker' : scope[1] === 'crio' ? 'crio' : scope[1] === 'libpod' ? null : 'containerd';
    info.driver = 'systemd';
    info.level = 'container';
    return;
  }
  const id = normaliseContainerId(last);
  if (id !== null && id.length === 64 && (parent === 'docker' || parent === 'containerd' || parent === 'lxc')) {
    info.containerId = id;
    info.runtime = parent === 'docker' ? 'docker' : parent === 'containerd' ? 'containerd' : null;
    info.driver = 'cgroupfs';
    info.level = 'container';
  }
}

export interface BundleCgroupFile {
  /** The snapshot folder the file belongs to, with a trailing `/` ('' at the bundle root). */
  snapshotPrefix: string;
  /** The cgroup directory below the cgroup mount, `/`-rooted (`/kubepods/burstable/pod…/…`, `/` for the root cgroup). */
  cgroupDir: string;
  /** The kernel file name (`memory.stat`). */
  fileName: string;
}

/**
 * Where a bundle file sits in a cgroup tree: below a `cgroup/` folder (the lab and collector
 * layout, `cgroup/memory/` on v1 copies), below `sys/fs/cgroup[/memory]/`, or in a `kubepods…`
 * folder. null when the path shows no cgroup directory (a memory.stat alone).
 */
export function bundleCgroupFile(bundlePath: string): BundleCgroupFile | null {
  const segments = bundlePath.replace(/\\/g, '/').split('/').filter((s) => s !== '');
  const fileName = segments.pop();
  if (fileName === undefined) return null;
  let start = -1;
  let prefixEnd = -1;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'sys' && segments[i + 1] === 'fs' && segments[i + 2] === 'cgroup') {
      prefixEnd = i;
      start = i + 3;
      break;
    }
    if (segments[i] === 'cgroup') {
      prefixEnd = i;
      start = i + 1;
      break;
    }
  }
  if (start < 0) {
    const root = segments.findIndex(isKubeRoot);
    if (root < 0) return null;
    prefixEnd = root;
    start = root;
  }
  // A v1 copy keeps the controller folder (`cgroup/memory/kubepods/…`).
  if (segments[start] === 'memory' && segments.length > start + 1) start++;
  const prefix = segments.slice(0, prefixEnd).join('/');
  return { snapshotPrefix: prefix === '' ? '' : `${prefix}/`, cgroupDir: `/${segments.slice(start).join('/')}`, fileName };
}

export interface KubernetesNames {
  podName: string | null;
  podNamespace: string | null;
  podUid: string | null;
  containerName: string | null;
}

/** Names from runtime labels (`io.kubernetes.pod.name`, …; docker inspect `Config.Labels`, crictl `labels`). */
export function namesFromLabels(labels: Readonly<Record<string, unknown>> | null | undefined): KubernetesNames {
  const get = (key: string): string | null => {
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) return null;
    const v = labels[key];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  return {
    podName: get('io.kubernetes.pod.name'),
    podNamespace: get('io.kubernetes.pod.namespace'),
    podUid: normalisePodUid(get('io.kubernetes.pod.uid')),
    containerName: get('io.kubernetes.container.name'),
  };
}

/** dockershim container names: `k8s_<container>_<pod>_<namespace>_<pod uid>_<attempt>` (`POD` is the sandbox). */
export function namesFromDockerName(name: string | null | undefined): (KubernetesNames & { attempt: number | null }) | null {
  if (!name) return null;
  const parts = name.replace(/^\//, '').split('_');
  if (parts.length < 5 || parts[0] !== 'k8s') return null;
  const attempt = parts.length >= 6 && /^\d{1,9}$/.test(parts[5] ?? '') ? Number(parts[5]) : null;
  return { containerName: parts[1] ?? null, podName: parts[2] ?? null, podNamespace: parts[3] ?? null, podUid: normalisePodUid(parts[4]), attempt };
}
