// "Open sample incident": fetch the bundled sample and import it like any dropped folder (a second
// time it is recognised as a duplicate and the existing bundle opens).
import { useCallback } from 'react';
import { useImports } from '../../app/imports';
import { useToasts } from '../../app/toasts';
import { loadSample } from './sample';

export function useOpenSample(): () => Promise<void> {
  const { importItems } = useImports();
  const toasts = useToasts();
  return useCallback(async () => {
    try {
      const sample = await loadSample();
      await importItems(sample.items, { title: sample.title, openWhenDone: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      toasts.show({ message: { key: 'import.failed', params: { message } }, kind: 'error', timeoutMs: 15000 });
    }
  }, [importItems, toasts]);
}
