// A link to a line of a bundle file in the Files tab (`line 7`, or `path · line 7`).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';

export function LineLink({ bundleId, path, line, withPath = false }: { bundleId: string; path: string; line: number; withPath?: boolean }): ReactNode {
  const { t } = useI18n();
  return (
    <a className="line-link" href={bundleHref(bundleId, 'files', path, line)}>
      {withPath ? <span className="mono">{path}</span> : null}
      {withPath ? ' · ' : null}
      {t('appEvidence.line', { line })}
    </a>
  );
}
