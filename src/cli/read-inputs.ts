// Reads files from disk for the CLI: small files whole, big line-oriented files streamed through
// their format's line parser so a multi-GiB kernel log never sits in memory as one string.
import { Buffer } from 'node:buffer';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  createStreamedLines,
  decodeText,
  detectFormat,
  DETECT_HEAD_CHARS,
  findFormat,
  parseFileText,
  sniffEncoding,
  type ParsedFile,
} from '../core/index';
import { nodeSkim } from './node-byte-search';

/** Files above this size are streamed when their format can be (kernel logs, Prometheus text). */
export const STREAM_THRESHOLD_BYTES = 32 * 1024 * 1024;
/** Files above this size whose format cannot stream are not parsed whole (their head is still detected). */
export const WHOLE_FILE_LIMIT_BYTES = 512 * 1024 * 1024;
/** Read size for streamed files: fewer, larger reads (each one waits for libuv's thread pool). */
export const CLI_READ_CHUNK_BYTES = 4 * 1024 * 1024;

export class InputError extends Error {}

/** Expands directories (recursively, sorted, symlinks not followed) into files. */
export async function expandInputs(inputs: readonly string[]): Promise<{ absPath: string; displayPath: string }[]> {
  const out: { absPath: string; displayPath: string }[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch (error) {
      throw new InputError(`cannot read "${input}": ${describeFsError(error)}`);
    }
    if (st.isDirectory()) {
      for (const file of await walk(input)) out.push({ absPath: file, displayPath: relative(input, file) || file });
    } else if (st.isFile()) {
      out.push({ absPath: input, displayPath: input });
    } else {
      throw new InputError(`cannot read "${input}": not a regular file or directory`);
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

async function readHead(absPath: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(absPath, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file in chunks into two buffers taken in turn: the next read runs in libuv's thread pool
 * while the last chunk is handled, and no buffer is allocated per chunk. `onChunk` must not keep the
 * chunk after it returns (the block feeder copies what it holds on to).
 */
export async function readChunks(absPath: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const handle = await open(absPath, 'r');
  const buffers = [Buffer.allocUnsafeSlow(CLI_READ_CHUNK_BYTES), Buffer.allocUnsafeSlow(CLI_READ_CHUNK_BYTES)];
  let turn = 0;
  let next = handle.read(buffers[turn] ?? Buffer.alloc(0), 0, CLI_READ_CHUNK_BYTES, null);
  try {
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      turn ^= 1;
      next = handle.read(buffers[turn] ?? Buffer.alloc(0), 0, CLI_READ_CHUNK_BYTES, null);
      onChunk(buffer.subarray(0, bytesRead));
    }
  } finally {
    await next.catch(() => undefined);
    await handle.close();
  }
}

/** Parses one file from disk, streaming it when it is big and its format allows. */
export async function parseFileFromDisk(absPath: string, displayPath: string): Promise<ParsedFile> {
  let sizeBytes: number;
  try {
    sizeBytes = (await stat(absPath)).size;
  } catch (error) {
    throw new InputError(`cannot read "${displayPath}": ${describeFsError(error)}`);
  }
  if (sizeBytes <= STREAM_THRESHOLD_BYTES) {
    const bytes = await readFile(absPath).catch((error: unknown) => {
      throw new InputError(`cannot read "${displayPath}": ${describeFsError(error)}`);
    });
    return parseFileText(displayPath, decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).text);
  }
  const head = await readHead(absPath, DETECT_HEAD_CHARS * 4);
  const encoding = sniffEncoding(head);
  const headText = decodeText(head).text.slice(0, DETECT_HEAD_CHARS);
  const detection = detectFormat(headText, displayPath);
  const format = findFormat(detection.formatId);
  if (format?.lineParser) {
    const parser = format.lineParser({ fileId: displayPath, path: displayPath });
    // Big logs are skimmed where the parser allows (core/bundle/block-line-feeder.ts).
    const lines = createStreamedLines(parser, encoding, nodeSkim());
    await readChunks(absPath, (chunk) => lines.push(chunk));
    lines.finish();
    const result = parser.finish();
    return { path: displayPath, formatId: format.id, status: result.status, warnings: result.warnings, data: result.value ?? null, detection };
  }
  if (sizeBytes > WHOLE_FILE_LIMIT_BYTES) {
    return {
      path: displayPath,
      formatId: detection.formatId,
      status: 'unusable',
      warnings: [
        {
          code: 'file-too-large',
          message: `The file is ${sizeBytes} bytes; files of this format are parsed whole only up to ${WHOLE_FILE_LIMIT_BYTES} bytes.`,
          params: { sizeBytes, limitBytes: WHOLE_FILE_LIMIT_BYTES },
        },
      ],
      data: null,
      detection,
    };
  }
  const bytes = await readFile(absPath);
  return parseFileText(displayPath, decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).text);
}
