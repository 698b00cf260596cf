// A read-only Monaco view of a raw file, with whole-line highlights for evidence lines and a line
// to reveal. File content only ever reaches the page as Monaco text, never as HTML.
import { useEffect, useRef, type ReactNode } from 'react';
import { monaco } from './monaco';
import './raw-file-view.css';

export interface RawFileViewProps {
  text: string;
  /** Shown to screen readers. */
  ariaLabel: string;
  theme: 'light' | 'dark';
  /** 1-based lines to highlight (evidence). */
  highlightLines?: readonly number[];
  /** 1-based line to scroll to and put the cursor on. */
  revealLine?: number | null;
}

export default function RawFileView({ text, ariaLabel, theme, highlightLines = [], revealLine = null }: RawFileViewProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

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
    });
    editor.current = e;
    decorations.current = e.createDecorationsCollection();
    return () => {
      decorations.current = null;
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
    const lineCount = editor.current?.getModel()?.getLineCount() ?? 0;
    decorations.current?.set(
      highlightLines
        .filter((l) => l >= 1 && l <= lineCount)
        .map((l) => ({
          range: new monaco.Range(l, 1, l, 1),
          options: { isWholeLine: true, className: 'raw-line-highlight', linesDecorationsClassName: 'raw-line-gutter' },
        })),
    );
  }, [highlightLines, text]);

  useEffect(() => {
    const e = editor.current;
    if (!e || revealLine === null) return;
    e.revealLineInCenter(revealLine);
    e.setPosition({ lineNumber: revealLine, column: 1 });
  }, [revealLine, text]);

  return <div className="raw-file-view" ref={host} data-testid="raw-file-view" />;
}
