// Notes on a bundle, a finding, a group or a line range: not built yet, an empty state for now.
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

export function NotesTab(): ReactNode {
  const { t } = useI18n();
  return (
    <div className="empty-state" data-testid="notes-empty">
      <p>{t('notes.empty')}</p>
    </div>
  );
}
