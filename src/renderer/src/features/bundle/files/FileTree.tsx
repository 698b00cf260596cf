// The bundle's files as a tree: name, detected format, size, warnings. Choosing a file opens it.
// A big bundle (a node's worth of cgroups: thousands of files) renders as a flat, virtualised list
// of the same rows (VirtualFileTree.tsx), so only the rows in view are in the page.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { FileRecord } from '../../../db/schema';
import { buildFileTree, type TreeNode } from './file-tree';
import { flattenVisible } from './flat-tree';
import { FileLink, FolderButton } from './FileTreeRows';
import { VirtualFileTree, VIRTUAL_FROM_ROWS } from './VirtualFileTree';

export function FileTree({ bundleId, files, selectedPath }: { bundleId: string; files: readonly FileRecord[]; selectedPath: string | null }): ReactNode {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string): void =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const nodes = buildFileTree(files);
  const rows = flattenVisible(nodes, collapsed);
  if (rows.length >= VIRTUAL_FROM_ROWS) return <VirtualFileTree rows={rows} bundleId={bundleId} selectedPath={selectedPath} collapsed={collapsed} onToggle={toggle} />;
  return (
    <ul className="file-tree" role="tree" aria-label={t('bundle.files')}>
      {nodes.map((node) => (
        <TreeRow key={node.path} node={node} depth={0} bundleId={bundleId} selectedPath={selectedPath} collapsed={collapsed} onToggle={toggle} />
      ))}
    </ul>
  );
}

interface RowProps {
  node: TreeNode<FileRecord>;
  depth: number;
  bundleId: string;
  selectedPath: string | null;
  collapsed: ReadonlySet<string>;
  onToggle: (path: string) => void;
}

function TreeRow({ node, depth, bundleId, selectedPath, collapsed, onToggle }: RowProps): ReactNode {
  if (node.kind === 'folder') {
    const open = !collapsed.has(node.path);
    return (
      <li role="treeitem" aria-expanded={open} aria-selected={false}>
        <FolderButton node={node} depth={depth} open={open} onToggle={onToggle} />
        {open && (
          <ul role="group">
            {node.children.map((c) => (
              <TreeRow key={c.path} node={c} depth={depth + 1} bundleId={bundleId} selectedPath={selectedPath} collapsed={collapsed} onToggle={onToggle} />
            ))}
          </ul>
        )}
      </li>
    );
  }
  const selected = node.file.path === selectedPath;
  return (
    <li role="treeitem" aria-selected={selected} data-testid="file-row" data-path={node.file.path}>
      <FileLink node={node} depth={depth} bundleId={bundleId} selected={selected} />
    </li>
  );
}
