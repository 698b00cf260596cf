// A stored file too large for Monaco, shown a screen at a time: its lines are counted in chunks of
// the stored Blob (blob.slice(a, b)) while the view is already usable, only the visible lines are
// read and rendered, and search reads the file in chunks too (cancellable). The whole file never
// becomes one string. File content reaches the page as text nodes, never as HTML.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TextEncodingName } from '../../../core';
import { useI18n } from '../app/i18n';
import { buildIndex, LineIndex, readLines, type ByteReader, type ShownLine } from './large-file/line-index';
import { findNext, type SearchHit } from './large-file/search';
import './large-file-viewer.css';

const LINE_PX = 18;
/** Browsers cap an element's height (about 33 M px in Chromium): past this the scrollbar is scaled. */
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 10;
/** Lines above a revealed line, so it does not sit on the top edge. */
const CONTEXT_LINES = 5;

export interface LargeFileViewerProps {
  blob: Blob;
  encoding: TextEncodingName | null;
  /** Shown to screen readers. */
  ariaLabel: string;
  /** 1-based line to go to and mark (evidence). */
  revealLine?: number | null;
  highlightLines?: readonly number[];
}

type SearchState = { kind: 'idle' } | { kind: 'running'; share: number } | { kind: 'found'; hit: SearchHit } | { kind: 'none' } | { kind: 'stopped' };

function blobReader(blob: Blob): ByteReader {
  return async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}

/** Scroll position ↔ first line, scaled when the file is taller than MAX_SCROLL_PX. */
function geometry(lineCount: number, viewportPx: number) {
  const viewportLines = Math.max(1, Math.floor(viewportPx / LINE_PX));
  const naturalPx = lineCount * LINE_PX;
  const heightPx = Math.min(naturalPx, MAX_SCROLL_PX);
  const scaled = naturalPx > MAX_SCROLL_PX;
  const maxFirst = Math.max(1, lineCount - viewportLines + 1);
  return {
    viewportLines,
    heightPx,
    firstLineAt(scrollTop: number): number {
      if (!scaled) return 1 + Math.floor(scrollTop / LINE_PX);
      const share = scrollTop / Math.max(1, heightPx - viewportPx);
      return Math.min(maxFirst, 1 + Math.round(share * (maxFirst - 1)));
    },
    scrollTopFor(line: number): number {
      if (!scaled) return (line - 1) * LINE_PX;
      return ((Math.min(maxFirst, line) - 1) / Math.max(1, maxFirst - 1)) * (heightPx - viewportPx);
    },
    /** Sub-line offset of the rows while scrolling natively (unscaled). */
    offsetPx(scrollTop: number): number {
      return scaled ? 0 : scrollTop % LINE_PX;
    },
  };
}

export function LargeFileViewer({ blob, encoding, ariaLabel, revealLine = null, highlightLines = [] }: LargeFileViewerProps): ReactNode {
  const { t, bytes } = useI18n();
  const read = useMemo(() => blobReader(blob), [blob]);
  const index = useMemo(() => new LineIndex(blob.size, encoding ?? 'utf-8'), [blob, encoding]);
  const scroller = useRef<HTMLDivElement>(null);
  const [indexed, setIndexed] = useState({ lines: 0, bytes: 0, done: false });
  const [error, setError] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(480);
  const [rows, setRows] = useState<ShownLine[]>([]);
  const [current, setCurrent] = useState<number | null>(revealLine);
  const [pendingLine, setPendingLine] = useState<number | null>(revealLine);
  const [gotoText, setGotoText] = useState('');
  const [needle, setNeedle] = useState('');
  const [search, setSearch] = useState<SearchState>({ kind: 'idle' });
  const searchCancel = useRef<{ aborted: boolean } | null>(null);

  // Count lines in the background; the state is refreshed at most every 150 ms.
  useEffect(() => {
    const cancel = { aborted: false };
    let lastPaint = 0;
    const paint = (force: boolean): void => {
      const now = performance.now();
      if (!force && now - lastPaint < 150) return;
      lastPaint = now;
      setIndexed({ lines: index.lineCount, bytes: index.bytesIndexed, done: index.done });
    };
    buildIndex(index, read, { cancel, onProgress: () => paint(index.done) }).then(
      () => paint(true),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancel.aborted = true;
      if (searchCancel.current) searchCancel.current.aborted = true;
    };
  }, [index, read]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setViewportPx(el.clientHeight));
    observer.observe(el);
    setViewportPx(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const geo = geometry(indexed.lines, viewportPx);
  const firstLine = geo.firstLineAt(scrollTop);
  const wantedFirst = Math.max(1, firstLine - OVERSCAN);
  const wantedCount = geo.viewportLines + 2 * OVERSCAN + 1;

  const goTo = useCallback(
    (line: number) => {
      const el = scroller.current;
      const g = geometry(index.lineCount, el?.clientHeight ?? viewportPx);
      const top = g.scrollTopFor(Math.max(1, line - CONTEXT_LINES));
      setCurrent(line);
      if (el) el.scrollTop = top;
      setScrollTop(top);
    },
    [index, viewportPx],
  );

  // A line asked for before it was counted (a link, go-to-line, a search hit): go when it is.
  useEffect(() => {
    if (pendingLine === null) return;
    if (pendingLine <= indexed.lines || indexed.done) {
      if (pendingLine <= indexed.lines) goTo(pendingLine);
      setPendingLine(null);
    }
  }, [pendingLine, indexed, goTo]);

  useEffect(() => {
    if (revealLine !== null) setPendingLine(revealLine);
  }, [revealLine]);

  // Read the visible lines (and a few around them) whenever the window moves or more lines are known.
  useEffect(() => {
    let live = true;
    readLines(index, read, wantedFirst, wantedCount).then(
      (shown) => {
        if (live) setRows(shown);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [index, read, wantedFirst, wantedCount, indexed.lines]);

  const runSearch = (): void => {
    if (searchCancel.current) searchCancel.current.aborted = true;
    if (needle === '') return;
    const cancel = { aborted: false };
    searchCancel.current = cancel;
    const from = search.kind === 'found' ? search.hit.line + 1 : current !== null ? current : firstLine;
    setSearch({ kind: 'running', share: 0 });
    let lastPaint = 0;
    findNext(index, read, needle, from, {
      cancel,
      onProgress: (share) => {
        const now = performance.now();
        if (now - lastPaint < 150) return;
        lastPaint = now;
        setSearch({ kind: 'running', share });
      },
    }).then(
      (result) => {
        if (cancel.aborted && result !== 'cancelled') return;
        if (result === 'cancelled') setSearch({ kind: 'stopped' });
        else if (result === null) setSearch({ kind: 'none' });
        else {
          setSearch({ kind: 'found', hit: result });
          setPendingLine(result.line);
        }
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  const stopSearch = (): void => {
    if (searchCancel.current) searchCancel.current.aborted = true;
  };

  const submitGoto = (): void => {
    const line = Number(gotoText.trim().replace(/[,_\s]/g, ''));
    if (!Number.isInteger(line) || line < 1) return;
    setPendingLine(line);
  };

  const highlighted = useMemo(() => new Set(highlightLines), [highlightLines]);
  const percent = index.sizeBytes > 0 ? Math.floor((indexed.bytes / index.sizeBytes) * 100) : 100;
  const lines = indexed.lines.toLocaleString();
  const hit = search.kind === 'found' ? search.hit : null;
  let status: string | null = null;
  if (error !== null) status = t('largeFile.readError', { message: error });
  else if (search.kind === 'running') status = t('largeFile.searching', { percent: Math.floor(search.share * 100) });
  else if (search.kind === 'found') status = t(search.hit.wrapped ? 'largeFile.foundWrapped' : 'largeFile.found', { line: search.hit.line.toLocaleString() });
  else if (search.kind === 'none') status = t('largeFile.notFound');
  else if (search.kind === 'stopped') status = t('largeFile.searchStopped');
  else if (pendingLine !== null && !indexed.done) status = t('largeFile.waitLine', { line: pendingLine.toLocaleString() });
  else if (pendingLine !== null && indexed.done && pendingLine > indexed.lines) status = t('largeFile.noSuchLine', { line: pendingLine, lines });

  const first = rows[0]?.number ?? wantedFirst;
  const topPx = (first - firstLine) * LINE_PX - geo.offsetPx(scrollTop);
  return (
    <div className="large-file" data-testid="large-file-viewer">
      <div className="large-file-bar">
        <span className="muted" data-testid="large-file-summary">
          {indexed.done ? t('largeFile.summary', { size: bytes(index.sizeBytes), lines }) : t('largeFile.summaryIndexing', { size: bytes(index.sizeBytes), lines, percent })}
        </span>
        <form
          className="large-file-form"
          onSubmit={(e) => {
            e.preventDefault();
            submitGoto();
          }}
        >
          <label>
            {t('largeFile.goTo')}{' '}
            <input type="text" inputMode="numeric" size={10} value={gotoText} onChange={(e) => setGotoText(e.target.value)} aria-label={t('largeFile.goTo')} />
          </label>
          <button type="submit">{t('largeFile.go')}</button>
        </form>
        <form
          className="large-file-form"
          onSubmit={(e) => {
            e.preventDefault();
            runSearch();
          }}
        >
          <input type="search" size={24} value={needle} placeholder={t('largeFile.find')} aria-label={t('largeFile.find')} onChange={(e) => setNeedle(e.target.value)} />
          <button type="submit" disabled={needle === ''}>
            {t('largeFile.findNext')}
          </button>
          {search.kind === 'running' && (
            <button type="button" onClick={stopSearch}>
              {t('largeFile.stop')}
            </button>
          )}
        </form>
        {status !== null && (
          <span className="large-file-status" role="status" data-testid="large-file-status">
            {status}
          </span>
        )}
      </div>
      <div className="large-file-scroll" ref={scroller} role="region" aria-label={ariaLabel} tabIndex={0} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="large-file-spacer" style={{ height: Math.max(geo.heightPx, viewportPx) }}>
          <div className="large-file-window" style={{ transform: `translateY(${scrollTop + topPx}px)`, ['--large-file-digits' as string]: Math.max(4, String(indexed.lines).length) }}>
            {rows.map((row) => (
              <div
                key={row.number}
                className={`large-file-line${row.number === current ? ' current' : ''}${highlighted.has(row.number) ? ' evidence' : ''}`}
                data-line={row.number}
                aria-current={row.number === current ? 'true' : undefined}
              >
                <span className="large-file-number">{row.number}</span>
                <span className="large-file-text">{hit && hit.line === row.number ? <Marked text={row.text} at={hit.column} length={needle.length} /> : row.text}</span>
                {row.cut > 0 && <span className="large-file-cut">{t('largeFile.cut', { count: row.cut.toLocaleString() })}</span>}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function Marked({ text, at, length }: { text: string; at: number; length: number }): ReactNode {
  if (at < 0 || at >= text.length) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + length)}</mark>
      {text.slice(at + length)}
    </>
  );
}
