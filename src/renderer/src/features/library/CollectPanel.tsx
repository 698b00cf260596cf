// "How to collect a bundle": where the files come from (the collector script's command comes later).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

export function CollectPanel(): ReactNode {
  const { t } = useI18n();
  return (
    <details className="panel collect-panel">
      <summary className="panel-header">
        <h2>{t('collect.title')}</h2>
      </summary>
      <div className="panel-body">
        <p>{t('collect.intro')}</p>
        <ul>
          <li>{t('collect.v1')}</li>
          <li>{t('collect.v2')}</li>
          <li>{t('collect.kernel')}</li>
        </ul>
        <p className="muted">{t('collect.collectorSoon')}</p>
      </div>
    </details>
  );
}
