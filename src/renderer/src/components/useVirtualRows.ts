// Virtual rows for a long list or table body inside a scrolling container: follows the container's
// scroll (the nearest ancestor that scrolls), measures the row height from a rendered row, and
// returns which rows to render (virtual-window.ts). Off when `enabled` is false: all rows render.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './virtual-window';

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return null;
}

export interface VirtualRows extends RowWindow {
  /** Ref callback for a rendered row: its height becomes the row height. */
  measureRow: (row: HTMLElement | null) => void;
  /** Scrolls the container so that row `index` is in view (near the top third). */
  scrollToRow: (index: number) => void;
}

export function useVirtualRows(count: number, anchor: RefObject<HTMLElement | null>, options: { enabled: boolean; estimatePx: number; overscan?: number }): VirtualRows {
  const { enabled, estimatePx, overscan = 10 } = options;
  const [rowPx, setRowPx] = useState(estimatePx);
  const [view, setView] = useState({ offsetPx: 0, viewportPx: 600 });
  const scroller = useRef<HTMLElement | null>(null);

  const offsetOf = useCallback((el: HTMLElement, box: HTMLElement): number => box.scrollTop - (el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop), []);

  useLayoutEffect(() => {
    const el = anchor.current;
    if (!enabled || !el) return undefined;
    const box = scrollParent(el);
    scroller.current = box;
    if (!box) return undefined;
    let frame = 0;
    const update = (): void => {
      frame = 0;
      setView({ offsetPx: offsetOf(el, box), viewportPx: box.clientHeight });
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    box.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(box);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      box.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [anchor, enabled, offsetOf]);

  const measureRow = useCallback((row: HTMLElement | null) => {
    if (!row) return;
    const h = row.getBoundingClientRect().height;
    if (h > 0) setRowPx((old) => (Math.abs(old - h) > 0.5 ? h : old));
  }, []);

  const scrollToRow = useCallback(
    (index: number) => {
      const el = anchor.current;
      const box = scroller.current;
      if (!el || !box) return;
      const listTop = box.scrollTop - offsetOf(el, box);
      box.scrollTop = Math.max(0, listTop + index * rowPx - box.clientHeight / 3);
    },
    [anchor, offsetOf, rowPx],
  );

  const w = enabled ? rowWindow(count, view.offsetPx, view.viewportPx, rowPx, overscan) : { start: 0, end: count, padTopPx: 0, padBottomPx: 0 };
  return { ...w, measureRow, scrollToRow };
}

/** Runs `scroll` once per `key` after mount (e.g. bring the row chosen in the URL into view). */
export function useScrollOnce(key: string | null, scroll: () => void): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (key === null || done.current === key) return;
    done.current = key;
    scroll();
  }, [key, scroll]);
}
