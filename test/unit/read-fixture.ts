// Test helper: reads a case from test/fixtures as the import pipeline would decode it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/core/formats/text/decode';

export const CTX = { fileId: 'f', path: 'f' };

export function fixture(relative: string): string {
  return decodeText(new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', relative)))).text;
}
