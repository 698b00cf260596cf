import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { detectKubeletSummary, parseKubeletSummary } from './kubelet-summary';
import { parseFileText } from '../parse-file';

describe('kubelet-summary', () => {
  it('reads the 1.6 shape: node and container memory, no pod-level memory', () => {
    const r = parseKubeletSummary(fixture('kubelet-summary/summary.elastic-gke-2017-k8s1.6-one-pod.json'), CTX);
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v?.node?.nodeName).toBe('gke-beats-default-pool-a5b33e2e-hdww');
    expect(v?.node?.memory).toMatchObject({ availableBytes: 1768316928, usageBytes: 2764943360, workingSetBytes: 2111090688, rssBytes: 2150400, pageFaults: 131567, majorPageFaults: 103, line: 30 });
    expect(v?.node?.systemContainers.map((c) => [c.name, c.memory?.workingSetBytes])).toEqual([['kubelet', 36495360]]);
    expect(v?.pods).toHaveLength(1);
    const pod = v?.pods[0];
    expect(pod).toMatchObject({ name: 'nginx-deployment-2303442956-pcqfc', namespace: 'default', uid: 'beabc196-2456-11e7-a3ad-42010a840235', memory: null });
    expect(pod?.containers[0]?.memory).toMatchObject({ usageBytes: 1462272, workingSetBytes: 1454080, rssBytes: 1409024, swapUsageBytes: null });
    expect(pod?.volumes).toEqual([{ name: 'default-token-sg8x5', usedBytes: 12288, capacityBytes: 1939701760, availableBytes: 1939689472, line: 117 }]);
  });

  it('reads the 1.29 shape with swap blocks at node, pod and container level', () => {
    const r = parseKubeletSummary(fixture('kubelet-summary/summary.newrelic-kind-k8s1.29-swap-18pods.json'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.node?.memory).toMatchObject({ workingSetBytes: 858664960, swapUsageBytes: 0, swapAvailableBytes: 1073737728 });
    expect(r.value?.pods).toHaveLength(18);
    const apiserver = r.value?.pods.find((p) => p.name === 'kube-apiserver-datagen-1-29');
    expect(apiserver?.memory?.workingSetBytes).toBe(205594624);
    expect(apiserver?.containers[0]?.memory?.workingSetBytes).toBe(205119488);
    const withEmptyDir = r.value?.pods.find((p) => p.name === 'metrics-server-5749f6cc7d-hsnmt');
    expect(withEmptyDir?.volumes.map((v) => [v.name, v.usedBytes])).toEqual([
      ['tmp-dir', 12288],
      ['kube-api-access-52ctx', 12288],
    ]);
  });

  it('reads seed 004: comments after values, an elided pods list, a 900 MB tmpfs emptyDir', () => {
    const r = parseKubeletSummary(fixture('kubelet-summary/seed-004-curl-stats-summary-annotated-elided.txt'), CTX);
    expect(r.status).toBe('partial');
    expect(r.warnings.map((w) => w.code)).toEqual(['json-junk-skipped', 'json-truncated']);
    expect(r.value?.node?.memory?.workingSetBytes).toBe(10347081728);
    const pod = r.value?.pods[0];
    expect(pod?.uid).toBe('a9d684a4-53fe-4114-b8d0-8f138b933551');
    // The pod's working set is ~915 MiB while its only container uses ~15 MiB: the tmpfs volume holds the rest.
    expect(pod?.memory).toMatchObject({ availableBytes: 114749440, usageBytes: 978309120, workingSetBytes: 958992384 });
    expect(pod?.containers[0]?.memory?.workingSetBytes).toBe(15269888);
    expect(pod?.volumes[0]).toMatchObject({ name: 'volume-1623324311949', usedBytes: 943718400 });
  });

  it('keeps __proto__ keys as data and does not pollute prototypes', () => {
    const r = parseKubeletSummary('{"pods": [{"podRef": {"name": "p", "__proto__": {"x": 1}}, "__proto__": {"polluted": true}, "memory": {"workingSetBytes": 5}}]}', CTX);
    expect(r.value?.pods[0]?.memory?.workingSetBytes).toBe(5);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads numbers written as strings with a warning, and refuses huge or negative ones', () => {
    const r = parseKubeletSummary('{"node": {"nodeName": "n", "memory": {"usageBytes": "123", "workingSetBytes": 18446744073709551615, "rssBytes": -1}}}', CTX);
    expect(r.status).toBe('partial');
    expect(r.value?.node?.memory).toMatchObject({ usageBytes: 123, workingSetBytes: null, rssBytes: null });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['number-as-string', 'value-unusable', 'value-unusable']);
    expect(r.warnings.find((w) => w.params?.['value'] === '18446744073709551615')).toBeDefined();
  });

  it('is unusable for JSON that is not a summary, and never throws on junk', () => {
    expect(parseKubeletSummary('{"kind": "PodMetrics", "containers": []}', CTX).status).toBe('unusable');
    expect(parseKubeletSummary('', CTX).status).toBe('unusable');
    expect(parseKubeletSummary('\u0000\u0001{{{[[[', CTX).status).toBe('unusable');
    const truncated = parseKubeletSummary('{"node": {"nodeName": "n", "memory": {"usageBytes": 12', CTX);
    expect(truncated.status).toBe('partial');
    expect(truncated.value?.node?.memory?.usageBytes).toBe(12);
  });

  it('detects by keys, not by name', () => {
    expect(detectKubeletSummary('{"podRef": {"name": "x"}, "memory": {"workingSetBytes": 1, "rssBytes": 2}}')).toBeGreaterThan(0.9);
    expect(detectKubeletSummary('{"kind": "PodMetrics"}')).toBe(0);
    expect(parseFileText('summary.json', '{"kind": "NodeMetrics", "apiVersion": "metrics.k8s.io/v1beta1", "usage": {"memory": "1Ki"}}').formatId).toBe('metrics-api');
  });
});
