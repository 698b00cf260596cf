// What the procdump panels show: region files and dd copies by size, and the hex + text lines of a
// slice of a region's bytes (the slice is read from the stored blob on demand, never the whole region).
import type { ProcdumpCopy, ProcdumpListingData, ProcdumpRegion } from '../../../../core';

export function regionsBySize(data: ProcdumpListingData): ProcdumpRegion[] {
  return [...data.regions].sort((a, b) => (b.sizeBytes ?? -1) - (a.sizeBytes ?? -1) || a.line - b.line);
}

export function copiesBySize(data: ProcdumpListingData): ProcdumpCopy[] {
  return [...data.copies].sort((a, b) => (b.bytesCopied ?? -1) - (a.bytesCopied ?? -1) || a.line - b.line);
}

/** Bytes read per step of the hex view. */
export const HEX_SLICE_BYTES = 4096;
const BYTES_PER_LINE = 16;

export interface HexLine {
  offset: string;
  hex: string;
  text: string;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** `hexdump -C` lines: offset, 16 bytes in hex (two groups of 8), and the printable ASCII ('.' otherwise). */
export function hexLines(bytes: Uint8Array, baseOffset: number): HexLine[] {
  const lines: HexLine[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) {
    const row = bytes.subarray(i, i + BYTES_PER_LINE);
    const cells: string[] = [];
    let text = '';
    for (let j = 0; j < BYTES_PER_LINE; j++) {
      const b = row[j];
      cells.push(b === undefined ? '  ' : hex2(b));
      if (b !== undefined) text += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
    }
    lines.push({ offset: (baseOffset + i).toString(16).padStart(8, '0'), hex: `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}`, text });
  }
  return lines;
}

/** An offset typed by the user: decimal, or hex with `0x`; null when it is neither or negative. */
export function parseOffset(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^0x[0-9a-f]{1,13}$/.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^\d{1,15}$/.test(t)) return Number(t);
  return null;
}

/** The slice to show for a wanted offset: aligned down to 16 bytes, within the file. */
export function sliceAt(offset: number, sizeBytes: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(Math.floor(offset / BYTES_PER_LINE) * BYTES_PER_LINE, Math.max(0, sizeBytes - 1)));
  return { start, end: Math.min(sizeBytes, start + HEX_SLICE_BYTES) };
}
