// Which rows of a long list to render for a scroll position: the visible ones plus an overscan on
// each side; the rest become two spacers of the same height. Sample: 500 rows of 32 px in a
// 320 px viewport scrolled to 3200 px → rows 90–120 rendered, 2880 px above, 12160 px below.

export interface RowWindow {
  /** First row rendered (0-based). */
  start: number;
  /** One past the last row rendered. */
  end: number;
  padTopPx: number;
  padBottomPx: number;
}

/** `offsetPx`: scroll position measured from the list's first row (negative while the list is below the top). */
export function rowWindow(count: number, offsetPx: number, viewportPx: number, rowPx: number, overscan = 10): RowWindow {
  if (count <= 0 || rowPx <= 0) return { start: 0, end: 0, padTopPx: 0, padBottomPx: 0 };
  const first = Math.floor(Math.max(0, offsetPx) / rowPx);
  const visible = Math.ceil(Math.max(0, viewportPx + Math.min(0, offsetPx)) / rowPx) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end), padTopPx: start * rowPx, padBottomPx: Math.max(0, count - Math.max(start, end)) * rowPx };
}
