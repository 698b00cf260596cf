import { describe, expect, it } from 'vitest';
import { buildFileTree, type TreeNode } from './file-tree';

function names(nodes: TreeNode<{ path: string }>[]): unknown[] {
  return nodes.map((n) => (n.kind === 'file' ? n.name : { [n.name]: names(n.children) }));
}

describe('buildFileTree', () => {
  it('nests by folder, folders first, and compacts single-folder chains', () => {
    const files = [
      { path: 'lab/during/dmesg.txt' },
      { path: 'lab/during/cgroup/kubepods/burstable/pod1/memory.stat' },
      { path: 'lab/during/cgroup/kubepods/burstable/pod1/c1/memory.stat' },
      { path: 'lab/manifest.json' },
    ];
    expect(names(buildFileTree(files))).toEqual([
      {
        lab: [
          {
            during: [{ 'cgroup/kubepods/burstable/pod1': [{ c1: ['memory.stat'] }, 'memory.stat'] }, 'dmesg.txt'],
          },
          'manifest.json',
        ],
      },
    ]);
  });
  it('keeps the full path of a compacted folder', () => {
    const [top] = buildFileTree([{ path: 'a/b/c/x.txt' }]);
    expect(top).toMatchObject({ kind: 'folder', name: 'a/b/c', path: 'a/b/c' });
  });
  it('lists loose files at the top level', () => {
    expect(names(buildFileTree([{ path: 'memory.stat' }, { path: 'dmesg.txt' }]))).toEqual(['dmesg.txt', 'memory.stat']);
  });
});
