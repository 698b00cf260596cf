import { describe, expect, it } from 'vitest';
import {
  bundleCgroupFile,
  namesFromDockerName,
  namesFromLabels,
  normaliseContainerId,
  normalisePodUid,
  parseCgroupPath,
  sameContainerId,
} from './join-keys';

const LAB_POD = '8053180c-b0f1-4cb6-9d6d-c68c5af49d48';
const LAB_CID = '5e5f644350da9b39c04c9d4614dfada1f660eb262e3f056c18bd6cf4834ed868';

describe('parseCgroupPath', () => {
  it('reads the systemd driver with every runtime (kernel-oom corpus, seed 004)', () => {
    const docker = parseCgroupPath(
      '/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podef7ce918_ae07_11e9_bf64_00163e08cd06.slice/docker-5c223edfde3b17676cb982efdc201218a674578704d33d09de4775b721cb4702.scope',
    );
    expect(docker).toMatchObject({
      level: 'container',
      driver: 'systemd',
      qosClass: 'burstable',
      podUid: 'ef7ce918-ae07-11e9-bf64-00163e08cd06',
      containerId: '5c223edfde3b17676cb982efdc201218a674578704d33d09de4775b721cb4702',
      runtime: 'docker',
    });
    const containerd = parseCgroupPath(
      '/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_7c71cf55cfb5.slice/cri-containerd-25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca.scope',
    );
    expect(containerd).toMatchObject({ level: 'container', runtime: 'containerd', podUid: '5931aa75-4603-4e65-b552-7c71cf55cfb5' });
    const crio = parseCgroupPath(`/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${LAB_POD.replace(/-/g, '_')}.slice/crio-${LAB_CID}.scope`);
    expect(crio).toMatchObject({ level: 'container', runtime: 'crio', qosClass: 'besteffort', podUid: LAB_POD, containerId: LAB_CID, conmon: false });
    const conmon = parseCgroupPath(`/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${LAB_POD}.slice/crio-conmon-${LAB_CID}.scope`);
    expect(conmon).toMatchObject({ level: 'other', conmon: true, podUid: LAB_POD });
  });

  it('reads pod and qos slices, guaranteed pods directly under kubepods', () => {
    expect(parseCgroupPath('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_7c71cf55cfb5.slice')).toMatchObject({
      level: 'pod',
      qosClass: 'burstable',
      podUid: '5931aa75-4603-4e65-b552-7c71cf55cfb5',
      containerId: null,
    });
    expect(parseCgroupPath(`/kubepods.slice/kubepods-pod${LAB_POD.replace(/-/g, '_')}.slice`)).toMatchObject({ level: 'pod', qosClass: 'guaranteed', podUid: LAB_POD });
    expect(parseCgroupPath('/kubepods.slice/kubepods-besteffort.slice')).toMatchObject({ level: 'qos', qosClass: 'besteffort' });
    expect(parseCgroupPath('/kubepods.slice')).toMatchObject({ level: 'kubepods', driver: 'systemd' });
  });

  it('takes no QoS class from a path segment named like a property of every object', () => {
    for (const name of ['constructor', 'toString', 'valueOf']) {
      expect(parseCgroupPath(`/kubepods/${name}`).qosClass).not.toBeTypeOf('function');
      expect(parseCgroupPath(`/kubepods.slice/kubepods-${name}.slice`).qosClass).not.toBeTypeOf('function');
      expect(parseCgroupPath(`/kubepods.slice/kubepods-${name}-pod${LAB_POD.replace(/-/g, '_')}.slice`).qosClass).not.toBeTypeOf('function');
    }
  });

  it('reads the cgroupfs driver (kernel-oom corpus, cAdvisor ids, lab layout)', () => {
    expect(
      parseCgroupPath('/kubepods/burstable/pod28fcb1a0-a45c-44e7-b9bf-e3b9360bedba/3e5e5eab87df615f4777e6f7f261a7fb62f4a7ee5bc3e25e3a5b5223ccd368fe'),
    ).toMatchObject({
      level: 'container',
      driver: 'cgroupfs',
      qosClass: 'burstable',
      podUid: '28fcb1a0-a45c-44e7-b9bf-e3b9360bedba',
      containerId: '3e5e5eab87df615f4777e6f7f261a7fb62f4a7ee5bc3e25e3a5b5223ccd368fe',
      runtime: null,
    });
    expect(parseCgroupPath('/kubepods/besteffort/pod18d34ce4-50c7-452c-9df8-53c4a3fdf363')).toMatchObject({ level: 'pod', qosClass: 'besteffort' });
    expect(parseCgroupPath('/kubepods/besteffort')).toMatchObject({ level: 'qos', qosClass: 'besteffort' });
    expect(parseCgroupPath('/kubepods/pod585d22b5-b5d7-466b-8bb6-9f2114fe4a28/e0e93a76a8dabc8ea3792423058a4493ab7e3d2d622ea1d6859416e5c570002a')).toMatchObject({
      level: 'container',
      qosClass: 'guaranteed',
      podUid: '585d22b5-b5d7-466b-8bb6-9f2114fe4a28',
    });
  });

  it('skips prefixes: the lab cgroup root, the v1 mount, the bundle layout', () => {
    for (const prefix of ['/oomlab', '/sys/fs/cgroup/memory', 'orphaned-shmem/before/cgroup']) {
      const info = parseCgroupPath(`${prefix}/kubepods/burstable/pod${LAB_POD}/${LAB_CID}`);
      expect(info).toMatchObject({ level: 'container', podUid: LAB_POD, containerId: LAB_CID, kubePath: `/kubepods/burstable/pod${LAB_POD}/${LAB_CID}` });
    }
  });

  it('copes with real-world damage: a typo slice, a cut path, masked UIDs', () => {
    expect(
      parseCgroupPath(
        '/kubepods.slice/kubepods-urstable.slice/kubepods-burstable-podef91e487_dec5_4613_800b_eb23e1a1617d.slice/cri-containerd-100093783c22a3ae1a42e21dd887b7c26eef52d56ba44c7273ef54507b6efe7c.scope',
      ),
    ).toMatchObject({ level: 'container', podUid: 'ef91e487-dec5-4613-800b-eb23e1a1617d', qosClass: 'burstable' });
    expect(parseCgroupPath('/kubepods/burstable/pod3902af1e-8c>')).toMatchObject({ level: 'pod', podUid: null });
    expect(parseCgroupPath('/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96bc****670f9.slice')).toMatchObject({ level: 'pod', podUid: null });
  });

  it('reads containers outside Kubernetes and leaves other cgroups alone', () => {
    expect(parseCgroupPath('/docker/0f2b3fcdd2578165ea77266cdc7b1ad43e75877b0ac1889ecda30a78cb78bd53')).toMatchObject({ level: 'container', runtime: 'docker', podUid: null });
    expect(parseCgroupPath('/system.slice/docker-69522f1a69d3061926f9b1250c8bfe6a1ecd0a0cd4e3c2eb734b37dac0cea279.scope')).toMatchObject({
      level: 'container',
      runtime: 'docker',
    });
    expect(parseCgroupPath('/user.slice/user-1000.slice/user@1000.service/app.slice/run-u640.service').level).toBe('other');
    expect(parseCgroupPath('/ltp_19257').level).toBe('other');
    expect(parseCgroupPath('/').level).toBe('root');
    expect(parseCgroupPath('').level).toBe('root');
    expect(parseCgroupPath(`/kubepods/burstable/pod${LAB_POD}/${LAB_CID}/sub`).level).toBe('other');
  });
});

describe('bundleCgroupFile', () => {
  it('finds the snapshot folder and the cgroup directory', () => {
    expect(bundleCgroupFile(`orphaned-shmem/before/cgroup/kubepods/burstable/pod${LAB_POD}/${LAB_CID}/memory.stat`)).toEqual({
      snapshotPrefix: 'orphaned-shmem/before/',
      cgroupDir: `/kubepods/burstable/pod${LAB_POD}/${LAB_CID}`,
      fileName: 'memory.stat',
    });
    expect(bundleCgroupFile('cgroup/memory.stat')).toEqual({ snapshotPrefix: '', cgroupDir: '/', fileName: 'memory.stat' });
    expect(bundleCgroupFile('node1/sys/fs/cgroup/memory/kubepods.slice/memory.stat')).toEqual({
      snapshotPrefix: 'node1/',
      cgroupDir: '/kubepods.slice',
      fileName: 'memory.stat',
    });
    expect(bundleCgroupFile('x/kubepods/burstable/memory.usage_in_bytes')).toEqual({ snapshotPrefix: 'x/', cgroupDir: '/kubepods/burstable', fileName: 'memory.usage_in_bytes' });
    expect(bundleCgroupFile('memory.stat')).toBeNull();
    expect(bundleCgroupFile('notes/readme.md')).toBeNull();
  });
});

describe('ids and names', () => {
  it('normalises pod UIDs and container ids', () => {
    expect(normalisePodUid('96BC17DC_F218_4E61_BE05_C945FA8670F9')).toBe('96bc17dc-f218-4e61-be05-c945fa8670f9');
    expect(normalisePodUid('96bc****670f9')).toBeNull();
    expect(normaliseContainerId(`containerd://${LAB_CID}`)).toBe(LAB_CID);
    expect(normaliseContainerId('docker://5E5F644350DA')).toBe('5e5f644350da');
    expect(normaliseContainerId('not-an-id')).toBeNull();
  });

  it('matches full and 12-character short ids, never shorter prefixes', () => {
    expect(sameContainerId(LAB_CID, '5e5f644350da')).toBe(true);
    expect(sameContainerId('5e5f644350da', `cri-o://${LAB_CID}`)).toBe(true);
    expect(sameContainerId(LAB_CID, '5e5f6443')).toBe(false);
    expect(sameContainerId(LAB_CID, '222f087a701e')).toBe(false);
    expect(sameContainerId(null, LAB_CID)).toBe(false);
  });

  it('reads Kubernetes names from labels and docker names', () => {
    expect(
      namesFromLabels({
        'io.kubernetes.pod.name': 'api-7f8c9d6b5-h7j2k',
        'io.kubernetes.pod.namespace': 'ml',
        'io.kubernetes.pod.uid': LAB_POD,
        'io.kubernetes.container.name': 'api',
      }),
    ).toEqual({ podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml', podUid: LAB_POD, containerName: 'api' });
    const polluted = JSON.parse('{"__proto__": {"io.kubernetes.pod.name": "x"}}') as Record<string, unknown>;
    expect(namesFromLabels(polluted).podName).toBeNull();
    expect(namesFromDockerName('k8s_my-nettools_my-nettools-primary-8584bffdf5-x97rx_default_a9d684a4-53fe-4114-b8d0-8f138b933551_1')).toEqual({
      containerName: 'my-nettools',
      podName: 'my-nettools-primary-8584bffdf5-x97rx',
      podNamespace: 'default',
      podUid: 'a9d684a4-53fe-4114-b8d0-8f138b933551',
      attempt: 1,
    });
    expect(namesFromDockerName('/nginx')).toBeNull();
  });
});
