import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { detectKubectlPod, parseKubectlPod } from './kubectl-pod';

const POD_JSON = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'trade-7d9f', namespace: 'prod', uid: '96bc17dc-f218-4e61-be05-c945fa8670f9' },
  spec: {
    nodeName: 'node-1',
    containers: [
      {
        name: 'java',
        image: 'trade:1',
        args: ['-jar', 'app.jar'],
        command: ['java', '-Xms8g', '-Xmx8g'],
        env: [
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0 -XX:MaxDirectMemorySize=1g' },
          { name: 'DB_PASSWORD', value: 'secret' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
        ],
        resources: { limits: { cpu: '4', memory: '16Gi' }, requests: { cpu: '500m', memory: '16Gi' } },
        volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
      },
    ],
    volumes: [
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '8Gi' } },
      { name: 'kube-api-access', projected: { sources: [] } },
    ],
  },
  status: {
    phase: 'Running',
    qosClass: 'Burstable',
    startTime: '2021-11-09T13:03:36Z',
    containerStatuses: [
      {
        name: 'java',
        containerID: 'docker://24ec5b44',
        ready: true,
        restartCount: 44,
        state: { running: { startedAt: '2021-11-11T06:56:00Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2021-11-10T01:00:00Z', finishedAt: '2021-11-11T06:55:00Z' } },
      },
    ],
  },
};

describe('kubectl-pod', () => {
  it('reads `-o json`: limits, QoS, last OOM kill, tmpfs emptyDir, JVM flags (and no other env)', () => {
    const r = parseKubectlPod(JSON.stringify(POD_JSON, null, 2), CTX);
    expect(r.status).toBe('parsed');
    const pod = r.value?.pods[0];
    expect(pod).toMatchObject({ name: 'trade-7d9f', namespace: 'prod', uid: '96bc17dc-f218-4e61-be05-c945fa8670f9', nodeName: 'node-1', qosClass: 'burstable', phase: 'Running' });
    const c = pod?.containers[0];
    expect(c?.limits).toMatchObject({ memoryBytes: 17179869184, memoryText: '16Gi', cpuCores: 4 });
    expect(c?.requests).toMatchObject({ memoryBytes: 17179869184, cpuCores: 0.5 });
    expect(c).toMatchObject({ restartCount: 44, ready: true, containerId: 'docker://24ec5b44' });
    expect(c?.state?.state).toBe('running');
    expect(c?.lastState).toMatchObject({ state: 'terminated', reason: 'OOMKilled', exitCode: 137, finishedAt: '2021-11-11T06:55:00Z' });
    expect(c?.memoryEnv.map((e) => e.name)).toEqual(['JAVA_TOOL_OPTIONS']);
    expect(c?.jvm).toMatchObject({ maxHeapBytes: 8589934592, initialHeapBytes: 8589934592, maxRamPercentage: 75, maxDirectMemoryBytes: 1073741824 });
    expect(pod?.volumes).toEqual([
      expect.objectContaining({ name: 'cache', type: 'emptyDir', medium: 'Memory', sizeLimitBytes: 8589934592, sizeLimitText: '8Gi' }),
      expect.objectContaining({ name: 'kube-api-access', type: 'projected', medium: null }),
    ]);
  });

  it('reads the same pod as `-o yaml` with line numbers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: trade-7d9f
  namespace: prod
  uid: 96bc17dc-f218-4e61-be05-c945fa8670f9
spec:
  containers:
  - image: trade:1
    name: java
    resources:
      limits:
        memory: 16Gi
  volumes:
  - emptyDir:
      medium: Memory
    name: cache
status:
  containerStatuses:
  - lastState:
      terminated:
        exitCode: 137
        reason: OOMKilled
    name: java
    restartCount: 44
  qosClass: Burstable
`;
    const r = parseKubectlPod(yaml, CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.syntax).toBe('yaml');
    const c = r.value?.pods[0]?.containers[0];
    expect(c?.limits).toMatchObject({ memoryBytes: 17179869184, lines: { memory: 13 } });
    expect(c?.lastState).toMatchObject({ reason: 'OOMKilled', exitCode: 137, line: 21 });
    expect(r.value?.pods[0]?.volumes[0]).toMatchObject({ name: 'cache', medium: 'Memory', line: 15 });
  });

  it('reads YAML whose annotation carries the last-applied JSON, and YAML after a wrapper header', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"stale-name"}}
  name: real-name
`;
    const r = parseKubectlPod(yaml, CTX);
    expect(r.value).toMatchObject({ syntax: 'yaml', pods: [{ name: 'real-name' }] });
    const wrapped = parseKubectlPod('{"tool_name":"kubectl_get","kind":"pod"}\nstdout:\n' + yaml, CTX);
    expect(wrapped.value?.pods.map((p) => p.name)).toEqual(['real-name']);
  });

  it('reads a List of pods and several YAML documents', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [POD_JSON, { ...POD_JSON, metadata: { name: 'b' } }] };
    expect(parseKubectlPod(JSON.stringify(list), CTX).value?.pods.map((p) => p.name)).toEqual(['trade-7d9f', 'b']);
    const docs = parseKubectlPod('kind: Pod\nmetadata:\n  name: a\n---\nkind: Pod\nmetadata:\n  name: b\n', CTX);
    expect(docs.value?.pods.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('reads the docs fragment with 3- and 5-space indentation', () => {
    const r = parseKubectlPod(fixture('kubectl-pod/kubectl-get-pod-yaml.k8s-docs-laststate-fragment-3space.yaml'), CTX);
    expect(r.value?.fragment).toBe(true);
    expect(r.value?.pods[0]?.containers[0]?.lastState).toMatchObject({ state: 'terminated', reason: 'OOMKilled', exitCode: 137, startedAt: null, finishedAt: '2017-06-20T20:52:19Z' });
  });

  it('reads an Evicted status tail with a message folded over two lines', () => {
    const r = parseKubectlPod(fixture('kubectl-pod/kubectl-get-pod-yaml.cosmos-operator-185-evicted-folded-message.fragment.yaml'), CTX);
    expect(r.value?.pods[0]).toMatchObject({ phase: 'Failed', reason: 'Evicted', qosClass: 'burstable', message: 'The node was low on resource: memory. Container node was using 35505620Ki, which exceeds its request of 12Gi. ' });
  });

  it('reads a `resources:` block from seed 002 with quoted quantities', () => {
    const c = parseKubectlPod(fixture('kubectl-pod/seed-002-resources-fragment.yaml'), CTX).value?.pods[0]?.containers[0];
    expect(c?.requests).toMatchObject({ memoryBytes: 268435456, cpuCores: 0.25 });
    expect(c?.limits).toMatchObject({ memoryBytes: 536870912, cpuCores: 0.5 });
  });

  it('warns on quantities that are not, and on a bad restartCount', () => {
    const r = parseKubectlPod(JSON.stringify({ kind: 'Pod', spec: { containers: [{ name: 'a', resources: { limits: { memory: '1GB' } } }], volumes: [{ name: 'v', emptyDir: { sizeLimit: 'big' } }] }, status: { containerStatuses: [{ name: 'a', restartCount: 'many' }] } }), CTX);
    expect(r.status).toBe('partial');
    expect(r.value?.pods[0]?.containers[0]?.limits?.memoryBytes).toBeNull();
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['quantity-invalid', 'quantity-invalid', 'value-unusable']);
  });

  it('is unusable for JSON or YAML that is not a pod; never throws', () => {
    expect(parseKubectlPod('{"kind": "Node", "metadata": {}}', CTX).status).toBe('unusable');
    expect(parseKubectlPod('foo: bar\n', CTX).status).toBe('unusable');
    expect(parseKubectlPod('{"kind": "Pod", "__proto__": {"x": 1}, "spec": {"containers": [{"name": "__proto__"}]}}', CTX).value?.pods[0]?.containers[0]?.name).toBe('__proto__');
    expect(() => parseKubectlPod('\u0000\u0001- : - :\n{[', CTX)).not.toThrow();
  });

  it('detects pods in JSON and YAML, and fragments by their keys', () => {
    expect(detectKubectlPod(JSON.stringify(POD_JSON))).toBeGreaterThan(0.9);
    expect(detectKubectlPod('kind: Pod\nmetadata:\n  name: x\n')).toBeGreaterThan(0.9);
    expect(detectKubectlPod('lastState:\n  terminated:\n    exitCode: 137\n    reason: OOMKilled\n')).toBeGreaterThan(0.5);
    expect(detectKubectlPod('cache 1\nrss 2\n')).toBe(0);
  });
});
