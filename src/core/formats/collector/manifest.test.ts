import { describe, expect, it } from 'vitest';
import { fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import { detectFormat } from '../registry';
import { parseManifest } from './manifest';
import { fileRoleFromLayout } from './file-roles';

describe('manifest (lab bundles)', () => {
  it('reads capture time, host, kernel, cgroup version and the pod with its container and PID', () => {
    const text = fixtureText('manifest', 'manifest.anon-oom-during.json');
    expect(detectFormat(text, 'during/manifest.json').formatId).toBe('manifest');
    const r = parseManifest(text, ctxFor('during/manifest.json'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v).toMatchObject({ scenario: 'anon-oom', snapshot: 'during', capturedAtIso: '2026-11-22T12:09:32.906Z', hostname: 'vm', kernel: '6.18.44-fc-v669', cgroupVersion: 1, cgroupRoot: '/oomlab', collector: 'run-lab.sh', schema: null });
    expect(v?.pods[0]).toMatchObject({ uid: '1148d3cc-4df4-427f-b394-0de161d2b891', name: 'orders-7c9d5b8f4-k2x9p', namespace: 'shop', qosClass: 'burstable' });
    expect(v?.pods[0]?.containers[0]).toMatchObject({ name: 'orders', pids: [20800], init: null });
    expect(v?.files).toHaveLength(33);
  });

  it('gives each file its role, cgroup and owner from the layout', () => {
    const v = parseManifest(fixtureText('manifest', 'manifest.anon-oom-during.json'), ctxFor('manifest.json')).value;
    const byPath = new Map(v?.files.map((f) => [f.path, f]));
    const ctrStat = byPath.get('cgroup/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/6c82500b0bc207558a48d8bead2570acfa554254d60421afb461b1f26c28ee3b/memory.stat');
    expect(ctrStat).toMatchObject({ role: 'cgroup', roleSource: 'layout', cgroupPath: '/oomlab/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/6c82500b0bc207558a48d8bead2570acfa554254d60421afb461b1f26c28ee3b', containerName: 'orders' });
    expect(byPath.get('cgroup/kubepods/burstable/pod1148d3cc-4df4-427f-b394-0de161d2b891/memory.stat')).toMatchObject({ podUid: '1148d3cc-4df4-427f-b394-0de161d2b891', containerName: null });
    expect(byPath.get('proc/20800/status')).toMatchObject({ role: 'process', pid: 20800, containerName: 'orders' });
    expect(byPath.get('proc/meminfo')?.role).toBe('node');
    expect(byPath.get('dmesg-T.txt')?.role).toBe('kernel-log');
  });

  it('marks the init container', () => {
    const v = parseManifest(fixtureText('manifest', 'manifest.orphaned-shmem-init-running.json'), ctxFor('manifest.json')).value;
    expect(v?.pods[0]?.containers[0]).toMatchObject({ name: 'warm-cache', init: true, pids: [21009] });
    expect(v?.files.find((f) => f.path === 'fincore.txt')?.role).toBe('page-cache');
  });
});

describe('manifest (oomscope-collect.sh, resources/collector/MANIFEST.md example)', () => {
  const doc = {
    schema: 'oomscope-bundle/1',
    collector: 'oomscope-collect.sh',
    collectorVersion: '0.1.0',
    snapshot: 'capture',
    capturedAt: '2026-11-23T16:06:38.382Z',
    captureFinishedAt: '2026-11-23T16:06:38.512Z',
    hostname: 'vm',
    nodeName: null,
    kernel: '6.18.44-fc-v669',
    bootTimeEpochSeconds: 1795448907,
    cgroupVersion: 1,
    cgroupMode: 'hybrid',
    cgroupDriver: 'unknown',
    cgroupRoot: '/',
    runtime: 'unknown',
    pods: [
      {
        uid: '8053180c-b0f1-4cb6-9d6d-c68c5af49d48',
        name: 'api-7f8c9d6b5-h7j2k',
        namespace: 'ml',
        qosClass: 'burstable',
        cgroupPath: '/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48',
        containers: [
          { name: 'api', id: '5e5f6443', cgroupPath: '/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443', runtime: 'containerd', pids: [21065] },
          { name: 'POD', id: 'ffe1', cgroupPath: '/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/ffe1', sandbox: true, pids: [20990] },
        ],
      },
    ],
    cgroups: [{ path: '/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48', origin: 'target', role: 'pod' }],
    files: ['cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443/memory.stat', 'fincore.txt', 'proc/21065/status', 'proc/meminfo'],
    fileRoles: [
      { path: 'cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443/memory.stat', role: 'cgroup', format: 'cgroup-v1-memory-stat', source: '/sys/fs/cgroup/memory/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443/memory.stat', cgroupPath: '/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443' },
      { path: 'proc/21065/status', role: 'process', format: 'proc-status', source: '/proc/21065/status', pid: 21065 },
      { path: 'fincore.txt', role: 'volume', format: 'fincore', source: 'fincore -n …', note: 'memory-backed mounts only' },
    ],
    missing: [{ what: 'dmesg.txt', reason: 'no OOM report in the kernel log (dmesg, 345 lines read)' }],
  };

  it('merges fileRoles into files and keeps the keys it does not model', () => {
    const text = JSON.stringify(doc, null, 2);
    expect(detectFormat(text, 'manifest.json').formatId).toBe('manifest');
    const r = parseManifest(text, ctxFor('manifest.json'));
    expect(r.status).toBe('parsed');
    const v = r.value;
    expect(v).toMatchObject({ schema: 'oomscope-bundle/1', collectorVersion: '0.1.0', cgroupMode: 'hybrid', cgroupRoot: '/', nodeName: null });
    expect(v?.pods[0]?.containers[1]).toMatchObject({ name: 'POD', sandbox: true, runtime: null });
    expect(v?.pods[0]?.containers[0]?.runtime).toBe('containerd');
    expect(v?.files.map((f) => [f.path, f.role, f.roleSource, f.formatHint, f.containerName])).toEqual([
      ['cgroup/kubepods/burstable/pod8053180c-b0f1-4cb6-9d6d-c68c5af49d48/5e5f6443/memory.stat', 'cgroup', 'manifest', 'cgroup-v1-memory-stat', 'api'],
      ['fincore.txt', 'volume', 'manifest', 'fincore', null],
      ['proc/21065/status', 'process', 'manifest', 'proc-status', 'api'],
      ['proc/meminfo', 'node', 'layout', null, null],
    ]);
    expect(v?.files[1]?.note).toBe('memory-backed mounts only');
    expect(v?.missing).toEqual([{ what: 'dmesg.txt', reason: 'no OOM report in the kernel log (dmesg, 345 lines read)' }]);
    expect(Object.keys(v?.extra ?? {})).toEqual(['bootTimeEpochSeconds', 'cgroups']);
  });
});

describe('manifest bad input', () => {
  it('never lets __proto__ touch a prototype and reports unusable values', () => {
    const text = '{"__proto__": {"polluted": true}, "capturedAt": "yesterday", "hostname": "h", "cgroupVersion": 3, "pods": [{"containers": [{"pids": ["x", 7]}]}], "files": [1, "proc/1/status", {"path": "x", "role": "alien"}]}';
    const r = parseManifest(text, ctxFor('manifest.json'));
    expect(r.status).toBe('partial');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(r.value?.extra)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(r.value?.extra, '__proto__')).toBe(true);
    expect(r.value).toMatchObject({ capturedAtIso: null, cgroupVersion: null });
    expect(r.value?.pods[0]?.containers[0]?.pids).toEqual([7]);
    expect(r.value?.files.map((f) => [f.path, f.role, f.extra])).toEqual([
      ['proc/1/status', 'process', {}],
      ['x', 'other', { role: 'alien' }],
    ]);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['manifest-bad-value', 'manifest-bad-value', 'manifest-bad-value', 'manifest-bad-value']);
  });

  it('refuses text that is not a JSON object', () => {
    expect(parseManifest('{"capturedAt": ', ctxFor('m')).status).toBe('unusable');
    expect(parseManifest('[1,2]', ctxFor('m')).warnings[0]?.code).toBe('manifest-not-object');
  });

  it('reads roles from the layout', () => {
    expect(fileRoleFromLayout('cgroup/memory.stat', '/')).toEqual({ role: 'cgroup', cgroupPath: '/', pid: null });
    expect(fileRoleFromLayout('kubectl/describe-pod-x.txt', '/').role).toBe('kubernetes');
    expect(fileRoleFromLayout('jvm/42-gc-heap-info.txt', '/').role).toBe('jvm');
  });
});
