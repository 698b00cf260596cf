// Turns command-line inputs (files, directories, archives) into one imported bundle through the
// core import pipeline, with Node streams and node:crypto's SHA-256.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importBundle, type ImportedBundle, type ImportSource } from '../core/index';
import { nodeSkim } from './node-byte-search';
import { RawLines } from './raw-lines';
import { expandInputs, InputError } from './read-inputs';
import { stat } from 'node:fs/promises';

/** Raw bytes are kept for evidence excerpts only while the inputs are at most this big. */
export const KEEP_RAW_LIMIT_BYTES = 512 * 1024 * 1024;

const nodeHasher = () => {
  const h = createHash('sha256');
  return { update: (bytes: Uint8Array) => void h.update(bytes), digestHex: () => h.digest('hex') };
};

/** Files up to this size are read in one synchronous call (a capture folder holds thousands of them). */
export const SMALL_FILE_BYTES = 1024 * 1024;

function fileSource(absPath: string, displayPath: string, sizeBytes: number): ImportSource {
  return {
    displayPath,
    sizeBytes,
    // A read stream costs four trips through libuv's thread pool and a 1 MiB buffer per file: a
    // 110-pod capture (2 000 small files) took 11 s to import that way, 1 s read at once (bench/RESULTS.md).
    chunks: () =>
      sizeBytes <= SMALL_FILE_BYTES
        ? (async function* () {
            yield new Uint8Array(readFileSync(absPath));
          })()
        : (createReadStream(absPath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>),
  };
}

export interface LoadedBundle {
  bundle: ImportedBundle;
  /** Reads lines [start, end] of a bundle file for evidence excerpts; null when its bytes were not kept. */
  readLines(file: string, lineStart: number, lineEnd: number): string | null;
}

export async function loadBundle(inputs: readonly string[]): Promise<LoadedBundle> {
  const files = await expandInputs(inputs);
  const sources: ImportSource[] = [];
  let totalBytes = 0;
  const multipleInputs = inputs.length > 1;
  for (const f of files) {
    const size = (await stat(f.absPath)).size;
    totalBytes += size;
    // Several inputs: keep them apart under their own names so equal relative paths do not collide.
    const input = inputs.find((i) => f.absPath.startsWith(i)) ?? f.absPath;
    const displayPath = multipleInputs && f.displayPath !== f.absPath ? `${basename(input)}/${f.displayPath}` : f.displayPath === f.absPath ? basename(f.absPath) : f.displayPath;
    sources.push(fileSource(f.absPath, displayPath, size));
  }
  const keepRaw = totalBytes <= KEEP_RAW_LIMIT_BYTES;
  const outcome = await importBundle(sources, { hasher: nodeHasher, keepRaw, skim: nodeSkim() });
  if (outcome.kind === 'refused') throw new InputError(`refused "${inputs.join(' ')}": ${outcome.reason.message}`);
  if (outcome.kind === 'cancelled') throw new InputError('import cancelled');
  const bundle = outcome.bundle;
  // Only the cited lines are decoded: a 5-million-line log is never turned into one string.
  const lineReaders = new Map<string, RawLines>();
  return {
    bundle,
    readLines(file, lineStart, lineEnd) {
      let lines = lineReaders.get(file);
      if (!lines) {
        const entry = bundle.files.find((x) => x.path === file);
        if (!entry?.raw) return null;
        lines = new RawLines(entry.raw);
        lineReaders.set(file, lines);
      }
      return lines.read(lineStart, lineEnd);
    },
  };
}
