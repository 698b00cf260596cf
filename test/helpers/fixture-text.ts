// Reads a fixture of test/fixtures/<formatId>/ as the import pipeline would (UTF-8, BOM dropped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseContext } from '../../src/core/formats/format';

export const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');

export function fixtureText(formatId: string, name: string): string {
  const text = readFileSync(join(FIXTURES_DIR, formatId, name), 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A parse context for a file at `path` inside a bundle. */
export function ctxFor(path: string): ParseContext {
  return { fileId: path, path };
}
