// Searching raw bytes without decoding them, for feeders that skip the parts of a huge file a
// parser has no use for. Hosts may pass a faster implementation (Node's Buffer#indexOf runs
// memchr-based native code; src/cli/node-byte-search.ts); the default is plain TypedArray code.

/** A byte array that can find a byte, or a run of bytes, from an offset on; -1 when absent. */
export interface ByteIndex {
  indexOf(value: number | Uint8Array, byteOffset: number): number;
}

/** Gives a ByteIndex over bytes the caller owns (it must not copy them). */
export type ByteIndexer = (bytes: Uint8Array) => ByteIndex;

/** First occurrence of `needle` in `bytes` at or after `from`: first-byte search, then a compare. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const n = needle.length;
  if (n === 0) return Math.min(Math.max(0, from), bytes.length);
  const first = needle[0] ?? 0;
  const last = bytes.length - n;
  for (let i = bytes.indexOf(first, Math.max(0, from)); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

export const typedArrayIndexer: ByteIndexer = (bytes) => ({
  indexOf: (value, byteOffset) => (typeof value === 'number' ? bytes.indexOf(value, byteOffset) : indexOfBytes(bytes, value, byteOffset)),
});

/** Number of `byte` values in bytes[start, end). */
export function countByte(index: ByteIndex, byte: number, start: number, end: number): number {
  let count = 0;
  for (let i = index.indexOf(byte, start); i >= 0 && i < end; i = index.indexOf(byte, i + 1)) count++;
  return count;
}

/** ASCII text → bytes (anchors are ASCII so their bytes are the same in UTF-8 and Latin-1). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) throw new Error(`not ASCII: ${JSON.stringify(text)}`);
    out[i] = c;
  }
  return out;
}
