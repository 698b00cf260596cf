// Monaco, bundled with the app (no CDN: the app makes no network request). Only the core editor
// API and its one web worker; raw files are shown as plain text.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// The few editor contributions the raw view uses: hovers (a note's text on its lines), and Monaco's
// own context menu (with "Add note to lines") with Copy in it.
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
