import { describe, expect, it, vi, type Mock } from 'vitest';
import { startLifecycle, type FocusableWindow, type LifecycleApp } from './lifecycle';
import { createMemoryLogger } from './logger';

type Listener = (...args: never[]) => void;

function fakeApp(lockGranted = true) {
  const listeners = new Map<string, Listener>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const app: LifecycleApp & { lockData?: Record<string, unknown>; quit: Mock<() => void> } = {
    requestSingleInstanceLock(data) {
      app.lockData = data;
      return lockGranted;
    },
    quit: vi.fn<() => void>(),
    whenReady: () => ready,
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  const becomeReady = async () => {
    resolveReady();
    await ready;
    await Promise.resolve();
  };
  return { app, emit, becomeReady, listeners };
}

class FakeWindow implements FocusableWindow {
  destroyed = false;
  minimized = false;
  focused = 0;
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  focus = () => void this.focused++;
}

function start(options: { lock?: boolean; argv?: string[]; platform?: NodeJS.Platform } = {}) {
  const fake = fakeApp(options.lock ?? true);
  const windows: FakeWindow[] = [];
  const imports: [string[], FakeWindow][] = [];
  const onReady = vi.fn();
  const lifecycle = startLifecycle({
    app: fake.app,
    platform: options.platform ?? 'linux',
    argv: options.argv ?? ['/opt/oomscope/oomscope'],
    isDefaultApp: false,
    workingDirectory: '/home/sre',
    onReady,
    createWindow: () => {
      const w = new FakeWindow();
      windows.push(w);
      return w;
    },
    importPaths: (paths, window) => imports.push([paths, window]),
    log: createMemoryLogger(),
  });
  return { ...fake, lifecycle, windows, imports, onReady };
}

describe('startLifecycle', () => {
  it('opens one window when ready and imports the command-line paths into it', async () => {
    const s = start({ argv: ['/opt/oomscope/oomscope', '--no-sandbox', 'incident/', '/tmp/dmesg.txt'] });
    expect(s.app.lockData).toEqual({ paths: ['/home/sre/incident', '/tmp/dmesg.txt'] });
    expect(s.windows).toHaveLength(0);
    await s.becomeReady();
    expect(s.onReady).toHaveBeenCalledTimes(1);
    expect(s.windows).toHaveLength(1);
    expect(s.imports).toEqual([[['/home/sre/incident', '/tmp/dmesg.txt'], s.windows[0]]]);
    expect(s.lifecycle.currentWindow()).toBe(s.windows[0]);
  });

  it('imports nothing when started without paths', async () => {
    const s = start();
    await s.becomeReady();
    expect(s.imports).toEqual([]);
  });

  it('quits at once as a second instance, handing its paths over', () => {
    const s = start({ lock: false, argv: ['/opt/oomscope/oomscope', 'node2.log'] });
    expect(s.lifecycle.isPrimary).toBe(false);
    expect(s.app.quit).toHaveBeenCalled();
    expect(s.app.lockData).toEqual({ paths: ['/home/sre/node2.log'] });
    expect(s.listeners.size).toBe(0);
  });

  it('focuses the window and imports what a second instance sent', async () => {
    const s = start();
    await s.becomeReady();
    s.windows[0]!.minimized = true;
    s.emit('second-instance', {}, ['/opt/oomscope/oomscope', '--original-process-start-time=1', 'ignored'], '/elsewhere', { paths: ['/data/memory.stat'] });
    expect(s.windows[0]!.minimized).toBe(false);
    expect(s.windows[0]!.focused).toBe(1);
    expect(s.imports).toEqual([[['/data/memory.stat'], s.windows[0]]]);
  });

  it("falls back to the second instance's argv when it sent no data", async () => {
    const s = start();
    await s.becomeReady();
    s.emit('second-instance', {}, ['/opt/oomscope/oomscope', 'b.log'], '/elsewhere', null);
    expect(s.imports).toEqual([[['/elsewhere/b.log'], s.windows[0]]]);
    s.emit('second-instance', {}, ['/opt/oomscope/oomscope'], '/elsewhere', null);
    expect(s.imports).toHaveLength(1);
    expect(s.windows[0]!.focused).toBe(2);
  });

  it('holds macOS open-file paths until ready, then imports them with the argv paths', async () => {
    const s = start({ platform: 'darwin', argv: ['/Applications/OOMScope.app/Contents/MacOS/OOMScope', '/a'] });
    const event = { preventDefault: vi.fn() };
    s.emit('open-file', event, '/Users/sre/memory.stat');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(s.imports).toEqual([]);
    await s.becomeReady();
    expect(s.imports).toEqual([[['/a', '/Users/sre/memory.stat'], s.windows[0]]]);
    s.emit('open-file', event, '/Users/sre/dmesg');
    expect(s.imports[1]).toEqual([['/Users/sre/dmesg'], s.windows[0]]);
  });

  it('quits when the last window closes, except on macOS, where activate reopens a window', async () => {
    const linux = start({ platform: 'linux' });
    linux.emit('window-all-closed');
    expect(linux.app.quit).toHaveBeenCalledTimes(1);

    const mac = start({ platform: 'darwin' });
    await mac.becomeReady();
    mac.windows[0]!.destroyed = true;
    mac.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
    expect(mac.lifecycle.currentWindow()).toBeNull();
    mac.emit('activate');
    expect(mac.windows).toHaveLength(2);
    mac.emit('activate');
    expect(mac.windows).toHaveLength(2);
  });

  it('opens a new window for a file arriving while none is open (macOS)', async () => {
    const s = start({ platform: 'darwin' });
    await s.becomeReady();
    s.windows[0]!.destroyed = true;
    s.emit('open-file', { preventDefault: () => undefined }, '/x');
    expect(s.windows).toHaveLength(2);
    expect(s.imports).toEqual([[['/x'], s.windows[1]]]);
  });
});
