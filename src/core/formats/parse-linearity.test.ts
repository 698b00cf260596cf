// Every parser of FORMATS takes time linear in its input: its largest real sample repeated to about
// 16 KB, then to 10× that; the larger input may take at most ~15× the CPU time (a growth ratio, not
// a wall-clock threshold: linear code measures about 10, quadratic code about 100). In a test file of
// its own so that the fuzz suite's garbage does not weigh on the larger input's collections.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { growthRatio } from '../../../test/helpers/linearity';
import { FORMATS } from './registry';
import { decodeText } from './text/decode';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const ratios = new Map<string, number>();

afterAll(() => {
  const values = [...ratios.values()].sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 0;
  const highest = [...ratios].filter(([, r]) => r >= 12).map(([id, r]) => `${id} ${r.toFixed(1)}`);
  console.log(`linearity: ${values.length} parsers, 10× input → ${values[0]?.toFixed(1)}–${values[values.length - 1]?.toFixed(1)}× CPU time (median ${median.toFixed(1)})${highest.length > 0 ? `; 12× or more: ${highest.join(", ")}` : ""}`);
});

function largestSample(formatId: string): { name: string; text: string } {
  const dir = join(FIXTURES, formatId);
  const names = readdirSync(dir).filter((n) => !n.startsWith('_') && !n.endsWith('.expected.json') && !/^(SOURCES|README)\.md$/.test(n) && statSync(join(dir, n)).isFile());
  const name = names.reduce((a, b) => (statSync(join(dir, b)).size > statSync(join(dir, a)).size ? b : a));
  return { name, text: decodeText(new Uint8Array(readFileSync(join(dir, name)))).text };
}

describe.each(FORMATS.map((f) => [f.id, f] as const))('%s', (id, format) => {
  it('time grows linearly with the input (10× the input, at most ~15× the CPU time)', () => {
    const { name, text } = largestSample(id);
    const unit = text.endsWith('\n') ? text : `${text}\n`;
    const baseRepeats = Math.max(1, Math.round((16 * 1024) / unit.length));
    const measure = () => growthRatio((t: string) => format.parse(t, { fileId: 'linearity', path: 'linearity' }), (repeats) => unit.repeat(repeats), baseRepeats);
    // Noise only ever adds time (a collection of other garbage, the fuzz suite in the other worker):
    // a ratio over the bound is measured again, up to five times, and the lowest kept. The parsers
    // that come near it (12–14.5 in CI) grow 40–54× for 40× the input: linear, not quadratic.
    let ratio = measure();
    for (let attempt = 1; attempt < 5 && ratio >= 15; attempt++) ratio = Math.min(ratio, measure());
    ratios.set(id, ratio);
    expect(ratio, `${id}: ${name} ×${baseRepeats} → ×${baseRepeats * 10} took ${ratio.toFixed(1)}× the CPU time`).toBeLessThan(15);
  });
});
