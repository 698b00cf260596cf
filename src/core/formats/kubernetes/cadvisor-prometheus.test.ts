import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { createCadvisorLineParser, detectCadvisorPrometheus, parseCadvisorPrometheus } from './cadvisor-prometheus';
import { sampleInteger, scanPrometheusLine } from './prometheus-line';
import { splitLines } from '../text/lines';
import { BlockLineFeeder } from '../../bundle/block-line-feeder';

describe('scanPrometheusLine', () => {
  it('reads names, escaped labels, value and timestamp', () => {
    expect(scanPrometheusLine('m{a="x\\"y",b="c\\\\d",n="l1\\nl2"} 1.5e+09 1626540112334')).toEqual({
      kind: 'sample',
      name: 'm',
      labels: [
        ['a', 'x"y'],
        ['b', 'c\\d'],
        ['n', 'l1\nl2'],
      ],
      valueText: '1.5e+09',
      timestampText: '1626540112334',
    });
    expect(scanPrometheusLine('m 3')).toMatchObject({ kind: 'sample', labels: [], valueText: '3', timestampText: null });
    expect(scanPrometheusLine('# TYPE m gauge').kind).toBe('comment');
    expect(scanPrometheusLine('   ').kind).toBe('blank');
  });

  it('reports lines cut short instead of guessing', () => {
    expect(scanPrometheusLine('container_memory_rss{id="/kubepods/pod1",image="k8s.gcr.io/pau').kind).toBe('truncated');
    expect(scanPrometheusLine('container_memory_rss{id="/"}').kind).toBe('truncated');
    expect(scanPrometheusLine('container_memory_rss{id=/} 1').kind).toBe('malformed');
    expect(scanPrometheusLine('...').kind).toBe('malformed');
  });

  it('turns values into exact integers only when they are', () => {
    expect(sampleInteger('5.49412864e+08')).toEqual({ ok: true, value: 549412864 });
    expect(sampleInteger('1.84467440621278e+19')).toEqual({ ok: false, reason: 'too-large' });
    expect(sampleInteger('NaN')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(sampleInteger('+Inf')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(sampleInteger('0.5')).toEqual({ ok: false, reason: 'not-integer' });
  });

  it('is linear on long lines of digits or quotes', () => {
    const start = Date.now();
    scanPrometheusLine(`m{a="${'x'.repeat(2_000_000)}"} 1`);
    sampleInteger('1'.repeat(1_000_000) + 'x');
    scanPrometheusLine('m{' + 'a="b",'.repeat(200_000));
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('cadvisor-prometheus', () => {
  it('reads the kubelet label set and roles (k3s, cgroup v2: max usage 0 everywhere)', () => {
    const r = parseCadvisorPrometheus(fixture('cadvisor-prometheus/metrics-cadvisor.k3s-7255-cgroupv2-max-usage-zero.excerpt.prom'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.containers.map((c) => [c.id, c.role, c.maxUsageBytes])).toEqual([
      ['/', 'node', 0],
      ['/k3s', 'other', 0],
      ['/kubepods', 'qos', 0],
      ['/kubepods/besteffort', 'qos', 0],
      ['/kubepods/besteffort/podbd499985-4a2c-4615-8af8-3c80dcf7bd3d', 'pod', 0],
    ]);
    expect(r.value?.containers[4]).toMatchObject({ pod: 'traefik-df4ff85d6-md5c5', namespace: 'kube-system', podUid: 'bd499985-4a2c-4615-8af8-3c80dcf7bd3d', timestampMs: 1681163351580 });
  });

  it('reads exponent values exactly and skips a line cut at 200 bytes with a warning', () => {
    const r = parseCadvisorPrometheus(fixture('cadvisor-prometheus/metrics-cadvisor.talos-pr3950-working-set-cut-b200.excerpt.prom'), CTX);
    expect(r.status).toBe('partial');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'line-truncated', line: 6, params: { count: 1 } })]);
    expect(r.value?.containers.find((c) => c.id === '/kubepods')?.workingSetBytes).toBe(549412864);
    expect(r.value?.containers.find((c) => c.pod === 'alpine')).toMatchObject({ workingSetBytes: 40415232, lines: { workingSetBytes: 5 } });
  });

  it('keeps failure series with their dimension labels, and sandboxes apart from containers', () => {
    const r = parseCadvisorPrometheus(fixture('cadvisor-prometheus/metrics-cadvisor.rke2-7436-failcnt-failure_type.excerpt.prom'), CTX);
    const byRole = Object.fromEntries((r.value?.containers ?? []).map((c) => [c.role, c]));
    expect(byRole['container']).toMatchObject({ container: 'socat', failcnt: 0 });
    expect(byRole['sandbox']?.image).toBe('docker.io/rancher/mirrored-pause:3.6');
    expect(byRole['pod']?.otherSamples).toEqual([
      { metric: 'container_memory_failures_total', labels: { failure_type: 'pgfault', scope: 'container' }, value: 4157, text: '4157', timestampMs: 1734380418525, line: 3 },
      { metric: 'container_memory_failures_total', labels: { failure_type: 'pgfault', scope: 'hierarchy' }, value: 4157, text: '4157', timestampMs: 1734380418525, line: 4 },
    ]);
  });

  it('keeps a huge value as text with a warning, never as a figure; a v1 "no limit" is unlimited', () => {
    const text = [
      'container_spec_memory_limit_bytes{container="app",id="/kubepods/burstable/pod1/abc",namespace="ns",pod="p"} 1.84467440621278e+19',
      'container_memory_usage_bytes{container="app",id="/kubepods/burstable/pod1/abc",namespace="ns",pod="p"} 1.84467440621278e+19',
      'container_spec_memory_limit_bytes{container="db",id="/kubepods/burstable/pod1/def",namespace="ns",pod="p"} 0',
    ].join('\n');
    const r = parseCadvisorPrometheus(text, CTX);
    const app = r.value?.containers.find((c) => c.container === 'app');
    expect(app).toMatchObject({ limitBytes: null, limitUnlimited: true, usageBytes: null, valueText: { limitBytes: '1.84467440621278e+19', usageBytes: '1.84467440621278e+19' } });
    expect(r.value?.containers.find((c) => c.container === 'db')).toMatchObject({ limitBytes: null, limitUnlimited: true });
    expect(r.warnings.map((w) => [w.code, w.params?.['count']])).toEqual([['value-too-large', 2]]);
  });

  it('reads old docker labels (container_label_io_kubernetes_*)', () => {
    const line =
      'container_memory_working_set_bytes{container_label_io_kubernetes_container_name="java",container_label_io_kubernetes_pod_name="web-1",container_label_io_kubernetes_pod_namespace="prod",container_label_io_kubernetes_pod_uid="96bc17dc-f218-4e61-be05-c945fa8670f9",id="/docker/24ec",image="app",name="k8s_java_web-1_prod_96bc17dc_0"} 8.589934592e+09';
    const c = parseCadvisorPrometheus(line, CTX).value?.containers[0];
    expect(c).toMatchObject({ labelStyle: 'docker-labels', container: 'java', pod: 'web-1', namespace: 'prod', podUid: '96bc17dc-f218-4e61-be05-c945fa8670f9', workingSetBytes: 8589934592, role: 'container' });
  });

  it('reads pre-1.16 kubelet labels (pod_name, container_name) and the systemd pod uid', () => {
    const line = 'container_memory_rss{container_name="POD",id="/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice/docker-1.scope",pod_name="w"} 1';
    expect(parseCadvisorPrometheus(line, CTX).value?.containers[0]).toMatchObject({ labelStyle: 'kubelet-legacy', role: 'sandbox', podUid: '96bc17dc-f218-4e61-be05-c945fa8670f9' });
  });

  it('streams: the line parser gives what parse gives, and drops non-memory series', () => {
    const text = fixture('cadvisor-prometheus/seed-004-cadvisor-grep-memory-elided.txt') + '\ncontainer_cpu_usage_seconds_total{id="/"} 12.5\n';
    const p = createCadvisorLineParser(CTX);
    splitLines(text).forEach((l, k) => p.pushLine(l, k + 1));
    const streamed = p.finish();
    expect(streamed).toEqual(parseCadvisorPrometheus(text, CTX));
    expect(streamed.value?.skippedSamples).toBe(1);
    expect(streamed.value?.containers.find((c) => c.role === 'pod')?.cacheBytes).toBe(974966784);
    expect(streamed.value?.containers.find((c) => c.container === 'my-nettools')?.swapLimitBytes).toBe(1073741824);
  });

  it('ignores scrape and federation labels when deciding what a series is', () => {
    const line = 'container_memory_working_set_bytes{cluster="prod-eu",container="app",id="/kubepods/burstable/pod1/abc",instance="10.0.0.7:10250",job="kubelet",namespace="n",node="node-7",pod="p"} 123';
    const numa = 'container_memory_numa_pages{container="app",id="/kubepods/burstable/pod1/abc",namespace="n",node="0",pod="p",scope="container",type="anon"} 42';
    const c = parseCadvisorPrometheus(`${line}\n${numa}`, CTX).value?.containers[0];
    expect(c?.workingSetBytes).toBe(123);
    expect(c?.otherSamples).toEqual([expect.objectContaining({ metric: 'container_memory_numa_pages', labels: { node: '0', scope: 'container', type: 'anon' }, value: 42 })]);
  });

  it('keeps the first of repeated series (several scrapes) and says so', () => {
    const r = parseCadvisorPrometheus('container_memory_rss{id="/a"} 1\ncontainer_memory_rss{id="/a"} 2\n', CTX);
    expect(r.value?.containers[0]?.rssBytes).toBe(1);
    expect(r.warnings[0]?.code).toBe('duplicate-series');
  });

  it('keeps the first sample of a series with dimension labels too: a later scrape repeats it, whatever its label order', () => {
    const text = [
      'container_memory_failures_total{failure_type="pgfault",id="/a",scope="container"} 10 1700000000000',
      'container_memory_failures_total{failure_type="pgfault",id="/a",scope="hierarchy"} 11 1700000000000',
      'container_memory_failures_total{failure_type="pgfault",id="/a",scope="container"} 20 1700000060000',
      'container_memory_failures_total{scope="hierarchy",id="/a",failure_type="pgfault"} 21 1700000060000',
    ].join('\n');
    const r = parseCadvisorPrometheus(text, CTX);
    expect(r.value?.containers[0]?.otherSamples.map((s) => [s.labels['scope'], s.value])).toEqual([
      ['container', 10],
      ['hierarchy', 11],
    ]);
    expect(r.warnings.find((w) => w.code === 'duplicate-series')?.params?.count).toBe(2);
  });

  it('repeats known by their text (many scrapes) count as the full reading counts them', () => {
    const text = [
      'container_memory_rss{id="/a",pod="p"} 1',
      'container_cpu_usage_seconds_total{id="/a",pod="p"} 12.5 1700000000000',
      'container_memory_rss{id="/a",pod="p"} 2 1700000000000',
      'container_memory_rss{id="/a",pod="p"} NaN',
      'container_memory_rss{id="/a",pod="p"}',
      // A label value holding "} " is a different series, not a repeat of the first part.
      'container_memory_cache{id="/b} x",pod="p"} 10',
      'container_memory_cache{id="/b} y",pod="p"} 20',
    ].join('\n');
    const r = parseCadvisorPrometheus(text, CTX);
    const a = r.value?.containers.find((c) => c.id === '/a');
    expect(a?.rssBytes).toBe(1);
    // The first sample had no timestamp: a repeat's is taken, as for any later sample of the cgroup.
    expect(a?.timestampMs).toBe(1700000000000);
    expect(r.value?.containers.filter((c) => c.id?.startsWith('/b')).map((c) => [c.id, c.cacheBytes])).toEqual([
      ['/b} x', 10],
      ['/b} y', 20],
    ]);
    expect(r.value?.skippedSamples).toBe(1);
    const codes = Object.fromEntries(r.warnings.map((w) => [w.code, w.params?.count]));
    expect(codes).toEqual({ 'line-truncated': 1, 'duplicate-series': 2, 'value-too-large': 1 });
  });

  it('handles a large file in linear time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 60_000; i++) lines.push(`container_memory_working_set_bytes{container="c${i % 50}",id="/kubepods/pod${i}",namespace="n",pod="p${i}"} ${i * 4096} 1626540112334`);
    const start = Date.now();
    const r = parseCadvisorPrometheus(lines.join('\n'), CTX);
    expect(r.value?.containers).toHaveLength(60_000);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('detects by metric names; unusable without memory series; never throws on junk', () => {
    expect(detectCadvisorPrometheus('# HELP container_memory_rss x\ncontainer_memory_rss{id="/"} 1\n')).toBeGreaterThan(0.8);
    expect(detectCadvisorPrometheus('cache 1\nrss 2\n')).toBe(0);
    expect(parseCadvisorPrometheus('container_cpu_usage_seconds_total{id="/"} 1', CTX).status).toBe('unusable');
    expect(() => parseCadvisorPrometheus('\u0000{}"\\'.repeat(1000), CTX)).not.toThrow();
  });
});

describe('cadvisor-prometheus streamed through the block feeder', () => {
  const cpuFamily = (scrape: number, lines: number): string => {
    let out = '# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed in seconds.\n# TYPE container_cpu_usage_seconds_total counter\n';
    for (let i = 0; i < lines; i++) {
      out += `container_cpu_usage_seconds_total{container="app-${i}",cpu="total",id="/kubepods/burstable/pod0b1c${String(i).padStart(4, '0')}/c${i}",image="registry.example/app:1.${i}",name="k8s_app_${i}",namespace="default",pod="app-${i}"} ${scrape * 10 + i / 7} 1681163359${String(scrape).padStart(3, '0')}\n`;
    }
    return out;
  };
  const samples = [
    'metrics-cadvisor.cadvisor-1912-standalone-docker-old-labels.excerpt.prom',
    'metrics-cadvisor.k3s-7255-cgroupv2-max-usage-zero.excerpt.prom',
    'metrics-cadvisor.rke2-7436-failcnt-failure_type.excerpt.prom',
    'metrics-cadvisor.talos-pr3950-working-set-cut-b200.excerpt.prom',
    'seed-004-cadvisor-grep-memory-elided.txt',
  ];

  /** Parses `text` whole, and streamed through the block feeder in chunks; both results and the feeder's counts. */
  const bothWays = (text: string) => {
    const whole = parseCadvisorPrometheus(text, CTX);
    const parser = createCadvisorLineParser(CTX);
    const feeder = new BlockLineFeeder(parser);
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at < bytes.length; at += 100_000) feeder.push(bytes.subarray(at, at + 100_000));
    const lines = feeder.finish();
    return { whole, skimmed: parser.finish(), stats: feeder.stats, lines };
  };

  it('skims the families without memory series of a many-scrape file and keeps every memory series, repeat and warning', () => {
    let text = '';
    for (let scrape = 0; scrape < 4; scrape++) for (const name of samples) text += cpuFamily(scrape, 600) + fixture(`cadvisor-prometheus/${name}`).trimEnd() + '\n';
    const { whole, skimmed, stats, lines } = bothWays(text);
    expect(lines).toBe(splitLines(text).length);
    expect(stats.skippedLines).toBeGreaterThan(5000);
    expect(skimmed.value?.skimmedLineCount).toBe(stats.skippedLines);
    expect(skimmed.value?.containers).toEqual(whole.value?.containers);
    expect(skimmed.value?.machineMemoryBytes).toEqual(whole.value?.machineMemoryBytes);
    expect(skimmed.warnings).toEqual(whole.warnings);
    expect(skimmed.status).toBe(whole.status);
    // Only the samples read are counted as dropped; with the skimmed lines they make up the whole.
    expect((skimmed.value?.skippedSamples ?? 0) + (skimmed.value?.skimmedLineCount ?? 0)).toBeGreaterThanOrEqual(whole.value?.skippedSamples ?? 0);
  });

  it('takes the repeats of later scrapes from their bytes, and leaves a bad value, a new series, another order and a quote to the text way', () => {
    const series = (i: number) => `container_memory_working_set_bytes{container="app",id="/kubepods/burstable/pod-${i}/c${i}",namespace="n",pod="app-${i}"}`;
    const scrape = (k: number, edit?: (lines: string[]) => void): string => {
      const lines = Array.from({ length: 400 }, (_, i) => `${series(i)} ${4096 * (i + k)} 17000000${String(k).padStart(5, '0')}`);
      edit?.(lines);
      return `# TYPE container_memory_working_set_bytes gauge\n${lines.join('\n')}\n${cpuFamily(k, 900)}`;
    };
    const text = [
      scrape(0),
      scrape(1),
      scrape(2, (l) => {
        l[10] = `${series(10)} NaN 1700000000002`;
        l[20] = `${series(9999)} 77 1700000000002`;
        [l[30], l[31]] = [l[31] ?? '', l[30] ?? ''];
        l[40] = `${series(40)} 5 1700000000002 "x"`;
        l[50] = `${series(50)}   6.5e+03   1700000000002`;
      }),
      scrape(3),
    ].join('');
    const { whole, skimmed, stats } = bothWays(text);
    expect(stats.rawLines).toBeGreaterThan(900);
    expect(skimmed.value?.containers).toEqual(whole.value?.containers);
    expect(skimmed.warnings).toEqual(whole.warnings);
    expect(whole.warnings.map((w) => [w.code, w.params?.count])).toEqual(
      expect.arrayContaining([
        ['duplicate-series', 400 * 3 - 1],
        ['value-too-large', 1],
      ]),
    );
    expect(whole.value?.containers.some((c) => c.id === '/kubepods/burstable/pod-9999/c9999')).toBe(true);
  });
});
