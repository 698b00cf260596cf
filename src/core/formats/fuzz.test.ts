// Every parser of FORMATS under attack, with fast-check: arbitrary bytes, its own real samples
// (test/fixtures/<formatId>/) with random corruption (flipped bits, inserted junk, NUL bytes, huge
// numbers, `__proto__`, deleted and duplicated ranges), cut at every byte offset (sampled offsets
// for big samples), CRLF line ends, UTF-16, every number made huge, one 2 MB line. The parser must
// return — never throw — a result of the declared shape: status parsed|partial|unusable, warnings
// {code, message, line?}, a value JSON can carry, every `…Bytes` figure a safe integer or null.
// (Linear time: parse-linearity.test.ts, in a process of its own.) The number of cases run per
// format is printed for the README.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FormatDefinition, LineParser, ParseResult } from './format';
import { parseFileText } from './parse-file';
import { FORMATS } from './registry';
import { decodeText } from './text/decode';
import { createLineSplitter } from './text/lines';
import { concatChunks } from '../bundle/archive';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const STATUSES = ['parsed', 'partial', 'unusable'];
/** Runs per property; FUZZ_RUNS=5 multiplies them for a longer local run. */
const SCALE = Number(process.env['FUZZ_RUNS'] ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const encoder = new TextEncoder();

function samplesOf(formatId: string): { name: string; bytes: Uint8Array }[] {
  const dir = join(FIXTURES, formatId);
  const names = readdirSync(dir).filter((n) => !n.startsWith('_') && !n.endsWith('.expected.json') && !/^(SOURCES|README)\.md$/.test(n) && statSync(join(dir, n)).isFile());
  return names.sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/**
 * Fields whose name ends in `Bytes` anywhere in a value: each must be null or a safe integer. Maps of
 * the text as written (`raw`, `valueText`) hold strings by design and are not figures.
 */
function badByteFields(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => badByteFields(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'raw' || key === 'valueText') continue;
      if (key.endsWith('Bytes') && v !== null && v !== undefined && !(typeof v === 'number' && Number.isSafeInteger(v))) out.push(`${path}.${key}=${String(v)}`);
      badByteFields(v, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The declared shape of a parse result; throws (fails the property) when it is not. */
function checkResult(r: ParseResult<unknown>, context: string): void {
  expect(STATUSES, context).toContain(r.status);
  expect(Array.isArray(r.warnings), context).toBe(true);
  for (const w of r.warnings) {
    expect(typeof w.code, context).toBe('string');
    expect(typeof w.message, context).toBe('string');
    if (w.line !== undefined) expect(Number.isInteger(w.line) && w.line >= 0, `${context}: warning line ${w.line}`).toBe(true);
  }
  if (r.status === 'unusable' || r.status === 'partial') expect(r.warnings.length, `${context}: ${r.status} without a warning`).toBeGreaterThan(0);
  expect(() => JSON.stringify(r.value ?? null), context).not.toThrow();
  expect(badByteFields(r.value), context).toEqual([]);
}

/** Parses with the whole-text parser, and with the line parser when the format has one (in random pieces). */
function parseBoth(format: FormatDefinition, text: string, cuts: readonly number[] = []): void {
  const ctx = { fileId: 'fuzz', path: 'fuzz' };
  checkResult(format.parse(text, ctx), `${format.id}.parse`);
  const score = format.detect(text.slice(0, 64 * 1024), 'fuzz');
  expect(Number.isFinite(score) && score >= 0 && score <= 1, `${format.id}.detect → ${score}`).toBe(true);
  if (!format.lineParser) return;
  const parser: LineParser<unknown> = format.lineParser(ctx);
  const splitter = createLineSplitter((line, n) => parser.pushLine(line, n));
  let prev = 0;
  for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
    splitter.push(text.slice(prev, cut));
    prev = cut;
  }
  splitter.push(text.slice(prev));
  splitter.end();
  checkResult(parser.finish(), `${format.id}.lineParser`);
}

// Corruption of a sample's bytes.
const TOKENS = ['\u0000', '\u0000\u0000\u0000\u0000', '\r\n', '\r', '\n\n\n', '\uFFFD', '\uFEFF', '99999999999999999999999999', '18446744073709551616', '-1', '1e308', 'NaN', '__proto__', 'constructor', '{', '}', '[', '"', ':', ' ', '\t', 'kB', '%'];
type Mutation = { kind: 'flip'; at: number; bit: number } | { kind: 'insert'; at: number; bytes: Uint8Array } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constantFrom(...TOKENS).map((t) => encoder.encode(t))) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = bytes;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip') {
      if (b.length === 0) continue;
      b = b.slice();
      b[at] = (b[at] ?? 0) ^ (1 << m.bit);
    } else if (m.kind === 'insert') b = concatChunks([b.subarray(0, at), m.bytes, b.subarray(at)]);
    else if (m.kind === 'delete') b = concatChunks([b.subarray(0, at), b.subarray(at + m.length)]);
    else b = concatChunks([b.subarray(0, at + m.length), b.subarray(at, at + m.length), b.subarray(at + m.length)]);
  }
  return b;
}

/** Every offset of a sample up to `every` bytes; `spread` evenly spread offsets (and the last two) of a bigger one. */
function cutOffsets(length: number, every: number, spread: number): number[] {
  if (length <= every) return Array.from({ length: length + 1 }, (_, i) => i);
  const step = Math.ceil(length / spread);
  const out: number[] = [];
  for (let i = 0; i <= length; i += step) out.push(i);
  out.push(length - 1, length);
  return out;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null)) as unknown;
const casesRun = new Map<string, number>();
const count = (id: string, n: number) => casesRun.set(id, (casesRun.get(id) ?? 0) + n);

const DETECTION = '(detection + any parser)';

afterAll(() => {
  const perParser = [...casesRun].filter(([id]) => id !== DETECTION);
  const total = perParser.reduce((sum, [, n]) => sum + n, 0);
  const counts = perParser.map(([, n]) => n);
  const lines = perParser.map(([id, n]) => `  ${id.padEnd(26)} ${n}`);
  console.log(
    `fuzz: ${perParser.length} parsers × ${total} cases (${Math.min(...counts)}–${Math.max(...counts)} per parser), plus ${casesRun.get(DETECTION) ?? 0} of arbitrary bytes through detection\n${lines.join('\n')}`,
  );
});

describe('any bytes, through detection and the chosen parser', () => {
  it('parseFileText never throws and returns the declared shape', () => {
    const n = runs(1500);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const { text } = decodeText(bytes);
        const parsed = parseFileText('fuzz.bin', text);
        checkResult({ status: parsed.status, warnings: parsed.warnings, value: parsed.data }, `parseFileText → ${parsed.formatId}`);
      }),
      { numRuns: n },
    );
    count(DETECTION, n);
  });
});

describe.each(FORMATS.map((f) => [f.id, f] as const))('%s', (id, format) => {
  const samples = samplesOf(id);

  it('has real samples to attack', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it('arbitrary bytes and arbitrary text', () => {
    const n = runs(150);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.array(fc.nat(), { maxLength: 4 }), (bytes, cuts) => parseBoth(format, decodeText(bytes).text, cuts)),
      { numRuns: n },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 512, unit: 'binary' }), (text) => parseBoth(format, text)),
      { numRuns: n },
    );
    count(id, 2 * n);
  });

  it('its real samples, randomly corrupted', () => {
    const n = runs(Math.max(10, Math.round(120 / samples.length)));
    for (const sample of samples) {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 3 }), (mutations, cuts) => {
          parseBoth(format, decodeText(mutate(sample.bytes, mutations)).text, cuts);
        }),
        { numRuns: n },
      );
    }
    count(id, n * samples.length);
  });

  it('its real samples cut at every byte offset (spread offsets for big ones)', () => {
    let n = 0;
    // About 800 cuts per format, shared by its samples; samples up to 1 KB are cut everywhere.
    const spread = Math.max(24, Math.round(runs(800) / samples.length));
    for (const sample of samples) {
      for (const cut of cutOffsets(sample.bytes.length, runs(1024), spread)) {
        parseBoth(format, decodeText(sample.bytes.subarray(0, cut)).text);
        n++;
      }
    }
    count(id, n);
  });

  it('CRLF reads as LF, UTF-16 as UTF-8; huge numbers and a 2 MB line are survived', () => {
    const ctx = { fileId: 'fuzz', path: 'fuzz' };
    for (const sample of samples) {
      const text = decodeText(sample.bytes).text;
      const lf = format.parse(text, ctx);
      if (!text.includes('\r')) expect(asJson(format.parse(text.replace(/\n/g, '\r\n'), ctx).value), `${sample.name} with CRLF`).toEqual(asJson(lf.value));
      expect(decodeText(utf16le(text)).text).toBe(text);
      parseBoth(format, text.replace(/\d+/g, '99999999999999999999999999'));
    }
    // One 2 MB line (no line break in it) after the first sample.
    parseBoth(format, `${decodeText(samples[0]?.bytes ?? new Uint8Array(0)).text}\n${'x'.repeat(2 * 1024 * 1024)}`);
    count(id, 3 * samples.length + 1);
  });
});
