// Writes a generated input to disk in large pieces, with back-pressure, so generating 1 GiB never
// holds more than a few MB in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export class ChunkedWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  bytesWritten = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  /** Queues text; call `drain()` regularly (it writes when enough is queued). */
  text(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
  }

  async drain(force = false): Promise<void> {
    if (!force && this.pendingChars < 4 * 1024 * 1024) return;
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    await this.bytes(buf);
  }

  async bytes(buf: Uint8Array): Promise<void> {
    this.bytesWritten += buf.byteLength;
    if (!this.stream.write(buf)) await once(this.stream, 'drain');
  }

  async close(): Promise<number> {
    await this.drain(true);
    this.stream.end();
    await once(this.stream, 'finish');
    return this.bytesWritten;
  }
}
