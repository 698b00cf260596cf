// The Rosetta stone's "printed by the tool" values (src/renderer/src/features/findings/observed.ts),
// matched on the real seed-004 kubectl top / cAdvisor / docker stats / crictl fixtures and a metrics-API sample.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFileText, rosettaStone, type MemoryGroup } from '../../../src/core';
import { blankGroup } from '../../../src/core/model/memory-group';
import { observedFilesFor, observedValues, parseDockershimName, sameContainerId, type ParsedFileLike } from '../../../src/renderer/src/features/findings/observed';

function fixture(path: string): ParsedFileLike {
  const text = readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
  const parsed = parseFileText(path, text);
  return { path, formatId: parsed.formatId, data: parsed.data };
}

function group(role: MemoryGroup['role'], names: Partial<Pick<MemoryGroup, 'podName' | 'podNamespace' | 'podUid' | 'containerName' | 'containerId'>>): MemoryGroup {
  return { ...blankGroup(`${role}:${names.podName ?? ''}/${names.containerName ?? ''}`, '/kubepods/x', role), ...names };
}

// Seed 004: one pod, default/my-nettools-primary-8584bffdf5-x97rx, container my-nettools (docker e00a11510727).
const TOP = fixture('kubectl-top/seed-004-top-pods-no-namespace.txt');
const CADVISOR = fixture('cadvisor-prometheus/seed-004-cadvisor-grep-memory-elided.txt');
const DOCKER = fixture('docker-stats/seed-004-docker-stats-repeated-header.txt');
const CRICTL = fixture('crictl-stats/seed-004-crictl-stats-id.txt');
const PODMETRICS = fixture('metrics-api/podmetrics.k8s-docs-kube-scheduler-minikube.json');
const NETTOOLS = { podName: 'my-nettools-primary-8584bffdf5-x97rx', podNamespace: 'default' };

describe('observedValues', () => {
  it('the fixtures are read by the formats this module expects', () => {
    expect([TOP, CADVISOR, DOCKER, CRICTL, PODMETRICS].map((f) => f.formatId)).toEqual(['kubectl-top', 'cadvisor-prometheus', 'docker-stats', 'crictl-stats', 'metrics-api']);
  });

  it('seed 004 pod: kubectl top printed 15Mi (line 7), cAdvisor container_memory_cache 974966784 (line 2)', () => {
    const seen = observedValues(group('pod', NETTOOLS), [TOP, CADVISOR, DOCKER]);
    expect(seen['kubectl-top']).toEqual({ bytes: 15 * 1024 * 1024, source: { file: TOP.path, line: 7, key: 'MEMORY(bytes)', rawText: '15Mi' } });
    expect(seen['cadvisor-cache']).toMatchObject({ bytes: 974966784, source: { file: CADVISOR.path, line: 2, key: 'container_memory_cache' } });
    // docker stats has container rows only; the pod row has no working-set sample in this excerpt.
    expect(Object.keys(seen).sort()).toEqual(['cadvisor-cache', 'kubectl-top']);
  });

  it('seed 004 container: docker stats printed 3.82MiB, the last of its two samples (line 5), matched by id or by the k8s_ name', () => {
    const byId = observedValues(group('container', { ...NETTOOLS, containerName: 'my-nettools', containerId: 'e00a11510727' }), [TOP, CADVISOR, DOCKER]);
    expect(byId['docker-stats-new']).toEqual({ bytes: 4005560, source: { file: DOCKER.path, line: 5, key: 'MEM USAGE', rawText: '3.82MiB' } });
    // cAdvisor's container rows here have an elided pod name and another container id: no match.
    expect(Object.keys(byId)).toEqual(['docker-stats-new']);
    const byName = observedValues(group('container', { ...NETTOOLS, containerName: 'my-nettools' }), [DOCKER]);
    expect(byName['docker-stats-new']?.bytes).toBe(4005560);
    expect(observedValues(group('container', { ...NETTOOLS, podNamespace: 'prod', containerName: 'my-nettools' }), [DOCKER])).toEqual({});
  });

  it('crictl stats by the printed 13-character id of a full container id', () => {
    const full = `72dc2a4abc659${'0'.repeat(51)}`;
    expect(observedValues(group('container', { containerName: 'app', containerId: full }), [CRICTL])['crictl-stats']).toEqual({
      bytes: 3920000,
      source: { file: CRICTL.path, line: 3, key: 'MEM', rawText: '3.92MB' },
    });
    expect(observedValues(group('container', { containerName: 'app', containerId: `72dc2a4abc658${'0'.repeat(51)}` }), [CRICTL])).toEqual({});
  });

  it('metrics API: a container’s usage.memory, and for the pod the sum over its containers', () => {
    const scheduler = { podName: 'kube-scheduler-minikube', podNamespace: 'kube-system' };
    expect(observedValues(group('container', { ...scheduler, containerName: 'kube-scheduler' }), [PODMETRICS])['kubectl-top']).toEqual({
      bytes: 22777856,
      source: { file: PODMETRICS.path, line: 15, key: 'usage.memory', rawText: '22244Ki' },
    });
    expect(observedValues(group('pod', scheduler), [PODMETRICS])['kubectl-top']?.bytes).toBe(22777856);
    expect(observedValues(group('pod', { ...scheduler, podNamespace: 'default' }), [PODMETRICS])).toEqual({});
  });

  it('gives nothing for groups that are not a pod or a container, or files of other formats', () => {
    expect(observedValues(group('qos', {}), [TOP, CADVISOR, DOCKER])).toEqual({});
    expect(observedValues(group('pod', NETTOOLS), [{ path: 'x', formatId: 'kubectl-top', data: null }, { path: 'y', formatId: '__proto__', data: {} }])).toEqual({});
  });

  it('feeds the Rosetta stone’s "printed by the tool" column', () => {
    const pod = group('pod', NETTOOLS);
    const entries = rosettaStone(pod, observedValues(pod, [TOP]));
    expect(entries.find((e) => e.id === 'kubectl-top')?.observed?.bytes).toBe(15728640);
    expect(entries.find((e) => e.id === 'working-set')?.observed).toBeNull();
  });
});

describe('matching helpers', () => {
  it('reads dockershim container names', () => {
    expect(parseDockershimName('k8s_my-nettools_my-nettools-primary-8584bffdf5-x97rx_default_a9d684a4-53fe-4114-b8d0-8f138b933551_1')).toEqual({
      container: 'my-nettools',
      pod: 'my-nettools-primary-8584bffdf5-x97rx',
      namespace: 'default',
      podUid: 'a9d684a4-53fe-4114-b8d0-8f138b933551',
    });
    expect(parseDockershimName('/k8s_POD_web-1_prod_uid_0')).toMatchObject({ container: 'POD', pod: 'web-1' });
    expect(parseDockershimName('nginx')).toBeNull();
    expect(parseDockershimName(null)).toBeNull();
  });

  it('compares container ids by prefix, never on fewer than 12 characters', () => {
    expect(sameContainerId('e00a11510727abcdef', 'e00a11510727')).toBe(true);
    expect(sameContainerId('e00a11510727', 'E00A11510727ABCDEF')).toBe(true);
    expect(sameContainerId('e00a11510727abcdef', 'e00a')).toBe(false);
    expect(sameContainerId(null, 'e00a11510727')).toBe(false);
  });

  it('a snapshot hears the tool outputs in its own folder and those no snapshot claims', () => {
    const files: ParsedFileLike[] = [
      { path: 'before/top.txt', formatId: 'kubectl-top', data: null },
      { path: 'after/top.txt', formatId: 'kubectl-top', data: null },
      { path: 'top-now.txt', formatId: 'kubectl-top', data: null },
      { path: 'after/memory.stat', formatId: 'cgroup-v1-memory-stat', data: null },
    ];
    const before = { files: ['before/top.txt'] };
    const after = { files: ['after/top.txt', 'after/memory.stat'] };
    expect(observedFilesFor(after, [before, after], files).map((f) => f.path)).toEqual(['after/top.txt', 'top-now.txt']);
  });
});
