import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSha256, sha256Hex, sha256HexOfText, utf8Encode } from './sha256';

const ascii = (s: string) => utf8Encode(s);

describe('sha256', () => {
  it('matches the FIPS 180-4 / NIST vectors', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(ascii('a'.repeat(1_000_000)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('gives the same digest however the input is chunked, around block boundaries', () => {
    const data = new Uint8Array(1_000_003);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
    const expected = createHash('sha256').update(data).digest('hex');
    expect(sha256Hex(data)).toBe(expected);
    for (const step of [1, 55, 56, 63, 64, 65, 4096, 99_999]) {
      const h = createSha256();
      const end = step === 1 ? 300 : data.length;
      for (let i = 0; i < end; i += step) h.update(data.subarray(i, Math.min(end, i + step)));
      expect(h.digestHex()).toBe(createHash('sha256').update(data.subarray(0, end)).digest('hex'));
    }
  });

  it('pads lengths 55, 56 and 64 correctly', () => {
    for (const n of [55, 56, 57, 63, 64, 119, 120]) {
      const data = new Uint8Array(n).fill(0x61);
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('hashes text as UTF-8, including astral characters', () => {
    const text = '内存 😀 shmem';
    expect(sha256HexOfText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('refuses use after digest (a bug, not bad data)', () => {
    const h = createSha256();
    h.digestHex();
    expect(() => h.update(new Uint8Array(1))).toThrow();
  });
});
