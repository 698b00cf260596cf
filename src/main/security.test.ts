import { describe, expect, it } from 'vitest';
import type { AppPage } from './app-page';
import { createMemoryLogger } from './logger';
import {
  CONTENT_SECURITY_POLICY,
  guardWebContents,
  hardenSession,
  isPermissionGranted,
  withContentSecurityPolicy,
  type GuardedContents,
  type GuardedSession,
  type NavigationEvent,
  type PreventableEvent,
} from './security';

const page: AppPage = { kind: 'file', indexPath: '/opt/oomscope/out/renderer/index.html' };
const appUrl = 'file:///opt/oomscope/out/renderer/index.html';

function navigation(url: string): NavigationEvent & { prevented: boolean } {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent & PreventableEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (event: NavigationEvent) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  };
  return { contents, listeners, open: (url: string) => openHandler?.({ url }) };
}

function fakeSession() {
  const captured: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    before?: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0];
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0];
    spellchecker?: boolean;
  } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (h) => (captured.request = h),
    setPermissionCheckHandler: (h) => (captured.check = h),
    setSpellCheckerEnabled: (enabled) => (captured.spellchecker = enabled),
    webRequest: { onBeforeRequest: (l) => (captured.before = l), onHeadersReceived: (l) => (captured.headers = l) },
  };
  return { session, captured };
}

describe('guardWebContents', () => {
  it('prevents navigation and redirects away from the app page', () => {
    const { contents, listeners } = fakeContents();
    const log = createMemoryLogger();
    guardWebContents(contents, page, log);
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = navigation('https://evil.example/phish');
      listeners.get(name)!(away);
      expect(away.prevented).toBe(true);
      const local = navigation('file:///etc/passwd');
      listeners.get(name)!(local);
      expect(local.prevented).toBe(true);
    }
    expect(log.lines[0]).toContain('blocked navigation to https://evil.example/phish');
  });
  it('lets the app page navigate to itself', () => {
    const { contents, listeners } = fakeContents();
    guardWebContents(contents, page, createMemoryLogger());
    const self = navigation(`${appUrl}#/report`);
    listeners.get('will-navigate')!(self);
    expect(self.prevented).toBe(false);
  });
  it('denies window.open and prevents <webview>', () => {
    const { contents, listeners, open } = fakeContents();
    guardWebContents(contents, page, createMemoryLogger());
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open(appUrl)).toEqual({ action: 'deny' });
    const attach = navigation('');
    listeners.get('will-attach-webview')!(attach);
    expect(attach.prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const appContents = { getURL: () => appUrl };
  const foreignContents = { getURL: () => 'https://evil.example/' };

  it('denies every permission request except clipboard writes from the app page itself', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, page, createMemoryLogger());
    const ask = (contents: { getURL(): string }, permission: string, details = {}) => {
      let answer: boolean | undefined;
      captured.request!(contents, permission, (granted) => (answer = granted), details);
      return answer;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem', 'hid', 'unknown']) {
      expect(ask(appContents, permission, { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
    }
    expect(ask(appContents, 'clipboard-sanitized-write', { requestingUrl: appUrl, isMainFrame: true })).toBe(true);
    expect(ask(foreignContents, 'clipboard-sanitized-write', {})).toBe(false);
    expect(ask(appContents, 'clipboard-sanitized-write', { requestingUrl: appUrl, isMainFrame: false })).toBe(false);
  });

  it('answers every permission check with false except clipboard writes from the app page', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, page, createMemoryLogger());
    expect(captured.check!(appContents, 'media', 'file://', { requestingUrl: appUrl })).toBe(false);
    expect(captured.check!(appContents, 'clipboard-read', 'file://', {})).toBe(false);
    expect(captured.check!(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(captured.check!(appContents, 'clipboard-sanitized-write', 'file://', {})).toBe(true);
  });

  it('cancels every request that leaves the app', () => {
    const { session, captured } = fakeSession();
    const log = createMemoryLogger();
    hardenSession(session, page, log);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      captured.before!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('https://cdn.jsdelivr.net/npm/monaco-editor@0.57.0/min/vs/loader.js')).toBe(true);
    expect(decide('http://169.254.169.254/latest/meta-data/')).toBe(true);
    expect(decide('file:///etc/shadow')).toBe(true);
    expect(decide('file:///opt/oomscope/out/renderer/assets/index.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(log.lines.filter((l) => l.includes('blocked request'))).toHaveLength(3);
  });

  it('turns the spellchecker off (it would download dictionaries)', () => {
    const { session, captured } = fakeSession();
    hardenSession(session, page, createMemoryLogger());
    expect(captured.spellchecker).toBe(false);
  });

  it("adds the CSP header to the app's own responses only", () => {
    const { session, captured } = fakeSession();
    hardenSession(session, { kind: 'dev', url: 'http://localhost:5173/' }, createMemoryLogger());
    let own: Record<string, string[] | string> | undefined;
    captured.headers!({ url: 'http://localhost:5173/', responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["script-src *"] } }, (r) => (own = r.responseHeaders));
    expect(own).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    let other: Record<string, string[] | string> | undefined = {};
    captured.headers!({ url: 'https://example.com/', responseHeaders: {} }, (r) => (other = r.responseHeaders));
    expect(other).toBeUndefined();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
  it('allows scripts from the app only: no eval, no inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });
  it("allows inline styles only (Monaco), and nothing from elsewhere", () => {
    const withUnsafeInline = [...directives].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(withUnsafeInline).toEqual(['style-src']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
  it('shuts plugins, base, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('replaces a Content-Security-Policy header whatever its case', () => {
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': ['x'], 'CONTENT-SECURITY-POLICY': 'y', etag: '1' })).toEqual({
      etag: '1',
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isPermissionGranted', () => {
  it('needs the listed permission, the top frame and the app page', () => {
    expect(isPermissionGranted(page, 'clipboard-sanitized-write', appUrl, undefined)).toBe(true);
    expect(isPermissionGranted(page, 'clipboard-sanitized-write', 'https://x.example/', true)).toBe(false);
    expect(isPermissionGranted(page, 'notifications', appUrl, true)).toBe(false);
  });
});
