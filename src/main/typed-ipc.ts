// Typed IPC on top of ipcMain.handle / webContents.send, keyed by the channel map in src/shared/bridge.ts.
// Every invoke goes through the same gate before its handler runs:
//   1. the sending frame must be the app's own page (file: renderer or the dev server), else refused;
//   2. the argument list must have the channel's exact length and pass each validator.
// (After desktop/desktop's ipc-main.ts: one channel map, one handle() that drops untrusted senders.)
import type { EventChannel, EventChannels, InvokeChannel, InvokeChannels } from '../shared/bridge';
import type { Logger } from './logger';
import { IpcInputError, validateArgs, type TupleValidators } from './validators';

/** The part of IpcMainInvokeEvent the gate reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's ipcMain used here (injected: tests pass a fake). */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** The part of WebContents that receives events. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

type Args<C extends InvokeChannel> = InvokeChannels[C]['args'];
type Result<C extends InvokeChannel> = InvokeChannels[C]['result'];

export type InvokeHandler<E, C extends InvokeChannel> = (event: E, ...args: Args<C>) => Result<C> | Promise<Result<C>>;

export interface IpcRouter<E> {
  handle<C extends InvokeChannel>(channel: C, validators: TupleValidators<Args<C>>, handler: InvokeHandler<E, C>): void;
}

export interface IpcRouterDeps<E> {
  ipcMain: IpcMainLike<E>;
  /** True only for the app's page URL (see app-page.ts isAppPageUrl). */
  isTrustedSenderUrl: (url: string) => boolean;
  log: Logger;
}

/** What the renderer sees when its sender is refused: no detail that would help a probing page. */
export const UNTRUSTED_SENDER_MESSAGE = 'Refused: this frame may not call the app.';

export function createIpcRouter<E extends InvokeEventLike>(deps: IpcRouterDeps<E>): IpcRouter<E> {
  const { ipcMain, isTrustedSenderUrl, log } = deps;
  return {
    handle(channel, validators, handler) {
      ipcMain.handle(channel, async (event, ...rawArgs) => {
        const senderUrl = event.senderFrame?.url ?? '';
        if (!isTrustedSenderUrl(senderUrl)) {
          log.warn(`IPC ${channel} refused: untrusted sender "${senderUrl.slice(0, 200)}"`);
          throw new Error(UNTRUSTED_SENDER_MESSAGE);
        }
        let args: Args<typeof channel>;
        try {
          args = validateArgs(validators, rawArgs, channel);
        } catch (error) {
          log.warn(`IPC ${channel} refused: bad input`, error instanceof Error ? error.message : error);
          throw error;
        }
        try {
          return await handler(event, ...args);
        } catch (error) {
          if (error instanceof IpcInputError) {
            log.warn(`IPC ${channel} refused`, error.message);
            throw error;
          }
          log.error(`IPC ${channel} failed`, error);
          // Only the message crosses to the renderer (Electron drops the stack anyway).
          throw new Error(error instanceof Error ? error.message : `${channel} failed`, { cause: error });
        }
      });
    },
  };
}

/** Sends a typed event to a window; a closed window is skipped (returns false) rather than throwing. */
export function send<C extends EventChannel>(target: EventTargetLike, channel: C, payload: EventChannels[C]): boolean {
  if (target.isDestroyed()) return false;
  target.send(channel, payload);
  return true;
}
