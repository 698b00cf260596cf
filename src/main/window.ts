// The one app window: a sandboxed, context-isolated renderer with no Node, loading the app page
// (out/renderer/index.html, or the dev server in `electron-vite dev`) and shown once painted.
//   new BrowserWindow(mainWindowOptions('/…/out/preload/index.cjs'))
//   → loadFile('/…/out/renderer/index.html') | loadURL('http://localhost:5173/')
//   → 'ready-to-show' → show()
import type { BrowserWindowConstructorOptions } from 'electron';
import type { AppPage } from './app-page';
import type { Logger } from './logger';

export const WINDOW_TITLE = 'OOMScope';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      safeDialogs: true,
    },
  };
}

/** The part of BrowserWindow used to show the page. */
export interface LoadableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  loadFile(filePath: string): Promise<void>;
}

export async function loadAppPage(window: LoadableWindow, page: AppPage, log: Logger): Promise<void> {
  try {
    if (page.kind === 'dev') await window.loadURL(page.url);
    else await window.loadFile(page.indexPath);
  } catch (error) {
    log.error(`could not load the app page (${page.kind === 'dev' ? page.url : page.indexPath})`, error);
  }
}

export function createMainWindow<W extends LoadableWindow>(
  create: (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  page: AppPage,
  log: Logger,
): W {
  const window = create(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void loadAppPage(window, page, log);
  return window;
}
