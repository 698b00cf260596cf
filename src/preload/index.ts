// Preload of the sandboxed renderer (built as CommonJS to out/preload/index.cjs): exposes
// window.oomscope and nothing else. A sandboxed preload can require only `electron` (and a few
// Node polyfills), so everything else here is bundled in by electron-vite.
//   window.oomscope.kind === 'electron'; typeof window.require === 'undefined'
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('oomscope', createBridge(ipcRenderer));
