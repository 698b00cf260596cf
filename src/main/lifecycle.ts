// App lifecycle: one instance, one window, files from the command line and the OS. E.g.
//   $ oomscope ./incident-0312/            (first)  → window opens, the folder is imported
//   $ oomscope node2-dmesg.txt             (second) → exits; the first focuses and imports the file
//   Finder "Open With → OOMScope" (macOS)  → 'open-file', held until ready when the app is starting
// Closing the last window quits, except on macOS where the app stays in the dock.
import { parseArgvPaths, readSecondInstanceData, type SecondInstanceData } from './import-sources';
import type { Logger } from './logger';

/** The part of Electron's `app` used here. */
export interface LifecycleApp {
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  quit(): void;
  whenReady(): Promise<unknown>;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface LifecycleDeps<W extends FocusableWindow> {
  app: LifecycleApp;
  platform: NodeJS.Platform;
  /** process.argv, process.defaultApp and process.cwd() of this instance. */
  argv: readonly string[];
  isDefaultApp: boolean;
  workingDirectory: string;
  /** Runs once when Electron is ready, before the first window: session, IPC, menu. */
  onReady(): void;
  createWindow(): W;
  /** Imports paths into the given window (collect, then deliver); errors are the callee's to log. */
  importPaths(paths: string[], window: W): void;
  log: Logger;
}

export interface Lifecycle<W> {
  /** False in a second instance, which hands its paths to the first and quits. */
  readonly isPrimary: boolean;
  currentWindow(): W | null;
}

export function startLifecycle<W extends FocusableWindow>(deps: LifecycleDeps<W>): Lifecycle<W> {
  const { app, log } = deps;
  const initialPaths = parseArgvPaths(deps.argv, { isDefaultApp: deps.isDefaultApp, workingDirectory: deps.workingDirectory });
  // Chromium may reorder or add arguments in the argv the first instance sees, so the paths go as data.
  const handOver: SecondInstanceData = { paths: initialPaths };
  if (!app.requestSingleInstanceLock({ ...handOver })) {
    log.info(`another instance is running: handed over ${initialPaths.length} path(s)`);
    app.quit();
    return { isPrimary: false, currentWindow: () => null };
  }

  let ready = false;
  let window: W | null = null;
  let heldPaths: string[] = [...initialPaths];

  const currentWindow = (): W | null => (window && !window.isDestroyed() ? window : null);
  const ensureWindow = (): W => {
    const existing = currentWindow();
    if (existing) return existing;
    window = deps.createWindow();
    return window;
  };
  const bringToFront = (target: W): void => {
    if (target.isMinimized()) target.restore();
    target.focus();
  };

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!ready) {
      heldPaths.push(path);
      return;
    }
    const target = ensureWindow();
    bringToFront(target);
    deps.importPaths([path], target);
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const paths = readSecondInstanceData(additionalData) ?? parseArgvPaths(argv, { isDefaultApp: deps.isDefaultApp, workingDirectory });
    const target = ensureWindow();
    bringToFront(target);
    if (paths.length > 0) deps.importPaths(paths, target);
  });

  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (ready) ensureWindow();
  });

  app
    .whenReady()
    .then(() => {
      ready = true;
      deps.onReady();
      const target = ensureWindow();
      const paths = heldPaths;
      heldPaths = [];
      if (paths.length > 0) deps.importPaths(paths, target);
    })
    .catch((error: unknown) => log.error('start-up failed', error));

  return { isPrimary: true, currentWindow };
}
