// Streaming tar reader (POSIX ustar, pax `x` headers, GNU long names `L`, old v7): bytes are pushed
// in chunks of any size; each member's body is handed on as it arrives, never buffered whole.
// Sample (`tar tvf orphaned-shmem.tar.gz`, one 512-byte header per member):
//   drwxr-xr-x root/root         0 2026-11-22 12:09 orphaned-shmem/
//   -rw-r--r-- root/root       142 2026-11-22 12:35 orphaned-shmem/during/fincore.txt
//   -rw-r--r-- root/root       106 2026-11-22 12:09 orphaned-shmem/during/proc/pressure/memory

declare const TextDecoder: { new (label?: string): { decode(input?: Uint8Array): string } };

export type TarMemberType = 'file' | 'directory' | 'hardlink' | 'symlink' | 'other';

export interface TarMemberHeader {
  /** The name as stored (pax `path` or GNU long name when present). */
  name: string;
  sizeBytes: number;
  type: TarMemberType;
  typeFlag: string;
  /** Byte offset of the header in the tar stream (for messages). */
  offset: number;
}

export interface TarBodySink {
  write(chunk: Uint8Array): void;
  close(end: { truncated: boolean }): void;
}

export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TarFormatError';
  }
}

const BLOCK = 512;
/** pax and GNU long-name bodies are metadata: a megabyte is far beyond any real one. */
const MAX_META_BYTES = 1024 * 1024;

/** True when the first 512 bytes are a tar header: `ustar` magic, or a valid v7 checksum. */
export function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < BLOCK) return false;
  const block = head.subarray(0, BLOCK);
  if (isZeroBlock(block)) return false;
  if (asciiAt(block, 257, 5) === 'ustar') return checksumMatches(block);
  // v7 tar: no magic; a matching checksum and a plausible name are the only signs.
  return block[0] !== 0 && checksumMatches(block);
}

type State = 'header' | 'body' | 'meta' | 'padding' | 'ended';

export class TarReader {
  private state: State = 'header';
  private readonly headerBuffer = new Uint8Array(BLOCK);
  private headerFill = 0;
  private offset = 0;
  private remaining = 0;
  private padding = 0;
  private sink: TarBodySink | null = null;
  private meta: { kind: 'pax' | 'gnu-long-name' | 'skip'; chunks: Uint8Array[]; size: number } | null = null;
  private paxPath: string | null = null;
  private paxSize: number | null = null;
  private longName: string | null = null;
  private zeroBlocks = 0;

  /** `onMember` returns where the body goes, or null to skip it. */
  constructor(private readonly onMember: (header: TarMemberHeader) => TarBodySink | null) {}

  /** Throws TarFormatError on a corrupt header. */
  push(chunk: Uint8Array): void {
    let pos = 0;
    while (pos < chunk.length && this.state !== 'ended') {
      if (this.state === 'header') {
        const take = Math.min(BLOCK - this.headerFill, chunk.length - pos);
        this.headerBuffer.set(chunk.subarray(pos, pos + take), this.headerFill);
        this.headerFill += take;
        pos += take;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.onHeader(this.headerBuffer);
          this.offset += BLOCK;
        }
        continue;
      }
      if (this.state === 'padding') {
        const take = Math.min(this.padding, chunk.length - pos);
        this.padding -= take;
        pos += take;
        this.offset += take;
        if (this.padding === 0) this.state = 'header';
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - pos);
      const piece = chunk.subarray(pos, pos + take);
      pos += take;
      this.offset += take;
      this.remaining -= take;
      if (this.state === 'body') this.sink?.write(piece);
      else if (this.meta && this.meta.kind !== 'skip') {
        this.meta.chunks.push(piece.slice());
        this.meta.size += take;
      }
      if (this.remaining === 0) this.endBody();
    }
  }

  /** Ends the stream; returns whether it ended on a member boundary (false: cut in the middle). */
  finish(): { complete: boolean } {
    if (this.state === 'body' || this.state === 'meta') {
      this.sink?.close({ truncated: true });
      this.sink = null;
      return { complete: false };
    }
    return { complete: this.headerFill === 0 };
  }

  private onHeader(block: Uint8Array): void {
    if (isZeroBlock(block)) {
      this.zeroBlocks++;
      // Two zero blocks end the archive; what follows (blocking-factor padding) is ignored.
      if (this.zeroBlocks >= 2) this.state = 'ended';
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumMatches(block)) throw new TarFormatError(`tar header checksum mismatch at byte ${this.offset}`, this.offset);
    const typeFlag = block[156] === 0 ? '0' : String.fromCharCode(block[156] ?? 48);
    const headerSize = readNumber(block, 124, 12);
    if (headerSize === null) throw new TarFormatError(`tar header at byte ${this.offset} has an unreadable size`, this.offset);
    if (typeFlag === 'x' || typeFlag === 'g' || typeFlag === 'L' || typeFlag === 'K') {
      const wanted = (typeFlag === 'x' || typeFlag === 'L') && headerSize <= MAX_META_BYTES;
      this.meta = { kind: !wanted ? 'skip' : typeFlag === 'x' ? 'pax' : 'gnu-long-name', chunks: [], size: 0 };
      this.startBody('meta', headerSize, Math.ceil(headerSize / BLOCK) * BLOCK - headerSize);
      return;
    }
    const size = this.paxSize ?? headerSize;
    const name = this.longName ?? this.paxPath ?? ustarName(block);
    this.longName = null;
    this.paxPath = null;
    this.paxSize = null;
    const type = memberType(typeFlag);
    // Links, directories and devices carry no body in practice; their size field is honoured anyway.
    const sink = this.onMember({ name, sizeBytes: type === 'file' ? size : 0, type, typeFlag, offset: this.offset });
    const bodySize = type === 'hardlink' || type === 'symlink' || type === 'directory' ? 0 : size;
    const bodyPadded = Math.ceil(bodySize / BLOCK) * BLOCK;
    this.sink = sink;
    if (bodySize === 0) {
      sink?.close({ truncated: false });
      this.sink = null;
      this.state = 'header';
      return;
    }
    this.startBody('body', bodySize, bodyPadded - bodySize);
  }

  private startBody(state: 'body' | 'meta', size: number, padding: number): void {
    this.remaining = size;
    this.padding = padding;
    this.state = state;
    if (size === 0) this.endBody();
  }

  private endBody(): void {
    if (this.state === 'body') {
      this.sink?.close({ truncated: false });
      this.sink = null;
    } else if (this.meta) {
      if (this.meta.kind === 'pax') this.applyPax(concat(this.meta.chunks, this.meta.size));
      else if (this.meta.kind === 'gnu-long-name') this.longName = cString(concat(this.meta.chunks, this.meta.size), 0, this.meta.size);
      this.meta = null;
    }
    this.state = this.padding > 0 ? 'padding' : 'header';
  }

  /** pax records: `<length> <key>=<value>\n`. */
  private applyPax(body: Uint8Array): void {
    const text = new TextDecoder('utf-8').decode(body);
    let pos = 0;
    while (pos < text.length) {
      const space = text.indexOf(' ', pos);
      const newline = text.indexOf('\n', pos);
      if (space < 0 || newline < 0 || space > newline) break;
      const record = text.slice(space + 1, newline);
      const eq = record.indexOf('=');
      if (eq > 0) {
        const key = record.slice(0, eq);
        const value = record.slice(eq + 1);
        if (key === 'path') this.paxPath = value;
        else if (key === 'size' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))) this.paxSize = Number(value);
      }
      pos = newline + 1;
    }
  }
}

function memberType(flag: string): TarMemberType {
  if (flag === '0' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '1') return 'hardlink';
  if (flag === '2') return 'symlink';
  return 'other';
}

function ustarName(block: Uint8Array): string {
  const name = cString(block, 0, 100);
  if (asciiAt(block, 257, 5) !== 'ustar') return name;
  const prefix = cString(block, 345, 155);
  return prefix === '' ? name : `${prefix}/${name}`;
}

function cString(bytes: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder('utf-8').decode(bytes.subarray(start, end));
}

function asciiAt(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/** Octal text, or GNU base-256 when the first byte has its high bit set. */
function readNumber(block: Uint8Array, start: number, length: number): number | null {
  const first = block[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i++) {
      value = value * 256 + (block[i] ?? 0);
      if (!Number.isSafeInteger(value)) return null;
    }
    return value;
  }
  const field = asciiAt(block, start, length);
  const nul = field.indexOf('\0');
  const text = (nul === -1 ? field : field.slice(0, nul)).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return null;
  const value = parseInt(text, 8);
  return Number.isSafeInteger(value) ? value : null;
}

function checksumMatches(block: Uint8Array): boolean {
  const stored = readNumber(block, 148, 8);
  if (stored === null) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
