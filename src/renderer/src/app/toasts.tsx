// Short messages at the bottom of the window, some with an action (Undo, Open).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MessageKey, MessageParams } from '../../../core';
import { useI18n } from './i18n';

/** Text given by catalogue key is translated when shown, so it follows a language switch. */
export type ToastText = string | { key: MessageKey; params?: MessageParams };

export interface ToastAction {
  label: ToastText;
  run: () => void;
}

export interface Toast {
  id: number;
  message: ToastText;
  kind: 'info' | 'error';
  action?: ToastAction;
  timeoutMs: number;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id' | 'timeoutMs' | 'kind'> & { timeoutMs?: number; kind?: Toast['kind'] }): number;
  dismiss(id: number): void;
}

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined });

export function ToastProvider({ children }: { children: ReactNode }): ReactNode {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<ToastApi['show']>((toast) => {
    const id = nextId.current++;
    setToasts((all) => [...all, { kind: 'info', timeoutMs: 6000, ...toast, id }]);
    return id;
  }, []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <ToastView key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }): ReactNode {
  const { t } = useI18n();
  const text = (x: ToastText): string => (typeof x === 'string' ? x : t(x.key, x.params));
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, toast.timeoutMs);
    return () => window.clearTimeout(timer);
  }, [toast.timeoutMs, onDismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} data-testid="toast">
      <span>{text(toast.message)}</span>
      {toast.action && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            toast.action?.run();
            onDismiss();
          }}
        >
          {text(toast.action.label)}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}
