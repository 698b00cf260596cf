// Builds an analysis input from fixture files, each parsed as the import pipeline would parse it,
// under a bundle path of the test's choosing (the folder decides which capture a file belongs to).
import { parseFileText } from '../../src/core/formats/parse-file';
import type { AnalysisFile } from '../../src/core/analyze/analyze-bundle';
import { fixtureText } from './fixture-text';

/** `[<formatId>/<case>, <path inside the bundle>]`; the format must win detection under that path. */
export type FixtureInBundle = readonly [fixture: string, bundlePath: string];

export function fixtureFiles(files: readonly FixtureInBundle[]): AnalysisFile[] {
  return files.map(([fixture, bundlePath]) => {
    const slash = fixture.indexOf('/');
    const formatId = fixture.slice(0, slash);
    const parsed = parseFileText(bundlePath, fixtureText(formatId, fixture.slice(slash + 1)));
    if (parsed.formatId !== formatId) throw new Error(`${fixture} as ${bundlePath}: detected ${parsed.formatId}, not ${formatId}`);
    return { path: bundlePath, formatId: parsed.formatId, data: parsed.data };
  });
}
