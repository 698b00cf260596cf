// The app's own page, the only origin main trusts: the built renderer loaded from disk
// (file:///…/out/renderer/index.html) or, in development only, electron-vite's dev server
// (ELECTRON_RENDERER_URL=http://localhost:5173). Every sender check, navigation guard and
// request filter asks this module.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

export type AppPage =
  | { readonly kind: 'file'; readonly indexPath: string }
  | { readonly kind: 'dev'; readonly url: string };

export interface AppPageInputs {
  isPackaged: boolean;
  /** process.env.ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** Absolute path of the built renderer's index.html. */
  builtIndexPath: string;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A packaged app never loads a URL from the environment, and the dev server must be on this machine. */
export function resolveAppPage(inputs: AppPageInputs): AppPage {
  const dev = inputs.isPackaged || !inputs.devServerUrl ? null : parseUrl(inputs.devServerUrl);
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && LOOPBACK_HOSTS.has(dev.hostname)) {
    return { kind: 'dev', url: dev.href };
  }
  return { kind: 'file', indexPath: inputs.builtIndexPath };
}

function decodedPath(url: URL): string {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
  // Windows drive letters may come back in either case (file:///C:/… vs file:///c:/…).
  return /^\/[A-Za-z]:\//.test(path) ? path.toLowerCase() : path;
}

/** True when `url` is the app's page itself (any #route or ?query): the only frame allowed to call IPC. */
export function isAppPageUrl(page: AppPage, url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (page.kind === 'dev') return parsed.origin === new URL(page.url).origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  return decodedPath(parsed) === decodedPath(pathToFileURL(page.indexPath));
}

const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);
const WEBSOCKET_FOR: Record<string, string> = { 'http:': 'ws:', 'https:': 'wss:' };

/**
 * Requests the app may make: its own files (the renderer folder), devtools, data:/blob: URLs and,
 * in development, the dev server (including its HMR websocket). Everything else is the network.
 */
export function isAllowedRequestUrl(page: AppPage, url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (page.kind === 'dev') {
    const dev = new URL(page.url);
    if (parsed.host !== dev.host) return false;
    return parsed.protocol === dev.protocol || parsed.protocol === WEBSOCKET_FOR[dev.protocol];
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const requested = decodedPath(parsed);
  // The URL parser folds plain `..` segments; an encoded separator could still smuggle one in.
  if (/(^|[\\/])\.\.([\\/]|$)/.test(requested)) return false;
  return requested.startsWith(decodedPath(pathToFileURL(dirname(page.indexPath) + '/')));
}
