// What the import pipeline reads: a named stream of byte chunks. Each shell makes its own:
// the worker from File/Blob slices (sourceFromReader), the CLI from Node read streams (an
// AsyncIterable<Buffer> already is one), tests and pasted text from memory. Sample:
//   sourceFromBytes('lab/orphaned-shmem.tar.gz', bytes)
//   sourceFromReader({ displayPath: file.name, sizeBytes: file.size, read: (o, n) => sliceBytes(file, o, n) })
//   sourceFromText('pasted-1.txt', 'total_shmem 83886080\n')
import { utf8Encode } from './sha256';

export interface ImportSource {
  /** The path shown to the user: a file name, or a path relative to the folder the user chose. */
  displayPath: string;
  /** Size in bytes when known (for progress and sampling); null when not. */
  sizeBytes: number | null;
  /** The bytes in order, in chunks of any size. Abandoning the iteration (cancel) closes it. */
  chunks(): AsyncIterable<Uint8Array>;
}

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export function sourceFromBytes(displayPath: string, bytes: Uint8Array, chunkBytes = DEFAULT_CHUNK_BYTES): ImportSource {
  return {
    displayPath,
    sizeBytes: bytes.length,
    async *chunks() {
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) yield bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes));
    },
  };
}

/** Text pasted into the window becomes a file of the bundle (UTF-8). */
export function sourceFromText(displayPath: string, text: string): ImportSource {
  return sourceFromBytes(displayPath, utf8Encode(text));
}

export interface RandomAccessReader {
  displayPath: string;
  sizeBytes: number;
  /** Up to `length` bytes from `offset` (fewer only at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** For Blob/File slices or any positional reader. */
export function sourceFromReader(reader: RandomAccessReader, chunkBytes = DEFAULT_CHUNK_BYTES): ImportSource {
  return {
    displayPath: reader.displayPath,
    sizeBytes: reader.sizeBytes,
    async *chunks() {
      let offset = 0;
      while (offset < reader.sizeBytes) {
        const chunk = await reader.read(offset, Math.min(chunkBytes, reader.sizeBytes - offset));
        if (chunk.length === 0) return;
        offset += chunk.length;
        yield chunk;
      }
    },
  };
}
