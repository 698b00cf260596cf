// "Saved as typed": a value is written a short moment after the last change, and at once when the
// field loses focus, the page is hidden or left (pagehide), or the component goes away.
import { useCallback, useEffect, useRef } from 'react';

export const SAVE_DELAY_MS = 250;

export interface SaveAsTyped<T> {
  /** A new value: written after the delay unless another comes first. */
  change(value: T): void;
  /** Writes the pending value now, if there is one. */
  flush(): void;
}

export function useSaveAsTyped<T>(write: (value: T) => void, delayMs = SAVE_DELAY_MS): SaveAsTyped<T> {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<number | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = null;
    if (p) writeRef.current(p.value);
  }, []);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return { change, flush };
}
