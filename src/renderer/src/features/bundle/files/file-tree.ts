// Pure: bundle paths → a folder tree, with single-folder chains compacted (`cgroup/kubepods/pod…`)
// the way editors show deep paths.

export interface TreeFolder<F> {
  kind: 'folder';
  /** Shown name; may hold several segments after compaction. */
  name: string;
  /** Full path of the folder inside the bundle. */
  path: string;
  children: TreeNode<F>[];
}

export interface TreeFile<F> {
  kind: 'file';
  name: string;
  path: string;
  file: F;
}

export type TreeNode<F> = TreeFolder<F> | TreeFile<F>;

export function buildFileTree<F extends { path: string }>(files: readonly F[]): TreeNode<F>[] {
  const root: TreeFolder<F> = { kind: 'folder', name: '', path: '', children: [] };
  for (const file of files) {
    const parts = file.path.split('/').filter((p) => p !== '');
    let folder = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i] ?? '';
      const path = parts.slice(0, i + 1).join('/');
      let next = folder.children.find((c): c is TreeFolder<F> => c.kind === 'folder' && c.name === name);
      if (!next) {
        next = { kind: 'folder', name, path, children: [] };
        folder.children.push(next);
      }
      folder = next;
    }
    folder.children.push({ kind: 'file', name: parts[parts.length - 1] ?? file.path, path: file.path, file });
  }
  return root.children.map(compact).sort(byKindThenName);
}

function compact<F>(node: TreeNode<F>): TreeNode<F> {
  if (node.kind === 'file') return node;
  let folder = node;
  while (folder.children.length === 1 && folder.children[0]?.kind === 'folder') {
    const only: TreeFolder<F> = folder.children[0];
    folder = { kind: 'folder', name: `${folder.name}/${only.name}`, path: only.path, children: only.children };
  }
  return { ...folder, children: folder.children.map(compact).sort(byKindThenName) };
}

function byKindThenName<F>(a: TreeNode<F>, b: TreeNode<F>): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
