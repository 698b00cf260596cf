// Files: the tree on the left, the chosen file on the right. The choice lives in the URL.
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { FileRecord } from '../../../db/schema';
import { FileTree } from './FileTree';
import { FileDetail } from './FileDetail';
import { isMemoryStat } from '../overview/groups-from-files';
import './files.css';

export function FilesTab({ bundleId, files, filePath, line, lineEnd = null }: { bundleId: string; files: readonly FileRecord[]; filePath: string | null; line: number | null; lineEnd?: number | null }): ReactNode {
  const { t } = useI18n();
  const chosen = (filePath !== null ? files.find((f) => f.path === filePath) : undefined) ?? files.find(isMemoryStat) ?? files[0] ?? null;
  return (
    <div className="files-tab">
      <nav className="panel files-tree-panel" aria-label={t('bundle.files')}>
        <FileTree bundleId={bundleId} files={files} selectedPath={chosen?.path ?? null} />
      </nav>
      <div className="panel files-detail-panel">
        {chosen ? <FileDetail key={chosen.id} file={chosen} line={chosen.path === filePath ? line : null} lineEnd={chosen.path === filePath ? lineEnd : null} /> : <p className="empty-state">{t('bundle.noFiles')}</p>}
      </div>
    </div>
  );
}
