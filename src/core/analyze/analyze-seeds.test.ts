// The engine on the seed incidents (shared/seeds, copied into test/fixtures) and on the corpus's
// Kubernetes/runtime samples: which findings must fire and which must stay silent, with the numbers.
// Seed 004: a JVM with -Xms8g/-Xmx8g (the post's words; no captured file has the flags) OOM-killed at
// a 16 GiB pod limit, 8.4 GiB of it shmem left by an earlier container in a memory-backed emptyDir.
// Seed 000 has no capture of the container's numbers (only the node's `free`): nothing to assert.
// Seed 002 has no capture of the importer's dirty pages (only `kubectl get po` and a node `vmstat`):
// its dirty-page-cache story is covered by the lab dirty-writeback bundle (analyze-lab.test.ts).
import { describe, expect, it } from 'vitest';
import { analyzeBundle, type BundleAnalysis } from './analyze-bundle';
import { fixtureFiles, type FixtureInBundle } from '../../../test/helpers/fixture-bundle';
import { renderHeadline } from '../model/headline-text';
import { localizeFinding } from '../rules/run-rules';

function analyze(files: readonly FixtureInBundle[]): BundleAnalysis {
  return analyzeBundle(fixtureFiles(files));
}

function ids(a: BundleAnalysis): string[] {
  return a.findings.map((f) => f.id);
}

const GiB = 1024 ** 3;

describe('seed 004: JVM 8 GiB of a 16 GiB pod limit, 8.4 GiB shmem owned by no running container', () => {
  const a = analyze([
    ['kernel-log/seed-004-report-1-shmem-emptydir.txt', 'seed-004/oom-report.txt'],
    ['memstat-series/shmem-leak-check.log.seed004.txt', 'seed-004/shmem-leak-check.log'],
    ['kubelet-summary/seed-004-curl-stats-summary-annotated-elided.txt', 'seed-004/stats-summary.txt'],
    ['cgroup-v1-memory-stat/memory.stat.seed004-container-shmem-cat-prompt.txt', 'seed-004/pod-shell/memory.stat'],
    ['docker-inspect/seed-004-inspect-grep-pid-45c3345632cb.txt', 'seed-004/inspect-45c3345632cb.txt'],
    ['docker-inspect/seed-004-inspect-grep-pid-e00a11510727.txt', 'seed-004/inspect-e00a11510727.txt'],
    ['top/top.seed004-in-pod-node-header-no-top-line.txt', 'seed-004/top.txt'],
    ['fincore/seed-004-fincore-detection-script-summarize.txt', 'seed-004/fincore.txt'],
    ['procdump-listing/seed-004-procdump-dd-output.txt', 'seed-004/procdump.txt'],
  ]);
  const event = a.oomEvents[0]?.event;

  it('the kill: the pod at its 16 GiB limit, java the victim', () => {
    expect(a.ruleFailures).toEqual([]);
    expect(a.oomEvents).toHaveLength(1);
    expect(a.headline?.kind).toBe('oom');
    expect(a.headline?.limitBytes).toBe(16 * GiB);
    expect(a.headline?.usageBytes).toBe(16 * GiB);
    expect(a.headline?.victim).toMatchObject({ comm: 'java', pid: 212425 });
  });

  it('the headline: 8.4 GiB shmem charged to the pod, not the container; ~7.5 GiB anonymous (the JVM)', () => {
    const shmem = a.headline?.parts.find((p) => p.category === 'shmem');
    // 8840436 kB on the finished container's line of the report
    expect(shmem?.bytes).toBe(8840436 * 1024);
    expect(shmem?.place).toBe('pod-itself');
    const anon = a.headline?.parts.find((p) => p.category === 'anon');
    // 388 kB + 7917200 kB (the java container's rss)
    expect(anon?.bytes).toBe((388 + 7917200) * 1024);
    expect(anon!.bytes).toBeGreaterThan(7.5 * GiB);
    expect(anon!.bytes).toBeLessThan(8 * GiB);
    expect(a.headline?.parts[0]?.category).toBe('shmem');
    const en = renderHeadline(a.headline, 'en');
    expect(en).toContain('reached its 16.0 GiB limit');
    expect(en).toContain('8.4 GiB shmem charged to the pod itself, owned by no running container');
    expect(en).toContain('7.6 GiB anonymous memory');
    expect(renderHeadline(a.headline, 'zh-CN')).toContain('记在 Pod 自身');
  });

  it('the JVM process: 1985479 pages (7.6 GiB) of RSS in the task table', () => {
    const java = event?.tasks.find((t) => t.pid === 212425);
    expect(java?.rssPages).toBe(1985479);
    expect((java?.rssPages ?? 0) * 4096).toBeGreaterThan(7.5 * GiB);
  });

  it('fires the kill, shmem-dominant and shmem-orphaned at the kill; not anon-near-limit, not the JVM heap', () => {
    expect(ids(a)).toEqual(expect.arrayContaining(['oom-kill-memcg', 'shmem-dominant', 'shmem-orphaned', 'victim-selection']));
    expect(ids(a)).not.toContain('anon-near-limit');
    expect(ids(a)).not.toContain('eviction');
    // No captured file carries -Xmx; at 8 GiB of 16 GiB (50%) the heap would leave enough headroom anyway.
    expect(ids(a)).not.toContain('jvm-heap-headroom');
    const orphaned = a.findings.find((f) => f.id === 'shmem-orphaned' && f.metrics['remainderShmemBytes'] === 8840436 * 1024);
    expect(orphaned?.severity).toBe('critical');
    expect(orphaned?.metrics['containersUsageBytes']).toBe((7917200 + 132) * 1024);
    expect(orphaned?.evidence.map((e) => e.lineStart)).toEqual(expect.arrayContaining([30, 34, 36]));
    const dominant = a.findings.find((f) => f.id === 'shmem-dominant' && f.metrics['shmemBytesAtKill'] === 8840436 * 1024);
    expect(dominant?.severity).toBe('critical');
    expect(dominant?.metrics['shmemShareOfLimitAtKill']).toBe(0.527);
  });

  it('the findings render in both languages with the numbers', () => {
    const read = (): string => '';
    const orphaned = a.findings.find((f) => f.id === 'shmem-orphaned' && f.metrics['remainderShmemBytes'] === 8840436 * 1024);
    expect(orphaned).toBeDefined();
    const en = localizeFinding(orphaned!, 'en', read);
    expect(en.summary).toContain('uses 16.0 GiB');
    expect(en.summary).toContain('use only 7.6 GiB');
    expect(en.summary).toContain('of which 8.4 GiB');
    expect(localizeFinding(orphaned!, 'zh-CN', read).summary).toContain('8.4 GiB');
  });
});

describe('seed 002: kubectl get po shows the importer OOMKilled (no kernel log in the post)', () => {
  const a = analyze([['kubectl-get-pods/seed-002-get-po-oomkilled.txt', 'seed-002/get-po.txt']]);
  it('oom-kill-memcg fires from the STATUS column', () => {
    const kill = a.findings.find((f) => f.id === 'oom-kill-memcg');
    expect(kill?.scope).toBe('importer-wbm-vda');
    expect(kill?.evidence).toEqual([{ file: 'seed-002/get-po.txt', lineStart: 3, lineEnd: 3 }]);
    expect(kill?.metrics['restartCount']).toBe(1);
    const en = localizeFinding(kill!, 'en', () => null);
    expect(en.summary).toContain('importer-wbm-vda was OOM-killed at its memory limit');
    expect(en.summary).toContain('kubectl get pods');
    expect(localizeFinding(kill!, 'zh-CN', () => null).summary).toContain('被 OOM 杀掉');
  });
});

describe('corpus: kubectl and inspect samples', () => {
  it('holmesgpt describe: an OOMKilled crash loop (exit 137, 6 restarts, 100Mi limit)', () => {
    const a = analyze([['kubectl-describe-pod/kubectl-describe-pod.holmesgpt-oomkilled-crashloop-with-tool-wrapper.txt', 'describe.txt']]);
    expect(ids(a)).toEqual(['oom-kill-memcg']);
    const kill = a.findings[0];
    expect(kill?.scope).toBe('default/analytics-exporter-fast-76897854c-cw5wh / memory-eater');
    expect(kill?.metrics).toMatchObject({ exitCode: 137, restartCount: 6, limitBytes: 104857600 });
    expect(kill?.evidence.some((e) => e.lineStart === 32)).toBe(true);
    expect(kill?.evidence.some((e) => e.lineStart === 40)).toBe(true);
  });
  it('starburst describe fragment and the docs lastState fragment: OOMKilled', () => {
    for (const f of ['kubectl-describe-pod/kubectl-describe-pod.starburst-pr1-container-fragment-state-terminated-oomkilled.txt', 'kubectl-pod/kubectl-get-pod-yaml.k8s-docs-laststate-fragment-3space.yaml']) {
      const a = analyze([[f, f.slice(f.indexOf('/') + 1)]]);
      expect(ids(a), f).toContain('oom-kill-memcg');
      expect(a.findings.find((x) => x.id === 'oom-kill-memcg')?.metrics['exitCode']).toBe(137);
    }
  });
  it('cosmos pod evicted for memory: eviction fires with usage against request; no OOM kill', () => {
    const a = analyze([['kubectl-pod/kubectl-get-pod-yaml.cosmos-operator-185-evicted-folded-message.fragment.yaml', 'pod.yaml']]);
    expect(ids(a)).toEqual(['eviction']);
    const f = a.findings[0];
    expect(f?.severity).toBe('critical');
    expect(f?.metrics).toMatchObject({ resource: 'memory', containerUsageBytes: 35505620 * 1024, containerRequestBytes: 12 * GiB });
    const en = localizeFinding(f!, 'en', () => null);
    expect(en.summary).toContain('not a kernel OOM kill');
    expect(en.summary).toContain('container node was using 33.9 GiB, above its request of 12.0 GiB');
    expect(localizeFinding(f!, 'zh-CN', () => null).summary).toContain('不是内核 OOM');
  });
  it('k8s #91600: an eviction for ephemeral-storage is not a memory finding', () => {
    const a = analyze([['kubectl-events/kubectl-describe-pod-events.k8s-91600-evicted-old-from-column.txt', 'events.txt']]);
    expect(ids(a)).toEqual([]);
  });
  it('an OOMKilling event names the victim from the kernel message', () => {
    const a = analyze([['kubectl-events/kubectl-describe-node.k8s-docs-oomkilling-event-line.txt', 'events.txt']]);
    expect(a.findings.find((f) => f.id === 'oom-kill-memcg')?.metrics['victimPid']).toBe(4481);
  });
  it('running docker containers with no limit: nothing fires', () => {
    const a = analyze([
      ['docker-inspect/inspect.insights-core-docker1.9-devicemapper-memory0.json', 'a/inspect.json'],
      ['docker-inspect/inspect.testttdock-2019-running-no-limit.json', 'b/inspect.json'],
      ['crictl-inspect/crictl-inspect.crio-3769-runtimespec-memory-limit.fragment.txt', 'c/inspect.txt'],
    ]);
    expect(ids(a)).toEqual([]);
    expect(a.workloadFacts?.length).toBeGreaterThan(0);
  });
  it('a kernel log and counters win over statuses: one kill finding, from the log', () => {
    const a = analyze([
      ['kernel-log/seed-004-report-1-shmem-emptydir.txt', 'x/oom.txt'],
      ['kubectl-get-pods/seed-002-get-po-oomkilled.txt', 'x/get-po.txt'],
    ]);
    const kills = a.findings.filter((f) => f.id === 'oom-kill-memcg');
    expect(kills).toHaveLength(1);
    expect(kills[0]?.metrics['victimPid']).toBe(212425);
  });
});
