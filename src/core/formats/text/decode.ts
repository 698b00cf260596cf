// Bytes → text for every parser: UTF-8 by default, UTF-16 when a BOM or the NUL pattern says so.
// TextDecoder is in ES2022 hosts (browsers, workers, Node) but not in lib.es2022 typings.

declare const TextDecoder: {
  new (label?: string, options?: { fatal?: boolean }): { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
};

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  }
  // UTF-16 without BOM: ASCII text has a NUL in every other byte.
  const n = Math.min(bytes.length, 512) & ~1;
  if (n >= 8) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul > pairs * 0.8 && evenNul < pairs * 0.1) return 'utf-16le';
    if (evenNul > pairs * 0.8 && oddNul < pairs * 0.1) return 'utf-16be';
  }
  return 'utf-8';
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = sniffEncoding(bytes);
  let text = new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** A decoder for chunked input (streamed files). */
export function createStreamDecoder(encoding: TextEncodingName): (chunk: Uint8Array | undefined) => string {
  const decoder = new TextDecoder(encoding);
  let first = true;
  return (chunk) => {
    let text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
}
