import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, isAppPageUrl, resolveAppPage, type AppPage } from './app-page';

const built: AppPage = { kind: 'file', indexPath: '/opt/OOMScope/resources/app/out/renderer/index.html' };
const dev: AppPage = { kind: 'dev', url: 'http://localhost:5173/' };

describe('resolveAppPage', () => {
  const builtIndexPath = '/app/out/renderer/index.html';
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'http://localhost:5173', builtIndexPath })).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5174/', builtIndexPath }).kind).toBe('dev');
  });
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveAppPage({ isPackaged: true, devServerUrl: 'http://localhost:5173', builtIndexPath })).toEqual({ kind: 'file', indexPath: builtIndexPath });
  });
  it('refuses a dev server that is not on this machine or not http', () => {
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'https://evil.example/', builtIndexPath }).kind).toBe('file');
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'file:///tmp/x.html', builtIndexPath }).kind).toBe('file');
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'not a url', builtIndexPath }).kind).toBe('file');
    expect(resolveAppPage({ isPackaged: false, devServerUrl: undefined, builtIndexPath }).kind).toBe('file');
  });
});

describe('isAppPageUrl', () => {
  it('accepts the built index with any route', () => {
    expect(isAppPageUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer/index.html')).toBe(true);
    expect(isAppPageUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer/index.html#/bundle/3?tab=files')).toBe(true);
  });
  it('accepts percent-encoded paths', () => {
    const spaced: AppPage = { kind: 'file', indexPath: '/home/a b/out/renderer/index.html' };
    expect(isAppPageUrl(spaced, 'file:///home/a%20b/out/renderer/index.html')).toBe(true);
  });
  it('rejects other files, hosts and schemes', () => {
    expect(isAppPageUrl(built, 'file:///tmp/index.html')).toBe(false);
    expect(isAppPageUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer/other.html')).toBe(false);
    expect(isAppPageUrl(built, 'file://server/opt/OOMScope/resources/app/out/renderer/index.html')).toBe(false);
    expect(isAppPageUrl(built, 'https://evil.example/index.html')).toBe(false);
    expect(isAppPageUrl(built, 'about:blank')).toBe(false);
    expect(isAppPageUrl(built, '')).toBe(false);
  });
  it('compares the dev server by origin', () => {
    expect(isAppPageUrl(dev, 'http://localhost:5173/#/library')).toBe(true);
    expect(isAppPageUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppPageUrl(dev, 'http://localhost.evil.example:5173/')).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows the renderer folder, devtools, data: and blob:', () => {
    expect(isAllowedRequestUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequestUrl(built, 'devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(isAllowedRequestUrl(built, 'data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl(built, 'blob:file:///5c1f7d2e-0000-4000-8000-000000000000')).toBe(true);
  });
  it('blocks the network and files outside the renderer folder', () => {
    expect(isAllowedRequestUrl(built, 'https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js')).toBe(false);
    expect(isAllowedRequestUrl(built, 'http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequestUrl(built, 'ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequestUrl(built, 'file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer-evil/x.js')).toBe(false);
    expect(isAllowedRequestUrl(built, 'file:///opt/OOMScope/resources/app/out/renderer/..%2F..%2Fsecret')).toBe(false);
    expect(isAllowedRequestUrl(built, 'file://server/share/x.js')).toBe(false);
    expect(isAllowedRequestUrl(built, '::')).toBe(false);
  });
  it('allows the dev server and its HMR websocket in development only', () => {
    expect(isAllowedRequestUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAllowedRequestUrl(dev, 'ws://localhost:5173/')).toBe(true);
    expect(isAllowedRequestUrl(dev, 'http://localhost:9999/')).toBe(false);
    expect(isAllowedRequestUrl(dev, 'https://localhost:5173/')).toBe(false);
    expect(isAllowedRequestUrl(dev, 'https://registry.npmjs.org/')).toBe(false);
  });
});
