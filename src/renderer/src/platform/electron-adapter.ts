// The platform adapter in Electron: `window.oomscope` from the preload script (typed by
// OomscopeBridge). Drops still arrive as File objects in the renderer, like in a browser.
import { MAX_READ_CHUNK_BYTES, type ImportSource, type OomscopeBridge } from '../../../shared/bridge';
import type { ImportItem, PlatformAdapter } from './types';
import { itemsFromDataTransfer } from './drop';

const TOKENS = new WeakMap<ImportItem, string>();

function itemFromSource(bridge: OomscopeBridge, source: ImportSource): ImportItem {
  const item: ImportItem = {
    displayPath: source.displayPath,
    sizeBytes: source.sizeBytes,
    readSlice: async (offset, length) => {
      const parts: Uint8Array[] = [];
      let done = 0;
      while (done < length) {
        const want = Math.min(MAX_READ_CHUNK_BYTES, length - done);
        const chunk = await bridge.readImportSource(source.token, offset + done, want);
        if (chunk.byteLength === 0) break;
        parts.push(chunk);
        done += chunk.byteLength;
        if (chunk.byteLength < want) break;
      }
      return concat(parts, done);
    },
  };
  TOKENS.set(item, source.token);
  return item;
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export function createElectronAdapter(bridge: OomscopeBridge): PlatformAdapter {
  return {
    kind: 'electron',
    systemLocale: async () => (await bridge.getSystemInfo()).locale,
    pickImport: async (kind) => (await bridge.pickImportSources(kind)).map((s) => itemFromSource(bridge, s)),
    itemsFromDrop: itemsFromDataTransfer,
    onExternalImport: (listener) => bridge.onImportSources((sources) => listener(sources.map((s) => itemFromSource(bridge, s)))),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    printReport: (suggestedFileName) => bridge.exportPdf({ suggestedFileName }),
    releaseItems: (items) => {
      const tokens = items.map((i) => TOKENS.get(i)).filter((t): t is string => t !== undefined);
      if (tokens.length > 0) void bridge.releaseImportSources(tokens);
    },
  };
}
