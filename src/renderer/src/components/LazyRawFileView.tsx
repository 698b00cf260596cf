// Monaco is large: load it only when a raw file is shown.
import { lazy, Suspense, type ReactNode } from 'react';
import type { RawFileViewProps } from './RawFileView';
import { useI18n } from '../app/i18n';

const RawFileView = lazy(() => import('./RawFileView'));

export function LazyRawFileView(props: RawFileViewProps): ReactNode {
  const { t } = useI18n();
  return (
    <Suspense fallback={<div className="raw-file-loading muted">{t('common.loading')}</div>}>
      <RawFileView {...props} />
    </Suspense>
  );
}
