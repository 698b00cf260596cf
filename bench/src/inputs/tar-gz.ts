// Writes a .tar.gz as a collector does (`tar czf`): ustar headers (long paths split into the
// prefix field), members streamed through gzip so a 1 GiB archive never sits in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';

const encoder = new TextEncoder();
/** 2026-11-22T12:09:33Z, the lab captures' day: fixed so the archive is the same on every run. */
const MTIME_SECONDS = 1_795_349_373;

function splitName(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).length <= 100) return { name: path, prefix: '' };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { name, prefix };
  }
  throw new Error(`path too long for ustar: ${path}`);
}

function header(path: string, size: number, type: '0' | '5'): Uint8Array {
  const block = new Uint8Array(512);
  const put = (text: string, offset: number, length: number): void => block.set(encoder.encode(text).subarray(0, length), offset);
  const { name, prefix } = splitName(path);
  put(name, 0, 100);
  put(type === '5' ? '0000755\0' : '0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(size.toString(8).padStart(11, '0') + '\0', 124, 12);
  put(MTIME_SECONDS.toString(8).padStart(11, '0') + '\0', 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

export class TarGzWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<unknown>;
  /** Compressed bytes written so far (after the last flush). */
  compressedBytes = 0;
  uncompressedBytes = 0;

  constructor(path: string, level = 1) {
    this.gzip = createGzip({ level });
    const file = createWriteStream(path);
    this.gzip.on('data', (chunk: Buffer) => {
      this.compressedBytes += chunk.length;
      if (!file.write(chunk)) {
        this.gzip.pause();
        file.once('drain', () => this.gzip.resume());
      }
    });
    this.gzip.on('end', () => file.end());
    this.done = once(file, 'finish');
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.uncompressedBytes += bytes.length;
    if (!this.gzip.write(bytes)) await once(this.gzip, 'drain');
  }

  async file(path: string, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    await this.stream(path, bytes.length, [bytes]);
  }

  /** A member whose bytes come in pieces (exactly `size` of them). */
  async stream(path: string, size: number, pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
    await this.write(header(path, size, '0'));
    let written = 0;
    for await (const piece of pieces) {
      written += piece.length;
      await this.write(piece);
    }
    if (written !== size) throw new Error(`${path}: ${written} bytes written, ${size} declared`);
    const pad = (512 - (size % 512)) % 512;
    if (pad > 0) await this.write(new Uint8Array(pad));
  }

  /** Pushes what gzip holds to the file so `compressedBytes` is current. */
  async flush(): Promise<void> {
    await new Promise<void>((resolve) => this.gzip.flush(() => resolve()));
  }

  async close(): Promise<{ compressedBytes: number; uncompressedBytes: number }> {
    await this.write(new Uint8Array(1024));
    this.gzip.end();
    await this.done;
    return { compressedBytes: this.compressedBytes, uncompressedBytes: this.uncompressedBytes };
  }
}
