import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { detectKubectlDescribePod, parseKubectlDescribePod } from './kubectl-describe-pod';
import { detectKubectlDescribeNode, parseKubectlDescribeNode } from './kubectl-describe-node';
import { detectKubectlEvents, parseKubectlEvents } from './kubectl-events';
import { parseKubectlGetPods, parseKubectlTop } from './kubectl-tables';
import { parseFileText } from '../parse-file';

const DESCRIBE_TMPFS = `Name:             web-0
Namespace:        shop
Node:             node-7/10.0.0.7
Status:           Running
Init Containers:
  init:
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
    Ready:          True
    Restart Count:  0
Containers:
  app:
    Container ID:   containerd://abc
    State:          Running
      Started:      Mon, 01 Jan 2024 00:00:00 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Ready:          True
    Restart Count:  3
    Limits:
      memory:  2Gi
    Requests:
      cpu:     250m
      memory:  1Gi
    Environment:
      JAVA_OPTS:  -Xmx1536m -XX:MaxMetaspaceSize=256m
      TOKEN:      <set to the key 'token' in secret 's'>  Optional: false
    Mounts:
      /cache from cache (rw)
Volumes:
  cache:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     Memory
    SizeLimit:  1Gi
QoS Class:       Burstable
Events:          <none>

Name:             web-1
Namespace:        shop
Containers:
  app:
    Restart Count:  0
QoS Class:       BestEffort
`;

describe('kubectl-describe-pod', () => {
  it('reads the holmesgpt capture behind its wrapper lines: OOMKilled in Last State, 6 restarts, events', () => {
    const r = parseKubectlDescribePod(fixture('kubectl-describe-pod/kubectl-describe-pod.holmesgpt-oomkilled-crashloop-with-tool-wrapper.txt'), CTX);
    expect(r.status).toBe('parsed');
    const pod = r.value?.pods[0];
    expect(pod).toMatchObject({ name: 'analytics-exporter-fast-76897854c-cw5wh', namespace: 'default', nodeName: 'grafana-cloud-control-plane', qosClass: 'burstable' });
    const c = pod?.containers[0];
    expect(c).toMatchObject({ name: 'memory-eater', restartCount: 6, ready: false });
    expect(c?.state).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff' });
    expect(c?.lastState).toMatchObject({ state: 'terminated', reason: 'OOMKilled', exitCode: 137, line: 32 });
    expect(c?.limits?.memoryBytes).toBe(104857600);
    expect(pod?.events.filter((e) => e.type === 'Warning').map((e) => [e.reason, e.count])).toEqual([['BackOff', 23]]);
  });

  it('reads a container block pasted without its name', () => {
    const r = parseKubectlDescribePod(fixture('kubectl-describe-pod/kubectl-describe-pod.starburst-pr1-container-fragment-state-terminated-oomkilled.txt'), CTX);
    const c = r.value?.pods[0]?.containers[0];
    expect(c).toMatchObject({ name: null, restartCount: 5 });
    expect(c?.state).toMatchObject({ state: 'terminated', reason: 'OOMKilled', exitCode: 137 });
    expect(c?.limits).toMatchObject({ memoryBytes: 314572800, cpuCores: 0.1 });
    expect(r.warnings.map((w) => w.code)).toEqual(['fragment']);
  });

  it('reads several pods, init containers, memory-backed emptyDir, JVM flags from Environment', () => {
    const r = parseKubectlDescribePod(DESCRIBE_TMPFS, CTX);
    expect(r.value?.pods.map((p) => [p.name, p.qosClass])).toEqual([
      ['web-0', 'burstable'],
      ['web-1', 'besteffort'],
    ]);
    const pod = r.value?.pods[0];
    expect(pod?.containers.map((c) => [c.name, c.init])).toEqual([
      ['init', true],
      ['app', false],
    ]);
    const app = pod?.containers[1];
    expect(app?.jvm).toMatchObject({ maxHeapBytes: 1610612736, maxMetaspaceBytes: 268435456 });
    expect(app?.memoryEnv.map((e) => e.name)).toEqual(['JAVA_OPTS']);
    expect(app?.volumeMounts).toEqual([{ mountPath: '/cache', name: 'cache', readOnly: false, line: 31 }]);
    expect(pod?.volumes).toEqual([{ name: 'cache', type: 'emptyDir', medium: 'Memory', sizeLimitBytes: 1073741824, sizeLimitText: '1Gi', line: 33 }]);
  });

  it('detects describe pod and leaves describe node and events alone', () => {
    expect(detectKubectlDescribePod(DESCRIBE_TMPFS)).toBeGreaterThan(0.9);
    expect(detectKubectlDescribePod(fixture('kubectl-describe-node/kubectl-describe-node.k8s-docs-lines-removed-Ki.txt'))).toBe(0);
    expect(parseKubectlDescribePod('just some text\n', CTX).status).toBe('unusable');
  });
});

describe('kubectl-describe-node', () => {
  it('reads capacity, allocatable, MemoryPressure, pods and allocated resources (1.31 layout)', () => {
    const r = parseKubectlDescribeNode(fixture('kubectl-describe-node/kubectl-describe-node.holmesgpt-kind-1.31-72pods-two-header-lines.txt'), CTX);
    const n = r.value?.nodes[0];
    expect(n).toMatchObject({ name: 'kind-double-node-worker', memoryPressure: false, podCount: 72, kernelVersion: '6.10.14-linuxkit', kubeletVersion: 'v1.31.2' });
    expect(n?.capacity).toMatchObject({ memoryBytes: 98071584768, cpuCores: 32 });
    expect(n?.allocatable?.raw['pods']).toBe('500');
    expect(n?.pods).toHaveLength(72);
    expect(n?.pods.find((p) => p.name === 'loki-chunks-cache-0')?.memoryLimits).toEqual({ text: '9830Mi (10%)', value: 10307502080, percent: 10 });
    expect(n?.allocated?.memoryRequests).toEqual({ text: '25181Mi (26%)', value: 26404192256, percent: 26 });
    expect(n?.conditions.find((c) => c.type === 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory', line: 23 });
  });

  it('reads the docs layout: lines removed, one-row allocated table, fractional CPU', () => {
    const r = parseKubectlDescribeNode(fixture('kubectl-describe-node/kubectl-describe-node.k8s-docs-lines-removed-Ki.txt'), CTX);
    expect(r.warnings.map((w) => w.code)).toEqual(['lines-removed']);
    const n = r.value?.nodes[0];
    expect(n?.allocatable).toMatchObject({ memoryBytes: 7654391808, cpuCores: 1.8 });
    expect(n?.allocated?.memoryLimits).toEqual({ text: '1070Mi (14%)', value: 1121976320, percent: 14 });
    expect(n?.memoryPressure).toBeNull();
  });

  it('reads MemoryPressure True and node events', () => {
    const text = `Name:  n1
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                      Message
  ----             ------  -----------------                 ------------------                ------                      -------
  MemoryPressure   True    Thu, 29 May 2025 11:54:06 +0200   Thu, 29 May 2025 11:50:00 +0200   KubeletHasInsufficientMemory   kubelet has insufficient memory available
Capacity:
  memory:  16Gi
Events:
  Type     Reason                     Age   From     Message
  ----     ------                     ----  ----     -------
  Warning  EvictionThresholdMet       3m    kubelet  Attempting to reclaim memory
  Warning  OOMKilling                 2m    kernel-monitor, n1  Memory cgroup out of memory: Killed process 4481 (java)
`;
    const n = parseKubectlDescribeNode(text, CTX).value?.nodes[0];
    expect(n?.memoryPressure).toBe(true);
    expect(n?.events.map((e) => [e.reason, e.from])).toEqual([
      ['EvictionThresholdMet', 'kubelet'],
      ['OOMKilling', 'kernel-monitor, n1'],
    ]);
    expect(detectKubectlDescribeNode(text)).toBeGreaterThan(0.7);
  });
});

describe('kubectl-events', () => {
  it('reads describe-style events with the old `kubelet, node` source', () => {
    const r = parseKubectlEvents(fixture('kubectl-events/kubectl-describe-pod-events.k8s-91600-evicted-old-from-column.txt'), CTX);
    expect(r.value?.events.map((e) => [e.type, e.reason, e.count, e.from])).toEqual([
      ['Normal', 'Created', 2, 'kubelet, mgt04'],
      ['Normal', 'Started', 2, 'kubelet, mgt04'],
      ['Normal', 'Killing', 2, 'kubelet, mgt04'],
      ['Warning', 'Evicted', null, 'kubelet, mgt04'],
    ]);
  });

  it('reads bare event lines (single or double spaced) with a warning', () => {
    const docs = parseKubectlEvents(fixture('kubectl-events/kubectl-describe-node.k8s-docs-oomkilling-event-line.txt'), CTX);
    expect(docs.status).toBe('partial');
    expect(docs.value?.events[0]).toMatchObject({ type: 'Warning', reason: 'OOMKilling', message: 'Memory cgroup out of memory: Kill process 4481 (stress) score 1994 or sacrifice child' });
    const seed = parseKubectlEvents(fixture('kubectl-events/seed-002-oomkilling-event-line.txt'), CTX);
    expect(seed.value?.events[0]).toMatchObject({ reason: 'OOMKilling', from: 'kubelet, <node-name>' });
  });

  it('reads `kubectl get events -A` columns', () => {
    const text = `NAMESPACE   LAST SEEN   TYPE      REASON       OBJECT              MESSAGE
prod        2m          Warning   OOMKilling   node/node-7         Memory cgroup out of memory: Killed process 212425 (java)
prod        5m          Warning   Evicted      pod/web-0           The node was low on resource: memory.
`;
    const r = parseKubectlEvents(text, CTX);
    expect(r.value?.events.map((e) => [e.namespace, e.age, e.reason, e.object])).toEqual([
      ['prod', '2m', 'OOMKilling', 'node/node-7'],
      ['prod', '5m', 'Evicted', 'pod/web-0'],
    ]);
    expect(detectKubectlEvents(text)).toBeGreaterThan(0.8);
  });

  it('does not take a kernel log for events', () => {
    const kernel = 'Nov 11 06:55:00 host kernel: Memory cgroup out of memory: Killed process 212425 (java) total-vm:16103848kB\n';
    expect(parseFileText('messages', kernel).formatId).not.toBe('kubectl-events');
  });
});

describe('kubectl tables', () => {
  it('reads `kubectl get pods` with restart times, wide columns and namespaces', () => {
    const text = `NAMESPACE   NAME       READY   STATUS             RESTARTS       AGE   IP           NODE     NOMINATED NODE   READINESS GATES
prod        web-0      0/1     CrashLoopBackOff   5 (2m ago)     1h    10.0.0.12    node-7   <none>           <none>
prod        web-1      1/1     OOMKilled          12             3d    10.0.0.13    node-8   <none>           <none>
`;
    const r = parseKubectlGetPods(text, CTX);
    expect(r.value?.rows.map((p) => [p.namespace, p.name, p.readyContainers, p.totalContainers, p.status, p.restarts, p.lastRestartAgo, p.node])).toEqual([
      ['prod', 'web-0', 0, 1, 'CrashLoopBackOff', 5, '2m', 'node-7'],
      ['prod', 'web-1', 1, 1, 'OOMKilled', 12, null, 'node-8'],
    ]);
  });

  it('reads the seed 002 row that is misaligned under its header', () => {
    const r = parseKubectlGetPods(fixture('kubectl-get-pods/seed-002-get-po-oomkilled.txt'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.rows[0]).toMatchObject({ name: 'importer-wbm-vda', status: 'OOMKilled', restarts: 1, age: '76s' });
  });

  it('reads `kubectl top` pod, node and --containers forms', () => {
    const pods = parseKubectlTop(fixture('kubectl-top/kubectl-top-pod-A.k8-reference-trailing-spaces.txt'), CTX);
    expect(pods.value?.kind).toBe('pod');
    expect(pods.value?.rows.find((r) => r.name === 'kube-apiserver-ub18')).toMatchObject({ namespace: 'kube-system', cpuCores: 0.074, memoryBytes: 359661568 });
    const nodes = parseKubectlTop(fixture('kubectl-top/kubectl-top-node.k8-reference-3-nodes.txt'), CTX);
    expect(nodes.value?.kind).toBe('node');
    expect(nodes.value?.rows[0]).toMatchObject({ name: 'ub18', memoryBytes: 2815426560, memoryPercent: 45, cpuPercent: 17 });
    const containers = parseKubectlTop('POD        NAME   CPU(cores)   MEMORY(bytes)\nweb-0      app    12m          1450Mi\n', CTX);
    expect(containers.value).toEqual({ kind: 'container', rows: [expect.objectContaining({ pod: 'web-0', name: 'app', memoryBytes: 1520435200 })] });
  });

  it('is unusable without a header; never throws', () => {
    expect(parseKubectlTop('no table here', CTX).status).toBe('unusable');
    expect(parseKubectlGetPods('\u0000\u0000', CTX).status).toBe('unusable');
  });
});
