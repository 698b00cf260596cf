// Which application-evidence panel a parsed file gets in the Files tab: JVM NMT, page-cache tools,
// procdump listings and regions. null for any other format (the generic tables show those).
import type { ReactNode } from 'react';
import { PROCDUMP_REGION_FORMAT_ID, type BinarySummaryData, type JvmNmtData, type PageCacheData, type ProcdumpListingData } from '../../../../core';
import type { FileRecord } from '../../db/schema';
import { JvmNmtPanel } from './JvmNmtPanel';
import { PageCachePanel } from './PageCachePanel';
import { ProcdumpListingPanel, ProcdumpRegionPanel } from './ProcdumpPanels';

const PAGE_CACHE_FORMATS = new Set(['fincore', 'pcstat', 'hcache', 'vmtouch']);

function has(data: unknown, key: string): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && key in data;
}

export function appEvidenceView(file: FileRecord): ReactNode | null {
  const { data } = file;
  if (file.formatId === 'jvm-nmt' && has(data, 'categories')) return <JvmNmtPanel bundleId={file.bundleId} path={file.path} data={data as unknown as JvmNmtData} />;
  if (PAGE_CACHE_FORMATS.has(file.formatId) && has(data, 'files')) return <PageCachePanel bundleId={file.bundleId} path={file.path} data={data as unknown as PageCacheData} />;
  if (file.formatId === 'procdump-listing' && has(data, 'regions')) return <ProcdumpListingPanel bundleId={file.bundleId} path={file.path} data={data as unknown as ProcdumpListingData} />;
  if (file.formatId === PROCDUMP_REGION_FORMAT_ID && has(data, 'printableRatio')) return <ProcdumpRegionPanel fileId={file.id} data={data as unknown as BinarySummaryData} />;
  return null;
}
