// Electron main entry (built to out/main/index.js by electron-vite). The only main module that
// imports Electron at run time: it builds the real objects and hands them to the tested modules.
//   $ oomscope [files or folders to import…]
//   logs: <userData>/logs/main.log
//   page: out/renderer/index.html (or ELECTRON_RENDERER_URL in `electron-vite dev`)
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron';
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLocale, translator, type Translator } from '../core/i18n/translate';
import type { ImportPickKind, MenuCommand } from '../shared/bridge';
import { isAppPageUrl, resolveAppPage } from './app-page';
import { ImportDelivery } from './import-delivery';
import { DEFAULT_WALK_LIMITS, TokenRegistry } from './import-sources';
import { createImporter, type Importer } from './importer';
import { registerIpcHandlers } from './ipc-handlers';
import { startLifecycle, type Lifecycle } from './lifecycle';
import { createFileLogger } from './logger';
import { buildMenuTemplate } from './menu';
import { nodeImportFs } from './node-fs';
import { exportPdf } from './print-pdf';
import { guardWebContents, hardenSession } from './security';
import { createIpcRouter, send } from './typed-ipc';
import { createMainWindow } from './window';

const logDirectory = join(app.getPath('userData'), 'logs');
const log = createFileLogger({
  fs: { appendFileSync, mkdirSync, statSync, renameSync },
  filePath: join(logDirectory, 'main.log'),
  directory: logDirectory,
  ...(app.isPackaged ? {} : { echo: (line: string) => console.log(line) }),
});

// Logged, not shown: without these handlers Electron shows users a dialog with a stack trace.
process.on('uncaughtException', (error) => log.error('uncaught exception', error));
process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));

app.enableSandbox();

const page = resolveAppPage({
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  builtIndexPath: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
});
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

const tokens = new TokenRegistry();
const delivery = new ImportDelivery(log);
let t: Translator = translator('en');
let importer: Importer<BrowserWindow> | null = null;
let lifecycle: Lifecycle<BrowserWindow> | null = null;

// Every web contents, whoever creates it, gets the navigation / window.open / webview guards.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, page, log));

function createWindow(): BrowserWindow {
  const window = createMainWindow((options) => new BrowserWindow(options), preloadPath, page, log);
  const contents = window.webContents;
  contents.on('did-start-loading', () => delivery.pageGone());
  contents.on('did-finish-load', () => delivery.pageLoaded(contents));
  contents.on('render-process-gone', (_event, details) => log.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`));
  contents.on('preload-error', (_event, path, error) => log.error(`preload ${path} failed`, error));
  window.on('closed', () => {
    delivery.pageGone();
    delivery.clear();
    tokens.clear();
  });
  return window;
}

function importInto(paths: string[], window: BrowserWindow): void {
  if (!importer) return;
  importer
    .importPaths(paths, window)
    .then((sources) => delivery.deliver(sources))
    .catch((error: unknown) => log.error('import of command-line paths failed', error));
}

function importFromMenu(kind: ImportPickKind): void {
  const window = lifecycle?.currentWindow();
  if (!importer || !window) return;
  importer
    .pick(kind, window)
    .then((sources) => delivery.deliver(sources))
    .catch((error: unknown) => log.error('import from the menu failed', error));
}

function sendMenuCommand(command: MenuCommand): void {
  const window = lifecycle?.currentWindow();
  if (window) send(window.webContents, 'menu:command', command);
}

function senderWindow(event: IpcMainInvokeEvent): BrowserWindow {
  const window = BrowserWindow.fromWebContents(event.sender);
  if (!window) throw new Error('The requesting window is gone.');
  return window;
}

function onReady(): void {
  t = translator(resolveLocale(app.getLocale()));
  log.info(`OOMScope ${app.getVersion()} on ${process.platform}, locale ${app.getLocale()}, page ${page.kind}`);
  const activeImporter = createImporter<BrowserWindow>({ dialog, fs: nodeImportFs, tokens, limits: DEFAULT_WALK_LIMITS, t, log });
  importer = activeImporter;

  hardenSession(session.defaultSession, page, log);

  const router = createIpcRouter<IpcMainInvokeEvent>({ ipcMain, isTrustedSenderUrl: (url) => isAppPageUrl(page, url), log });
  registerIpcHandlers(router, {
    systemInfo: () => ({ locale: app.getLocale(), appVersion: app.getVersion(), platform: process.platform }),
    pickImportSources: (kind, event) => activeImporter.pick(kind, senderWindow(event)),
    tokens,
    fs: nodeImportFs,
    exportPdf: (request, event) =>
      exportPdf(event.sender, senderWindow(event), request, { dialog, writeFile, defaultDirectory: app.getPath('documents'), t }),
  });

  app.setAboutPanelOptions({ applicationName: t('app.name'), applicationVersion: app.getVersion(), credits: t('app.tagline') });
  const template = buildMenuTemplate({
    platform: process.platform,
    t,
    actions: {
      importFiles: () => importFromMenu('files'),
      importFolder: () => importFromMenu('folder'),
      command: sendMenuCommand,
      showLogFolder: () => {
        void shell.openPath(logDirectory).then((problem) => {
          if (problem) log.warn(`could not open the log folder: ${problem}`);
        });
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

lifecycle = startLifecycle<BrowserWindow>({
  app,
  platform: process.platform,
  argv: process.argv,
  isDefaultApp: process.defaultApp === true,
  workingDirectory: process.cwd(),
  onReady,
  createWindow,
  importPaths: importInto,
  log,
});
