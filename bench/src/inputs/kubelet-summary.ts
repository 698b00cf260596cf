// The kubelet's /stats/summary for a node of 110 pods (the default max-pods): the real 18-pod
// summary from test/fixtures/kubelet-summary (kind, Kubernetes 1.29) with its pods repeated under
// the names and uids of node-model.ts and their memory figures scaled. Sample:
//   {"node":{"nodeName":"kind-control-plane",…},"pods":[{"podRef":{"name":"checkout-…","namespace":"shop","uid":"3f1c…"},
//    "containers":[{"name":"app","memory":{"usageBytes":201326592,"workingSetBytes":197132288,…}}],…}]}
import { writeFileSync } from 'node:fs';
import { fixtureText } from '../paths';
import { nodePods, type NodePod } from './node-model';

export const KUBELET_SUMMARY_FIXTURE = 'kubelet-summary/summary.newrelic-kind-k8s1.29-swap-18pods.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function scaleMemory(value: Json, factor: number): Json {
  if (Array.isArray(value)) return value.map((v) => scaleMemory(v, factor));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'number' && /Bytes$/.test(k) && k !== 'capacityBytes' ? v * factor : scaleMemory(v, factor);
  return out;
}

export function kubeletSummary(pods: readonly NodePod[]): string {
  const real = JSON.parse(fixtureText(KUBELET_SUMMARY_FIXTURE)) as { node: Json; pods: { [key: string]: Json }[] };
  const out = pods.map((p, i) => {
    const template = real.pods[i % real.pods.length];
    if (!template) throw new Error('empty template');
    const scaled = scaleMemory(template, p.scale) as { [key: string]: Json };
    const containerTemplates = Array.isArray(scaled.containers) ? scaled.containers : [];
    const firstContainer = containerTemplates[0] ?? {};
    return {
      ...scaled,
      podRef: { name: p.name, namespace: p.namespace, uid: p.uid },
      containers: p.containers.map((c, n) => ({ ...(typeof (containerTemplates[n] ?? firstContainer) === 'object' ? ((containerTemplates[n] ?? firstContainer) as object) : {}), name: c.name })),
    };
  });
  return JSON.stringify({ node: real.node, pods: out }, null, 2);
}

export function writeKubeletSummary(path: string, podCount = 110): { bytes: number; pods: number } {
  const text = kubeletSummary(nodePods(podCount));
  writeFileSync(path, text);
  return { bytes: Buffer.byteLength(text), pods: podCount };
}
