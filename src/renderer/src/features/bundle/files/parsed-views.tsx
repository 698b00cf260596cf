// Richer parsed views for formats where a table of the raw result is not enough. Everything else
// gets the generic ParsedValue tables.
import type { ReactNode } from 'react';
import type { FileRecord } from '../../../db/schema';
import { isMemoryStat } from '../overview/groups-from-files';
import { MemoryStatView } from './MemoryStatView';
import { ParsedValue } from './ParsedView';
import { appEvidenceView } from '../../app-evidence/app-evidence-view';

export function ParsedFileView({ file }: { file: FileRecord }): ReactNode {
  if (isMemoryStat(file)) return <MemoryStatView bundleId={file.bundleId} path={file.path} data={file.data} />;
  return appEvidenceView(file) ?? <ParsedValue value={file.data} />;
}
