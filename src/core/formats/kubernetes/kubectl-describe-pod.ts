// `kubectl describe pod <name>` (one or several pods), or a pasted container block of it. Sample:
//   Containers:
//     memory-eater:
//       Last State:     Terminated
//         Reason:       OOMKilled
//         Exit Code:    137
//       Restart Count:  6
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { jvmSettings, memoryEnv, type EnvVar } from '../application/jvm-flags';
import { child, quantityWarnings, readDescribe, readEvents, resourceListOf, value, type DescribeNode, type QuantityIssue } from './kubectl-text';
import { contentLines, type TextLine } from '../text/pasted';
import { emptyContainer, emptyPod, normaliseQos, type ContainerStateInfo, type PodContainer, type PodInfo, type PodVolume, type VolumeMount } from './pod-model';
import { parseMemoryQuantity } from '../../model/quantity';

export interface KubectlDescribePodData {
  pods: PodInfo[];
}

function intOf(t: string | null): number | null {
  return t !== null && /^-?\d{1,9}$/.test(t) ? Number(t) : null;
}

function stateOf(node: DescribeNode | undefined): ContainerStateInfo | null {
  if (!node || node.value === '') return null;
  return {
    state: node.value.split(' ')[0]?.toLowerCase() ?? null,
    reason: value(node, 'Reason'),
    exitCode: intOf(value(node, 'Exit Code')),
    signal: intOf(value(node, 'Signal')),
    startedAt: value(node, 'Started'),
    finishedAt: value(node, 'Finished'),
    message: value(node, 'Message'),
    line: node.line,
  };
}

function listOf(node: DescribeNode | undefined): string[] {
  if (!node) return [];
  const out = node.value !== '' && node.value !== '<none>' ? [node.value] : [];
  return [...out, ...node.text.map((t) => t.text.trim())];
}

// `/var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-2vlp9 (ro)`
const MOUNT = /^(\S+) from (\S+) \((r[ow])\b/;

function mountsOf(node: DescribeNode | undefined): VolumeMount[] {
  if (!node) return [];
  const out: VolumeMount[] = [];
  for (const t of node.text) {
    const m = MOUNT.exec(t.text.trim());
    if (m) out.push({ mountPath: m[1] ?? null, name: m[2] ?? null, readOnly: m[3] === 'ro', line: t.number });
  }
  return out;
}

function containerOf(node: DescribeNode, name: string | null, init: boolean, issues: QuantityIssue[]): PodContainer {
  const c = emptyContainer(node.line);
  c.name = name;
  c.init = init;
  c.containerId = value(node, 'Container ID');
  c.image = value(node, 'Image');
  c.state = stateOf(child(node, 'State'));
  c.lastState = stateOf(child(node, 'Last State'));
  const ready = value(node, 'Ready');
  c.ready = ready === 'True' ? true : ready === 'False' ? false : null;
  c.restartCount = intOf(value(node, 'Restart Count'));
  c.limits = resourceListOf(child(node, 'Limits'), issues);
  c.requests = resourceListOf(child(node, 'Requests'), issues);
  c.command = listOf(child(node, 'Command'));
  c.args = listOf(child(node, 'Args'));
  const env: EnvVar[] = (child(node, 'Environment')?.children ?? []).map((e) => ({ name: e.key, value: e.value }));
  c.memoryEnv = memoryEnv(env);
  c.jvm = jvmSettings([...c.command, ...c.args], c.memoryEnv);
  c.volumeMounts = mountsOf(child(node, 'Mounts'));
  return c;
}

function volumeOf(node: DescribeNode, issues: QuantityIssue[]): PodVolume {
  const typeText = value(node, 'Type');
  const word = typeText?.split(' ')[0] ?? null;
  const sizeLimitText = value(node, 'SizeLimit');
  let sizeLimitBytes: number | null = null;
  if (sizeLimitText !== null) {
    const q = parseMemoryQuantity(sizeLimitText);
    if (q.ok) sizeLimitBytes = q.bytes;
    else issues.push({ line: child(node, 'SizeLimit')?.line ?? node.line, key: 'SizeLimit', value: sizeLimitText, reason: q.reason });
  }
  return {
    name: node.key,
    // describe prints `EmptyDir (a temporary directory …)`: the spec's key is `emptyDir`.
    type: word ? word.charAt(0).toLowerCase() + word.slice(1) : null,
    medium: value(node, 'Medium'),
    sizeLimitBytes,
    sizeLimitText,
    line: node.line,
  };
}

const CONTAINER_KEYS = ['State', 'Last State', 'Restart Count', 'Limits', 'Requests', 'Container ID'];

function podOf(lines: readonly TextLine[], issues: QuantityIssue[]): PodInfo | null {
  const root = readDescribe(lines);
  const pod = emptyPod(root.children[0]?.line ?? root.line);
  pod.name = value(root, 'Name');
  pod.namespace = value(root, 'Namespace');
  pod.nodeName = value(root, 'Node')?.split('/')[0] ?? null;
  pod.phase = value(root, 'Status');
  pod.reason = value(root, 'Reason');
  pod.message = value(root, 'Message');
  pod.qosClass = normaliseQos(value(root, 'QoS Class'));
  pod.startTime = value(root, 'Start Time');
  for (const [section, init] of [
    ['Init Containers', true],
    ['Containers', false],
  ] as const) {
    for (const c of child(root, section)?.children ?? []) pod.containers.push(containerOf(c, c.key, init, issues));
  }
  if (pod.containers.length === 0 && root.children.some((c) => CONTAINER_KEYS.includes(c.key))) {
    // A pasted container block without its name.
    pod.containers.push(containerOf(root, null, false, issues));
  }
  pod.volumes = (child(root, 'Volumes')?.children ?? []).map((v) => volumeOf(v, issues));
  const events = child(root, 'Events');
  if (events) pod.events = readEvents(events.text).events;
  if (pod.name === null && pod.containers.length === 0 && pod.events.length === 0) return null;
  return pod;
}

export function parseKubectlDescribePod(source: string, _ctx: ParseContext): ParseResult<KubectlDescribePodData> {
  const { lines, wrapperLines } = contentLines(source);
  // `kubectl describe pods` prints one block per pod, each starting with `Name:` in column 0.
  const groups: TextLine[][] = [];
  let current: TextLine[] = [];
  for (const l of lines) {
    if (l.text.startsWith('Name:') && current.some((c) => c.text.startsWith('Name:'))) {
      groups.push(current);
      current = [];
    }
    current.push(l);
  }
  groups.push(current);
  const issues: QuantityIssue[] = [];
  const pods = groups.map((g) => podOf(g, issues)).filter((p): p is PodInfo => p !== null);
  const warnings: ParseWarning[] = quantityWarnings(issues);
  if (pods.length === 0) return { status: 'unusable', warnings: [warning('not-describe-pod', 'No pod or container block of `kubectl describe pod` found.'), ...warnings] };
  if (wrapperLines > 0) warnings.push(warning('wrapper-lines-skipped', `${wrapperLines} line(s) of decoration around the output (tool header, prompt, stdout:) were skipped.`, undefined, { count: wrapperLines }));
  const pod = pods[0];
  if (pods.length === 1 && pod && pod.name === null) warnings.push(warning('fragment', 'Only part of the output is present (no pod name); missing fields are left empty.', pod.line));
  return { status: warnings.some((w) => w.code !== 'wrapper-lines-skipped') ? 'partial' : 'parsed', value: { pods }, warnings };
}

export function detectKubectlDescribePod(head: string): number {
  let top = 0;
  let container = 0;
  let nodeOnly = 0;
  for (const line of headLines(head, 400)) {
    if (/^(Name|Namespace|Priority|Service Account|Node|Start Time|Controlled By|QoS Class|Node-Selectors):\s/.test(line) || /^(Init Containers|Containers|Volumes):$/.test(line)) top++;
    else if (/^\s+(State|Last State):\s+(Running|Waiting|Terminated)\b/.test(line) || /^\s+(Restart Count|Exit Code):\s+\d/.test(line) || /^\s+(Container ID|Image ID):\s/.test(line)) container++;
    else if (/^(Capacity|Allocatable|System Info|Non-terminated Pods|Allocated resources):/.test(line)) nodeOnly++;
  }
  if (nodeOnly > 0) return 0;
  if (top >= 3 && container >= 1) return 0.95;
  if (container >= 2) return 0.85;
  if (top >= 4) return 0.6;
  return 0;
}

export const kubectlDescribePodFormat: FormatDefinition<KubectlDescribePodData> = {
  id: 'kubectl-describe-pod',
  area: 'kubernetes',
  detect: (head) => detectKubectlDescribePod(head),
  parse: parseKubectlDescribePod,
};
