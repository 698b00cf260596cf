import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { parseMetricsApi } from './metrics-api';

describe('metrics-api', () => {
  it('reads seed 004 PodMetrics after a `kubectl get --raw … |jq` line', () => {
    const r = parseMetricsApi(fixture('metrics-api/seed-004-podmetrics-kubectl-raw-jq.txt'), CTX);
    const item = r.value?.items[0];
    expect(item).toMatchObject({ kind: 'PodMetrics', name: 'prod-****-zj67p', window: '30s', memoryTotalBytes: 2574135296 });
    // 2513804Ki = 2513804 × 1024; 1045813398n = 1.045813398 cores
    expect(item?.containers[0]?.usage).toMatchObject({ memoryBytes: 2574135296, memoryText: '2513804Ki', cpuCores: 1.045813398, cpuText: '1045813398n' });
    expect(r.warnings.map((w) => w.code)).toEqual(['json-junk-skipped']);
  });

  it('reads NodeMetrics', () => {
    const r = parseMetricsApi(fixture('metrics-api/nodemetrics.k8-reference-ub18-Ki-and-nanocores.json'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.items[0]).toMatchObject({ kind: 'NodeMetrics', name: 'ub18', namespace: null, usage: { memoryBytes: 2814136320, cpuCores: 0.329087452 } });
  });

  it('reads List kinds, infers item kinds, sums containers', () => {
    const list = {
      kind: 'PodMetricsList',
      apiVersion: 'metrics.k8s.io/v1beta1',
      items: [
        { metadata: { name: 'a', namespace: 'ns' }, containers: [{ name: 'c1', usage: { cpu: '1m', memory: '1Mi' } }, { name: 'c2', usage: { cpu: '2m', memory: '3Mi' } }] },
        { metadata: { name: 'b', namespace: 'ns' }, containers: [{ name: 'c', usage: { cpu: '0', memory: 'lots' } }] },
      ],
    };
    const r = parseMetricsApi(JSON.stringify(list, null, 1), CTX);
    expect(r.value?.items.map((i) => [i.kind, i.name, i.memoryTotalBytes])).toEqual([
      ['PodMetrics', 'a', 4194304],
      ['PodMetrics', 'b', null],
    ]);
    expect(r.warnings.map((w) => [w.code, w.params?.['value']])).toEqual([['quantity-invalid', 'lots']]);
  });

  it('is unusable for other JSON and never throws', () => {
    expect(parseMetricsApi('{"kind": "Pod"}', CTX).status).toBe('unusable');
    expect(parseMetricsApi('[1,2,3', CTX).status).toBe('unusable');
    expect(parseMetricsApi('\u0000'.repeat(100), CTX).status).toBe('unusable');
  });
});
