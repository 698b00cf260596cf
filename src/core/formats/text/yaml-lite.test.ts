import { describe, expect, it } from 'vitest';
import { readYamlLite, splitKey, yamlReadWarnings } from './yaml-lite';
import { at, integer, items, member, text, type TreeNode } from './tree';

function root(source: string): TreeNode {
  const r = readYamlLite(source);
  const v = r.values[0];
  if (!v) throw new Error('no document');
  return v;
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod"}
  name: memory-demo-2
  namespace: mem-example
  uid: 1f4e6f2a-0000-4000-8000-000000000001
spec:
  containers:
  - args:
    - --vm
    - "1"
    - -Xmx1g
    - -XX:MaxRAMPercentage=75.0
    image: polinux/stress
    name: memory-demo-2-ctr
    resources:
      limits:
        memory: 100Mi
      requests:
        memory: 50Mi
  volumes:
  - emptyDir:
      medium: Memory
      sizeLimit: 1Gi
    name: cache
  - emptyDir: {}
    name: scratch
status:
  containerStatuses:
  - lastState:
      terminated:
        exitCode: 137
        finishedAt: "2017-06-20T20:52:19Z"
        reason: OOMKilled
        startedAt: null
    name: memory-demo-2-ctr
    ready: false
    restartCount: 2
  qosClass: Burstable
`;

describe('readYamlLite', () => {
  it('reads a kubectl pod: nested maps, sequences at the parent indent, block scalars', () => {
    const pod = root(POD);
    expect(text(member(pod, 'kind'))).toBe('Pod');
    expect(text(at(pod, 'metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'))).toBe('{"apiVersion":"v1","kind":"Pod"}\n');
    expect(text(at(pod, 'metadata', 'name'))).toBe('memory-demo-2');
    const containers = items(at(pod, 'spec', 'containers'));
    expect(containers).toHaveLength(1);
    expect(items(member(containers[0], 'args')).map(text)).toEqual(['--vm', '1', '-Xmx1g', '-XX:MaxRAMPercentage=75.0']);
    expect(text(at(containers[0], 'resources', 'limits', 'memory'))).toBe('100Mi');
    expect(at(containers[0], 'resources', 'limits', 'memory')?.line).toBe(21);
    const volumes = items(at(pod, 'spec', 'volumes'));
    expect(volumes.map((v) => text(member(v, 'name')))).toEqual(['cache', 'scratch']);
    expect(text(at(volumes[0], 'emptyDir', 'medium'))).toBe('Memory');
    expect(member(volumes[1], 'emptyDir')?.type).toBe('object');
    const status = items(at(pod, 'status', 'containerStatuses'))[0];
    expect(integer(at(status, 'lastState', 'terminated', 'exitCode'))).toEqual({ ok: true, value: 137, fromString: false });
    expect(at(status, 'lastState', 'terminated', 'startedAt')?.type).toBe('null');
    expect(text(at(status, 'lastState', 'terminated', 'finishedAt'))).toBe('2017-06-20T20:52:19Z');
    expect(member(status, 'ready')).toMatchObject({ type: 'boolean', value: false });
    expect(text(at(pod, 'status', 'qosClass'))).toBe('Burstable');
  });

  it('reads the 3- and 5-space indented fragment from the Kubernetes docs', () => {
    const src = 'lastState:\n   terminated:\n     containerID: docker://65183c\n     exitCode: 137\n     finishedAt: 2017-06-20T20:52:19Z\n     reason: OOMKilled\n     startedAt: null\n';
    const r = readYamlLite(src);
    expect(r.junkLines).toEqual([]);
    expect(text(at(r.values[0], 'lastState', 'terminated', 'reason'))).toBe('OOMKilled');
    expect(at(r.values[0], 'lastState', 'terminated', 'reason')?.line).toBe(6);
  });

  it('folds a single-quoted message over two lines (go-yaml wrapping)', () => {
    const src = "  message: 'The node was low on resource: memory. Container node was using 35505620Ki,\n    which exceeds its request of 12Gi. '\n  phase: Failed\n  reason: Evicted\n";
    const r = readYamlLite(src);
    expect(text(member(r.values[0], 'message'))).toBe('The node was low on resource: memory. Container node was using 35505620Ki, which exceeds its request of 12Gi. ');
    expect(text(member(r.values[0], 'reason'))).toBe('Evicted');
    expect(member(r.values[0], 'reason')?.line).toBe(4);
  });

  it('folds plain and double-quoted scalars, with escapes', () => {
    const r = readYamlLite('a: one\n  two\n  three\nb: "x\\ty\n  z\\\n  w"\nc: \'it\'\'s\'\n');
    expect(text(member(r.values[0], 'a'))).toBe('one two three');
    expect(text(member(r.values[0], 'b'))).toBe('x\ty zw');
    expect(text(member(r.values[0], 'c'))).toBe("it's");
  });

  it('merges a fragment that dedents into one object', () => {
    const r = readYamlLite('      reason: OOMKilled\n    restartCount: 5\n  phase: Running\n');
    expect(r.values).toHaveLength(1);
    expect(text(member(r.values[0], 'restartCount'))).toBe('5');
    expect(text(member(r.values[0], 'phase'))).toBe('Running');
  });

  it('reads flow collections and quoted keys', () => {
    const r = readYamlLite('command: ["java", "-Xmx512m", \'-jar\']\nlabels: {app: web, "tier": db}\n"quoted key": 1\n');
    expect(items(member(r.values[0], 'command')).map(text)).toEqual(['java', '-Xmx512m', '-jar']);
    expect(text(at(r.values[0], 'labels', 'tier'))).toBe('db');
    expect(text(member(r.values[0], 'quoted key'))).toBe('1');
  });

  it('splits documents at ---', () => {
    const r = readYamlLite('---\nkind: Pod\n---\nkind: Pod\nmetadata:\n  name: b\n');
    expect(r.values).toHaveLength(2);
    expect(text(at(r.values[1], 'metadata', 'name'))).toBe('b');
  });

  it('skips prompts and lines that fit nowhere, and says so', () => {
    const r = readYamlLite('[root@master01 ~]# kubectl get pod x -o yaml\nkind: Pod\nthis is not yaml\n');
    expect(text(member(r.values[0], 'kind'))).toBe('Pod');
    expect(r.junkLines).toEqual([1, 3]);
    expect(yamlReadWarnings(r).map((w) => w.code)).toEqual(['yaml-junk-skipped']);
  });

  it('keeps __proto__ as data', () => {
    const r = readYamlLite('__proto__:\n  polluted: true\nconstructor: x\n');
    expect(text(at(r.values[0], '__proto__', 'polluted'))).toBe('true');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports an unterminated quote and never throws on junk', () => {
    const r = readYamlLite("a: 'never closed\nb: 1\n");
    expect(r.unterminatedQuote).toBe(true);
    expect(() => readYamlLite('\u0000\u0001: \u0002\n- - - -\n: :\n')).not.toThrow();
    expect(readYamlLite('').values).toEqual([]);
  });

  it('does not overflow on deep nesting and stays linear', () => {
    const deep = Array.from({ length: 3000 }, (_, k) => ' '.repeat(k) + 'k:').join('\n');
    expect(() => readYamlLite(deep)).not.toThrow();
    const seqs = Array.from({ length: 3000 }, (_, k) => ' '.repeat(k * 2) + '-').join('\n');
    expect(() => readYamlLite(seqs)).not.toThrow();
    const start = Date.now();
    readYamlLite('a: ' + 'x'.repeat(5_000_000));
    readYamlLite('\n'.repeat(1_000_000));
    readYamlLite("a: '" + '\n'.repeat(100_000));
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('splitKey tells keys from values with colons', () => {
    expect(splitKey('image: docker.io/x:1.0')).toEqual({ key: 'image', rest: ' docker.io/x:1.0' });
    expect(splitKey('containerID: docker://abc')).toEqual({ key: 'containerID', rest: ' docker://abc' });
    expect(splitKey('-XX:MaxRAMPercentage=75.0')).toBeNull();
    expect(splitKey('http://x')).toBeNull();
    expect(splitKey('key:')).toEqual({ key: 'key', rest: '' });
  });
});
