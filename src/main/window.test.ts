import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from './logger';
import { createMainWindow, mainWindowOptions, WINDOW_TITLE, type LoadableWindow } from './window';

function fakeWindow(failLoad = false) {
  const calls: string[] = [];
  let readyListener: (() => void) | null = null;
  const window: LoadableWindow & { options?: BrowserWindowConstructorOptions } = {
    once: (_event, listener) => (readyListener = listener),
    show: () => calls.push('show'),
    loadURL: async (url) => {
      calls.push(`loadURL ${url}`);
      if (failLoad) throw new Error('ERR_CONNECTION_REFUSED');
    },
    loadFile: async (path) => {
      calls.push(`loadFile ${path}`);
    },
  };
  return { window, calls, ready: () => readyListener?.() };
}

describe('mainWindowOptions', () => {
  it('isolates a sandboxed renderer without Node, webviews or spellchecking', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(options.show).toBe(false);
    expect(options.title).toBe(WINDOW_TITLE);
  });
});

describe('createMainWindow', () => {
  it('loads the built page from disk and shows the window once painted', async () => {
    const fake = fakeWindow();
    let received: BrowserWindowConstructorOptions | undefined;
    createMainWindow((options) => ((received = options), fake.window), '/p.cjs', { kind: 'file', indexPath: '/app/out/renderer/index.html' }, createMemoryLogger());
    await Promise.resolve();
    expect(received?.webPreferences?.preload).toBe('/p.cjs');
    expect(fake.calls).toEqual(['loadFile /app/out/renderer/index.html']);
    fake.ready();
    expect(fake.calls).toEqual(['loadFile /app/out/renderer/index.html', 'show']);
  });
  it('loads the dev server URL in development, and logs a failed load instead of throwing', async () => {
    const fake = fakeWindow(true);
    const log = createMemoryLogger();
    createMainWindow(() => fake.window, '/p.cjs', { kind: 'dev', url: 'http://localhost:5173/' }, log);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.calls).toEqual(['loadURL http://localhost:5173/']);
    expect(log.lines[0]).toContain('could not load the app page (http://localhost:5173/): Error: ERR_CONNECTION_REFUSED');
  });
});
