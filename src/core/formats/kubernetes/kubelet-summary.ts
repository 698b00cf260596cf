// kubelet `/stats/summary` (kubectl get --raw /api/v1/nodes/<node>/proxy/stats/summary, or
// curl 127.0.0.1:10255/stats/summary). Old (1.6: no pod-level memory) and new (1.29: swap blocks)
// shapes; pasted copies with comments after values or `...` where pods were cut. Sample:
//   {"node": {"nodeName": "gke-beats-…", "memory": {"availableBytes": 1768316928, "workingSetBytes": 2111090688, …}},
//    "pods": [{"podRef": {"name": "nginx-…", "namespace": "default", "uid": "beabc196-…"},
//              "containers": [{"name": "nginx", "memory": {"usageBytes": 1462272, …}}], "volume": [{"usedBytes": 12288, "name": "…"}]}]}
import type { FormatDefinition, ParseContext, ParseResult } from '../format';
import { warning } from '../format';
import { jsonReadWarnings, readJsonLenient } from '../text/lenient-json';
import { at, isArray, isObject, items, member, text, walk, type TreeNode } from '../text/tree';
import { FieldReader } from '../text/tree-fields';

export interface KubeletMemoryStats {
  /** The sample time the kubelet gives (RFC 3339), as written. */
  time: string | null;
  /** limit − workingSet as the kubelet computes it; absent when there is no limit. */
  availableBytes: number | null;
  usageBytes: number | null;
  workingSetBytes: number | null;
  rssBytes: number | null;
  pageFaults: number | null;
  majorPageFaults: number | null;
  /** From the sibling `swap` block (kubelet 1.28+). */
  swapUsageBytes: number | null;
  swapAvailableBytes: number | null;
  /** Line of the `memory` block (or of `swap` when only that is present). */
  line: number;
}

export interface KubeletContainerStats {
  name: string | null;
  startTime: string | null;
  memory: KubeletMemoryStats | null;
  rootfsUsedBytes: number | null;
  logsUsedBytes: number | null;
  line: number;
}

/** A pod volume as the kubelet measures it; a memory-backed emptyDir is tmpfs, charged to the pod. */
export interface KubeletVolumeStats {
  name: string | null;
  usedBytes: number | null;
  capacityBytes: number | null;
  availableBytes: number | null;
  line: number;
}

export interface KubeletPodStats {
  name: string | null;
  namespace: string | null;
  uid: string | null;
  startTime: string | null;
  /** Pod cgroup memory; null on old kubelets (1.6) that report containers only. */
  memory: KubeletMemoryStats | null;
  containers: KubeletContainerStats[];
  volumes: KubeletVolumeStats[];
  ephemeralStorageUsedBytes: number | null;
  line: number;
}

export interface KubeletNodeStats {
  nodeName: string | null;
  startTime: string | null;
  memory: KubeletMemoryStats | null;
  /** `kubelet`, `runtime`, `pods`, `misc` … */
  systemContainers: KubeletContainerStats[];
  line: number;
}

export interface KubeletSummaryData {
  node: KubeletNodeStats | null;
  pods: KubeletPodStats[];
}

function memoryStats(owner: TreeNode | undefined, f: FieldReader, where: string): KubeletMemoryStats | null {
  const memory = member(owner, 'memory');
  const swap = member(owner, 'swap');
  if (!isObject(memory) && !isObject(swap)) return null;
  const label = (k: string): string => `${where}.memory.${k}`;
  return {
    time: text(member(memory, 'time')),
    availableBytes: f.count(member(memory, 'availableBytes'), label('availableBytes')),
    usageBytes: f.count(member(memory, 'usageBytes'), label('usageBytes')),
    workingSetBytes: f.count(member(memory, 'workingSetBytes'), label('workingSetBytes')),
    rssBytes: f.count(member(memory, 'rssBytes'), label('rssBytes')),
    pageFaults: f.count(member(memory, 'pageFaults'), label('pageFaults')),
    majorPageFaults: f.count(member(memory, 'majorPageFaults'), label('majorPageFaults')),
    swapUsageBytes: f.count(member(swap, 'swapUsageBytes'), `${where}.swap.swapUsageBytes`),
    swapAvailableBytes: f.count(member(swap, 'swapAvailableBytes'), `${where}.swap.swapAvailableBytes`),
    line: (isObject(memory) ? memory.line : swap?.line) ?? 0,
  };
}

function containerStats(node: TreeNode, f: FieldReader, where: string): KubeletContainerStats {
  const name = text(member(node, 'name'));
  const path = `${where}.${name ?? '?'}`;
  return {
    name,
    startTime: text(member(node, 'startTime')),
    memory: memoryStats(node, f, path),
    rootfsUsedBytes: f.count(at(node, 'rootfs', 'usedBytes'), `${path}.rootfs.usedBytes`),
    logsUsedBytes: f.count(at(node, 'logs', 'usedBytes'), `${path}.logs.usedBytes`),
    line: node.line,
  };
}

function podStats(node: TreeNode, f: FieldReader): KubeletPodStats {
  const ref = member(node, 'podRef');
  const name = text(member(ref, 'name'));
  const namespace = text(member(ref, 'namespace'));
  const where = `pod ${namespace ?? '?'}/${name ?? '?'}`;
  return {
    name,
    namespace,
    uid: text(member(ref, 'uid')),
    startTime: text(member(node, 'startTime')),
    memory: memoryStats(node, f, where),
    containers: items(member(node, 'containers')).filter(isObject).map((c) => containerStats(c, f, `${where} container`)),
    volumes: items(member(node, 'volume'))
      .filter(isObject)
      .map((v) => {
        const vname = text(member(v, 'name'));
        const label = `${where} volume ${vname ?? '?'}`;
        return {
          name: vname,
          usedBytes: f.count(member(v, 'usedBytes'), `${label}.usedBytes`),
          capacityBytes: f.count(member(v, 'capacityBytes'), `${label}.capacityBytes`),
          availableBytes: f.count(member(v, 'availableBytes'), `${label}.availableBytes`),
          line: v.line,
        };
      }),
    ephemeralStorageUsedBytes: f.count(at(node, 'ephemeral-storage', 'usedBytes'), `${where}.ephemeral-storage.usedBytes`),
    line: node.line,
  };
}

export function parseKubeletSummary(source: string, _ctx: ParseContext): ParseResult<KubeletSummaryData> {
  const read = readJsonLenient(source);
  const f = new FieldReader();
  const root = read.values.find((v) => isObject(v) && (member(v, 'node') !== undefined || member(v, 'pods') !== undefined));
  let node: KubeletNodeStats | null = null;
  const nodeTree = member(root, 'node');
  if (isObject(nodeTree)) {
    node = {
      nodeName: text(member(nodeTree, 'nodeName')),
      startTime: text(member(nodeTree, 'startTime')),
      memory: memoryStats(nodeTree, f, 'node'),
      systemContainers: items(member(nodeTree, 'systemContainers'))
        .filter(isObject)
        .map((c) => containerStats(c, f, 'systemContainer')),
      line: nodeTree.line,
    };
  }
  // Pods are found by shape, not only under "pods": a pasted summary may have lost that line.
  const pods: KubeletPodStats[] = [];
  for (const value of read.values) {
    for (const { node: n } of walk(value)) {
      if (isObject(n) && isObject(member(n, 'podRef'))) pods.push(podStats(n, f));
    }
  }
  const warnings = [...jsonReadWarnings(read), ...f.warnings()];
  if (!node && pods.length === 0) {
    return { status: 'unusable', warnings: [warning('not-kubelet-summary', 'No "node" or "pods" with "podRef" found: this is not a kubelet summary.'), ...warnings] };
  }
  if (root && member(root, 'pods') !== undefined && !isArray(member(root, 'pods'))) {
    warnings.push(warning('unexpected-shape', '"pods" is not a list.', member(root, 'pods')?.line, { key: 'pods' }));
  }
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { node, pods }, warnings };
}

export function detectKubeletSummary(head: string): number {
  const podRef = /"podRef"\s*:/.test(head);
  const nodeName = /"nodeName"\s*:/.test(head);
  const system = /"systemContainers"\s*:/.test(head);
  const memoryKeys = /"workingSetBytes"\s*:/.test(head) && /"(usageNanoCores|rssBytes|pageFaults)"\s*:/.test(head);
  if ((podRef || (nodeName && system)) && memoryKeys) return 0.95;
  if (podRef || (nodeName && system)) return 0.85;
  if (memoryKeys && /"(rootfs|logs|volume|startTime)"\s*:/.test(head)) return 0.6;
  return 0;
}

export const kubeletSummaryFormat: FormatDefinition<KubeletSummaryData> = {
  id: 'kubelet-summary',
  area: 'kubernetes',
  detect: (head) => detectKubeletSummary(head),
  parse: parseKubeletSummary,
};
