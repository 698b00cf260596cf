// jvm-heap-headroom and oom-partial-kill from workload facts. Real samples where the corpus has them
// (the JDK 21 NMT summary, kernel OOM reports); the pod specs and statuses around them are
// hand-written here, because no real sample carries -Xmx or a running status next to a kernel kill.
import { describe, expect, it } from 'vitest';
import { deriveWorkloadFacts } from '../analyze/workload-facts';
import { oomEventsOf } from '../analyze/analyze-bundle';
import { fixtureFiles } from '../../../test/helpers/fixture-bundle';
import { parseFileText } from '../formats/parse-file';
import type { AnalysisFile } from '../analyze/analyze-bundle';
import type { AnalysisInput } from './rule';
import { localizeFinding } from './run-rules';
import { jvmHeapHeadroomRule } from './jvm-heap-headroom';
import { oomPartialKillRule } from './oom-partial-kill';
import { group, inputOf, MiB } from './test-groups';

const GiB = 1024 ** 3;

function podYaml(opts: { env?: string; args?: string; limit: string; containerId?: string; state?: string; restarts?: number }): AnalysisFile {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: orders-0', '  namespace: shop', 'spec:', '  containers:', '  - name: app', '    image: eclipse-temurin:21'];
  if (opts.args) lines.push(`    args: [${opts.args}]`);
  if (opts.env) lines.push('    env:', `    ${opts.env}`);
  lines.push('    resources:', '      limits:', `        memory: ${opts.limit}`);
  if (opts.state) {
    lines.push('status:', '  containerStatuses:', '  - name: app', `    containerID: containerd://${opts.containerId ?? ''}`, `    restartCount: ${opts.restarts ?? 0}`, '    state:', `      ${opts.state}: {startedAt: "2024-05-01T10:00:00Z"}`);
  }
  const parsed = parseFileText('pod.yaml', `${lines.join('\n')}\n`);
  expect(parsed.formatId).toBe('kubectl-pod');
  return { path: 'pod.yaml', formatId: parsed.formatId, data: parsed.data };
}

function inputFrom(files: AnalysisFile[], base: AnalysisInput = { snapshots: [], oomEvents: [], workloadFacts: [] }): AnalysisInput {
  return { ...base, oomEvents: oomEventsOf(files), workloadFacts: deriveWorkloadFacts(files) };
}

const NMT = fixtureFiles([['jvm-nmt/nmt-summary.prometheus-client_java-scale-bytes-jdk21.txt', 'jvm/nmt.txt']]);

describe('jvm-heap-headroom', () => {
  it('seed 004 as the post tells it (-Xms8g -Xmx8g, 16Gi limit): 50% heap leaves enough, silent', () => {
    const drafts = jvmHeapHeadroomRule.evaluate(inputFrom([podYaml({ args: '"-Xms8g", "-Xmx8g", "-jar", "/app.jar"', limit: '16Gi' })]));
    expect(drafts).toEqual([]);
  });
  it('-Xmx7g under 8Gi: 87.5% of the limit is a warning, quoting the flag and the limit line', () => {
    const drafts = jvmHeapHeadroomRule.evaluate(inputFrom([podYaml({ args: '"-Xmx7g"', limit: '8Gi' })]));
    expect(drafts).toHaveLength(1);
    const d = drafts[0]!;
    expect(d.severity).toBe('warning');
    expect(d.scope).toBe('shop/orders-0 / app');
    expect(d.metrics).toMatchObject({ maxHeapBytes: 7 * GiB, limitBytes: 8 * GiB, heapShareOfLimit: 0.875, headroomBytes: GiB, maxHeapBasis: 'xmx' });
    expect(d.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'pod.yaml', lineStart: 13 })]));
    const en = localizeFinding(d, 'en', () => null);
    expect(en.summary).toContain('maximum heap is 7.0 GiB');
    expect(en.summary).toContain('-Xmx7g (args)');
    expect(en.summary).toContain('87.5% of the 8.0 GiB');
    expect(en.summary).toContain('threshold 75.0%');
    expect(localizeFinding(d, 'zh-CN', () => null).summary).toContain('JVM 最大堆为 7.0 GiB');
  });
  it('MaxRAMPercentage=75 is at the threshold, not above it: silent; 95 is critical', () => {
    expect(jvmHeapHeadroomRule.evaluate(inputFrom([podYaml({ env: '- {name: JAVA_TOOL_OPTIONS, value: "-XX:MaxRAMPercentage=75"}', limit: '4Gi' })]))).toEqual([]);
    const drafts = jvmHeapHeadroomRule.evaluate(inputFrom([podYaml({ env: '- {name: JAVA_TOOL_OPTIONS, value: "-XX:MaxRAMPercentage=95"}', limit: '4Gi' })]));
    expect(drafts[0]?.severity).toBe('critical');
    expect(drafts[0]?.metrics['maxHeapBasis']).toBe('max-ram-percentage');
  });
  it('the real NMT summary (heap reserved 7.9 GiB, 101 MiB non-heap) under an 8Gi limit: critical, with NMT figures', () => {
    const drafts = jvmHeapHeadroomRule.evaluate(inputFrom([...NMT, podYaml({ limit: '8Gi' })]));
    expect(drafts).toHaveLength(1);
    const d = drafts[0]!;
    expect(d.severity).toBe('critical');
    expect(d.scope).toBe('shop/orders-0 / app');
    expect(d.metrics).toMatchObject({ maxHeapBytes: 8531214336, maxHeapBasis: 'nmt', nmtNonHeapCommittedBytes: 105845477, projectedBytes: 8531214336 + 105845477 });
    expect(d.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'jvm/nmt.txt', lineStart: 3, lineEnd: 7 })]));
    expect(localizeFinding(d, 'en', () => null).summary).toContain('Native Memory Tracking shows 100.9 MiB (105845477 B) committed outside the heap');
  });
  it('the same NMT under 16Gi: silent', () => {
    expect(jvmHeapHeadroomRule.evaluate(inputFrom([...NMT, podYaml({ limit: '16Gi' })]))).toEqual([]);
  });
  it('NMT against the only container cgroup of the snapshot: committed against usage', () => {
    const container = group({ path: '/kubepods/burstable/podx/abc', role: 'container', usageBytes: 8000 * MiB, limitBytes: 8 * GiB });
    const drafts = jvmHeapHeadroomRule.evaluate(inputFrom(NMT, inputOf([container])));
    expect(drafts[0]?.metrics).toMatchObject({ usageBytes: 8000 * MiB, nmtCommittedBytes: 642716389, limitBytes: 8 * GiB });
    expect(localizeFinding(drafts[0]!, 'en', () => null).summary).toContain('against the container’s usage of 7.8 GiB (8388608000 B)');
  });
  it('NMT alone, no limit anywhere: silent', () => {
    expect(jvmHeapHeadroomRule.evaluate(inputFrom(NMT))).toEqual([]);
  });
});

describe('oom-partial-kill from statuses', () => {
  // AKS kernel log: stress-ng-vm killed in cri-containerd-25a38b5b….scope (real); the status is hand-written.
  const log = fixtureFiles([['kernel-log/13-k5.15-aks-syslog-cgroup2-kubepods-npd-echo-second-start.log', 'node/syslog']]);
  const id = '25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca';
  it('the killed task’s container is running with no OOMKilled status: fires', () => {
    const drafts = oomPartialKillRule.evaluate(inputFrom([...log, podYaml({ limit: '1Gi', containerId: id, state: 'running', restarts: 0 })]));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.scope).toBe('shop/orders-0 / app');
    expect(drafts[0]?.metrics).toMatchObject({ victimPid: 183960, restartCount: 0, containerState: 'running' });
    const en = localizeFinding(drafts[0]!, 'en', () => null);
    expect(en.summary).toContain('stress-ng-vm (pid 183960) was OOM-killed');
    expect(en.summary).toContain('kubectl shows the container running, restart count 0, with no OOMKilled status');
  });
  it('silent when the container is another one, or was restarted for the OOM kill', () => {
    expect(oomPartialKillRule.evaluate(inputFrom([...log, podYaml({ limit: '1Gi', containerId: 'f'.repeat(64), state: 'running' })]))).toEqual([]);
    const restarted = podYaml({ limit: '1Gi', containerId: id, state: 'running', restarts: 1 });
    const pods = restarted.data as { pods: { containers: { lastState: unknown }[] }[] };
    pods.pods[0]!.containers[0]!.lastState = { state: 'terminated', reason: 'OOMKilled', exitCode: 137, signal: null, startedAt: null, finishedAt: null, message: null, line: 20 };
    expect(oomPartialKillRule.evaluate(inputFrom([...log, restarted]))).toEqual([]);
  });
});
