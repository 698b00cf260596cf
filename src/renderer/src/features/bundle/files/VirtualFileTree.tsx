// The file tree of a big bundle as one flat list with only the rows in view rendered (the rows
// above and below are two spacers); each row says its level (aria-level), as a tree's items do.
import { useCallback, useRef, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { FileRecord } from '../../../db/schema';
import { useScrollOnce, useVirtualRows } from '../../../components/useVirtualRows';
import type { FlatRow } from './flat-tree';
import { FileLink, FolderButton } from './FileTreeRows';

/** From this many visible rows the tree is virtualised (a 110-pod capture has about 2 000 files). */
export const VIRTUAL_FROM_ROWS = 400;

interface Props {
  rows: readonly FlatRow<FileRecord>[];
  bundleId: string;
  selectedPath: string | null;
  collapsed: ReadonlySet<string>;
  onToggle: (path: string) => void;
}

export function VirtualFileTree({ rows, bundleId, selectedPath, collapsed, onToggle }: Props): ReactNode {
  const { t } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  const virtual = useVirtualRows(rows.length, list, { enabled: true, estimatePx: 24 });
  const selectedIndex = rows.findIndex((r) => r.node.kind === 'file' && r.node.file.path === selectedPath);
  const { scrollToRow } = virtual;
  useScrollOnce(selectedIndex >= 0 ? selectedPath : null, useCallback(() => scrollToRow(selectedIndex), [scrollToRow, selectedIndex]));
  return (
    <ul className="file-tree" role="tree" aria-label={t('bundle.files')} ref={list}>
      {virtual.padTopPx > 0 && <li className="virtual-spacer" aria-hidden="true" style={{ height: virtual.padTopPx }} />}
      {rows.slice(virtual.start, virtual.end).map(({ node, depth }, i) => {
        const measure = i === 0 ? virtual.measureRow : undefined;
        if (node.kind === 'folder') {
          const open = !collapsed.has(node.path);
          return (
            <li key={node.path} ref={measure} role="treeitem" aria-level={depth + 1} aria-expanded={open} aria-selected={false}>
              <FolderButton node={node} depth={depth} open={open} onToggle={onToggle} />
            </li>
          );
        }
        const selected = node.file.path === selectedPath;
        return (
          <li key={node.path} ref={measure} role="treeitem" aria-level={depth + 1} aria-selected={selected} data-testid="file-row" data-path={node.file.path}>
            <FileLink node={node} depth={depth} bundleId={bundleId} selected={selected} />
          </li>
        );
      })}
      {virtual.padBottomPx > 0 && <li className="virtual-spacer" aria-hidden="true" style={{ height: virtual.padBottomPx }} />}
    </ul>
  );
}
