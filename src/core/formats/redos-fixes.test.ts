// The regular expressions eslint-plugin-regexp flagged as super-linear (regexp/no-super-linear-
// backtracking, regexp/no-super-linear-move), and their replacements: the same answers on short
// inputs (fast-check compares old and new on generated strings), and linear time on the attack
// strings that made the old ones quadratic or cubic (a 10× longer input may take at most ~15× as long).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthRatio } from '../../../test/helpers/linearity';
import { readCategoryLine } from './application/jvm-nmt';
import { readKeyFirst } from './application/jvm-heap-info';
import { fileRoleFromLayout } from './collector/file-roles';
import { readColonField } from './proc/colon-fields';
import { readMappingLine } from './proc/mapping-line';
import { readDescribe } from './kubernetes/kubectl-text';
import { detectKubectlPod } from './kubernetes/kubectl-pod';
import { findFormat } from './registry';
import { trimTrailing } from './text/trim';
import { contentLines } from './text/pasted';

const OLD = {
  keyFirst: /^(?:(.*?)\s+)?(total|used|capacity|committed|reserved|max capacity|max)\s+(\d{1,16})([KMGTB]?)\b/,
  category: /^-\s+([^(]+?)\s+\(([^)]*)\)?\s*$/,
  field: /^([A-Za-z][A-Za-z0-9_]{0,63}(?:\([A-Za-z0-9_]{1,32}\))?):[ \t]*(.*)$/,
  describeKey: /^([A-Za-z][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*):(?:[ ]+(.*))?$/,
  freeRow: /^(Mem|Swap|Total|Low|High|-\/\+ buffers(?:\/cache)?|Comm)[ \t]*:[ \t]*(.*)$/,
  mapping:
    /^([0-9a-fA-F]{1,16})-([0-9a-fA-F]{1,16})[ \t]+([r-][w-][x-][psS-])[ \t]+([0-9a-fA-F]{1,16})[ \t]+([0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8})[ \t]+(\d{1,20})(?:[ \t]+(.*))?$/,
  kindPod: /^\s*kind:\s*Pod\s*$/m,
  trailingSlashes: /\/+$/,
};
const NEW = {
  field: /^([A-Za-z][A-Za-z0-9_]{0,63}(?:\([A-Za-z0-9_]{1,32}\))?):(.*)$/,
  describeKey: /^([A-Za-z][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*):(?:[ ](.*))?$/,
  freeRow: /^(Mem|Swap|Total|Low|High|-\/\+ buffers(?:\/cache)?|Comm)[ \t]*:(.*)$/,
  kindPod: /^[^\S\n\r\u2028\u2029]*kind:\s*Pod\s*$/m,
};

/** Strings made of tokens that matter to a pattern, so that generated cases often come close to matching. */
const tokens = (...parts: string[]) => fc.array(fc.constantFrom(...parts), { maxLength: 14 }).map((a) => a.join(''));
const RUNS = 2000;

/** Groups with the value group trimmed, as the parsers use them. */
function groups(m: RegExpExecArray | null, valueGroup: number): (string | undefined)[] | null {
  if (!m) return null;
  return m.slice(1).map((g, i) => (i + 1 === valueGroup ? (g ?? '').trim() : g));
}

describe('replacements give the same answers as the expressions they replace', () => {
  it('readKeyFirst = /^(?:(.*?)\\s+)?(total|…)\\s+(\\d+)([KMGTB]?)\\b/', () => {
    fc.assert(
      fc.property(tokens('total', 'used', 'max', 'max capacity', 'capacity', 'reserved', ' ', '  ', '\t', '\n', '\u00a0', '12', '3', 'K', 'M', 'heap', 'x', '-', '%'), (part) => {
        const m = OLD.keyFirst.exec(part);
        const expected = m ? { name: m[1], key: m[2], digits: m[3], unit: m[4] } : null;
        expect(readKeyFirst(part)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
    expect(readKeyFirst('garbage-first heap   total 262144K')).toEqual({ name: 'garbage-first heap', key: 'total', digits: '262144', unit: 'K' });
    expect(readKeyFirst('used 97035K')).toEqual({ name: undefined, key: 'used', digits: '97035', unit: 'K' });
  });

  it('readCategoryLine = /^-\\s+([^(]+?)\\s+\\(([^)]*)\\)?\\s*$/', () => {
    fc.assert(
      fc.property(tokens('-', ' ', '  ', '\t', '(', ')', 'Java Heap', 'reserved=', '1024KB', ',', 'x', '\n'), (t) => {
        const m = OLD.category.exec(t);
        expect(readCategoryLine(t)).toEqual(m ? { name: (m[1] ?? '').trim(), details: m[2] ?? '' } : null);
      }),
      { numRuns: RUNS },
    );
    expect(readCategoryLine('-                 Java Heap (reserved=2097152KB, committed=262144KB)')).toEqual({
      name: 'Java Heap',
      details: 'reserved=2097152KB, committed=262144KB',
    });
  });

  it('key: value lines of /proc files, kubectl describe and free', () => {
    const keyish = tokens('Key', 'Rss', 'Anon', '(anon)', 'Mem', 'Swap', '-/+ buffers', '/cache', ':', ' ', '  ', '\t', '1024', 'kB', 'x', '\u2028', '\r', '.');
    fc.assert(
      fc.property(keyish, (t) => {
        expect(groups(NEW.field.exec(t), 2)).toEqual(groups(OLD.field.exec(t), 2));
        expect(groups(NEW.describeKey.exec(t), 2)).toEqual(groups(OLD.describeKey.exec(t), 2));
        expect(groups(NEW.freeRow.exec(t), 2)).toEqual(groups(OLD.freeRow.exec(t), 2));
      }),
      { numRuns: RUNS },
    );
  });

  it('readMappingLine reads what the old expression read', () => {
    fc.assert(
      fc.property(tokens('7f3a2c000000-7f3a2c021000', ' ', '\t', 'rw-p', '00000000', '00:00', '0', '12345', '/usr/lib/x.so', '[heap]', ' (deleted)', 'x'), (t) => {
        const m = OLD.mapping.exec(t.trim());
        const line = readMappingLine(t);
        if (!m) expect(line).toBeNull();
        else expect(line?.path ?? null).toBe((m[7] ?? '').trim() === '' ? null : (m[7] ?? '').trim());
      }),
      { numRuns: RUNS },
    );
  });

  it('the "kind: Pod" line of a kubectl List', () => {
    fc.assert(
      fc.property(tokens('kind:', ' ', '\t', '\u00a0', '\f', 'Pod', 'List', '\n', '\r\n', '\u2028', '  - '), (head) => {
        expect(NEW.kindPod.test(head)).toBe(OLD.kindPod.test(head));
      }),
      { numRuns: RUNS },
    );
  });

  it('trimTrailing = replace(/\\/+$/, "")', () => {
    fc.assert(
      fc.property(tokens('/', '//', 'a', 'kubepods', '.'), (s) => {
        expect(trimTrailing(s, '/')).toBe(s.replace(OLD.trailingSlashes, ''));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('linear time on the strings that made the old expressions super-linear', () => {
  const spaces = (n: number) => `a${' '.repeat(n)}b`;
  const ctx = { fileId: 'x', path: 'x' };
  const parser = (id: string) => {
    const format = findFormat(id);
    if (!format) throw new Error(`no format ${id}`);
    return (text: string) => format.parse(text, ctx);
  };
  const cases: [string, (input: string) => unknown, (n: number) => string, number][] = [
    ['readKeyFirst on a run of spaces', readKeyFirst, spaces, 20_000],
    ['readCategoryLine on a run of spaces', readCategoryLine, (n) => `- ${' '.repeat(n)}x`, 20_000],
    ['trimTrailing on a run of slashes', (s) => trimTrailing(s, '/'), (n) => `a${'/'.repeat(n)}b`, 20_000],
    ['a cgroup root with a run of slashes', (root) => fileRoleFromLayout('cgroup/kubepods/memory.stat', root), (n) => `/a${'/'.repeat(n)}b`, 20_000],
    ['readColonField on spaces then a line separator', (t) => readColonField(t, 1), (n) => `Rss:${' '.repeat(n)}\u2028`, 20_000],
    ['readMappingLine on spaces then a line separator', readMappingLine, (n) => `7f00-7f01 rw-p 00000000 00:00 0${' '.repeat(n)}\u2028`, 20_000],
    ['kubectl describe on spaces then a line separator', (t) => readDescribe([{ text: t, number: 1 }]), (n) => `Name:${' '.repeat(n)}\u2028`, 20_000],
    ['kubectl pod detection on empty lines', detectKubectlPod, (n) => `kind: List\n${'\n'.repeat(n)}x`, 5_000],
    ['pasted-text cleanup of trailing spaces', contentLines, spaces, 20_000],
    ['free on spaces then a line separator', parser('free'), (n) => `              total        used        free\nMem:${' '.repeat(n)}\u2028`, 20_000],
    ['docker stats with a long space run', parser('docker-stats'), (n) => `CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT\n${spaces(n)}`, 20_000],
    ['jvm heap info with a long space run', parser('jvm-heap-info'), (n) => `Heap:\n garbage-first heap   total 1K, used 1K\n${spaces(n)}`, 20_000],
    ['vmtouch with a run of slashes', parser('vmtouch'), (n) => `Resident Pages: 1/2 ${'/'.repeat(n)} 5%`, 20_000],
  ];
  for (const [name, fn, make, base] of cases) {
    it(name, () => {
      expect(growthRatio(fn, make, base)).toBeLessThan(15);
    });
  }
});
