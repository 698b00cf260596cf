// Assembly on other layouts, from real samples in test/fixtures: cgroup v2 with the systemd driver,
// a left-over container cgroup, seed 004's kubelet summary and memory.stat loop log, loose files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundle, type ImportedBundle } from '../bundle/import-pipeline';
import { sourceFromBytes, sourceFromText, type ImportSource } from '../bundle/sources';
import { walkGroups, type MemoryGroup } from '../model/memory-group';
import type { Snapshot } from '../model/snapshot';
import { assembleSnapshots, type AssemblyFile } from './assemble-snapshots';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const fixture = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, path)));

async function bundleOf(sources: ImportSource[]): Promise<ImportedBundle> {
  const outcome = await importBundle(sources);
  if (outcome.kind !== 'imported') throw new Error(outcome.kind);
  return outcome.bundle;
}

const assemble = (b: ImportedBundle): Snapshot[] => assembleSnapshots(b.files.map(({ path, formatId, data }): AssemblyFile => ({ path, formatId, data })));
const all = (s: Snapshot | undefined): MemoryGroup[] => [...walkGroups(s?.groups ?? [])];

const POD = '0e1a2b3c-4d5e-4f60-8172-93a4b5c6d7e8';
const CID = 'a684bbdd0c4b6937b5ece9713bed661305ab0de570eb12b7c28a032aaf602937';

describe('cgroup v2, systemd driver (coroot, telegraf, datadog samples laid out as a collector would)', () => {
  it('reads memory.current, memory.max, memory.peak, memory.events and the v2 breakdown', async () => {
    const dir = `node-a/cgroup/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${POD.replace(/-/g, '_')}.slice/docker-${CID}.scope`;
    const bundle = await bundleOf([
      sourceFromBytes(`${dir}/memory.stat`, fixture('cgroup-v2-memory-stat/memory.stat.coroot-kubepods-besteffort-docker-scope-k5.10.txt')),
      sourceFromBytes(`${dir}/memory.current`, fixture('cgroup-memory-value/memory.current.coroot-kubepods-besteffort-docker-scope.txt')),
      sourceFromBytes(`${dir}/memory.max`, fixture('cgroup-memory-value/memory.max.telegraf-96GiB.txt')),
      sourceFromBytes(`${dir}/memory.peak`, fixture('cgroup-memory-value/memory.peak.telegraf.txt')),
      sourceFromBytes(`${dir}/memory.events`, fixture('cgroup-v2-memory-events/memory.events.datadog-no-oom_group_kill.txt')),
    ]);
    const [snapshot, ...rest] = assemble(bundle);
    expect(rest).toHaveLength(0);
    expect(snapshot).toMatchObject({ id: 'node-a', label: 'node-a', cgroupVersion: 2 });
    const c = all(snapshot).find((g) => g.role === 'container');
    expect(c).toMatchObject({
      key: `pod:${POD}/container:${CID.slice(0, 12)}`,
      path: `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${POD.replace(/-/g, '_')}.slice/docker-${CID}.scope`,
      qosClass: 'besteffort',
      podUid: POD,
      containerId: CID,
      cgroupVersion: 2,
      usageBytes: 48648192,
      limitBytes: 103079215104,
      maxUsageBytes: 87302021120,
      workingSetBytes: 48648192 - 159744,
    });
    expect(c?.breakdown).toMatchObject({ anonBytes: 44892160, fileBytes: 1044480, shmemBytes: 98304, inactiveFileBytes: 159744 });
    expect(c?.events).toMatchObject({ failcnt: null, high: 1, max: 2, oom: 3, oomKill: 0 });
    expect(c?.sources['usageBytes']).toMatchObject({ key: 'memory.current', line: 1, rawText: '48648192' });
    expect(c?.sources['breakdown.anonBytes']).toMatchObject({ key: 'anon', line: 1 });
    expect(c?.sources['events.oom']).toMatchObject({ key: 'oom', line: 4 });
  });

  it('keeps "max" as no limit, with its evidence', async () => {
    const dir = `cgroup/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${POD}.slice`;
    const bundle = await bundleOf([sourceFromText(`${dir}/memory.max`, 'max\n'), sourceFromText(`${dir}/memory.current`, '4096\n')]);
    const pod = all(assemble(bundle)[0]).find((g) => g.role === 'pod');
    expect(pod).toMatchObject({ limitBytes: null, usageBytes: 4096 });
    expect(pod?.sources['limitBytes']).toMatchObject({ key: 'memory.max', rawText: 'max' });
  });
});

describe('a container cgroup that no current container owns', () => {
  it('is shown, orphaned, and counted apart from the pod remainder (lab orphaned-shmem with the init cgroup kept)', async () => {
    const lab = await bundleOf([sourceFromBytes('orphaned-shmem.tar.gz', fixture('lab/orphaned-shmem.tar.gz'))]);
    const init = '222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd';
    const before = lab.files.filter((f) => f.path.startsWith('orphaned-shmem/before/'));
    const leftover = lab.files
      .filter((f) => f.path.startsWith('orphaned-shmem/init-running/cgroup/') && f.path.includes(init))
      .map((f) => ({ ...f, path: f.path.replace('/init-running/', '/before/') }));
    const [snapshot] = assembleSnapshots([...before, ...leftover]);
    const pod = all(snapshot).find((g) => g.role === 'pod');
    const children = pod?.children ?? [];
    expect(children.map((c) => [c.key, c.orphaned, c.usageBytes])).toEqual([
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/container:api', false, 9699328],
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/container:222f087a701e', true, 89903104],
      // pod − (api + the left-over cgroup) is below zero here (the two captures differ): floored at 0.
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/(not owned by any container)', true, 0],
    ]);
  });
});

describe('names from kubectl', () => {
  const podJson = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'api-7f8c9d6b5-h7j2k', namespace: 'ml', uid: '8053180c-b0f1-4cb6-9d6d-c68c5af49d48' },
    spec: {
      initContainers: [{ name: 'warm-cache', image: 'busybox', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }],
      containers: [{ name: 'api', image: 'api:1', resources: { limits: { memory: '128Mi' } }, volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }],
      volumes: [{ name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '256Mi' } }],
    },
    status: {
      qosClass: 'Burstable',
      initContainerStatuses: [
        { name: 'warm-cache', containerID: 'containerd://222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
      containerStatuses: [{ name: 'api', containerID: 'containerd://5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868', state: { running: { startedAt: '2026-11-22T12:09:33Z' } } }],
    },
  }, null, 2);

  it('names a finished init container whose cgroup is still there, marks it left over, and lists the memory-backed emptyDir', async () => {
    const lab = await bundleOf([sourceFromBytes('orphaned-shmem.tar.gz', fixture('lab/orphaned-shmem.tar.gz'))]);
    const init = '222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd';
    const files: AssemblyFile[] = [
      ...lab.files.filter((f) => f.path.startsWith('orphaned-shmem/before/') && !f.path.endsWith('manifest.json')),
      ...lab.files.filter((f) => f.path.includes(`/init-running/cgroup/`) && f.path.includes(init)).map((f) => ({ ...f, path: f.path.replace('/init-running/', '/before/') })),
    ];
    const kubectl = await bundleOf([sourceFromText('orphaned-shmem/before/kubectl-get-pod.json', podJson)]);
    expect(kubectl.files[0]?.formatId).toBe('kubectl-pod');
    const [snapshot] = assembleSnapshots([...files, ...kubectl.files]);
    const pod = all(snapshot).find((g) => g.role === 'pod');
    expect(pod).toMatchObject({ podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml', qosClass: 'burstable' });
    expect(pod?.children.map((c) => [c.key, c.containerName, c.orphaned])).toEqual([
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/container:api', 'api', false],
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/container:warm-cache (left over 222f087a701e)', 'warm-cache', true],
      ['pod:8053180c-b0f1-4cb6-9d6d-c68c5af49d48/(not owned by any container)', null, true],
    ]);
    expect(pod?.volumes).toEqual([expect.objectContaining({ name: 'cache', medium: 'Memory', sizeLimitBytes: 256 * 1024 * 1024, usedBytes: null })]);
  });
});

describe('seed 004', () => {
  it('builds the pod, its container and the tmpfs volume from the kubelet summary', async () => {
    const bundle = await bundleOf([sourceFromBytes('stats-summary.txt', fixture('kubelet-summary/seed-004-curl-stats-summary-annotated-elided.txt'))]);
    const [snapshot, ...rest] = assemble(bundle);
    expect(rest).toHaveLength(0);
    expect(snapshot).toMatchObject({ host: 'cn-beijing.192.168.0.237', capturedAt: '2021-11-22T06:43:02Z' });
    const pod = all(snapshot).find((g) => g.role === 'pod');
    expect(pod).toMatchObject({
      key: 'pod:a9d684a4-53fe-4114-b8d0-8f138b933551',
      podNamespace: 'default',
      usageBytes: 978309120,
      workingSetBytes: 958992384,
      limitBytes: 1073741824,
    });
    expect(pod?.sources['limitBytes']).toMatchObject({ key: 'availableBytes + workingSetBytes', file: 'stats-summary.txt' });
    expect(pod?.volumes).toEqual([
      expect.objectContaining({ name: 'volume-1623324311949', usedBytes: 943718400, capacityBytes: 8258621440, source: expect.objectContaining({ line: expect.any(Number) }) }),
      expect.objectContaining({ name: 'default-token-kn777', usedBytes: 12288 }),
    ]);
    const [container, remainder] = pod?.children ?? [];
    expect(container).toMatchObject({ role: 'container', containerName: 'my-nettools', usageBytes: 34553856, workingSetBytes: 15269888, limitBytes: 1073741824 });
    // What the pod holds beyond its container is the emptyDir's 943718400 bytes (plus 36864 of its own).
    expect(remainder).toMatchObject({ role: 'other', orphaned: true, usageBytes: 978309120 - 34553856 });
  });

  it('turns the memory.stat loop log into one snapshot per sample, in time order', async () => {
    const bundle = await bundleOf([sourceFromBytes('shmem-leak-check.log', fixture('memstat-series/shmem-leak-check.log.seed004.txt'))]);
    const snapshots = assemble(bundle);
    expect(snapshots.length).toBeGreaterThanOrEqual(1);
    expect(snapshots[0]).toMatchObject({ label: 'Thu Nov 18 13:37:49 CST 2021', files: ['shmem-leak-check.log'] });
    const groups = all(snapshots[0]);
    const pod = groups.find((g) => g.role === 'pod');
    expect(pod?.breakdown).toMatchObject({ shmemBytes: 9069502464, anonBytes: 6361980928, fileBytes: 9075990528 });
    const containers = groups.filter((g) => g.role === 'container');
    expect(containers.map((c) => c.breakdown.anonBytes).sort()).toEqual([180224, 6373216256]);
    const times = snapshots.map((s) => s.capturedAt);
    expect([...times].sort()).toEqual(times);
  });
});

describe('other layouts', () => {
  it('orders capture folders without a manifest by their meaning, then by name', async () => {
    const stat = 'cache 0\nrss 4096\nshmem 0\ntotal_cache 0\ntotal_rss 4096\ntotal_shmem 0\n';
    const sources = ['after', 'before', 'during'].map((label) => sourceFromText(`${label}/cgroup/kubepods/burstable/pod${POD}/memory.stat`, stat));
    const snapshots = assemble(await bundleOf(sources));
    expect(snapshots.map((s) => s.label)).toEqual(['before', 'during', 'after']);
    expect(snapshots.map((s) => s.capturedAt)).toEqual([null, null, null]);
  });

  it('makes a pasted memory.stat a group of its own, and a bundle without cgroup data one empty snapshot', async () => {
    const pasted = assemble(await bundleOf([sourceFromBytes('pasted.txt', fixture('cgroup-v1-memory-stat/memory.stat.seed004-container-shmem-cat-prompt.txt'))]));
    expect(pasted).toHaveLength(1);
    const g = pasted[0]?.groups[0];
    expect(g).toMatchObject({ key: 'file:pasted.txt', role: 'other', usageBytes: null, limitBytes: 1073741824 });
    expect(g?.breakdown.shmemBytes).toBe(1048363008);
    const empty = assemble(await bundleOf([sourceFromText('notes.txt', 'nothing here')]));
    expect(empty).toEqual([{ id: 'bundle', label: 'bundle', capturedAt: null, host: null, kernelRelease: null, cgroupVersion: null, groups: [], files: ['notes.txt'] }]);
  });

  it('never throws on data that does not fit its format id', () => {
    const junk: AssemblyFile[] = [
      { path: 'a/cgroup/kubepods/memory.stat', formatId: 'cgroup-v1-memory-stat', data: null },
      { path: 'a/manifest.json', formatId: 'manifest', data: null },
      { path: 'a/proc/1/status', formatId: 'proc-status', data: null },
      { path: '__proto__/cgroup/memory.stat', formatId: 'unknown', data: { __proto__: 1 } },
    ];
    expect(() => assembleSnapshots(junk)).not.toThrow();
    expect(assembleSnapshots([])).toEqual([{ id: 'bundle', label: 'bundle', capturedAt: null, host: null, kernelRelease: null, cgroupVersion: null, groups: [], files: [] }]);
  });
});
