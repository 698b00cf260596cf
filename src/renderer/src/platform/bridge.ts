// Picks the platform adapter once: Electron's preload bridge when present, web APIs otherwise.
// The rest of the app imports `platform` from here and never looks at window.oomscope itself.
import type { OomscopeBridge } from '../../../shared/bridge';
import type { PlatformAdapter } from './types';
import { createBrowserAdapter } from './browser-adapter';
import { createElectronAdapter } from './electron-adapter';

export type { ImportItem, PlatformAdapter } from './types';

declare global {
  interface Window {
    oomscope?: OomscopeBridge;
  }
}

function createPlatform(): PlatformAdapter {
  const bridge = window.oomscope;
  return bridge && bridge.kind === 'electron' ? createElectronAdapter(bridge) : createBrowserAdapter();
}

export const platform: PlatformAdapter = createPlatform();
