import { describe, expect, it, vi } from 'vitest';
import type { ImportSource, MenuCommand } from '../shared/bridge';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(results: Record<string, unknown> = {}) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return results[channel];
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const ipcEvent = { sender: 'IpcRendererEvent with ports and sender' };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, payload);
  };
  return { ipc, invoked, listeners, emit };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const source = (n: number): ImportSource => ({ token: `t${n}`, displayPath: `f${n}`, sizeBytes: n });

describe('createBridge', () => {
  it('offers exactly the named methods of OomscopeBridge', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'exportPdf',
      'getSystemInfo',
      'kind',
      'onImportSources',
      'onMenuCommand',
      'pickImportSources',
      'readImportSource',
      'releaseImportSources',
    ]);
    expect(bridge.kind).toBe('electron');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it('maps each method to its channel and arguments', async () => {
    const fake = fakeIpc({ 'system:info': { locale: 'en-US', appVersion: '0.1.0', platform: 'linux' }, 'import:read': new Uint8Array([1, 2]) });
    const bridge = createBridge(fake.ipc);
    expect(await bridge.getSystemInfo()).toEqual({ locale: 'en-US', appVersion: '0.1.0', platform: 'linux' });
    await bridge.pickImportSources('folder');
    expect(await bridge.readImportSource('t1', 8, 16)).toEqual(new Uint8Array([1, 2]));
    await bridge.releaseImportSources(['t1']);
    await bridge.exportPdf({ suggestedFileName: 'r.pdf' });
    expect(fake.invoked).toEqual([
      ['system:info'],
      ['import:pick', 'folder'],
      ['import:read', 't1', 8, 16],
      ['import:release', ['t1']],
      ['report:export-pdf', { suggestedFileName: 'r.pdf' }],
    ]);
  });

  it('passes menu commands without the IPC event, and unsubscribes', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const received: unknown[][] = [];
    const stop = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    fake.emit('menu:command', 'open-sample' satisfies MenuCommand);
    expect(received).toEqual([['open-sample']]);
    stop();
    fake.emit('menu:command', 'open-library');
    expect(received).toHaveLength(1);
    expect(fake.listeners.get('menu:command')?.size).toBe(0);
  });

  it('keeps import sources that arrive before anyone listens, for the first listener', async () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    fake.emit('import:sources', [source(1)]);
    fake.emit('import:sources', [source(2)]);
    const received: unknown[][] = [];
    bridge.onImportSources((...args: unknown[]) => received.push(args));
    expect(received).toEqual([]);
    await tick();
    expect(received).toEqual([[[source(1)]], [[source(2)]]]);
    fake.emit('import:sources', [source(3)]);
    expect(received).toHaveLength(3);
  });

  it('does not lose held sources when a listener unsubscribes and resubscribes at once (React StrictMode)', async () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    fake.emit('import:sources', [source(1)]);
    const first = vi.fn();
    bridge.onImportSources(first)();
    const second = vi.fn();
    const stop = bridge.onImportSources(second);
    await tick();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith([source(1)]);
    stop();
    fake.emit('import:sources', [source(2)]);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
