// A read-only Monaco view of a raw file, with whole-line highlights for evidence lines and a line
// to reveal; optionally the engineer's notes on line ranges (a gutter marker, tinted lines, the
// note's text on hover) and an "Add note to lines" action (context menu, Ctrl/Cmd+Alt+N) on the
// selection. File content only ever reaches the page as Monaco text, never as HTML; a note's text
// reaches the hover escaped, so Monaco's Markdown shows it verbatim.
import { useEffect, useRef, type ReactNode } from 'react';
import { monaco } from './monaco';
import { hoverText } from './hover-text';
import './raw-file-view.css';

/** A note on lines of the file, as the view shows it. */
export interface RawFileNote {
  id: string;
  lineStart: number;
  lineEnd: number;
  /** Shown on hover, as plain text (Markdown syntax and all). */
  text: string;
  /** A heading for the hover ("Note on …, lines 3–5"). */
  title?: string;
}

export interface RawFileLineRange {
  lineStart: number;
  lineEnd: number;
}

export interface RawFileViewProps {
  text: string;
  /** Shown to screen readers. */
  ariaLabel: string;
  theme: 'light' | 'dark';
  /** 1-based lines to highlight (evidence). */
  highlightLines?: readonly number[];
  /** 1-based line to scroll to and put the cursor on. */
  revealLine?: number | null;
  /** Notes on line ranges: a marker in the gutter, the lines tinted, the text on hover. */
  notes?: readonly RawFileNote[];
  /** With `addNoteLabel`: the "Add note to lines" action on the selected lines (menu and Ctrl/Cmd+Alt+N). */
  onAddNote?: (lines: RawFileLineRange) => void;
  addNoteLabel?: string;
  /** A click on a note's gutter marker. */
  onNoteClick?: (noteId: string) => void;
}

/** The whole lines a selection covers: a selection that ends at the start of a line leaves that line out. */
export function selectedLines(sel: { startLineNumber: number; endLineNumber: number; endColumn: number }): RawFileLineRange {
  const end = sel.endLineNumber > sel.startLineNumber && sel.endColumn === 1 ? sel.endLineNumber - 1 : sel.endLineNumber;
  return { lineStart: sel.startLineNumber, lineEnd: Math.max(sel.startLineNumber, end) };
}

export default function RawFileView({ text, ariaLabel, theme, highlightLines = [], revealLine = null, notes, onAddNote, addNoteLabel, onNoteClick }: RawFileViewProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const noteDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const withNotes = notes !== undefined || onAddNote !== undefined;
  // Handlers change on every render; the editor's action and listener read the latest through refs.
  const onAddNoteRef = useRef(onAddNote);
  onAddNoteRef.current = onAddNote;
  const onNoteClickRef = useRef(onNoteClick);
  onNoteClickRef.current = onNoteClick;
  const notesRef = useRef(notes);
  notesRef.current = notes;

  useEffect(() => {
    if (!host.current) return undefined;
    const model = monaco.editor.createModel(text, 'plaintext');
    const e = monaco.editor.create(host.current, {
      model,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineNumbersMinChars: 4,
      renderLineHighlight: 'none',
      wordWrap: 'off',
      ariaLabel,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      contextmenu: true,
      links: false,
      occurrencesHighlight: 'off',
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
      glyphMargin: withNotes,
    });
    editor.current = e;
    decorations.current = e.createDecorationsCollection();
    noteDecorations.current = e.createDecorationsCollection();
    const click = e.onMouseDown((event) => {
      if (event.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN) return;
      const line = event.target.position?.lineNumber;
      const hit = line === undefined ? undefined : notesRef.current?.find((n) => n.lineStart <= line && line <= n.lineEnd);
      if (hit) onNoteClickRef.current?.(hit.id);
    });
    return () => {
      click.dispose();
      decorations.current = null;
      noteDecorations.current = null;
      editor.current = null;
      e.dispose();
      model.dispose();
    };
    // The editor is created once per text; theme and highlights update it below.
  }, [text, ariaLabel]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ glyphMargin: withNotes });
  }, [withNotes]);

  const canAddNote = onAddNote !== undefined && addNoteLabel !== undefined;
  useEffect(() => {
    const e = editor.current;
    if (!e || !canAddNote) return undefined;
    const action = e.addAction({
      id: 'oomscope.addNoteToLines',
      label: addNoteLabel,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyCode.KeyN],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: (ed) => {
        const sel = ed.getSelection();
        if (sel) onAddNoteRef.current?.(selectedLines(sel));
      },
    });
    return () => action.dispose();
  }, [canAddNote, addNoteLabel, text, ariaLabel]);

  useEffect(() => {
    const model = editor.current?.getModel();
    const lineCount = model?.getLineCount() ?? 0;
    noteDecorations.current?.set(
      (notes ?? [])
        .filter((n) => n.lineStart >= 1 && n.lineStart <= lineCount)
        .map((n) => {
          const hover = { value: hoverText(n.text, n.title) };
          const end = Math.min(Math.max(n.lineEnd, n.lineStart), lineCount);
          return {
            // To the end of the last line, so that hovering the text shows the note too.
            range: new monaco.Range(n.lineStart, 1, end, model?.getLineMaxColumn(end) ?? 1),
            options: { isWholeLine: true, className: 'raw-note-line', glyphMarginClassName: 'raw-note-glyph', glyphMarginHoverMessage: hover, hoverMessage: hover },
          };
        }),
    );
  }, [notes, text, ariaLabel]);

  useEffect(() => {
    const lineCount = editor.current?.getModel()?.getLineCount() ?? 0;
    decorations.current?.set(
      highlightLines
        .filter((l) => l >= 1 && l <= lineCount)
        .map((l) => ({
          range: new monaco.Range(l, 1, l, 1),
          options: { isWholeLine: true, className: 'raw-line-highlight', linesDecorationsClassName: 'raw-line-gutter' },
        })),
    );
  }, [highlightLines, text, ariaLabel]);

  useEffect(() => {
    const e = editor.current;
    if (!e || revealLine === null) return;
    e.revealLineInCenter(revealLine);
    e.setPosition({ lineNumber: revealLine, column: 1 });
  }, [revealLine, text]);

  return <div className="raw-file-view" ref={host} data-testid="raw-file-view" />;
}
