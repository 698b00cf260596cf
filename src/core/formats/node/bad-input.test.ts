// Every cgroup, /proc and node-level parser against the bad-input rules of formats.md: any bytes in,
// a result with warnings out, never a throw, never a hang, CRLF read like LF.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureText, ctxFor } from '../../../../test/helpers/fixture-text';
import type { FormatDefinition } from '../format';
import { detectFormat, findFormat } from '../registry';

const IDS = [
  'cgroup-memory-value', 'cgroup-procs', 'cgroup-v1-oom-control', 'cgroup-v2-memory-events', 'psi', 'memstat-series',
  'proc-oom-score', 'proc-meminfo', 'proc-status', 'proc-smaps-rollup', 'proc-smaps', 'proc-maps', 'proc-cgroup', 'proc-vmstat',
  'slabinfo', 'free', 'vmstat', 'top', 'manifest', 'cgroup-v1-memory-stat', 'cgroup-v2-memory-stat',
];
const formats: FormatDefinition[] = IDS.map((id) => {
  const f = findFormat(id);
  if (!f) throw new Error(`format ${id} is not registered`);
  return f;
});

function junk(length: number): string {
  let seed = 12345;
  let s = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(seed % 256);
  }
  return s;
}

const BAD: [string, string][] = [
  ['empty', ''],
  ['NUL bytes', '\0\0\0\0memory\0stat\0'],
  ['binary junk', junk(4096)],
  ['UTF-16 read as UTF-8', 'M\0e\0m\0T\0o\0t\0a\0l\0:\0 \x001\x00 \0k\0B\0\n\0'],
  ['huge numbers', 'anon 18446744073709551615\nfile 1.84467440621278e+19\nMemTotal: 99999999999999999999 kB\nsome avg10=9999.99 avg60=0.00 avg300=0.00 total=99999999999999999999999\n'],
  ['negative counters', 'oom -1\noom_kill -5\nnr_free_pages -3\n'],
  ['prototype keys', '__proto__ 1\nconstructor 2\n__proto__: 3 kB\nprototype 4\n'],
  ['truncated JSON', '{"capturedAt": "2026-11-22T12:09:32.906Z", "pods": [{"uid": '],
  ['a million empty lines', '\n'.repeat(1_000_000)],
  ['one 5 MB line', 'a'.repeat(5_000_000)],
  ['one 2 MB line of slashes and colons', '/:'.repeat(1_000_000)],
  ['a 2 MB line of digits', '1'.repeat(2_000_000)],
  ['many mapping-like lines', '0-1 rw-p 0 0:0 0\n'.repeat(50_000)],
];

describe('bad input: every parser returns, with warnings, in linear time', () => {
  for (const [label, text] of BAD) {
    it(label, () => {
      for (const format of formats) {
        const started = Date.now();
        const result = format.parse(text, ctxFor(`bad/${label}`));
        expect(['parsed', 'partial', 'unusable'], format.id).toContain(result.status);
        if (result.status !== 'parsed') expect(result.warnings.length, `${format.id} on ${label}`).toBeGreaterThan(0);
        expect(Date.now() - started, `${format.id} on ${label}`).toBeLessThan(3000);
      }
      const started = Date.now();
      detectFormat(text.slice(0, 64 * 1024), `bad/${label}`);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  }

  it('a huge value in a known file is kept as text, never as a garbage figure', () => {
    const usage = findFormat('cgroup-memory-value')?.parse('99999999999999999999\n', ctxFor('memory.usage_in_bytes'));
    expect(usage?.value).toMatchObject({ valueBytes: null, rawText: '99999999999999999999' });
    const status = findFormat('proc-status')?.parse('Name:\tx\nPid:\t1\nVmRSS:\t99999999999999999999 kB\n', ctxFor('status'));
    expect(status?.status).toBe('partial');
    expect(status?.value).toMatchObject({ vmRssBytes: null });
  });
});

describe('CRLF line ends parse like LF on every real fixture', () => {
  const own = IDS.filter((id) => !id.includes('memory-stat') && id !== 'manifest');
  for (const id of own) {
    it(id, () => {
      const format = findFormat(id);
      for (const name of readdirSync(join(FIXTURES_DIR, id)).filter((n) => !n.endsWith('.expected.json') && !n.startsWith('_'))) {
        const lf = fixtureText(id, name).replace(/\r\n/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        expect(format?.parse(crlf, ctxFor(name)).value, `${id}/${name}`).toEqual(format?.parse(lf, ctxFor(name)).value);
      }
    });
  }
});
