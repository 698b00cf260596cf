// A bundle's content fingerprint: the same files (by content and path) give the same value,
// whatever order they were dropped in. Runs in the worker and in unit tests (WebCrypto in both).

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fingerprintInput(files: readonly { path: string; sha256: string }[]): string {
  return files
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .sort()
    .join('');
}

export async function bundleFingerprint(files: readonly { path: string; sha256: string }[]): Promise<string> {
  return sha256Hex(new TextEncoder().encode(fingerprintInput(files)));
}
