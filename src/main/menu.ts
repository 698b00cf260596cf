// The application menu, in the locale app.getLocale() resolves to (English or Simplified Chinese):
//   File   Import Files… ⌘O · Import Folder… ⇧⌘O · Open Sample Incident · Incident Library · Export Report PDF… ⌘P · Settings… · Quit
//   Edit   Undo · Redo · Cut · Copy · Paste · Select All          View  Reload · Developer Tools · zoom · Full Screen
//   Window Minimize · (macOS: Zoom · Bring All to Front) · Close  Help  How to Collect a Bundle · Show Log Folder · About
// Import commands run in main (native dialog, then import:sources); the others go to the renderer as menu:command.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/bridge';
import type { Translator } from '../core/i18n/translate';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  /** Sent to the renderer as `menu:command`. */
  command(command: MenuCommand): void;
  showLogFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  t: Translator;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ platform, t, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = { id: 'settings', label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: () => actions.command('open-settings') };
  const about: MenuItemConstructorOptions = { id: 'about', label: t('menu.about'), role: 'about' };

  const appMenu: MenuItemConstructorOptions = {
    label: t('app.name'),
    submenu: [
      about,
      separator,
      settings,
      separator,
      { label: t('menu.services'), role: 'services' },
      separator,
      { label: t('menu.hide'), role: 'hide' },
      { label: t('menu.hideOthers'), role: 'hideOthers' },
      { label: t('menu.unhide'), role: 'unhide' },
      separator,
      { id: 'quit', label: t('menu.quit'), role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    id: 'file',
    label: t('menu.file'),
    submenu: [
      { id: 'import-files', label: t('menu.importFiles'), accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { id: 'import-folder', label: t('menu.importFolder'), accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
      separator,
      { id: 'open-sample', label: t('menu.openSample'), click: () => actions.command('open-sample') },
      { id: 'open-library', label: t('menu.library'), accelerator: 'CmdOrCtrl+L', click: () => actions.command('open-library') },
      separator,
      { id: 'export-pdf', label: t('menu.exportPdf'), accelerator: 'CmdOrCtrl+P', click: () => actions.command('print-report') },
      ...(mac
        ? [separator, { label: t('menu.closeWindow'), role: 'close' } satisfies MenuItemConstructorOptions]
        : [separator, settings, separator, { id: 'quit', label: t('menu.quit'), role: 'quit' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    id: 'edit',
    label: t('menu.edit'),
    submenu: [
      { label: t('menu.undo'), role: 'undo' },
      { label: t('menu.redo'), role: 'redo' },
      separator,
      { label: t('menu.cut'), role: 'cut' },
      { label: t('menu.copy'), role: 'copy' },
      { label: t('menu.paste'), role: 'paste' },
      { label: t('menu.selectAll'), role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    id: 'view',
    label: t('menu.view'),
    submenu: [
      { label: t('menu.reload'), role: 'reload' },
      { label: t('menu.toggleDevTools'), role: 'toggleDevTools' },
      separator,
      { label: t('menu.resetZoom'), role: 'resetZoom' },
      { label: t('menu.zoomIn'), role: 'zoomIn' },
      { label: t('menu.zoomOut'), role: 'zoomOut' },
      separator,
      { label: t('menu.toggleFullScreen'), role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    label: t('menu.window'),
    role: 'window',
    submenu: mac
      ? [
          { label: t('menu.minimize'), role: 'minimize' },
          { label: t('menu.zoom'), role: 'zoom' },
          separator,
          { label: t('menu.front'), role: 'front' },
        ]
      : [
          { label: t('menu.minimize'), role: 'minimize' },
          { label: t('menu.closeWindow'), role: 'close' },
        ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    id: 'help',
    label: t('menu.help'),
    role: 'help',
    submenu: [
      { id: 'collect-help', label: t('menu.collectHelp'), click: () => actions.command('show-collect-help') },
      { id: 'show-logs', label: t('menu.showLogs'), click: () => actions.showLogFolder() },
      ...(mac ? [] : [separator, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
