// `crictl inspect <container>` and `crictl inspectp <pod>` (containerd, CRI-O): a `status` object
// (CRI view: state, exitCode, reason, labels, annotations) and an `info` object (runtime view: pid,
// the OCI runtimeSpec with linux.resources.memory.limit and cgroupsPath). Sample:
//   {"status": {"id": "0f8c4554…", "metadata": {"name": "nginx-sandbox", "uid": "hdishd83…", "namespace": "default"},
//               "state": "SANDBOX_READY", …},
//    "info": {"pid": 9475, "runtimeSpec": {"linux": {"resources": {"memory": {"limit": 268435456}}}, …}}}
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { at, entries, isArray, isObject, items, member, stringRecord, text, type TreeNode, type TreeObject } from '../text/tree';
import { FieldReader } from '../text/tree-fields';
import { jvmSettings, memoryEnv, type EnvVar } from '../application/jvm-flags';
import { applyKubernetesIdentity, emptyInspect, tmpfsSize, volumeOfPath, type ContainerInspect, type ContainerInspectData, type ContainerMount } from './container-inspect-data';

function nonEmpty(t: string | null): string | null {
  return t === null || t === '' ? null : t;
}

/** CRI times are RFC 3339 or nanoseconds since the epoch; 0 means "not yet". */
function criTime(t: string | null): string | null {
  if (t === null || t === '' || t === '0' || t.startsWith('1970-01-01T00:00:00') || t.startsWith('0001-01-01')) return null;
  return t;
}

function isSpec(node: TreeNode | undefined): boolean {
  return isObject(node) && node.entries.some((e) => e.key === 'linux' || e.key === 'process' || e.key === 'ociVersion' || e.key === 'mounts');
}

function looksLikeCri(node: TreeNode): node is TreeObject {
  if (!isObject(node)) return false;
  if (isObject(member(node, 'info')) || isObject(member(node, 'status'))) return true;
  return isSpec(node) || node.entries.some((e) => e.key.startsWith('io.kubernetes.'));
}

function mountsOf(spec: TreeNode | undefined, status: TreeNode | undefined): ContainerMount[] {
  const out: ContainerMount[] = [];
  for (const m of items(member(spec, 'mounts'))) {
    if (!isObject(m)) continue;
    const type = nonEmpty(text(member(m, 'type')));
    const source = nonEmpty(text(member(m, 'source')));
    const options = items(member(m, 'options')).map(text).filter((o): o is string => o !== null);
    const volume = volumeOfPath(source);
    out.push({ type, source, destination: nonEmpty(text(member(m, 'destination'))), tmpfs: type === 'tmpfs', sizeBytes: tmpfsSize(options), volumeName: volume?.name ?? null, volumePlugin: volume?.plugin ?? null, options, line: m.line });
  }
  for (const m of items(member(status, 'mounts'))) {
    if (!isObject(m)) continue;
    const destination = nonEmpty(text(member(m, 'containerPath')));
    if (destination !== null && out.some((o) => o.destination === destination)) continue;
    const source = nonEmpty(text(member(m, 'hostPath')));
    const volume = volumeOfPath(source);
    out.push({ type: null, source, destination, tmpfs: false, sizeBytes: null, volumeName: volume?.name ?? null, volumePlugin: volume?.plugin ?? null, options: [], line: m.line });
  }
  return out;
}

function criContainer(obj: TreeObject, f: FieldReader): ContainerInspect {
  const status = member(obj, 'status');
  const info = member(obj, 'info');
  const fragmentRoot = !isObject(status) && !isObject(info);
  const spec = member(info, 'runtimeSpec') ?? (fragmentRoot && isSpec(obj) ? obj : undefined);
  const c = emptyInspect('cri', obj.line);
  const lines = c.lines;
  const note = (key: string, node: TreeNode | undefined): void => {
    if (node) lines[key] = node.line;
  };
  // Annotations: the OCI spec's, the CRI status', and (in a fragment) io.kubernetes.* keys at the root.
  // Prototype-free records: a key named __proto__ stays a key.
  const annotations = Object.assign(Object.create(null) as Record<string, string>, stringRecord(member(spec, 'annotations')), stringRecord(member(status, 'annotations')));
  if (fragmentRoot) for (const e of entries(obj)) if (e.key.startsWith('io.kubernetes.') && text(e.value) !== null) annotations[e.key] = text(e.value) ?? '';
  const labels = Object.assign(Object.create(null) as Record<string, string>, stringRecord(member(status, 'labels')));
  // CRI-O keeps the CRI labels as a JSON string annotation.
  const crioLabels = annotations['io.kubernetes.cri-o.Labels'];
  if (crioLabels !== undefined) {
    const parsed = readJsonLenient(crioLabels).values[0];
    for (const [k, v] of Object.entries(stringRecord(parsed))) if (!Object.prototype.hasOwnProperty.call(labels, k)) labels[k] = v;
  }
  c.labels = { ...labels };

  c.id = nonEmpty(text(member(status, 'id')));
  note('id', member(status, 'id'));
  const metadata = member(status, 'metadata');
  const state = nonEmpty(text(member(status, 'state')));
  const containerType = annotations['io.kubernetes.cri.container-type'] ?? annotations['io.kubernetes.cri-o.ContainerType'];
  c.kind = state?.startsWith('SANDBOX_') || containerType === 'sandbox' ? 'sandbox' : 'container';
  c.name = nonEmpty(text(member(metadata, 'name'))) ?? nonEmpty(annotations['io.kubernetes.cri-o.Name'] ?? null);
  c.attempt = f.count(member(metadata, 'attempt'), 'status.metadata.attempt');
  c.image = nonEmpty(text(at(status, 'image', 'image'))) ?? nonEmpty(text(member(status, 'imageRef')));
  c.pid = f.count(member(info, 'pid'), 'info.pid');
  if (c.pid === 0) c.pid = null;
  note('pid', member(info, 'pid'));
  c.status = state;
  c.running = state === null ? null : state === 'CONTAINER_RUNNING' || state === 'SANDBOX_READY';
  const reason = nonEmpty(text(member(status, 'reason')));
  c.reason = reason;
  if (member(status, 'reason') !== undefined) c.oomKilled = reason === 'OOMKilled';
  note('oomKilled', member(status, 'reason'));
  c.exitCode = f.int(member(status, 'exitCode'), 'status.exitCode');
  note('exitCode', member(status, 'exitCode'));
  c.startedAt = criTime(text(member(status, 'startedAt')));
  c.finishedAt = criTime(text(member(status, 'finishedAt')));
  note('finishedAt', member(status, 'finishedAt'));

  const memory = at(spec, 'linux', 'resources', 'memory');
  const limitNode = member(memory, 'limit') ?? at(status, 'resources', 'linux', 'memoryLimitInBytes') ?? at(info, 'config', 'linux', 'resources', 'memory_limit_in_bytes');
  const limit = f.int(limitNode, 'linux.resources.memory.limit');
  note('memoryLimitBytes', limitNode);
  // The OCI spec leaves the limit out (or writes 0 / -1) when there is none.
  if (limit !== null) {
    c.memoryLimitUnlimited = limit <= 0;
    c.memoryLimitBytes = limit > 0 ? limit : null;
  }
  const swap = f.int(member(memory, 'swap'), 'linux.resources.memory.swap');
  c.memorySwapLimitBytes = swap !== null && swap > 0 ? swap : null;
  const reservation = f.int(member(memory, 'reservation'), 'linux.resources.memory.reservation');
  c.memoryReservationBytes = reservation !== null && reservation > 0 ? reservation : null;
  c.oomScoreAdj = f.int(at(spec, 'process', 'oomScoreAdj'), 'process.oomScoreAdj');
  c.cgroupsPath = nonEmpty(text(at(spec, 'linux', 'cgroupsPath')));
  c.cgroupParent = nonEmpty(text(at(info, 'config', 'linux', 'cgroup_parent')));
  c.mounts = mountsOf(spec, status);
  for (const m of c.mounts) if (m.destination === '/dev/shm' && m.tmpfs && m.sizeBytes !== null) c.shmSizeBytes = m.sizeBytes;

  c.args = items(at(spec, 'process', 'args')).map(text).filter((a): a is string => a !== null);
  const env: string[] = items(at(spec, 'process', 'env')).map(text).filter((e): e is string => e !== null);
  const configEnv: EnvVar[] = items(at(info, 'config', 'envs'))
    .filter(isObject)
    .map((e) => ({ name: text(member(e, 'key')) ?? '', value: text(member(e, 'value')) ?? '' }))
    .filter((e) => e.name !== '');
  c.envCount = env.length > 0 ? env.length : configEnv.length;
  c.memoryEnv = env.length > 0 ? memoryEnv(env) : memoryEnv(configEnv);
  c.jvm = jvmSettings(c.args, c.memoryEnv);

  applyKubernetesIdentity(c, { ...annotations, ...labels }, annotations['io.kubernetes.cri-o.Name'] ?? null);
  const restart = annotations['io.kubernetes.container.restartCount'];
  if (restart !== undefined && /^\d{1,9}$/.test(restart)) c.restartCount = Number(restart);
  if (c.kind === 'sandbox') {
    // inspectp: the sandbox metadata is the pod's identity.
    c.podName ??= nonEmpty(text(member(metadata, 'name')));
    c.podUid ??= nonEmpty(text(member(metadata, 'uid')));
    c.podNamespace ??= nonEmpty(text(member(metadata, 'namespace')));
  } else c.containerName ??= nonEmpty(text(member(metadata, 'name')));
  return c;
}

export function parseCrictlInspect(source: string, _ctx: ParseContext): ParseResult<ContainerInspectData> {
  const read = readJsonLenient(source);
  const f = new FieldReader();
  const containers: ContainerInspect[] = [];
  for (const value of read.values) {
    const candidates = isArray(value) ? value.items : [value];
    for (const node of candidates) if (looksLikeCri(node)) containers.push(criContainer(node, f));
  }
  const warnings = [...jsonReadWarnings(read), ...f.warnings()];
  if (containers.length === 0) {
    return { status: 'unusable', warnings: [warning('not-crictl-inspect', 'No crictl inspect object (with "status", "info" or a runtimeSpec) found.'), ...warnings] };
  }
  if (read.fragment) warnings.push(warning('fragment', 'Only part of the document is present (it starts inside an object); missing fields are left empty.', 1));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { containers }, warnings };
}

export function detectCrictlInspect(head: string): number {
  if (/"runtimeSpec"\s*:\s*\{/.test(head)) return 0.92;
  if (/"(CONTAINER|SANDBOX)_(RUNNING|EXITED|READY|NOTREADY|CREATED|UNKNOWN)"/.test(head)) return 0.88;
  if (/"info"\s*:\s*\{/.test(head) && /"status"\s*:\s*\{/.test(head) && /"(pid|sandboxID|snapshotKey)"\s*:/.test(head)) return 0.85;
  if (/"io\.kubernetes\.cri(-o)?\.[A-Za-z-]+"\s*:/.test(head)) return 0.8;
  if (/"linux"\s*:\s*\{/.test(head) && /"resources"\s*:\s*\{/.test(head) && /"(cgroupsPath|ociVersion|devices)"\s*:/.test(head)) return 0.65;
  return 0;
}

export const crictlInspectFormat: FormatDefinition<ContainerInspectData> = {
  id: 'crictl-inspect',
  area: 'runtime',
  detect: (head) => detectCrictlInspect(head),
  parse: parseCrictlInspect,
};
