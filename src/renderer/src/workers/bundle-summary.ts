// Pure: what a bundle says about itself, from the parsed collector manifests (`manifest.json`):
// the host and the earliest capture time. Sample manifest:
//   { "capturedAt": "2026-11-22T12:09:34.782Z", "hostname": "vm", "kernel": "6.18.44-fc-v669", … }

export const MANIFEST_FORMAT_ID = 'manifest';

export function summariseManifests(files: readonly { formatId: string; data: unknown }[]): { host: string | null; capturedAt: string | null } {
  let host: string | null = null;
  let capturedAt: string | null = null;
  for (const f of files) {
    if (f.formatId !== MANIFEST_FORMAT_ID || typeof f.data !== 'object' || f.data === null) continue;
    const d = f.data as Record<string, unknown>;
    const name = typeof d.hostname === 'string' && d.hostname !== '' ? d.hostname : typeof d.nodeName === 'string' && d.nodeName !== '' ? d.nodeName : null;
    if (host === null && name !== null) host = name;
    const at = typeof d.capturedAtIso === 'string' ? d.capturedAtIso : null;
    if (at !== null && (capturedAt === null || at < capturedAt)) capturedAt = at;
  }
  return { host, capturedAt };
}
