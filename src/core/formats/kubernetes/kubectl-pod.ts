// `kubectl get pod <name> -o json|yaml` (a Pod, a List of pods, several YAML documents), and pasted
// fragments of it (a `lastState:` block, a `status:` tail, a `resources:` block). Sample:
//   status:
//     containerStatuses:
//     - lastState:
//         terminated: {exitCode: 137, reason: OOMKilled, finishedAt: "2017-06-20T20:52:19Z"}
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { readYamlLite, yamlReadWarnings } from '../text/yaml-lite';
import { headLines, splitLines } from '../text/lines';
import { at, bool, entries, hasMember, isObject, items, member, text, type TreeNode } from '../text/tree';
import { FieldReader } from '../text/tree-fields';
import { jvmSettings, memoryEnv, type EnvVar } from '../application/jvm-flags';
import { resourceListFromRecord, type QuantityIssue } from './kubectl-text';
import { isWrapperLine } from '../text/pasted';
import { parseMemoryQuantity } from '../../model/quantity';
import { emptyContainer, emptyPod, normaliseQos, type ContainerStateInfo, type PodContainer, type PodInfo, type PodVolume, type ResourceList } from './pod-model';

export interface KubectlPodData {
  pods: PodInfo[];
  /** The input was a fragment (no Pod object): only the fields present were filled. */
  fragment: boolean;
  /** `json` or `yaml`, as detected from the text. */
  syntax: 'json' | 'yaml';
}

function resources(node: TreeNode | undefined, issues: QuantityIssue[]): ResourceList | null {
  if (!isObject(node)) return null;
  const raw = Object.create(null) as Record<string, string>;
  const lines = new Map<string, number>();
  for (const e of node.entries) {
    const t = text(e.value);
    if (t !== null && !Object.prototype.hasOwnProperty.call(raw, e.key)) {
      raw[e.key] = t;
      lines.set(e.key, e.line);
    }
  }
  return resourceListFromRecord({ ...raw }, node.line, issues, (key) => lines.get(key) ?? node.line);
}

function stateOf(node: TreeNode | undefined, f: FieldReader): ContainerStateInfo | null {
  if (!isObject(node)) return null;
  const first = node.entries.find((e) => e.key === 'terminated' || e.key === 'waiting' || e.key === 'running');
  if (!first) return null;
  const s = first.value;
  return {
    state: first.key,
    reason: text(member(s, 'reason')),
    exitCode: f.int(member(s, 'exitCode'), `${first.key}.exitCode`),
    signal: f.int(member(s, 'signal'), `${first.key}.signal`),
    startedAt: text(member(s, 'startedAt')),
    finishedAt: text(member(s, 'finishedAt')),
    message: text(member(s, 'message')),
    line: first.line,
  };
}

function strings(node: TreeNode | undefined): string[] {
  return items(node)
    .map(text)
    .filter((t): t is string => t !== null);
}

function containerFromSpec(node: TreeNode, init: boolean, issues: QuantityIssue[]): PodContainer {
  const c = emptyContainer(node.line);
  c.name = text(member(node, 'name'));
  c.init = init;
  c.image = text(member(node, 'image'));
  c.requests = resources(at(node, 'resources', 'requests'), issues);
  c.limits = resources(at(node, 'resources', 'limits'), issues);
  c.command = strings(member(node, 'command'));
  c.args = strings(member(node, 'args'));
  const env: EnvVar[] = items(member(node, 'env'))
    .filter(isObject)
    .map((e) => ({ name: text(member(e, 'name')) ?? '', value: text(member(e, 'value')) ?? '' }))
    .filter((e) => e.name !== '');
  c.memoryEnv = memoryEnv(env);
  c.jvm = jvmSettings([...c.command, ...c.args], c.memoryEnv);
  c.volumeMounts = items(member(node, 'volumeMounts'))
    .filter(isObject)
    .map((m) => ({ name: text(member(m, 'name')), mountPath: text(member(m, 'mountPath')), readOnly: bool(member(m, 'readOnly')), line: m.line }));
  return c;
}

function applyStatus(c: PodContainer, node: TreeNode, f: FieldReader): void {
  c.containerId = text(member(node, 'containerID')) ?? c.containerId;
  c.restartCount = f.count(member(node, 'restartCount'), 'restartCount');
  c.ready = bool(member(node, 'ready'));
  c.state = stateOf(member(node, 'state'), f);
  c.lastState = stateOf(member(node, 'lastState'), f);
  c.image ??= text(member(node, 'image'));
}

function volumeOf(node: TreeNode, issues: QuantityIssue[]): PodVolume {
  const source = entries(node).find((e) => e.key !== 'name');
  const sizeNode = at(node, 'emptyDir', 'sizeLimit');
  const sizeLimitText = text(sizeNode);
  let sizeLimitBytes: number | null = null;
  if (sizeLimitText !== null) {
    const q = parseMemoryQuantity(sizeLimitText);
    if (q.ok) sizeLimitBytes = q.bytes;
    else issues.push({ line: sizeNode?.line ?? node.line, key: 'emptyDir.sizeLimit', value: sizeLimitText, reason: q.reason });
  }
  return {
    name: text(member(node, 'name')),
    type: source?.key ?? null,
    medium: text(at(node, 'emptyDir', 'medium')) || null,
    sizeLimitBytes,
    sizeLimitText,
    line: node.line,
  };
}

function podOf(metadata: TreeNode | undefined, spec: TreeNode | undefined, status: TreeNode | undefined, line: number, f: FieldReader, issues: QuantityIssue[]): PodInfo {
  const pod = emptyPod(line);
  pod.name = text(member(metadata, 'name'));
  pod.namespace = text(member(metadata, 'namespace'));
  pod.uid = text(member(metadata, 'uid'));
  pod.nodeName = text(member(spec, 'nodeName'));
  pod.phase = text(member(status, 'phase'));
  pod.reason = text(member(status, 'reason'));
  pod.message = text(member(status, 'message'));
  pod.qosClass = normaliseQos(text(member(status, 'qosClass')));
  pod.startTime = text(member(status, 'startTime'));
  for (const [key, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    for (const c of items(member(spec, key))) if (isObject(c)) pod.containers.push(containerFromSpec(c, init, issues));
  }
  for (const [key, init] of [
    ['initContainerStatuses', true],
    ['containerStatuses', false],
    ['ephemeralContainerStatuses', false],
  ] as const) {
    for (const s of items(member(status, key))) {
      if (!isObject(s)) continue;
      const name = text(member(s, 'name'));
      let c = pod.containers.find((x) => x.name === name && x.init === init);
      if (!c) {
        c = emptyContainer(s.line);
        c.name = name;
        c.init = init;
        pod.containers.push(c);
      }
      applyStatus(c, s, f);
    }
  }
  pod.volumes = items(member(spec, 'volumes'))
    .filter(isObject)
    .map((v) => volumeOf(v, issues));
  return pod;
}

const STATUS_KEYS = ['containerStatuses', 'initContainerStatuses', 'qosClass', 'phase', 'podIP', 'hostIP', 'startTime'];
const CONTAINER_STATUS_KEYS = ['lastState', 'state', 'restartCount', 'containerID'];

/** A pasted piece of a pod: which part of the pod its top keys belong to. */
function podFromFragment(root: TreeNode, f: FieldReader, issues: QuantityIssue[]): PodInfo | null {
  if (!isObject(root)) return null;
  if (hasMember(root, 'spec') || hasMember(root, 'status') || hasMember(root, 'metadata')) return podOf(member(root, 'metadata'), member(root, 'spec'), member(root, 'status'), root.line, f, issues);
  if (hasMember(root, 'containers') || hasMember(root, 'volumes')) return podOf(undefined, root, undefined, root.line, f, issues);
  if (STATUS_KEYS.some((k) => hasMember(root, k))) return podOf(undefined, undefined, root, root.line, f, issues);
  if (CONTAINER_STATUS_KEYS.some((k) => hasMember(root, k)) || hasMember(root, 'resources')) {
    const pod = emptyPod(root.line);
    const c = containerFromSpec(root, false, issues);
    if (CONTAINER_STATUS_KEYS.some((k) => hasMember(root, k))) applyStatus(c, root, f);
    pod.containers.push(c);
    return pod;
  }
  return null;
}

function podsOf(values: readonly TreeNode[], f: FieldReader, issues: QuantityIssue[]): { pods: PodInfo[]; fragment: boolean } {
  const pods: PodInfo[] = [];
  let fragment = false;
  for (const value of values) {
    if (!isObject(value)) continue;
    const kind = text(member(value, 'kind'));
    if (kind === 'List' || kind === 'PodList' || (kind === null && isObject(items(member(value, 'items'))[0]))) {
      for (const item of items(member(value, 'items'))) {
        if (isObject(item) && (text(member(item, 'kind')) ?? 'Pod') === 'Pod') pods.push(podOf(member(item, 'metadata'), member(item, 'spec'), member(item, 'status'), item.line, f, issues));
      }
    } else if (kind === 'Pod') {
      pods.push(podOf(member(value, 'metadata'), member(value, 'spec'), member(value, 'status'), value.line, f, issues));
    } else if (kind === null) {
      const pod = podFromFragment(value, f, issues);
      if (pod) {
        pods.push(pod);
        if (!hasMember(value, 'metadata')) fragment = true;
      }
    }
  }
  return { pods, fragment };
}

/**
 * JSON when the first line of content opens a JSON document; a one-line JSON object followed by
 * non-JSON lines is a tool wrapper's header, not the document. (Deciding by what a JSON reader finds
 * would be wrong: YAML pods carry their last-applied JSON in an annotation.)
 */
function syntaxOf(source: string): KubectlPodData['syntax'] {
  const lines = splitLines(source.length > 200_000 ? source.slice(0, 200_000) : source);
  for (let k = 0; k < lines.length; k++) {
    const t = (lines[k] ?? '').trim();
    if (t === '' || t === 'stdout:' || t === 'stderr:' || t.startsWith('#') || (isWrapperLine(t) && !t.startsWith('{'))) continue;
    if (!t.startsWith('{') && !t.startsWith('[')) return 'yaml';
    if (t.startsWith('{"') && t.endsWith('}')) {
      const next = lines.slice(k + 1).find((l) => l.trim() !== '' && l.trim() !== 'stdout:' && l.trim() !== 'stderr:');
      if (next !== undefined && !/^\s*[[{"]/.test(next)) continue;
    }
    return 'json';
  }
  return 'yaml';
}

export function parseKubectlPod(source: string, _ctx: ParseContext): ParseResult<KubectlPodData> {
  let syntax = syntaxOf(source);
  let f = new FieldReader();
  let issues: QuantityIssue[] = [];
  let found: { pods: PodInfo[]; fragment: boolean } = { pods: [], fragment: false };
  let readWarnings: ParseWarning[] = [];
  if (syntax === 'json') {
    const json = readJsonLenient(source);
    found = podsOf(json.values, f, issues);
    readWarnings = jsonReadWarnings(json);
  }
  if (found.pods.length === 0) {
    // Blank the decoration lines first (a prompt or `stdout:` would be read as a YAML key).
    const cleaned = splitLines(source)
      .map((l) => (isWrapperLine(l) ? '' : l))
      .join('\n');
    const yaml = readYamlLite(cleaned);
    f = new FieldReader();
    issues = [];
    found = podsOf(yaml.values, f, issues);
    syntax = 'yaml';
    readWarnings = yamlReadWarnings(yaml);
  }
  const { pods, fragment } = found;
  const warnings: ParseWarning[] = [...readWarnings, ...f.warnings()];
  for (const i of issues.slice(0, 20)) warnings.push(warning('quantity-invalid', `"${i.value}" in "${i.key}" is not a Kubernetes quantity (${i.reason}); left out.`, i.line, { key: i.key, value: i.value, reason: i.reason }));
  if (pods.length === 0) return { status: 'unusable', warnings: [warning('not-kubectl-pod', 'No Pod (kind: Pod, a List of pods, or a piece of a pod\'s spec/status) found.')] };
  if (fragment) warnings.push(warning('fragment', 'Only part of the pod is present; missing fields are left empty.', pods[0]?.line));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { pods, fragment, syntax }, warnings };
}

const FRAGMENT_KEYS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'status',
  'lastState',
  'terminated',
  'exitCode',
  'finishedAt',
  'startedAt',
  'restartCount',
  'containerStatuses',
  'containerID',
  'qosClass',
  'podIP',
  'podIPs',
  'hostIP',
  'phase',
  'resources',
  'requests',
  'limits',
  'emptyDir',
  'sizeLimit',
  'volumeMounts',
  'mountPath',
  'imagePullPolicy',
  'nodeName',
  'startTime',
]);

export function detectKubectlPod(head: string): number {
  if (/"kind"\s*:\s*"Pod"/.test(head) && /"(spec|status|metadata)"\s*:/.test(head)) return 0.95;
  if (/"kind"\s*:\s*"(List|PodList)"/.test(head) && /"kind"\s*:\s*"Pod"/.test(head)) return 0.95;
  if (/^kind:\s*Pod\s*$/m.test(head)) return 0.95;
  if (/^kind:\s*List\s*$/m.test(head) && /^[^\S\n\r\u2028\u2029]*kind:\s*Pod\s*$/m.test(head)) return 0.9;
  if (/"(containerStatuses|lastState|qosClass)"\s*:/.test(head) && /"(restartCount|exitCode|phase)"\s*:/.test(head)) return 0.75;
  const seen = new Set<string>();
  let yamlLines = 0;
  let otherLines = 0;
  for (const line of headLines(head, 300)) {
    const t = line.trim();
    if (t === '' || isWrapperLine(t)) continue;
    const m = /^(?:- )?([A-Za-z][A-Za-z0-9]*):(?: |$)/.exec(t);
    if (m?.[1] !== undefined) {
      yamlLines++;
      if (FRAGMENT_KEYS.has(m[1])) seen.add(m[1]);
    } else if (t.startsWith('- ') || /^['"]?[^:]*['"]\s*$/.test(t)) yamlLines++;
    else otherLines++;
  }
  if (seen.size >= 3 && yamlLines >= otherLines * 2) return Math.min(0.8, 0.5 + seen.size * 0.05);
  return 0;
}

export const kubectlPodFormat: FormatDefinition<KubectlPodData> = {
  id: 'kubectl-pod',
  area: 'kubernetes',
  detect: (head) => detectKubectlPod(head),
  parse: parseKubectlPod,
};
