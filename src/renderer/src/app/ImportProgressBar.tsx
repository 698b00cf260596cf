// The bar under the header while an import runs: files and bytes done, the time left, the current
// file, Cancel.
import { useRef, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { useImports } from './imports';
import { etaText, ImportEta } from './import-eta';

export function ImportProgressBar(): ReactNode {
  const { t, bytes } = useI18n();
  const { progress, cancel } = useImports();
  const eta = useRef<ImportEta | null>(null);
  if (!progress) {
    eta.current = null;
    return null;
  }
  eta.current ??= new ImportEta();
  const secondsLeft = eta.current.update(performance.now(), progress.bytesDone, progress.bytesTotal);
  const percent = progress.bytesTotal > 0 ? Math.floor((progress.bytesDone / progress.bytesTotal) * 100) : 0;
  const label = t('import.progress', { done: progress.filesDone, total: progress.filesTotal, percent });
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span>{label}</span>
      <span className="muted" data-testid="import-bytes">
        {bytes(progress.bytesDone)} / {bytes(progress.bytesTotal)}
      </span>
      <span className="muted" data-testid="import-eta">
        {etaText(secondsLeft, t)}
      </span>
      <span className="current mono">{progress.currentPath ?? ''}</span>
      <button type="button" onClick={cancel}>
        {t('import.cancel')}
      </button>
    </div>
  );
}
