// Pure: the rows a file tree shows, in order, as one flat list (folders open unless collapsed), for
// a virtualised tree that renders only the rows in view. Sample:
//   [{ node: folder 'after', depth: 0 }, { node: file 'after/dmesg.txt', depth: 1 }, …]
import type { TreeNode } from './file-tree';

export interface FlatRow<F> {
  node: TreeNode<F>;
  depth: number;
}

export function flattenVisible<F>(nodes: readonly TreeNode<F>[], collapsed: ReadonlySet<string>, depth = 0, out: FlatRow<F>[] = []): FlatRow<F>[] {
  for (const node of nodes) {
    out.push({ node, depth });
    if (node.kind === 'folder' && !collapsed.has(node.path)) flattenVisible(node.children, collapsed, depth + 1, out);
  }
  return out;
}
