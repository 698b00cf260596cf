// `docker inspect <id>…`: a JSON array of containers (or a bare object, or `grep`-ed lines of one).
// Sample:
//   [{"Id": "97d7cd1a5d8f…", "Name": "/hehe2", "RestartCount": 0,
//     "State": {"Status": "running", "OOMKilled": false, "Pid": 15096, "ExitCode": 0, …},
//     "HostConfig": {"Memory": 0, "MemorySwap": 0, "ShmSize": 67108864, "CgroupParent": "", …}, …}]
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { splitLines } from '../text/lines';
import { at, bool, entries, isArray, isObject, items, member, stringRecord, text, type TreeNode, type TreeObject } from '../text/tree';
import { FieldReader } from '../text/tree-fields';
import { jvmSettings, memoryEnv } from '../application/jvm-flags';
import { applyKubernetesIdentity, emptyInspect, tmpfsSize, volumeOfPath, type ContainerInspect, type ContainerInspectData, type ContainerMount } from './container-inspect-data';

// A container has State/HostConfig (a `grep`-ed paste may keep only Pid or OOMKilled); an image has neither.
const DOCKER_KEYS = ['State', 'HostConfig', 'OOMKilled', 'Pid', 'RestartCount'];

function looksLikeDocker(node: TreeNode): node is TreeObject {
  return isObject(node) && node.entries.some((e) => DOCKER_KEYS.includes(e.key));
}

function nonEmpty(t: string | null): string | null {
  return t === null || t === '' ? null : t;
}

/** Docker writes 0001-01-01T00:00:00Z for "never". */
function dockerTime(t: string | null): string | null {
  return t === null || t === '' || t.startsWith('0001-01-01') ? null : t;
}

function mountsOf(obj: TreeObject, f: FieldReader): ContainerMount[] {
  const out: ContainerMount[] = [];
  for (const m of items(member(obj, 'Mounts'))) {
    if (!isObject(m)) continue;
    const type = nonEmpty(text(member(m, 'Type')));
    const source = nonEmpty(text(member(m, 'Source')));
    const options = (text(member(m, 'Mode')) ?? '').split(',').filter((o) => o !== '');
    const volume = volumeOfPath(source);
    out.push({
      type,
      source,
      destination: nonEmpty(text(member(m, 'Destination'))),
      tmpfs: type === 'tmpfs',
      sizeBytes: f.count(at(m, 'TmpfsOptions', 'SizeBytes'), 'Mounts.TmpfsOptions.SizeBytes') ?? tmpfsSize(options),
      volumeName: volume?.name ?? null,
      volumePlugin: volume?.plugin ?? null,
      options,
      line: m.line,
    });
  }
  // `--tmpfs /run:size=64m` shows only in HostConfig.Tmpfs.
  for (const e of entries(at(obj, 'HostConfig', 'Tmpfs'))) {
    if (out.some((m) => m.destination === e.key)) continue;
    const options = (text(e.value) ?? '').split(',').filter((o) => o !== '');
    out.push({ type: 'tmpfs', source: null, destination: e.key, tmpfs: true, sizeBytes: tmpfsSize(options), volumeName: null, volumePlugin: null, options, line: e.line });
  }
  return out;
}

function dockerContainer(obj: TreeObject, f: FieldReader): ContainerInspect {
  const c = emptyInspect('docker', obj.line);
  const state = isObject(member(obj, 'State')) ? member(obj, 'State') : obj;
  const host = member(obj, 'HostConfig');
  const lines = c.lines;
  const note = (key: string, node: TreeNode | undefined): void => {
    if (node) lines[key] = node.line;
  };
  c.id = nonEmpty(text(member(obj, 'Id')));
  note('id', member(obj, 'Id'));
  c.name = nonEmpty(text(member(obj, 'Name'))?.replace(/^\//, '') ?? null);
  c.image = nonEmpty(text(at(obj, 'Config', 'Image'))) ?? nonEmpty(text(member(obj, 'Image')));
  const pid = f.count(member(state, 'Pid'), 'State.Pid');
  // Docker writes Pid 0 for a container without a process: that is no PID.
  c.pid = pid === 0 ? null : pid;
  note('pid', member(state, 'Pid'));
  c.status = nonEmpty(text(member(state, 'Status')));
  c.running = bool(member(state, 'Running'));
  c.oomKilled = bool(member(state, 'OOMKilled'));
  note('oomKilled', member(state, 'OOMKilled'));
  c.exitCode = f.int(member(state, 'ExitCode'), 'State.ExitCode');
  note('exitCode', member(state, 'ExitCode'));
  c.reason = nonEmpty(text(member(state, 'Error')));
  c.startedAt = dockerTime(text(member(state, 'StartedAt')));
  c.finishedAt = dockerTime(text(member(state, 'FinishedAt')));
  note('finishedAt', member(state, 'FinishedAt'));
  c.restartCount = f.count(member(obj, 'RestartCount'), 'RestartCount');
  note('restartCount', member(obj, 'RestartCount'));
  const memory = f.int(member(host, 'Memory'), 'HostConfig.Memory');
  note('memoryLimitBytes', member(host, 'Memory'));
  // Memory 0 means no limit (docker run without -m).
  if (memory !== null) {
    c.memoryLimitUnlimited = memory <= 0;
    c.memoryLimitBytes = memory > 0 ? memory : null;
  }
  const swap = f.int(member(host, 'MemorySwap'), 'HostConfig.MemorySwap');
  c.memorySwapLimitBytes = swap !== null && swap > 0 ? swap : null;
  const reservation = f.int(member(host, 'MemoryReservation'), 'HostConfig.MemoryReservation');
  c.memoryReservationBytes = reservation !== null && reservation > 0 ? reservation : null;
  c.shmSizeBytes = f.count(member(host, 'ShmSize'), 'HostConfig.ShmSize');
  c.oomKillDisable = bool(member(host, 'OomKillDisable'));
  c.oomScoreAdj = f.int(member(host, 'OomScoreAdj'), 'HostConfig.OomScoreAdj');
  c.cgroupParent = nonEmpty(text(member(host, 'CgroupParent')));
  c.mounts = mountsOf(obj, f);
  const path = nonEmpty(text(member(obj, 'Path')));
  const args = items(member(obj, 'Args')).map(text).filter((a): a is string => a !== null);
  c.args = path !== null ? [path, ...args] : args;
  const env = items(at(obj, 'Config', 'Env')).map(text).filter((e): e is string => e !== null);
  c.envCount = env.length;
  c.memoryEnv = memoryEnv(env);
  c.jvm = jvmSettings(c.args, c.memoryEnv);
  c.labels = stringRecord(at(obj, 'Config', 'Labels'));
  applyKubernetesIdentity(c, c.labels, c.name);
  return c;
}

// `docker inspect 45c3345632cb |grep -i pid`: the id is only on the command line.
const INSPECT_COMMAND = /\bdocker\s+(?:container\s+)?inspect\s+(?:-\S*\s+)*([0-9a-f]{12,64})\b/;

export function parseDockerInspect(source: string, _ctx: ParseContext): ParseResult<ContainerInspectData> {
  const read = readJsonLenient(source);
  const f = new FieldReader();
  const containers: ContainerInspect[] = [];
  for (const value of read.values) {
    const candidates = isArray(value) ? value.items : [value];
    for (const node of candidates) if (looksLikeDocker(node)) containers.push(dockerContainer(node, f));
  }
  const warnings = [...jsonReadWarnings(read), ...f.warnings()];
  if (containers.length === 0) {
    return { status: 'unusable', warnings: [warning('not-docker-inspect', 'No docker inspect object (with State, HostConfig or Config) found.'), ...warnings] };
  }
  if (containers.length === 1 && containers[0] && containers[0].id === null && read.junkLines.length > 0) {
    const all = splitLines(source);
    for (const n of read.junkLines.slice(0, 20)) {
      const m = INSPECT_COMMAND.exec((all[n - 1] ?? '').slice(0, 500));
      if (m?.[1]) {
        containers[0].id = m[1];
        containers[0].lines['id'] = n;
        break;
      }
    }
  }
  if (read.fragment) warnings.push(warning('fragment', 'Only part of the document is present (it starts inside an object); missing fields are left empty.', 1));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { containers }, warnings };
}

export function detectDockerInspect(head: string): number {
  const state = /"State"\s*:\s*\{/.test(head);
  const host = /"HostConfig"\s*:\s*\{/.test(head);
  if (state && (host || /"GraphDriver"\s*:/.test(head) || /"OOMKilled"\s*:/.test(head))) return 0.95;
  if (host || /"OOMKilled"\s*:/.test(head)) return 0.85;
  if (/"Pid"\s*:\s*\d/.test(head) && /"(PidMode|PidsLimit)"\s*:/.test(head)) return 0.7;
  return 0;
}

export const dockerInspectFormat: FormatDefinition<ContainerInspectData> = {
  id: 'docker-inspect',
  area: 'runtime',
  detect: (head) => detectDockerInspect(head),
  parse: parseDockerInspect,
};
