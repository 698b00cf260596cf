// Workload facts on the real kubectl/inspect/NMT samples (test/fixtures), plus hand-written pod
// specs for the JVM flag shapes no real sample has (JAVA_TOOL_OPTIONS, MaxRAMPercentage).
import { describe, expect, it } from 'vitest';
import { deriveWorkloadFacts, readEvictionMessage } from './workload-facts';
import { fixtureFiles } from '../../../test/helpers/fixture-bundle';
import { parseFileText } from '../formats/parse-file';
import type { WorkloadFact } from '../rules/rule';

function factsOf(fixture: string, path = fixture.slice(fixture.indexOf('/') + 1)): WorkloadFact[] {
  return deriveWorkloadFacts(fixtureFiles([[fixture, path]]));
}

function kinds(facts: readonly WorkloadFact[]): string[] {
  return facts.map((f) => f.kind);
}

describe('kubectl describe pod (holmesgpt OOMKilled crash loop)', () => {
  const facts = factsOf('kubectl-describe-pod/kubectl-describe-pod.holmesgpt-oomkilled-crashloop-with-tool-wrapper.txt', 'describe.txt');
  it('reads the OOMKilled last state with exit code 137 and its lines', () => {
    const oom = facts.filter((f) => f.kind === 'terminated-oomkilled');
    expect(oom).toHaveLength(1);
    expect(oom[0]?.value).toBe(137);
    expect(oom[0]?.basis).toBe('last-state');
    expect(oom[0]?.podName).toBe('analytics-exporter-fast-76897854c-cw5wh');
    expect(oom[0]?.containerName).toBe('memory-eater');
    expect(oom[0]?.containerId).toBe('0ca62d24c10ebbe7b13c9ca1a2c9a0b00fba4bfff06ec37042e6245e203c1f66');
    // `Last State: Terminated` at line 32, Reason/Exit Code/Started/Finished below it.
    expect(oom[0]?.source).toMatchObject({ file: 'describe.txt', line: 32, lineEnd: 37 });
    expect(oom[0]?.text).toContain('Exit Code: 137');
  });
  it('reads restarts, the waiting state and the 100Mi limit', () => {
    expect(facts.find((f) => f.kind === 'restart-count')?.value).toBe(6);
    expect(facts.find((f) => f.kind === 'container-state')?.value).toBe('waiting');
    const limit = facts.find((f) => f.kind === 'memory-limit');
    expect(limit?.value).toBe(104857600);
    expect(limit?.source.line).toBe(40);
  });
  it('has no eviction and no JVM', () => {
    expect(kinds(facts)).not.toContain('evicted');
    expect(kinds(facts)).not.toContain('jvm-max-heap');
  });
});

describe('evictions', () => {
  it('cosmos pod status: evicted for memory, container usage above its request', () => {
    const facts = factsOf('kubectl-pod/kubectl-get-pod-yaml.cosmos-operator-185-evicted-folded-message.fragment.yaml', 'pod.yaml');
    const ev = facts.filter((f) => f.kind === 'evicted');
    expect(ev).toHaveLength(1);
    expect(ev[0]?.value).toBe('memory');
    expect(ev[0]?.basis).toBe('pod-status');
    expect(ev[0]?.text).toContain('The node was low on resource: memory');
    expect(ev[0]?.source.line).toBe(1);
  });
  it('k8s #91600 event: evicted for ephemeral-storage, not memory', () => {
    const facts = factsOf('kubectl-events/kubectl-describe-pod-events.k8s-91600-evicted-old-from-column.txt', 'events.txt');
    const ev = facts.filter((f) => f.kind === 'evicted');
    expect(ev).toHaveLength(1);
    expect(ev[0]?.value).toBe('ephemeral-storage');
    expect(ev[0]?.containerName).toBe('calico-node');
    expect(ev[0]?.source.line).toBe(7);
  });
  it('reads the kubelet message: resource, container, usage and request', () => {
    expect(readEvictionMessage('The node was low on resource: memory. Container node was using 35505620Ki, which exceeds its request of 12Gi. ')).toEqual({
      resource: 'memory',
      containerName: 'node',
      usageBytes: 35505620 * 1024,
      requestBytes: 12 * 1024 ** 3,
    });
    expect(readEvictionMessage('The node was low on resource: memory. Threshold quantity: 100Mi, available: 91996Ki. ').resource).toBe('memory');
    expect(readEvictionMessage('Pod The node had condition: [MemoryPressure]. ').resource).toBe('memory');
    expect(readEvictionMessage(null)).toEqual({ resource: null, containerName: null, usageBytes: null, requestBytes: null });
    expect(readEvictionMessage('x'.repeat(100_000)).resource).toBeNull();
  });
});

describe('tables and events', () => {
  it('seed 002 kubectl get po: STATUS OOMKilled with one restart', () => {
    const facts = factsOf('kubectl-get-pods/seed-002-get-po-oomkilled.txt', 'get-po.txt');
    expect(facts.find((f) => f.kind === 'terminated-oomkilled')).toMatchObject({ podName: 'importer-wbm-vda', basis: 'get-pods', source: { line: 3 } });
    expect(facts.find((f) => f.kind === 'restart-count')?.value).toBe(1);
  });
  it('an OOMKilling event quoting a memory-cgroup kill', () => {
    const facts = factsOf('kubectl-events/kubectl-describe-node.k8s-docs-oomkilling-event-line.txt', 'events.txt');
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: 'oom-killing-event', value: 'memcg', basis: 'event' });
    expect(facts[0]?.text).toContain('Kill process 4481 (stress)');
  });
});

describe('docker and crictl inspect', () => {
  it('running containers without a limit: a running state, restart count 0, no kill', () => {
    const facts = factsOf('docker-inspect/inspect.insights-core-docker1.9-devicemapper-memory0.json', 'inspect.json');
    expect(facts.find((f) => f.kind === 'container-state')).toMatchObject({ value: 'running', source: { line: 12 } });
    expect(facts.find((f) => f.kind === 'restart-count')?.value).toBe(0);
    expect(kinds(facts)).not.toContain('terminated-oomkilled');
    expect(kinds(facts)).not.toContain('memory-limit');
  });
  it('crictl runtime spec: the 256 MiB limit with its line and the kubelet names', () => {
    const facts = factsOf('crictl-inspect/crictl-inspect.crio-3769-runtimespec-memory-limit.fragment.txt', 'inspect.txt');
    expect(facts.find((f) => f.kind === 'memory-limit')).toMatchObject({ value: 268435456, containerName: 'container1', podName: 'podsandbox1', source: { line: 23 } });
  });
  it('seed 004 grep fragments say nothing about the workload', () => {
    expect(factsOf('docker-inspect/seed-004-inspect-grep-pid-45c3345632cb.txt', 'inspect.txt')).toEqual([]);
  });
  it('OOMKilled on an exited docker container is a kill; on a running one a process inside was killed', () => {
    const exited = JSON.stringify([{ Id: 'a'.repeat(64), Name: '/k8s_app_web-0_shop_0b6f7c5e-6a55-4a46-9a2c-2f0d3c1b9e11_3', State: { Status: 'exited', Running: false, OOMKilled: true, ExitCode: 137 }, HostConfig: { Memory: 536870912 } }], null, 2);
    const facts = deriveWorkloadFacts([{ path: 'inspect.json', formatId: 'docker-inspect', data: parseFileText('inspect.json', exited).data }]);
    expect(facts.find((f) => f.kind === 'terminated-oomkilled')).toMatchObject({ value: 137, containerName: 'app', podName: 'web-0', podNamespace: 'shop' });
    const running = exited.replace('"exited"', '"running"').replace('"Running": false', '"Running": true');
    const facts2 = deriveWorkloadFacts([{ path: 'inspect.json', formatId: 'docker-inspect', data: parseFileText('inspect.json', running).data }]);
    expect(kinds(facts2)).not.toContain('terminated-oomkilled');
    expect(facts2.find((f) => f.kind === 'oom-killing-event')?.text).toContain('still running');
  });
});

describe('JVM heap', () => {
  it('NMT (prometheus client_java, JDK 21): Java Heap reserved, total and non-heap committed', () => {
    const facts = factsOf('jvm-nmt/nmt-summary.prometheus-client_java-scale-bytes-jdk21.txt', 'nmt.txt');
    expect(facts.find((f) => f.kind === 'jvm-max-heap')).toMatchObject({ value: 8531214336, basis: 'nmt', source: { line: 7 } });
    expect(facts.find((f) => f.kind === 'jvm-nmt-committed')).toMatchObject({ value: 642716389, source: { line: 3 } });
    // 642716389 − 536870912 (Java Heap committed)
    expect(facts.find((f) => f.kind === 'jvm-nmt-non-heap')?.value).toBe(105845477);
  });
  const podWith = (env: string, limit = '2Gi'): WorkloadFact[] => {
    const yaml = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: orders-0',
      '  namespace: shop',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: eclipse-temurin:21',
      '    env:',
      `    ${env}`,
      '    resources:',
      '      limits:',
      `        memory: ${limit}`,
      '',
    ].join('\n');
    const parsed = parseFileText('pod.yaml', yaml);
    expect(parsed.formatId).toBe('kubectl-pod');
    return deriveWorkloadFacts([{ path: 'pod.yaml', formatId: parsed.formatId, data: parsed.data }]);
  };
  it('-Xmx from JAVA_TOOL_OPTIONS', () => {
    const heap = podWith('- {name: JAVA_TOOL_OPTIONS, value: "-Xms1g -Xmx1536m"}').find((f) => f.kind === 'jvm-max-heap');
    expect(heap).toMatchObject({ value: 1536 * 1024 ** 2, basis: 'xmx', containerName: 'app', podName: 'orders-0' });
    expect(heap?.text).toBe('-Xmx1536m (JAVA_TOOL_OPTIONS)');
  });
  it('MaxRAMPercentage × the container limit', () => {
    const heap = podWith('- {name: JAVA_OPTS, value: "-XX:MaxRAMPercentage=75.0"}').find((f) => f.kind === 'jvm-max-heap');
    expect(heap).toMatchObject({ value: 1610612736, basis: 'max-ram-percentage' });
  });
});

describe('bad input', () => {
  it('ignores data of the wrong shape', () => {
    expect(
      deriveWorkloadFacts([
        { path: 'a', formatId: 'kubectl-pod', data: null },
        { path: 'b', formatId: 'kubectl-pod', data: { pods: 'x' } },
        { path: 'c', formatId: 'jvm-nmt', data: { categories: 3 } },
        { path: 'd', formatId: 'docker-inspect', data: [] },
        { path: 'e', formatId: 'kubectl-events', data: { events: [] } },
      ]),
    ).toEqual([]);
  });
});
