import { describe, expect, it, vi } from 'vitest';
import { MAX_READ_CHUNK_BYTES, type InvokeChannel } from '../shared/bridge';
import { isAppPageUrl, type AppPage } from './app-page';
import { TokenRegistry } from './import-sources';
import { registerIpcHandlers, readImportChunk, type IpcHandlerDeps } from './ipc-handlers';
import { createMemoryLogger } from './logger';
import { createIpcRouter } from './typed-ipc';

interface FakeEvent {
  senderFrame: { url: string } | null;
  id: string;
}

const page: AppPage = { kind: 'dev', url: 'http://localhost:5173/' };
const fromApp: FakeEvent = { senderFrame: { url: 'http://localhost:5173/#/bundle/1' }, id: 'main-window' };

function setup() {
  const handlers = new Map<string, (event: FakeEvent, ...args: unknown[]) => unknown>();
  const router = createIpcRouter<FakeEvent>({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) },
    isTrustedSenderUrl: (url) => isAppPageUrl(page, url),
    log: createMemoryLogger(),
  });
  const tokens = new TokenRegistry(() => 'tok1');
  const readRange = vi.fn(async (_path: string, _offset: number, length: number) => new Uint8Array(Math.min(length, 5)));
  const deps: IpcHandlerDeps<FakeEvent> = {
    systemInfo: () => ({ locale: 'zh-CN', appVersion: '0.1.0', platform: 'linux' }),
    pickImportSources: vi.fn(async () => [{ token: 'tok9', displayPath: 'memory.stat', sizeBytes: 5 }]),
    tokens,
    fs: { readRange },
    exportPdf: vi.fn(async () => ({ saved: true, filePath: '/tmp/r.pdf' })),
  };
  registerIpcHandlers(router, deps);
  const invoke = (channel: InvokeChannel, event: FakeEvent, ...args: unknown[]) => Promise.resolve(handlers.get(channel)!(event, ...args));
  return { handlers, deps, tokens, readRange, invoke };
}

describe('registerIpcHandlers', () => {
  it('registers every channel of the bridge', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(['import:pick', 'import:read', 'import:release', 'report:export-pdf', 'system:info']);
  });

  it('answers system:info and passes the sender event to pick and export', async () => {
    const { invoke, deps } = setup();
    expect(await invoke('system:info', fromApp)).toEqual({ locale: 'zh-CN', appVersion: '0.1.0', platform: 'linux' });
    await invoke('import:pick', fromApp, 'folder');
    expect(deps.pickImportSources).toHaveBeenCalledWith('folder', fromApp);
    expect(await invoke('report:export-pdf', fromApp, { suggestedFileName: 'r.pdf' })).toEqual({ saved: true, filePath: '/tmp/r.pdf' });
    expect(deps.exportPdf).toHaveBeenCalledWith({ suggestedFileName: 'r.pdf' }, fromApp);
  });

  it('reads through a token, never a path', async () => {
    const { invoke, tokens, readRange } = setup();
    tokens.issue({ absolutePath: '/data/memory.stat', displayPath: 'memory.stat', sizeBytes: 5 });
    expect(await invoke('import:read', fromApp, 'tok1', 0, 100)).toHaveLength(5);
    expect(readRange).toHaveBeenCalledWith('/data/memory.stat', 0, 100);
    await expect(invoke('import:read', fromApp, '/data/memory.stat', 0, 100)).rejects.toThrow('not allowed');
  });

  it('rejects bad import:read inputs before touching the disk', async () => {
    const { invoke, tokens, readRange } = setup();
    tokens.issue({ absolutePath: '/data/memory.stat', displayPath: 'memory.stat', sizeBytes: 5 });
    await expect(invoke('import:read', fromApp, 'tok1', -1, 10)).rejects.toThrow('must not be negative');
    await expect(invoke('import:read', fromApp, 'tok1', 0, 2 ** 60)).rejects.toThrow('must be an integer');
    await expect(invoke('import:read', fromApp, 'tok1', 0, Number.POSITIVE_INFINITY)).rejects.toThrow('must be an integer');
    await expect(invoke('import:read', fromApp, 'tok1', 0.5, 10)).rejects.toThrow('must be an integer');
    await expect(invoke('import:read', fromApp, 42, 0, 10)).rejects.toThrow('must be a string');
    await expect(invoke('import:read', fromApp, { token: 'tok1' }, 0, 10)).rejects.toThrow('must be a string');
    await expect(invoke('import:read', fromApp, 'x'.repeat(65), 0, 10)).rejects.toThrow('longer than 64');
    await expect(invoke('import:read', fromApp, 'unknown', 0, 10)).rejects.toThrow('Unknown import token');
    await expect(invoke('import:read', fromApp, '__proto__', 0, 10)).rejects.toThrow('Unknown import token');
    expect(readRange).not.toHaveBeenCalled();
  });

  it('refuses a foreign frame on every channel', async () => {
    const { invoke, deps } = setup();
    const foreign: FakeEvent = { senderFrame: { url: 'https://evil.example/' }, id: 'x' };
    await expect(invoke('system:info', foreign)).rejects.toThrow('Refused');
    await expect(invoke('import:pick', foreign, 'files')).rejects.toThrow('Refused');
    await expect(invoke('report:export-pdf', foreign, { suggestedFileName: 'a' })).rejects.toThrow('Refused');
    expect(deps.pickImportSources).not.toHaveBeenCalled();
    expect(deps.exportPdf).not.toHaveBeenCalled();
  });

  it('releases tokens, and validates the list', async () => {
    const { invoke, tokens } = setup();
    tokens.issue({ absolutePath: '/a', displayPath: 'a', sizeBytes: 1 });
    await invoke('import:release', fromApp, ['tok1', 'other']);
    expect(tokens.size).toBe(0);
    await expect(invoke('import:release', fromApp, 'tok1')).rejects.toThrow('must be an array');
    await expect(invoke('import:release', fromApp, [1])).rejects.toThrow('must be a string');
  });

  it('validates the PDF request and its file name', async () => {
    const { invoke } = setup();
    await expect(invoke('report:export-pdf', fromApp, { suggestedFileName: 'x'.repeat(256) })).rejects.toThrow('longer than 255');
    await expect(invoke('report:export-pdf', fromApp, { suggestedFileName: 'a', filePath: '/etc/cron.d/x' })).rejects.toThrow('unexpected field');
    await expect(invoke('report:export-pdf', fromApp, 'a.pdf')).rejects.toThrow('must be an object');
  });
});

describe('readImportChunk', () => {
  it('clamps the length to MAX_READ_CHUNK_BYTES and skips empty reads', async () => {
    const tokens = new TokenRegistry(() => 't');
    tokens.issue({ absolutePath: '/big.log', displayPath: 'big.log', sizeBytes: 2 ** 31 });
    const readRange = vi.fn(async () => new Uint8Array(0));
    await readImportChunk(tokens, { readRange }, 't', 1024, 2 ** 30);
    expect(readRange).toHaveBeenCalledWith('/big.log', 1024, MAX_READ_CHUNK_BYTES);
    expect(await readImportChunk(tokens, { readRange }, 't', 0, 0)).toHaveLength(0);
    expect(readRange).toHaveBeenCalledTimes(1);
  });
});
