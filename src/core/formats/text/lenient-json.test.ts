import { describe, expect, it } from 'vitest';
import { readJsonLenient, jsonReadWarnings } from './lenient-json';
import { at, integer, isObject, member, text, walk, type TreeNode } from './tree';

function only(source: string): TreeNode {
  const r = readJsonLenient(source);
  expect(r.values.length).toBeGreaterThan(0);
  const v = r.values[r.values.length - 1];
  if (!v) throw new Error('no value');
  return v;
}

describe('readJsonLenient', () => {
  it('reads plain JSON with line numbers', () => {
    const r = readJsonLenient('{\n  "a": 1,\n  "b": [true, null, "x"],\n  "c": {"d": -2.5e3}\n}\n');
    expect(r.values).toHaveLength(1);
    expect(r.problems).toEqual([]);
    const root = r.values[0];
    expect(text(member(root, 'a'))).toBe('1');
    expect(member(root, 'b')?.line).toBe(3);
    expect(text(at(root, 'c', 'd'))).toBe('-2.5e3');
    expect(isObject(root) && root.lineEnd).toBe(5);
  });

  it('keeps huge numbers as text and refuses them as integers', () => {
    const root = only('{"limit": 18446744073709551615, "ok": 9007199254740991}');
    expect(text(member(root, 'limit'))).toBe('18446744073709551615');
    expect(integer(member(root, 'limit'))).toEqual({ ok: false, reason: 'too-large', text: '18446744073709551615' });
    expect(integer(member(root, 'ok'))).toEqual({ ok: true, value: 9007199254740991, fromString: false });
  });

  it('reads numbers written as strings only when asked, and says so', () => {
    const root = only('{"a": "123", "b": "12x", "c": -5}');
    expect(integer(member(root, 'a'))).toEqual({ ok: true, value: 123, fromString: true });
    expect(integer(member(root, 'b')).ok).toBe(false);
    expect(integer(member(root, 'c'))).toEqual({ ok: false, reason: 'negative', text: '-5' });
    expect(integer(member(root, 'c'), true)).toEqual({ ok: true, value: -5, fromString: false });
  });

  it('treats __proto__ and constructor as ordinary keys', () => {
    const root = only('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "x": 1}');
    expect(isObject(root) && root.entries.map((e) => e.key)).toEqual(['__proto__', 'constructor', 'x']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('skips a wrapper header, prompts and `stdout:` lines, keeping every document', () => {
    const r = readJsonLenient('{"tool":"x"}\nstdout:\n$ kubectl get --raw /x | jq\n{\n "kind": "PodMetrics"\n}\nstderr:\n');
    expect(r.values).toHaveLength(2);
    expect(text(member(r.values[1], 'kind'))).toBe('PodMetrics');
    expect(r.junkLines).toEqual([2, 3, 7]);
    expect(jsonReadWarnings(r).map((w) => w.code)).toEqual(['json-junk-skipped']);
  });

  it('survives comments typed after values and `...` elisions (seed 004 style)', () => {
    const src = [
      '{',
      ' "memory": {',
      '  "availableBytes": 114749440,  注意这里的可用',
      '  "usageBytes": 978309120, 已经用了九百多m了',
      '  "name": "volume-1" 我的tmpfsdir的名称',
      ' },',
      ' ...',
      '   {',
      '   "podRef": {"name": "p"}',
      '   }',
      '}',
    ].join('\n');
    const r = readJsonLenient(src);
    const root = r.values[0];
    expect(text(at(root, 'memory', 'usageBytes'))).toBe('978309120');
    expect(text(at(root, 'memory', 'name'))).toBe('volume-1');
    expect(text(at(root, '', 'podRef', 'name'))).toBe('p');
    expect(r.junkLines).toEqual([3, 4, 5, 7, 8]);
    expect(r.truncated).toBe(false);
  });

  it('reads a fragment that starts inside an object and ignores its stray closers', () => {
    const src = '        "owner": "dragon",\n        "type": "small"\n      },\n      "linux": {\n        "resources": {\n          "memory": {\n            "limit": 268435456\n          }\n        },\n';
    const r = readJsonLenient(src);
    expect(r.fragment).toBe(true);
    expect(r.truncated).toBe(true);
    const root = r.values[0];
    expect(text(member(root, 'owner'))).toBe('dragon');
    expect(text(at(root, 'linux', 'resources', 'memory', 'limit'))).toBe('268435456');
    expect(at(root, 'linux', 'resources', 'memory', 'limit')?.line).toBe(7);
  });

  it('closes what a truncated document left open', () => {
    const r = readJsonLenient('[{"Id": "abc", "State": {"Pid": 12');
    expect(r.truncated).toBe(true);
    expect(text(at((r.values[0] as { items: TreeNode[] }).items[0], 'State', 'Pid'))).toBe('12');
    expect(jsonReadWarnings(r).map((w) => w.code)).toContain('json-truncated');
  });

  it('does not let an unterminated string swallow the rest', () => {
    const r = readJsonLenient('{"a": "no end\n, "b": 2}');
    expect(text(member(r.values[0], 'b'))).toBe('2');
    expect(r.problems.map((p) => p.code)).toContain('json-unterminated-string');
  });

  it('handles escapes', () => {
    const root = only('{"s": "a\\"b\\\\c\\n\\u00e9\\/"}');
    expect(text(member(root, 's'))).toBe('a"b\\c\né/');
  });

  it('skips nesting beyond the depth limit without recursion', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const r = readJsonLenient(`{"a": ${deep}, "b": 1}`);
    expect(text(member(r.values[0], 'b'))).toBe('1');
    expect(r.problems.map((p) => p.code)).toContain('json-too-deep');
    let count = 0;
    for (const _ of walk(r.values[0] as TreeNode)) count++;
    expect(count).toBeLessThan(1000);
  });

  it('returns nothing (but never throws) for binary junk, NUL bytes and empty text', () => {
    expect(readJsonLenient('').values).toEqual([]);
    expect(readJsonLenient('\u0000\u0001\u0002garbage\u0000').values).toEqual([]);
    const bytes = Array.from({ length: 5000 }, (_, k) => String.fromCharCode((k * 7919) % 256)).join('');
    expect(() => readJsonLenient(bytes)).not.toThrow();
  });

  it('counts CRLF and lone CR as line ends', () => {
    const r = readJsonLenient('{\r\n"a":\r\n1,\r"b": 2}');
    expect(member(r.values[0], 'a')?.line).toBe(3);
    expect(member(r.values[0], 'b')?.line).toBe(4);
  });

  it('is linear on a long single line and on many empty lines', () => {
    const start = Date.now();
    readJsonLenient('{"a": "' + 'x'.repeat(5_000_000) + '"}');
    readJsonLenient('\n'.repeat(1_000_000));
    readJsonLenient('"'.repeat(200_000));
    readJsonLenient('{'.repeat(200_000));
    readJsonLenient(', '.repeat(500_000));
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
