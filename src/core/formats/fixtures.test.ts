// Every folder test/fixtures/<formatId>/ is a contract: each case file must be detected as that
// format, must parse without throwing, and must equal its <case>.expected.json golden file.
// `_bad_/` cases (in any format folder, or test/fixtures/_bad_/) must return warnings, never throw.
// Files starting with "_" are helpers, not cases. Regenerate goldens with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from './text/decode';
import { parseFileText } from './parse-file';
import { FORMATS } from './registry';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function caseFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && !name.endsWith('.expected.json') && !/^(SOURCES|README)\.md$/.test(name))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

function readCase(path: string): string {
  return decodeText(new Uint8Array(readFileSync(path))).text;
}

/** JSON round trip so the comparison sees what `parse --json` prints (no undefined, no prototypes). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

const formatIds = new Set(FORMATS.map((f) => f.id));
const folders = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((name) => formatIds.has(name)) : [];

describe('fixture contracts', () => {
  it('has fixtures for at least one format', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  for (const formatId of folders) {
    const dir = join(FIXTURES, formatId);
    describe(formatId, () => {
      for (const name of caseFiles(dir)) {
        it(`${name}: detected, parsed, equal to golden`, () => {
          const parsed = parseFileText(name, readCase(join(dir, name)));
          expect(parsed.formatId, `detected as ${parsed.formatId}: ${JSON.stringify(parsed.detection)}`).toBe(formatId);
          expect(parsed.status).not.toBe('unusable');
          const goldenPath = join(dir, `${name}.expected.json`);
          const actual = asJson(parsed.data);
          if (UPDATE || !existsSync(goldenPath)) {
            if (UPDATE) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
            else expect.fail(`missing golden file ${formatId}/${name}.expected.json (run with UPDATE_GOLDEN=1 and review it)`);
          } else {
            expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
          }
        });
      }
      for (const name of caseFiles(join(dir, '_bad_'))) {
        it(`_bad_/${name}: returns warnings, never throws`, () => {
          const parsed = parseFileText(name, readCase(join(dir, '_bad_', name)));
          expect(parsed.warnings.length).toBeGreaterThan(0);
        });
      }
    });
  }

  describe('_bad_ (any format)', () => {
    for (const name of caseFiles(join(FIXTURES, '_bad_'))) {
      it(`${name}: returns a result with warnings`, () => {
        const parsed = parseFileText(name, readCase(join(FIXTURES, '_bad_', name)));
        expect(parsed.warnings.length).toBeGreaterThan(0);
      });
    }
  });
});
