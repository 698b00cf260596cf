// window.oomscope: the one API the renderer gets, built of named methods over ipcRenderer (no
// generic invoke, no IpcRendererEvent handed out; after actualbudget's preload.ts). E.g.
//   await oomscope.pickImportSources('folder')          → [{ token, displayPath: 'node1/memory.stat', sizeBytes }]
//   await oomscope.readImportSource(token, 0, 8 << 20)  → Uint8Array (shorter at the end of the file)
//   const stop = oomscope.onMenuCommand((c) => …); stop();
import type { ImportSource, InvokeChannel, InvokeChannels, MenuCommand, OomscopeBridge } from '../shared/bridge';

/** The part of Electron's ipcRenderer used (injected so the bridge is tested without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Batches of import:sources kept for the first subscriber (main sends once the page has loaded). */
const MAX_HELD_IMPORT_BATCHES = 100;

export function createBridge(ipc: IpcRendererLike): OomscopeBridge {
  const invoke = <C extends InvokeChannel>(channel: C, ...args: InvokeChannels[C]['args']): Promise<InvokeChannels[C]['result']> =>
    ipc.invoke(channel, ...args) as Promise<InvokeChannels[C]['result']>;

  // Files passed on the command line can arrive before React has subscribed: keep them until it does.
  const importListeners = new Set<(sources: ImportSource[]) => void>();
  let held: ImportSource[][] = [];
  const flushHeld = (): void => {
    if (importListeners.size === 0) return;
    const batches = held;
    held = [];
    for (const batch of batches) for (const listener of importListeners) listener(batch);
  };
  ipc.on('import:sources', (_event, sources) => {
    if (held.length < MAX_HELD_IMPORT_BATCHES) held.push(sources as ImportSource[]);
    flushHeld();
  });

  return {
    kind: 'electron',
    getSystemInfo: () => invoke('system:info'),
    pickImportSources: (kind) => invoke('import:pick', kind),
    readImportSource: (token, offset, length) => invoke('import:read', token, offset, length),
    releaseImportSources: (tokens) => invoke('import:release', tokens),
    exportPdf: (request) => invoke('report:export-pdf', request),
    onImportSources(listener) {
      importListeners.add(listener);
      // Later, not during the subscribe call: a React effect may unsubscribe and resubscribe at once.
      queueMicrotask(flushHeld);
      return () => {
        importListeners.delete(listener);
      };
    },
    onMenuCommand(listener) {
      const forward = (_event: unknown, command: unknown): void => listener(command as MenuCommand);
      ipc.on('menu:command', forward);
      return () => {
        ipc.removeListener('menu:command', forward);
      };
    },
  } satisfies OomscopeBridge;
}
