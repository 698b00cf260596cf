// The collector's `manifest.json` at the root of each snapshot folder: when and where the snapshot
// was taken, which pods/containers (with cgroup paths and PIDs) it covers, and the files it wrote.
// Two generations are read: the lab bundles' (`files` as a list of paths) and oomscope-collect.sh's
// (`schema: oomscope-bundle/1`, with `fileRoles`, `samples`, `missing`). Unknown keys are kept in
// `extra` so that a newer collector loses nothing. Sample:
//   { "scenario": "anon-oom", "snapshot": "during", "capturedAt": "2026-11-22T12:09:32.906Z",
//     "hostname": "vm", "kernel": "6.18.44-fc-v669", "cgroupVersion": 1, "cgroupRoot": "/oomlab",
//     "pods": [ { "uid": "1148d3cc-…", "containers": [ { "name": "orders", "pids": [20800] } ] } ], "files": [ "proc/meminfo" ] }
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { FILE_ROLES, fileRoleFromLayout, type ManifestFileRole } from './file-roles';
import { capWarnings } from '../proc/capped-warnings';

export interface ManifestContainer {
  name: string | null;
  id: string | null;
  cgroupPath: string | null;
  pids: number[];
  /** true for an init container; null when the manifest does not say. */
  init: boolean | null;
  /** The pause/sandbox container of the pod; null when the manifest does not say. */
  sandbox: boolean | null;
  runtime: string | null;
  extra: Record<string, unknown>;
}

export interface ManifestPod {
  uid: string | null;
  name: string | null;
  namespace: string | null;
  qosClass: string | null;
  cgroupPath: string | null;
  containers: ManifestContainer[];
  extra: Record<string, unknown>;
}

export interface ManifestFile {
  /** As listed, relative to the manifest's folder. */
  path: string;
  role: ManifestFileRole;
  /** `manifest` when the manifest named the role, `layout` when it was read from the path. */
  roleSource: 'manifest' | 'layout';
  /** The format id the collector expected, when it says (a hint: detection is by content). */
  formatHint: string | null;
  /** What was read on the host (`/sys/fs/cgroup/memory/…/memory.stat`, a command line). */
  source: string | null;
  /** The cgroup on the host for cgroup files (from the manifest, or cgroupRoot + the path below `cgroup/`). */
  cgroupPath: string | null;
  /** The PID for process files. */
  pid: number | null;
  /** The pod and container the file belongs to, matched by cgroup path, PID or container id; null when none. */
  podUid: string | null;
  containerName: string | null;
  containerId: string | null;
  /** When this file was read, when the collector recorded it per file. */
  capturedAt: string | null;
  note: string | null;
  extra: Record<string, unknown>;
}

export interface ManifestSampleRef {
  dir: string | null;
  index: number | null;
  capturedAt: string | null;
}

export interface ManifestData {
  /** `oomscope-bundle/1` for oomscope-collect.sh; null for the lab manifests. */
  schema: string | null;
  collector: string | null;
  collectorVersion: string | null;
  scenario: string | null;
  /** The snapshot's name (`before`, `sample-002`); null for a multi-sample bundle's top-level manifest. */
  snapshot: string | null;
  /** As written. */
  capturedAt: string | null;
  /** capturedAt normalised to ISO 8601 UTC; null when it is not a date with a time zone. */
  capturedAtIso: string | null;
  captureFinishedAt: string | null;
  hostname: string | null;
  /** The Kubernetes node name, when the collector knew it. */
  nodeName: string | null;
  kernel: string | null;
  cgroupVersion: 1 | 2 | null;
  /** `v1`, `v2`, `hybrid`; null when the manifest does not say. */
  cgroupMode: string | null;
  /** `systemd` or `cgroupfs`; null when the manifest does not say. */
  cgroupDriver: string | null;
  runtime: string | null;
  /** Where the files' cgroup paths are rooted (`/oomlab` in the lab, `/` for the collector). */
  cgroupRoot: string | null;
  /** This snapshot's place in a series (`--samples N`); null for a single capture. */
  sample: { index: number | null; count: number | null; intervalSeconds: number | null } | null;
  /** A multi-sample bundle's top-level manifest lists its sample folders. */
  samples: ManifestSampleRef[];
  pods: ManifestPod[];
  files: ManifestFile[];
  /** What the collector could not read, and why. */
  missing: { what: string | null; reason: string | null }[];
  /** Top-level keys this version does not model (targets, cgroups, processes, volumes, tools, …), as written. */
  extra: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const TOP_KEYS = new Set([
  'schema', 'collector', 'collectorVersion', 'scenario', 'snapshot', 'capturedAt', 'captureFinishedAt', 'hostname', 'nodeName', 'kernel',
  'cgroupVersion', 'cgroupMode', 'cgroupDriver', 'runtime', 'cgroupRoot', 'sample', 'samples', 'pods', 'files', 'fileRoles', 'missing',
]);
const POD_KEYS = new Set(['uid', 'name', 'namespace', 'qosClass', 'cgroupPath', 'containers']);
const CONTAINER_KEYS = new Set(['name', 'id', 'cgroupPath', 'pids', 'init', 'sandbox', 'runtime']);
const FILE_KEYS = new Set(['path', 'role', 'format', 'source', 'cgroupPath', 'pid', 'containerId', 'capturedAt', 'note']);

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Json, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

function int(o: Json, key: string): number | null {
  const v = o[key];
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}

function bool(o: Json, key: string): boolean | null {
  const v = o[key];
  return typeof v === 'boolean' ? v : null;
}

/** Keys of `o` outside `known`, copied without letting `__proto__` touch a prototype. */
function extraOf(o: Json, known: ReadonlySet<string>): Record<string, unknown> {
  const extra = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!known.has(key)) extra[key] = o[key];
  return { ...extra };
}

function objects(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

export function detectManifest(head: string, path: string): number {
  const t = head.trimStart();
  if (!t.startsWith('{')) return 0;
  const has = (key: string): boolean => t.includes(`"${key}"`);
  if (/"schema"[ \t]*:[ \t]*"oomscope-bundle\//.test(t.slice(0, 4096))) return 0.99;
  if (!has('capturedAt') || !(has('pods') || has('files'))) return 0;
  if (!(has('collector') || has('cgroupVersion') || has('hostname'))) return 0;
  return 0.95 + (/manifest\.json$/.test(path) ? 0.04 : 0);
}

function isoOf(text: string | null): string | null {
  if (text === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function readContainer(o: Json, warnings: ParseWarning[]): ManifestContainer {
  const pidsValue = o['pids'];
  const pids: number[] = [];
  if (Array.isArray(pidsValue)) {
    for (const p of pidsValue) {
      const n = typeof p === 'string' && /^\d{1,10}$/.test(p) ? Number(p) : p;
      if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) pids.push(n);
      else warnings.push(warning('manifest-bad-value', `A PID of container "${str(o, 'name') ?? '?'}" is not a number: ${String(JSON.stringify(p)).slice(0, 100)}.`, undefined, { key: 'pids' }));
    }
  }
  return {
    name: str(o, 'name'),
    id: str(o, 'id'),
    cgroupPath: str(o, 'cgroupPath'),
    pids,
    init: bool(o, 'init'),
    sandbox: bool(o, 'sandbox'),
    runtime: str(o, 'runtime'),
    extra: extraOf(o, CONTAINER_KEYS),
  };
}

function readPod(o: Json, warnings: ParseWarning[]): ManifestPod {
  return {
    uid: str(o, 'uid'),
    name: str(o, 'name'),
    namespace: str(o, 'namespace'),
    qosClass: str(o, 'qosClass'),
    cgroupPath: str(o, 'cgroupPath'),
    containers: objects(o['containers']).map((c) => readContainer(c, warnings)),
    extra: extraOf(o, POD_KEYS),
  };
}

function ownerOf(pods: ManifestPod[], cgroupPath: string | null, pid: number | null, containerId: string | null): Pick<ManifestFile, 'podUid' | 'containerName' | 'containerId'> {
  for (const pod of pods) {
    for (const c of pod.containers) {
      const byPath = cgroupPath !== null && c.cgroupPath === cgroupPath;
      const byPid = pid !== null && c.pids.includes(pid);
      const byId = containerId !== null && c.id === containerId;
      if (byPath || byPid || byId) return { podUid: pod.uid, containerName: c.name, containerId: c.id ?? containerId };
    }
    if (cgroupPath !== null && pod.cgroupPath === cgroupPath) return { podUid: pod.uid, containerName: null, containerId };
  }
  return { podUid: null, containerName: null, containerId };
}

function isRole(value: string | null): value is ManifestFileRole {
  return value !== null && (FILE_ROLES as readonly string[]).includes(value);
}

function readFiles(doc: Json, pods: ManifestPod[], cgroupRoot: string | null, warnings: ParseWarning[]): ManifestFile[] {
  // oomscope-collect.sh: `files` is the path list and `fileRoles` describes each; the lab: paths only.
  const described = new Map<string, Json>();
  for (const entry of objects(doc['fileRoles'])) {
    const path = str(entry, 'path');
    if (path !== null && !described.has(path)) described.set(path, entry);
  }
  const paths: string[] = [];
  const seen = new Set<string>();
  const listed = Array.isArray(doc['files']) ? doc['files'] : [];
  for (const entry of listed) {
    const path = typeof entry === 'string' ? entry : isObject(entry) ? str(entry, 'path') : null;
    if (path === null) {
      warnings.push(warning('manifest-bad-value', `A file entry has no path: ${String(JSON.stringify(entry)).slice(0, 200)}.`, undefined, { key: 'files' }));
      continue;
    }
    if (isObject(entry) && !described.has(path)) described.set(path, entry);
    if (!seen.has(path)) {
      seen.add(path);
      paths.push(path);
    }
  }
  for (const path of described.keys()) {
    if (!seen.has(path)) {
      seen.add(path);
      paths.push(path);
    }
  }
  return paths.map((path) => {
    const entry = described.get(path) ?? null;
    const layout = fileRoleFromLayout(path, cgroupRoot);
    const stated = entry ? str(entry, 'role') : null;
    // A role this version does not know stays in `extra.role`; the layout's role is used instead.
    const role = isRole(stated) ? stated : layout.role;
    const cgroupPath = (entry ? str(entry, 'cgroupPath') : null) ?? layout.cgroupPath;
    const pid = (entry ? int(entry, 'pid') : null) ?? layout.pid;
    const extra = entry ? extraOf(entry, FILE_KEYS) : {};
    if (stated !== null && !isRole(stated)) extra['role'] = stated;
    return {
      path,
      role,
      roleSource: isRole(stated) ? 'manifest' : 'layout',
      formatHint: entry ? str(entry, 'format') : null,
      source: entry ? str(entry, 'source') : null,
      cgroupPath,
      pid,
      ...ownerOf(pods, cgroupPath, pid, entry ? str(entry, 'containerId') : null),
      capturedAt: entry ? str(entry, 'capturedAt') : null,
      note: entry ? str(entry, 'note') : null,
      extra,
    };
  });
}

export function parseManifest(text: string, _ctx: ParseContext): ParseResult<ManifestData> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'unusable', warnings: [warning('manifest-invalid-json', `The manifest is not valid JSON: ${message}`, undefined, { reason: message })] };
  }
  if (!isObject(doc)) return { status: 'unusable', warnings: [warning('manifest-not-object', 'The manifest is not a JSON object.')] };
  const warnings: ParseWarning[] = [];
  const pods = objects(doc['pods']).map((p) => readPod(p, warnings));
  const cgroupRoot = str(doc, 'cgroupRoot');
  const version = doc['cgroupVersion'];
  const cgroupVersion = version === 1 || version === '1' ? 1 : version === 2 || version === '2' ? 2 : null;
  if (version !== undefined && version !== null && cgroupVersion === null) {
    warnings.push(warning('manifest-bad-value', `cgroupVersion ${String(JSON.stringify(version)).slice(0, 50)} is neither 1 nor 2.`, undefined, { key: 'cgroupVersion' }));
  }
  const capturedAt = str(doc, 'capturedAt');
  const capturedAtIso = isoOf(capturedAt);
  if (capturedAt === null) warnings.push(warning('missing-key', 'Key "capturedAt" is not present.', undefined, { key: 'capturedAt' }));
  else if (capturedAtIso === null) warnings.push(warning('manifest-bad-value', `capturedAt "${capturedAt.slice(0, 60)}" is not an ISO 8601 time with a zone.`, undefined, { key: 'capturedAt' }));
  const sample = isObject(doc['sample']) ? { index: int(doc['sample'], 'index'), count: int(doc['sample'], 'count'), intervalSeconds: int(doc['sample'], 'intervalSeconds') } : null;
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: {
      schema: str(doc, 'schema'),
      collector: str(doc, 'collector'),
      collectorVersion: str(doc, 'collectorVersion'),
      scenario: str(doc, 'scenario'),
      snapshot: str(doc, 'snapshot'),
      capturedAt,
      capturedAtIso,
      captureFinishedAt: str(doc, 'captureFinishedAt'),
      hostname: str(doc, 'hostname'),
      nodeName: str(doc, 'nodeName'),
      kernel: str(doc, 'kernel'),
      cgroupVersion,
      cgroupMode: str(doc, 'cgroupMode'),
      cgroupDriver: str(doc, 'cgroupDriver'),
      runtime: str(doc, 'runtime'),
      cgroupRoot,
      sample,
      samples: objects(doc['samples']).map((s) => ({ dir: str(s, 'dir'), index: int(s, 'index'), capturedAt: str(s, 'capturedAt') })),
      pods,
      files: readFiles(doc, pods, cgroupRoot, warnings),
      missing: objects(doc['missing']).map((m) => ({ what: str(m, 'what'), reason: str(m, 'reason') })),
      extra: extraOf(doc, TOP_KEYS),
    },
    warnings: capWarnings(warnings),
  };
}

export const manifestFormat: FormatDefinition<ManifestData> = {
  id: 'manifest',
  area: 'bundle',
  detect: detectManifest,
  parse: parseManifest,
};
