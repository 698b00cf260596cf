import { describe, expect, it } from 'vitest';
import type { LineParser, ParseResult } from '../formats/format';
import { splitLines } from '../formats/text/lines';
import { LineFeeder } from './line-feeder';

function collector(): LineParser<string[]> & { lines: [string, number][] } {
  const lines: [string, number][] = [];
  return {
    lines,
    pushLine: (line, n) => lines.push([line, n]),
    finish: (): ParseResult<string[]> => ({ status: 'parsed', value: lines.map((l) => l[0]), warnings: [] }),
  };
}

describe('LineFeeder', () => {
  it('splits like splitLines whatever the chunking, CRLF split across chunks included', () => {
    const text = 'a\r\nb\rc\n\nd\r\n\re';
    for (const step of [1, 2, 3, 5, 100]) {
      const parser = collector();
      const feeder = new LineFeeder(parser);
      for (let i = 0; i < text.length; i += step) feeder.push(text.slice(i, i + step));
      expect(feeder.finish()).toBe(splitLines(text).length);
      expect(parser.lines.map((l) => l[0])).toEqual(splitLines(text));
      expect(parser.lines.map((l) => l[1])).toEqual(splitLines(text).map((_, i) => i + 1));
    }
  });

  it('takes the fast path for text without CR, across chunk boundaries, and switches when a CR comes', () => {
    const text = 'first line\nsecond\n\nlast without end';
    for (const step of [1, 4, 7, 100]) {
      const parser = collector();
      const feeder = new LineFeeder(parser);
      for (let i = 0; i < text.length; i += step) feeder.push(text.slice(i, i + step));
      feeder.push('\r\nafter cr\n');
      feeder.finish();
      expect(parser.lines.map((l) => l[0])).toEqual(['first line', 'second', '', 'last without end', 'after cr']);
    }
  });

  it('adds no empty line for a final terminator, and none for empty input', () => {
    const parser = collector();
    const feeder = new LineFeeder(parser);
    feeder.push('x\n');
    expect(feeder.finish()).toBe(1);
    const empty = new LineFeeder(collector());
    empty.push('');
    expect(empty.finish()).toBe(0);
  });
});
