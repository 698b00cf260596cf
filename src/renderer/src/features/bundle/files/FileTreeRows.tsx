// One row of the file tree, for the nested tree (FileTree.tsx) and the flat virtualised one
// (VirtualFileTree.tsx): a folder's open/close button, or a file's link with format, warnings, size.
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { bundleHref } from '../../../app/router';
import type { FileRecord } from '../../../db/schema';
import { UNKNOWN_FORMAT_ID } from '../../../db/import-records';
import type { TreeFile, TreeFolder } from './file-tree';

const indent = (depth: number): { paddingLeft: number } => ({ paddingLeft: 6 + depth * 14 });

export function FolderButton({ node, depth, open, onToggle }: { node: TreeFolder<FileRecord>; depth: number; open: boolean; onToggle: (path: string) => void }): ReactNode {
  return (
    <button type="button" className="file-tree-folder" style={indent(depth)} onClick={() => onToggle(node.path)} title={node.path}>
      <span className="file-tree-caret" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="file-tree-folder-name">{node.name}</span>
    </button>
  );
}

export function FileLink({ node, depth, bundleId, selected }: { node: TreeFile<FileRecord>; depth: number; bundleId: string; selected: boolean }): ReactNode {
  const { t, bytes, warning, formatName } = useI18n();
  const f = node.file;
  const unknown = f.formatId === UNKNOWN_FORMAT_ID;
  const firstWarning = f.warnings[0];
  return (
    <a className={`file-tree-file${selected ? ' selected' : ''}`} style={indent(depth)} href={bundleHref(bundleId, 'files', f.path)} title={firstWarning ? warning(firstWarning) : f.path}>
      <span className="file-tree-name">{node.name}</span>
      <span className={`badge ${unknown ? 'bad' : f.status === 'parsed' ? 'ok' : 'warn'}`}>{unknown ? t('format.unknown') : formatName(f.formatId)}</span>
      {f.warnings.length > 0 && !unknown && (
        <span className="file-tree-warnings" aria-label={t('bundle.file.warningCount', { count: f.warnings.length })}>
          ⚠ {f.warnings.length}
        </span>
      )}
      <span className="file-tree-size num">{bytes(f.sizeBytes)}</span>
    </a>
  );
}
