// Builds small tar archives in tests (ustar, with optional pax and GNU long-name headers), so the
// archive tests need no `tar` binary on the machine running them.

export interface TarMember {
  name: string;
  data?: Uint8Array | string;
  type?: '0' | '5' | '2' | 'x' | 'L';
  /** Override the size written in the header (a lying header). */
  declaredSize?: number;
  linkName?: string;
}

const encoder = new TextEncoder();

function header(name: string, size: number, type: string, linkName = ''): Uint8Array {
  const block = new Uint8Array(512);
  const put = (text: string, offset: number, length: number) => block.set(encoder.encode(text).subarray(0, length), offset);
  put(name, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(size.toString(8).padStart(11, '0') + '\0', 124, 12);
  put('14712345670\0', 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put(linkName, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}

export function makeTar(members: readonly TarMember[], endBlocks = 2): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const m of members) {
    const data = typeof m.data === 'string' ? encoder.encode(m.data) : (m.data ?? new Uint8Array(0));
    parts.push(header(m.name, m.declaredSize ?? data.length, m.type ?? '0', m.linkName));
    parts.push(padded(data));
  }
  for (let i = 0; i < endBlocks; i++) parts.push(new Uint8Array(512));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** A pax extended header record list (`<len> key=value\n`). */
export function paxRecords(records: Record<string, string>): string {
  let out = '';
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`;
    let length = body.length + 1;
    while (String(length).length + body.length !== length) length = String(length).length + body.length;
    out += `${length}${body}`;
  }
  return out;
}
