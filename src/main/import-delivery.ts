// Import sources that arrive outside the renderer (menu, command line, open-file, second instance)
// are held until the page has loaded, then sent as `import:sources`. At start-up:
//   argv → [memory.stat, dmesg] held → 'did-finish-load' → send import:sources [2 sources]
// A reload or a closed window stops delivery until the next load. (The preload keeps what arrives
// before the renderer subscribes, so nothing sent after the load is lost.)
import type { ImportSource } from '../shared/bridge';
import type { Logger } from './logger';
import { send, type EventTargetLike } from './typed-ipc';

/** Bound on held batches: a page that never loads must not make main hold sources without end. */
const MAX_HELD_BATCHES = 100;

export class ImportDelivery {
  private held: ImportSource[][] = [];
  private target: EventTargetLike | null = null;

  constructor(private readonly log: Logger) {}

  get heldCount(): number {
    return this.held.reduce((sum, batch) => sum + batch.length, 0);
  }

  deliver(sources: ImportSource[]): void {
    if (sources.length === 0) return;
    if (this.target && send(this.target, 'import:sources', sources)) return;
    if (this.held.length >= MAX_HELD_BATCHES) {
      const dropped = this.held.shift()!;
      this.log.warn(`dropped ${dropped.length} import source(s): the window did not load`);
    }
    this.held.push(sources);
  }

  /** The page finished loading (webContents 'did-finish-load'): send what is held. */
  pageLoaded(target: EventTargetLike): void {
    this.target = target;
    const held = this.held;
    this.held = [];
    for (const batch of held) this.deliver(batch);
  }

  /** The page is reloading or the window closed. */
  pageGone(): void {
    this.target = null;
  }

  /** Forget held sources (their tokens were released). */
  clear(): void {
    this.held = [];
  }
}
