// From the user's choice to import sources: the native open dialog (files and archives, or one
// folder), then collectSources() and, when something was left out, a message box. E.g.
//   File → Import Folder… → /home/sre/incident-0312 (12 400 files)
//   → the first 10 000 as sources + "Only the first 10000 files were imported."
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { ImportPickKind, ImportSource } from '../shared/bridge';
import type { Translator } from '../core/i18n/translate';
import { collectSources, type CollectResult, type ImportFs, type TokenRegistry, type WalkLimits } from './import-sources';
import type { Logger } from './logger';

export interface ImportDialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(window: W, options: MessageBoxOptions): Promise<unknown>;
}

export interface ImporterDeps<W> {
  dialog: ImportDialogLike<W>;
  fs: ImportFs;
  tokens: TokenRegistry;
  limits: WalkLimits;
  t: Translator;
  log: Logger;
}

export interface Importer<W> {
  /** Opens the dialog; [] when the user cancels. */
  pick(kind: ImportPickKind, window: W): Promise<ImportSource[]>;
  /** Paths from the command line, open-file or a second instance. */
  importPaths(paths: readonly string[], window: W): Promise<ImportSource[]>;
}

export function openDialogOptions(kind: ImportPickKind, t: Translator): OpenDialogOptions {
  // No file-type filter: most inputs have no extension (memory.stat, meminfo, dmesg).
  return kind === 'files'
    ? { title: t('menu.dialog.importFiles'), properties: ['openFile', 'multiSelections'] }
    : { title: t('menu.dialog.importFolder'), properties: ['openDirectory'] };
}

/** The message box for a partial import, or null when everything was taken. */
export function collectNotice(result: CollectResult, limits: WalkLimits, t: Translator): MessageBoxOptions | null {
  if (!result.truncated && result.skipped.length === 0) return null;
  const message = result.truncated ? t('menu.dialog.truncated', { count: limits.maxFiles }) : t('menu.dialog.skipped', { count: result.skipped.length });
  const details: string[] = [];
  if (result.truncated) details.push(t('menu.dialog.truncatedDetail'));
  if (result.truncated && result.skipped.length > 0) details.push(t('menu.dialog.skipped', { count: result.skipped.length }));
  return { type: 'warning', message, detail: details.join('\n'), buttons: ['OK'] };
}

export function createImporter<W>(deps: ImporterDeps<W>): Importer<W> {
  const importPaths = async (paths: readonly string[], window: W): Promise<ImportSource[]> => {
    if (paths.length === 0) return [];
    const result = await collectSources(deps.fs, deps.tokens, paths, deps.limits);
    if (result.skipped.length > 0) deps.log.warn(`import left out ${result.skipped.length} path(s)`, result.skipped.slice(0, 20).join('\n'));
    if (result.truncated) deps.log.warn(`import stopped at ${deps.limits.maxFiles} files`);
    const notice = collectNotice(result, deps.limits, deps.t);
    // Not awaited: the sources go to the renderer while the notice is on screen.
    if (notice) void deps.dialog.showMessageBox(window, notice).catch((error: unknown) => deps.log.error('message box failed', error));
    return result.sources;
  };
  return {
    importPaths,
    async pick(kind, window) {
      const choice = await deps.dialog.showOpenDialog(window, openDialogOptions(kind, deps.t));
      if (choice.canceled) return [];
      return importPaths(choice.filePaths, window);
    },
  };
}
