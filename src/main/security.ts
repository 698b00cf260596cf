// Hardening of every web contents and of the default session, following Electron's security
// checklist (https://www.electronjs.org/docs/latest/tutorial/security): the app page may not
// navigate away, open windows, attach <webview>s, get permissions or reach the network. E.g.
//   will-navigate https://evil.example/      → prevented (logged)
//   window.open('https://x.example/')        → { action: 'deny' }
//   GET https://cdn.jsdelivr.net/…/loader.js → cancelled: the app makes no network request at all
import type { Logger } from './logger';
import { isAllowedRequestUrl, isAppPageUrl, type AppPage } from './app-page';

/**
 * Sent as a header on the app's own responses; the renderer's index.html carries the same policy
 * in a meta tag (frame-ancestors only works as a header). style-src needs 'unsafe-inline' for
 * Monaco; scripts never run inline or from eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The only permission granted, and only to the app's own top-level page: navigator.clipboard.writeText. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of WebContents the guards attach to. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The permission-check details Electron passes (requestingUrl may be missing for some checks). */
export interface PermissionDetailsLike {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

export interface ContentsUrlLike {
  getURL(): string;
}

export interface RequestDetailsLike {
  url: string;
}

export interface ResponseDetailsLike {
  url: string;
  responseHeaders?: Record<string, string[] | string>;
}

/** The part of Session hardened here. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: ContentsUrlLike, permission: string, callback: (granted: boolean) => void, details: PermissionDetailsLike) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: ContentsUrlLike | null, permission: string, requestingOrigin: string, details: PermissionDetailsLike) => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: RequestDetailsLike, callback: (response: { cancel?: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (details: ResponseDetailsLike, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void,
    ): void;
  };
}

const shortUrl = (url: string): string => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

/** will-navigate / will-redirect / will-frame-navigate: only the app's own page (e.g. a reload of a route). */
export function navigationGuard(page: AppPage, log: Logger): (event: NavigationEvent) => void {
  return (event) => {
    if (isAppPageUrl(page, event.url)) return;
    event.preventDefault();
    log.warn(`blocked navigation to ${shortUrl(event.url)}`);
  };
}

export function windowOpenHandler(log: Logger): (details: { url: string }) => { action: 'deny' } {
  return (details) => {
    log.warn(`blocked window.open of ${shortUrl(details.url)}`);
    return { action: 'deny' };
  };
}

export function isPermissionGranted(page: AppPage, permission: string, pageUrl: string, isMainFrame: boolean | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isMainFrame !== false && isAppPageUrl(page, pageUrl);
}

/** Attaches the navigation, window and webview guards (call it from app 'web-contents-created'). */
export function guardWebContents(contents: GuardedContents, page: AppPage, log: Logger): void {
  const guard = navigationGuard(page, log);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(windowOpenHandler(log));
}

/** Denies permissions, cancels every request that leaves the app, and adds the CSP header. */
export function hardenSession(session: GuardedSession, page: AppPage, log: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted = isPermissionGranted(page, permission, details.requestingUrl ?? contents.getURL(), details.isMainFrame);
    if (!granted) log.warn(`denied permission ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    contents === null ? false : isPermissionGranted(page, permission, details.requestingUrl ?? contents.getURL(), details.isMainFrame),
  );
  // Chromium's spellchecker downloads dictionaries: a network request the app must not make.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(page, details.url);
    if (!allowed) log.warn(`blocked request to ${shortUrl(details.url)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAllowedRequestUrl(page, details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** The response headers with ours as the only Content-Security-Policy (a server's own is dropped). */
export function withContentSecurityPolicy(headers: Record<string, string[] | string> | undefined): Record<string, string[] | string> {
  const result: Record<string, string[] | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy' && name !== '__proto__') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
