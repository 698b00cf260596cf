import { describe, expect, it } from 'vitest';
import { buildFileTree } from './file-tree';
import { flattenVisible } from './flat-tree';

describe('flattenVisible', () => {
  const files = ['after/dmesg.txt', 'after/cgroup/a/memory.stat', 'after/cgroup/b/memory.stat', 'before/dmesg.txt', 'manifest.json'].map((path) => ({ path }));
  const tree = buildFileTree(files);

  it('lists every row in tree order with its depth', () => {
    expect(flattenVisible(tree, new Set()).map((r) => `${'  '.repeat(r.depth)}${r.node.name}`)).toEqual([
      'after',
      '  cgroup',
      '    a',
      '      memory.stat',
      '    b',
      '      memory.stat',
      '  dmesg.txt',
      'before',
      '  dmesg.txt',
      'manifest.json',
    ]);
  });

  it('leaves out what is inside a collapsed folder', () => {
    expect(flattenVisible(tree, new Set(['after/cgroup', 'before'])).map((r) => r.node.path)).toEqual(['after', 'after/cgroup', 'after/dmesg.txt', 'before', 'manifest.json']);
  });
});
