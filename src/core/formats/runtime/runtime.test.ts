import { describe, expect, it } from 'vitest';
import { CTX, fixture } from '../../../../test/unit/read-fixture';
import { detectDockerInspect, parseDockerInspect } from './docker-inspect';
import { detectCrictlInspect, parseCrictlInspect } from './crictl-inspect';
import { parseCrictlStats, parseDockerStats } from './container-stats';
import { parseKubeletName, volumeOfPath } from './container-inspect-data';
import { parseFileText } from '../parse-file';

const OOM_KILLED = {
  Id: '24ec5b44a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbcc',
  Name: '/k8s_java_trade-7d9f_prod_96bc17dc-f218-4e61-be05-c945fa8670f9_44',
  Path: 'java',
  Args: ['-Xmx8g', '-jar', 'app.jar'],
  RestartCount: 0,
  State: { Status: 'exited', Running: false, OOMKilled: true, Pid: 0, ExitCode: 137, Error: '', StartedAt: '2021-11-10T01:00:00Z', FinishedAt: '2021-11-11T06:55:00Z' },
  HostConfig: {
    Memory: 17179869184,
    MemorySwap: 17179869184,
    MemoryReservation: 0,
    ShmSize: 67108864,
    OomKillDisable: false,
    OomScoreAdj: 873,
    CgroupParent: 'kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice',
    Tmpfs: { '/run': 'rw,noexec,nosuid,size=65536k' },
  },
  Mounts: [{ Type: 'bind', Source: '/var/lib/kubelet/pods/96bc17dc-f218-4e61-be05-c945fa8670f9/volumes/kubernetes.io~empty-dir/cache', Destination: '/cache', Mode: '', RW: true }],
  Config: {
    Image: 'trade:1',
    Env: ['JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=50', 'PASSWORD=hunter2', 'MALLOC_ARENA_MAX=2'],
    Labels: {
      'io.kubernetes.container.name': 'java',
      'io.kubernetes.pod.name': 'trade-7d9f',
      'io.kubernetes.pod.namespace': 'prod',
      'io.kubernetes.pod.uid': '96bc17dc-f218-4e61-be05-c945fa8670f9',
      'annotation.io.kubernetes.container.restartCount': '44',
    },
  },
};

describe('docker-inspect', () => {
  it('reads an OOM-killed kubelet container: limit, exit code, restarts, tmpfs, emptyDir, JVM flags', () => {
    const r = parseDockerInspect(JSON.stringify([OOM_KILLED], null, 4), CTX);
    expect(r.status).toBe('parsed');
    const c = r.value?.containers[0];
    expect(c).toMatchObject({
      runtime: 'docker',
      kind: 'container',
      name: 'k8s_java_trade-7d9f_prod_96bc17dc-f218-4e61-be05-c945fa8670f9_44',
      pid: null,
      status: 'exited',
      oomKilled: true,
      exitCode: 137,
      restartCount: 44,
      attempt: 44,
      memoryLimitBytes: 17179869184,
      memoryLimitUnlimited: false,
      oomScoreAdj: 873,
      cgroupParent: 'kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice',
      podName: 'trade-7d9f',
      podNamespace: 'prod',
      podUid: '96bc17dc-f218-4e61-be05-c945fa8670f9',
      containerName: 'java',
      args: ['java', '-Xmx8g', '-jar', 'app.jar'],
      envCount: 3,
    });
    expect(c?.memoryEnv).toEqual([
      { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=50' },
      { name: 'MALLOC_ARENA_MAX', value: '2' },
    ]);
    expect(c?.jvm).toMatchObject({ maxHeapBytes: 8589934592, maxRamPercentage: 50 });
    expect(c?.mounts).toEqual([
      expect.objectContaining({ type: 'bind', destination: '/cache', tmpfs: false, volumeName: 'cache', volumePlugin: 'kubernetes.io/empty-dir' }),
      expect.objectContaining({ type: 'tmpfs', destination: '/run', tmpfs: true, sizeBytes: 67108864 }),
    ]);
    expect(c?.lines['oomKilled']).toBeGreaterThan(1);
  });

  it('reads the corpus: docker 1.9 array of one with no indent, Memory 0 = no limit', () => {
    const c = parseDockerInspect(fixture('docker-inspect/inspect.insights-core-docker1.9-devicemapper-memory0.json'), CTX).value?.containers[0];
    expect(c).toMatchObject({ name: 'hehe2', pid: 15096, oomKilled: false, memoryLimitBytes: null, memoryLimitUnlimited: true, shmSizeBytes: 67108864, lines: { pid: 14, oomKilled: 12, memoryLimitBytes: 37 } });
    const running = parseDockerInspect(fixture('docker-inspect/inspect.testttdock-2019-running-no-limit.json'), CTX).value?.containers[0];
    expect(running).toMatchObject({ pid: 12680, finishedAt: null, args: ['npm', 'run', 'watch'] });
  });

  it('reads seed 004 `|grep -i pid` pastes: the pid, and the id from the command line', () => {
    const a = parseDockerInspect(fixture('docker-inspect/seed-004-inspect-grep-pid-45c3345632cb.txt'), CTX);
    expect(a.value?.containers[0]).toMatchObject({ id: '45c3345632cb', pid: 2456661, lines: { id: 1, pid: 2 } });
    const b = parseDockerInspect(fixture('docker-inspect/seed-004-inspect-grep-pid-e00a11510727.txt'), CTX);
    expect(b.value?.containers[0]).toMatchObject({ id: 'e00a11510727', pid: 3747629 });
    expect(b.warnings.map((w) => w.code)).toContain('fragment');
  });

  it('takes a bare object and a document after a `stdout:` wrapper', () => {
    const text = '{"tool":"docker_inspect"}\nstdout:\n' + JSON.stringify(OOM_KILLED);
    const r = parseDockerInspect(text, CTX);
    expect(r.value?.containers).toHaveLength(1);
    expect(r.value?.containers[0]?.oomKilled).toBe(true);
  });

  it('keeps __proto__ labels as data; refuses huge limits; unusable for other JSON', () => {
    const r = parseDockerInspect('[{"State": {"Pid": 1}, "HostConfig": {"Memory": 99999999999999999999}, "Config": {"Labels": {"__proto__": "x", "constructor": "y"}}}]', CTX);
    expect(r.value?.containers[0]?.labels).toEqual(JSON.parse('{"__proto__": "x", "constructor": "y"}'));
    expect(Object.keys(r.value?.containers[0]?.labels ?? {})).toEqual(['__proto__', 'constructor']);
    expect(r.value?.containers[0]?.memoryLimitBytes).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['value-unusable']);
    expect(parseDockerInspect('{"kind": "Pod"}', CTX).status).toBe('unusable');
    expect(parseDockerInspect('[{"State": {"Pid": 1', CTX).warnings.map((w) => w.code)).toContain('json-truncated');
  });

  it('leaves out `docker image inspect` objects mixed in', () => {
    const image = { Id: 'sha256:90801a91', RepoTags: ['censerver:latest'], Config: { Env: ['A=1'] }, GraphDriver: { Name: 'overlay2' }, RootFS: { Type: 'layers' } };
    const r = parseDockerInspect(JSON.stringify([OOM_KILLED, image]), CTX);
    expect(r.value?.containers.map((c) => c.id)).toEqual([OOM_KILLED.Id]);
  });

  it('detection decides by keys', () => {
    expect(detectDockerInspect(JSON.stringify(OOM_KILLED))).toBeGreaterThan(0.9);
    expect(detectCrictlInspect(JSON.stringify(OOM_KILLED))).toBe(0);
    expect(parseFileText('x.json', JSON.stringify([OOM_KILLED])).formatId).toBe('docker-inspect');
  });
});

const CRICTL_CONTAINER = {
  status: {
    id: 'c0ffee',
    metadata: { attempt: 3, name: 'java' },
    state: 'CONTAINER_EXITED',
    createdAt: '2024-05-01T10:00:00.000000000Z',
    startedAt: '2024-05-01T10:00:01.000000000Z',
    finishedAt: '2024-05-01T11:00:00.000000000Z',
    exitCode: 137,
    image: { image: 'registry/trade:1' },
    reason: 'OOMKilled',
    labels: { 'io.kubernetes.container.name': 'java', 'io.kubernetes.pod.name': 'trade-7d9f', 'io.kubernetes.pod.namespace': 'prod', 'io.kubernetes.pod.uid': '96bc17dc-f218-4e61-be05-c945fa8670f9' },
    annotations: { 'io.kubernetes.container.restartCount': '3' },
    mounts: [{ containerPath: '/cache', hostPath: '/var/lib/kubelet/pods/96bc17dc-f218-4e61-be05-c945fa8670f9/volumes/kubernetes.io~empty-dir/cache' }],
  },
  info: {
    sandboxID: 'sandbox1',
    pid: 0,
    runtimeSpec: {
      process: { args: ['java', '-Xmx6g', '-jar', 'app.jar'], env: ['PATH=/bin', 'JAVA_OPTS=-XX:+UseG1GC'], oomScoreAdj: 984 },
      mounts: [{ destination: '/dev/shm', type: 'bind', source: '/run/containerd/io.containerd.grpc.v1.cri/sandboxes/x/shm', options: ['rbind', 'ro'] }, { destination: '/tmp', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'size=268435456'] }],
      linux: { resources: { memory: { limit: 8589934592, swap: 8589934592 } }, cgroupsPath: 'kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice:cri-containerd:c0ffee' },
    },
  },
};

describe('crictl-inspect', () => {
  it('reads a containerd container: OOMKilled reason, limit, cgroupsPath, restarts, tmpfs', () => {
    const r = parseCrictlInspect(JSON.stringify(CRICTL_CONTAINER, null, 2), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.containers[0]).toMatchObject({
      runtime: 'cri',
      kind: 'container',
      id: 'c0ffee',
      pid: null,
      status: 'CONTAINER_EXITED',
      running: false,
      oomKilled: true,
      exitCode: 137,
      restartCount: 3,
      attempt: 3,
      memoryLimitBytes: 8589934592,
      cgroupsPath: 'kubepods-burstable-pod96bc17dc_f218_4e61_be05_c945fa8670f9.slice:cri-containerd:c0ffee',
      podName: 'trade-7d9f',
      podUid: '96bc17dc-f218-4e61-be05-c945fa8670f9',
      containerName: 'java',
      oomScoreAdj: 984,
    });
    const c = r.value?.containers[0];
    expect(c?.jvm?.maxHeapBytes).toBe(6442450944);
    expect(c?.mounts.map((m) => [m.destination, m.tmpfs, m.sizeBytes, m.volumeName])).toEqual([
      ['/dev/shm', false, null, null],
      ['/tmp', true, 268435456, null],
      ['/cache', false, null, 'cache'],
    ]);
  });

  it('reads the CRI-O fragment: limit inside a runtimeSpec, identity from the k8s_ name', () => {
    const r = parseCrictlInspect(fixture('crictl-inspect/crictl-inspect.crio-3769-runtimespec-memory-limit.fragment.txt'), CTX);
    expect(r.value?.containers[0]).toMatchObject({ memoryLimitBytes: 268435456, lines: { memoryLimitBytes: 23 }, containerName: 'container1', podName: 'podsandbox1', podNamespace: 'redhat.test.crio', attempt: 1 });
    expect(r.warnings.map((w) => w.code)).toEqual(['json-truncated', 'json-unbalanced', 'fragment']);
  });

  it('reads the containerd inspectp fragment: a sandbox with info.pid', () => {
    const c = parseCrictlInspect(fixture('crictl-inspect/crictl-inspectp.containerd-cri-452-info-pid.fragment.txt'), CTX).value?.containers[0];
    expect(c).toMatchObject({ kind: 'sandbox', pid: 9475, status: 'SANDBOX_READY', running: true, podName: 'nginx-sandbox', podUid: 'hdishd83djaidwnduwk28bcsb', podNamespace: 'default' });
  });

  it('is unusable for other JSON and does not take docker inspect', () => {
    expect(parseCrictlInspect('{"kind": "Pod"}', CTX).status).toBe('unusable');
    expect(detectDockerInspect(JSON.stringify(CRICTL_CONTAINER))).toBe(0);
  });
});

describe('kubelet names and volume paths', () => {
  it('splits k8s_ names of containers, dockershim sandboxes and CRI-O sandboxes', () => {
    expect(parseKubeletName('/k8s_my-nettools_my-nettools-primary-8584bffdf5-x97rx_default_a9d684a4-53fe-4114-b8d0-8f138b933551_1')).toEqual({
      container: 'my-nettools',
      pod: 'my-nettools-primary-8584bffdf5-x97rx',
      namespace: 'default',
      uid: 'a9d684a4-53fe-4114-b8d0-8f138b933551',
      attempt: 1,
    });
    expect(parseKubeletName('k8s_POD_web_ns_uid_0')?.container).toBe('POD');
    expect(parseKubeletName('k8s_podsandbox1_redhat.test.crio_redhat-test-crio_1')).toMatchObject({ container: null, pod: 'podsandbox1' });
    expect(parseKubeletName('hehe2')).toBeNull();
    expect(volumeOfPath('/var/lib/kubelet/pods/u/volumes/kubernetes.io~empty-dir/cache-volume')).toEqual({ plugin: 'kubernetes.io/empty-dir', name: 'cache-volume' });
  });
});

describe('docker stats and crictl stats', () => {
  it('reads docker sizes in binary units and mixed decimal I/O columns', () => {
    const r = parseDockerStats(fixture('docker-stats/docker-stats-no-stream.genieparser-4-containers-no-trailing-newline.txt'), CTX);
    expect(r.value?.rows.map((row) => [row.id, row.memoryUsageBytes, row.memoryLimitBytes, row.memoryPercent, row.pids])).toEqual([
      ['a3f78cb32a8e', 58395197, 1100585370, 5.31, 1],
      ['22e23asfcde8', 11733565, 137573171, 8.53, 4],
      ['293fdak28c05', 38881198, 137573171, 28.26, 3],
      ['c5a5saddd210', 32222740, 275146342, 11.71, 2],
    ]);
    expect(r.value?.approximate).toBe(true);
  });

  it('reads seed 004 with a repeated header behind a prompt line', () => {
    const r = parseDockerStats(fixture('docker-stats/seed-004-docker-stats-repeated-header.txt'), CTX);
    expect(r.status).toBe('parsed');
    expect(r.value?.rows).toHaveLength(2);
    expect(r.value?.rows[0]).toMatchObject({ id: 'e00a11510727', memoryUsageText: '3.82MiB', memoryLimitBytes: 1073741824 });
  });

  it('reads crictl stats (decimal MB) and a header without rows', () => {
    const r = parseCrictlStats(fixture('crictl-stats/crictl-stats.crio-3580-per-container.txt'), CTX);
    expect(r.value?.rows[0]).toMatchObject({ id: '538fbb2396de1', cpuPercent: 5.49, memoryUsageBytes: 30650000 });
    const empty = parseCrictlStats(fixture('crictl-stats/crictl-stats.crio-3580-pod-filter-empty.txt'), CTX);
    expect(empty.status).toBe('partial');
    expect(empty.value?.rows).toEqual([]);
  });

  it('reads decimal commas, strips ANSI screen clears, never throws', () => {
    const text = '\u001b[2J\u001b[HCONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT     MEM %   NET I/O   BLOCK I/O   PIDS\nabc            x      1,5%    55,5MiB / 1GiB        5,4%    0B / 0B   0B / 0B     3\n';
    const row = parseDockerStats(text, CTX).value?.rows[0];
    expect(row).toMatchObject({ cpuPercent: 1.5, memoryUsageBytes: 58195968, memoryPercent: 5.4 });
    expect(parseDockerStats('\u0000', CTX).status).toBe('unusable');
  });
});
