import { describe, expect, it } from 'vitest';
import { emptyBreakdown, emptyEvents, translator, type MemoryGroup } from '../../../../../core';
import { groupLabel, isRemainder, limitText } from './group-label';

function group(over: Partial<MemoryGroup>): MemoryGroup {
  return {
    key: 'k',
    path: '/kubepods/burstable/pod1',
    role: 'other',
    qosClass: null,
    podUid: null,
    podName: null,
    podNamespace: null,
    containerName: null,
    containerId: null,
    orphaned: false,
    cgroupVersion: 1,
    usageBytes: null,
    limitBytes: null,
    workingSetBytes: null,
    maxUsageBytes: null,
    breakdown: emptyBreakdown(),
    events: emptyEvents(),
    processes: [],
    sources: {},
    children: [],
    ...over,
  };
}

const t = translator('en');
const name = (g: MemoryGroup): string => {
  const l = groupLabel(g);
  return t(l.key, l.params);
};

describe('groupLabel', () => {
  it('names pods and containers as Kubernetes does', () => {
    expect(name(group({ role: 'pod', podName: 'api-7f8c9d6b5-h7j2k', podNamespace: 'ml' }))).toBe('Pod ml/api-7f8c9d6b5-h7j2k');
    expect(name(group({ role: 'pod', podUid: '8053180c-b0f1-4cb6-9d6d-c68c5af49d48' }))).toBe('Pod 8053180c-b0f1-4cb6-9d6d-c68c5af49d48');
    expect(name(group({ role: 'container', containerName: 'api' }))).toBe('Container api');
    expect(name(group({ role: 'container', containerId: '222f087a701e5caac7fee6c6dedbdbcab3df6b6b67889d9f5ec2bd4ccf8802cd', orphaned: true }))).toBe('Container 222f087a701e (gone)');
    expect(name(group({ role: 'qos', qosClass: 'burstable' }))).toBe('QoS class burstable');
  });
  it('names what no container owns', () => {
    const g = group({ key: 'pod:1/(not owned by any container)', orphaned: true, role: 'other' });
    expect(isRemainder(g)).toBe(true);
    expect(name(g)).toBe('Not owned by any container');
    expect(translator('zh-CN')(groupLabel(g).key)).toBe('不属于任何容器的内存');
  });
  it('falls back to the path', () => {
    expect(name(group({ path: 'memory.stat' }))).toBe('memory.stat');
  });
});

describe('limitText', () => {
  it('says unlimited only when a file said so', () => {
    expect(limitText(group({ sources: { limitBytes: { file: 'memory.max', line: 1, key: 'memory.max', rawText: 'max' } } }), t)).toBe('unlimited');
    expect(limitText(group({}), t)).toBe('—');
  });
});
