// Runs imports for the whole app: one at a time, with progress; the import worker stores each in
// one Dexie transaction. Where items come from (drop, picker, menu, sample) does not matter here.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImportItem } from '../platform/types';
import { platform } from '../platform/bridge';
import type { ImportProgress } from '../workers/protocol';
import { runImport, type ImportRun } from '../workers/import-client';
import { storageFailureMessage } from '../db/storage-errors';
import { newId } from '../db/ids';
import { useI18n } from './i18n';
import { useToasts } from './toasts';
import { bundleHref, navigate } from './router';

export interface ImportOptions {
  title?: string;
  /** Open the bundle once stored (the sample does; a drop on the library does not). */
  openWhenDone?: boolean;
}

export type ImportResult = { kind: 'stored' | 'duplicate'; bundleId: string } | { kind: 'cancelled' | 'failed' | 'empty' | 'busy' };

interface ImportApi {
  /** null when no import runs. */
  progress: ImportProgress | null;
  importItems(items: readonly ImportItem[], options?: ImportOptions): Promise<ImportResult>;
  cancel(): void;
}

const ImportContext = createContext<ImportApi>({
  progress: null,
  importItems: () => Promise.resolve({ kind: 'busy' }),
  cancel: () => undefined,
});

export function ImportProvider({ children }: { children: ReactNode }): ReactNode {
  const { warning } = useI18n();
  const toasts = useToasts();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const current = useRef<ImportRun | null>(null);

  const importItems = useCallback(
    async (items: readonly ImportItem[], options: ImportOptions = {}): Promise<ImportResult> => {
      if (current.current) return { kind: 'busy' };
      if (items.length === 0) {
        toasts.show({ message: { key: 'import.nothing' } });
        return { kind: 'empty' };
      }
      const bytesTotal = items.reduce((s, i) => s + i.sizeBytes, 0);
      setProgress({ filesDone: 0, filesTotal: items.length, bytesDone: 0, bytesTotal, currentPath: items[0]?.displayPath ?? null });
      const run = runImport(items, { bundleId: newId(), importedAt: new Date().toISOString(), title: options.title }, setProgress);
      current.current = run;
      try {
        const outcome = await run.outcome;
        if (outcome.kind === 'cancelled') {
          toasts.show({ message: { key: 'import.cancelled' } });
          return { kind: 'cancelled' };
        }
        if (outcome.kind === 'refused') {
          toasts.show({ message: { key: 'import.failed', params: { message: warning(outcome.reason) } }, kind: 'error', timeoutMs: 15000 });
          return { kind: 'failed' };
        }
        if (outcome.kind === 'store-failed') {
          // A full disk or quota: one transaction, so nothing of this import was written and nothing
          // stored before was touched. Said in words the user can act on, not as a DOMException.
          console.warn(`storing the import failed: ${outcome.message}`);
          toasts.show({ message: storageFailureMessage(outcome), kind: 'error', timeoutMs: 30000 });
          return { kind: 'failed' };
        }
        const stored = outcome.stored;
        // An engine bug must not lose the import: the bundle is stored and can be re-analysed.
        if (stored.analysisError) console.warn(`analysis failed: ${stored.analysisError}`);
        if (stored.kind === 'duplicate') {
          toasts.show({ message: { key: 'import.duplicate', params: { title: stored.title } } });
          navigate(bundleHref(stored.bundleId));
          return { kind: 'duplicate', bundleId: stored.bundleId };
        }
        const href = bundleHref(stored.bundleId);
        toasts.show({
          message: { key: 'import.done', params: { count: stored.fileCount, title: stored.title } },
          action: { label: { key: 'library.open' }, run: () => navigate(href) },
        });
        if (options.openWhenDone) navigate(href);
        return { kind: 'stored', bundleId: stored.bundleId };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        toasts.show({ message: { key: 'import.failed', params: { message } }, kind: 'error', timeoutMs: 15000 });
        return { kind: 'failed' };
      } finally {
        current.current = null;
        setProgress(null);
        platform.releaseItems(items);
      }
    },
    [toasts, warning],
  );

  const cancel = useCallback(() => current.current?.cancel(), []);
  const api = useMemo(() => ({ progress, importItems, cancel }), [progress, importItems, cancel]);
  return <ImportContext.Provider value={api}>{children}</ImportContext.Provider>;
}

export function useImports(): ImportApi {
  return useContext(ImportContext);
}
