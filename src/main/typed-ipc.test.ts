import { describe, expect, it, vi } from 'vitest';
import { isAppPageUrl, type AppPage } from './app-page';
import { createMemoryLogger } from './logger';
import { createIpcRouter, send, UNTRUSTED_SENDER_MESSAGE, type IpcMainLike } from './typed-ipc';
import { IpcInputError, nonNegativeInteger, oneOf, stringValue } from './validators';

interface FakeEvent {
  senderFrame: { url: string } | null;
}

const page: AppPage = { kind: 'file', indexPath: '/opt/oomscope/out/renderer/index.html' };
const appFrame: FakeEvent = { senderFrame: { url: 'file:///opt/oomscope/out/renderer/index.html#/library' } };

function fakeIpcMain() {
  const handlers = new Map<string, (event: FakeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike<FakeEvent> = { handle: (channel, listener) => handlers.set(channel, listener) };
  const invoke = (channel: string, event: FakeEvent, ...args: unknown[]) => Promise.resolve(handlers.get(channel)!(event, ...args));
  return { ipcMain, handlers, invoke };
}

function setup() {
  const fake = fakeIpcMain();
  const log = createMemoryLogger();
  const router = createIpcRouter({ ipcMain: fake.ipcMain, isTrustedSenderUrl: (url) => isAppPageUrl(page, url), log });
  return { ...fake, log, router };
}

describe('createIpcRouter', () => {
  it('runs the handler with validated arguments for the app page', async () => {
    const { router, invoke } = setup();
    const handler = vi.fn(async (_event: FakeEvent, token: string, offset: number, length: number) => new Uint8Array([token.length, offset, length]));
    router.handle('import:read', [stringValue({ maxLength: 8 }), nonNegativeInteger(), nonNegativeInteger()], handler);
    expect(await invoke('import:read', appFrame, 'abc', 1, 2)).toEqual(new Uint8Array([3, 1, 2]));
    expect(handler).toHaveBeenCalledWith(appFrame, 'abc', 1, 2);
  });

  it('drops a foreign frame before the handler or the validators run', async () => {
    const { router, invoke, log } = setup();
    const handler = vi.fn();
    const validator = vi.fn((value: unknown) => value as 'files');
    router.handle('import:pick', [validator], handler);
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank', 'devtools://devtools/bundled/x.html']) {
      await expect(invoke('import:pick', { senderFrame: { url } }, 'files')).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
    }
    await expect(invoke('import:pick', { senderFrame: null }, 'files')).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
    expect(handler).not.toHaveBeenCalled();
    expect(validator).not.toHaveBeenCalled();
    expect(log.lines[0]).toContain('IPC import:pick refused: untrusted sender "https://evil.example/"');
  });

  it('refuses bad arguments without calling the handler', async () => {
    const { router, invoke, log } = setup();
    const handler = vi.fn();
    router.handle('import:pick', [oneOf(['files', 'folder'] as const)], handler);
    await expect(invoke('import:pick', appFrame, 'everything')).rejects.toThrow(IpcInputError);
    await expect(invoke('import:pick', appFrame)).rejects.toThrow('takes 1 argument(s), got 0');
    await expect(invoke('import:pick', appFrame, 'files', 'extra')).rejects.toThrow('got 2');
    expect(handler).not.toHaveBeenCalled();
    expect(log.lines).toHaveLength(3);
  });

  it('logs a failing handler and passes only its message on', async () => {
    const { router, invoke, log } = setup();
    router.handle('system:info', [], () => {
      throw new Error('disk on fire');
    });
    const failure = await invoke('system:info', appFrame).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('disk on fire');
    expect(log.lines[0]).toMatch(/ERROR IPC system:info failed: Error: disk on fire/);
  });
});

describe('send', () => {
  it('sends a typed event, and skips a destroyed window', () => {
    const sent: unknown[][] = [];
    const live = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    expect(send(live, 'menu:command', 'open-sample')).toBe(true);
    expect(sent).toEqual([['menu:command', 'open-sample']]);
    expect(send({ isDestroyed: () => true, send: () => sent.push(['no']) }, 'menu:command', 'open-library')).toBe(false);
    expect(sent).toHaveLength(1);
  });
});
