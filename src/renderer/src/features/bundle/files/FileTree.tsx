// The bundle's files as a tree: name, detected format, size, warnings. Choosing a file opens it.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { bundleHref } from '../../../app/router';
import type { FileRecord } from '../../../db/schema';
import { UNKNOWN_FORMAT_ID } from '../../../db/import-records';
import { buildFileTree, type TreeNode } from './file-tree';

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
  return (
    <ul className="file-tree" role="tree" aria-label={t('bundle.files')}>
      {buildFileTree(files).map((node) => (
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
  const { t, bytes, warning, formatName } = useI18n();
  const indent = { paddingLeft: 6 + depth * 14 };
  if (node.kind === 'folder') {
    const open = !collapsed.has(node.path);
    return (
      <li role="treeitem" aria-expanded={open} aria-selected={false}>
        <button type="button" className="file-tree-folder" style={indent} onClick={() => onToggle(node.path)} title={node.path}>
          <span className="file-tree-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="file-tree-folder-name">{node.name}</span>
        </button>
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
  const f = node.file;
  const selected = f.path === selectedPath;
  const unknown = f.formatId === UNKNOWN_FORMAT_ID;
  const firstWarning = f.warnings[0];
  return (
    <li role="treeitem" aria-selected={selected} data-testid="file-row" data-path={f.path}>
      <a className={`file-tree-file${selected ? ' selected' : ''}`} style={indent} href={bundleHref(bundleId, 'files', f.path)} title={firstWarning ? warning(firstWarning) : f.path}>
        <span className="file-tree-name">{node.name}</span>
        <span className={`badge ${unknown ? 'bad' : f.status === 'parsed' ? 'ok' : 'warn'}`}>{unknown ? t('format.unknown') : formatName(f.formatId)}</span>
        {f.warnings.length > 0 && !unknown && (
          <span className="file-tree-warnings" aria-label={t('bundle.file.warningCount', { count: f.warnings.length })}>
            ⚠ {f.warnings.length}
          </span>
        )}
        <span className="file-tree-size num">{bytes(f.sizeBytes)}</span>
      </a>
    </li>
  );
}
