// Monaco's side-by-side diff editor, read-only, over two texts (before left, after right). File
// content only ever reaches the page as Monaco text, never as HTML. Loaded lazily (Monaco is large).
import { useEffect, useRef, type ReactNode } from 'react';
import { monaco } from '../../components/monaco';

export interface MonacoDiffViewProps {
  before: string;
  after: string;
  ariaLabel: string;
  beforeLabel: string;
  afterLabel: string;
  theme: 'light' | 'dark';
}

export default function MonacoDiffView({ before, after, ariaLabel, beforeLabel, afterLabel, theme }: MonacoDiffViewProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const original = monaco.editor.createModel(before, 'plaintext');
    const modified = monaco.editor.createModel(after, 'plaintext');
    const editor = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      domReadOnly: true,
      automaticLayout: true,
      renderSideBySide: true,
      // Side by side even in a narrow window: the point is to read the two files together.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineNumbersMinChars: 4,
      renderOverviewRuler: true,
      ignoreTrimWhitespace: false,
      wordWrap: 'off',
      links: false,
      contextmenu: true,
      occurrencesHighlight: 'off',
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
      originalAriaLabel: beforeLabel,
      modifiedAriaLabel: afterLabel,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
    // One editor per pair of texts; the theme is switched below without rebuilding it.
  }, [before, after, beforeLabel, afterLabel]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div className="cmp-diff-editor" ref={host} role="region" aria-label={ariaLabel} data-testid="raw-diff-editor" />;
}
