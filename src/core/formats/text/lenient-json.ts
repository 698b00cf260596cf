// A JSON reader for JSON as people paste it: a tool wrapper's `stdout:` line or a shell prompt
// before it, several documents in one file, comments typed after a value, `...` where lines were
// cut, a fragment that starts inside an object, a document truncated at the end. It returns every
// top-level value it could read, with line numbers, and says what it had to skip. One pass over
// the text, no recursion (nesting deeper than MAX_DEPTH is skipped, not followed).
import type { TreeArray, TreeNode, TreeObject } from './tree';
import { warning, type ParseWarning } from '../format';

export const JSON_MAX_DEPTH = 256;

export type JsonProblemCode = 'json-junk-skipped' | 'json-truncated' | 'json-unbalanced' | 'json-too-deep' | 'json-unterminated-string';

export interface JsonProblem {
  code: JsonProblemCode;
  line: number;
}

export interface JsonRead {
  /** Top-level values in file order (a wrapper's JSON header line is a value too). */
  values: TreeNode[];
  /** Lines (1-based) holding text that is not JSON and was skipped. */
  junkLines: number[];
  /** The text ended inside an object or array. */
  truncated: boolean;
  /** The text starts inside an object (`"key": value,` lines with no opening brace). */
  fragment: boolean;
  problems: JsonProblem[];
}

type Frame =
  | { kind: 'object'; node: TreeObject; expect: 'key' | 'colon' | 'value' | 'comma'; key: string; keyLine: number; implicit: boolean }
  | { kind: 'array'; node: TreeArray; expect: 'value' | 'comma' };

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether a `{` or `[` at the top level starts JSON: what follows on its line must be able to
 * continue a document. `[root@host ~]# …` prompts, `[ ... lines removed ... ]` markers and
 * `{Heap after GC …` are text.
 */
function opensJson(source: string, at: number): boolean {
  const open = source.charCodeAt(at);
  let k = at + 1;
  while (k < source.length && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) k++;
  if (k >= source.length) return true;
  const c = source.charCodeAt(k);
  if (c === 10 || c === 13 || c === 34) return true;
  if (open === 123) return c === 125;
  if (c === 123 || c === 91 || c === 93 || c === 45 || (c >= 48 && c <= 57)) return true;
  const word = source.slice(k, k + 5);
  return word.startsWith('true') || word.startsWith('false') || word.startsWith('null');
}

export function readJsonLenient(source: string): JsonRead {
  const n = source.length;
  let i = 0;
  let line = 1;
  const values: TreeNode[] = [];
  const junkLines: number[] = [];
  const problems: JsonProblem[] = [];
  const stack: Frame[] = [];
  let truncated = false;
  let fragment = false;

  const problem = (code: JsonProblemCode, at: number): void => {
    if (problems.length < 200) problems.push({ code, line: at });
  };

  const skipSpace = (): void => {
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10) {
        line++;
        i++;
      } else if (c === 13) {
        line++;
        i++;
        if (source.charCodeAt(i) === 10) i++;
      } else if (c === 32 || c === 9 || c === 0xfeff || c === 0xa0 || c === 0) i++;
      else break;
    }
  };

  const junk = (): void => {
    if (junkLines[junkLines.length - 1] !== line) junkLines.push(line);
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
  };

  const readString = (): string => {
    // at the opening quote
    i++;
    let out = '';
    let start = i;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 34) {
        out += source.slice(start, i);
        i++;
        return out;
      }
      if (c === 10 || c === 13) {
        // JSON strings hold no raw line break: the quote was never closed. Stop here so one stray
        // quote cannot swallow the rest of the file.
        out += source.slice(start, i);
        problem('json-unterminated-string', line);
        return out;
      }
      if (c === 92) {
        out += source.slice(start, i);
        const e = source.charAt(i + 1);
        i += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u': {
            const hex = source.slice(i, i + 4);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              i += 4;
            } else out += 'u';
            break;
          }
          case '':
            break;
          default:
            if (e === '\n' || e === '\r') {
              i--;
              problem('json-unterminated-string', line);
              return out;
            }
            out += e;
        }
        start = i;
        continue;
      }
      i++;
    }
    out += source.slice(start, n);
    problem('json-unterminated-string', line);
    return out;
  };

  const deliver = (node: TreeNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      values.push(node);
      return;
    }
    if (top.kind === 'object') {
      top.node.entries.push({ key: top.key, value: node, line: top.keyLine });
      top.expect = 'comma';
    } else {
      top.node.items.push(node);
      top.expect = 'comma';
    }
  };

  const skipDeep = (): void => {
    // at an opener beyond the depth limit: skip its whole extent
    const startLine = line;
    let depth = 0;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 34) {
        readString();
        continue;
      }
      if (c === 10 || c === 13) {
        skipSpace();
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
      i++;
    }
    problem('json-too-deep', startLine);
    deliver({ type: 'null', line: startLine });
  };

  const open = (c: number): void => {
    if (stack.length >= JSON_MAX_DEPTH) {
      skipDeep();
      return;
    }
    const startLine = line;
    i++;
    if (c === 123) stack.push({ kind: 'object', node: { type: 'object', entries: [], line: startLine, lineEnd: startLine }, expect: 'key', key: '', keyLine: startLine, implicit: false });
    else stack.push({ kind: 'array', node: { type: 'array', items: [], line: startLine, lineEnd: startLine }, expect: 'value' });
  };

  const close = (c: number): void => {
    const kind = c === 125 ? 'object' : 'array';
    let k = stack.length - 1;
    while (k >= 0) {
      const f = stack[k];
      if (f && f.kind === kind && !(f.kind === 'object' && f.implicit)) break;
      k--;
    }
    i++;
    if (k < 0) {
      // A closer with no opener: a fragment that started inside a value. Ignore it.
      problem('json-unbalanced', line);
      return;
    }
    if (k < stack.length - 1) problem('json-unbalanced', line);
    while (stack.length > k) {
      const f = stack.pop();
      if (!f) break;
      f.node.lineEnd = line;
      deliver(f.node);
    }
  };

  /** Starts a scalar or container value at the current character; false when it is not one. */
  const value = (c: number): boolean => {
    if (c === 123 || c === 91) {
      open(c);
      return true;
    }
    if (c === 34) {
      const at = line;
      deliver({ type: 'string', value: readString(), line: at });
      return true;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      const start = i;
      while (i < n && isNumberChar(source.charCodeAt(i))) i++;
      const t = source.slice(start, i);
      if (!NUMBER.test(t)) {
        i = start;
        return false;
      }
      deliver({ type: 'number', text: t, line });
      return true;
    }
    if (isLetter(c)) {
      const start = i;
      while (i < n && isLetter(source.charCodeAt(i))) i++;
      const word = source.slice(start, i);
      if (word === 'true' || word === 'false') deliver({ type: 'boolean', value: word === 'true', line });
      else if (word === 'null') deliver({ type: 'null', line });
      else {
        i = start;
        return false;
      }
      return true;
    }
    return false;
  };

  while (true) {
    skipSpace();
    if (i >= n) break;
    const c = source.charCodeAt(i);
    const top = stack[stack.length - 1];

    if (!top) {
      if ((c === 123 || c === 91) && opensJson(source, i)) open(c);
      else if (c === 34) {
        const keyLine = line;
        const save = i;
        const key = readString();
        while (i < n && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
        if (source.charCodeAt(i) === 58 && line === keyLine) {
          // `"key": value,` with no opening brace: the paste starts inside an object.
          i++;
          fragment = true;
          stack.push({ kind: 'object', node: { type: 'object', entries: [], line: keyLine, lineEnd: keyLine }, expect: 'value', key, keyLine, implicit: true });
        } else {
          i = save;
          line = keyLine;
          junk();
        }
      } else junk();
      continue;
    }

    if (top.kind === 'object') {
      switch (top.expect) {
        case 'key':
        case 'comma':
          if (c === 34) {
            top.keyLine = line;
            top.key = readString();
            top.expect = 'colon';
          } else if (c === 125 || c === 93) close(c);
          else if (c === 44) {
            i++;
            top.expect = 'key';
          } else if (c === 123) {
            // An object where a key should be: the key line was cut out (`...`). Keep the value.
            if (junkLines[junkLines.length - 1] !== line) junkLines.push(line);
            top.key = '';
            top.keyLine = line;
            top.expect = 'value';
            open(c);
          } else junk();
          break;
        case 'colon':
          if (c === 58) {
            i++;
            top.expect = 'value';
          } else if (c === 125) {
            close(c);
          } else {
            top.expect = 'key';
            junk();
          }
          break;
        case 'value':
          if (c === 125 || c === 93) close(c);
          else if (c === 44) {
            i++;
            top.expect = 'key';
          } else if (!value(c)) {
            top.expect = 'comma';
            junk();
          }
          break;
      }
    } else {
      if (c === 93 || c === 125) close(c);
      else if (c === 44) {
        i++;
        top.expect = 'value';
      } else if (!value(c)) junk();
    }
  }

  while (stack.length > 0) {
    const f = stack.pop();
    if (!f) break;
    if (!(f.kind === 'object' && f.implicit)) truncated = true;
    f.node.lineEnd = line;
    deliver(f.node);
  }
  if (truncated) problem('json-truncated', line);
  if (junkLines.length > 0) problem('json-junk-skipped', junkLines[0] ?? 1);
  return { values, junkLines, truncated, fragment, problems };
}

/** The reader's problems as user-facing warnings: one per kind, naming the first line and the count. */
export function jsonReadWarnings(read: JsonRead): ParseWarning[] {
  const out: ParseWarning[] = [];
  const byCode = new Map<JsonProblemCode, { first: number; count: number }>();
  for (const p of read.problems) {
    const seen = byCode.get(p.code);
    if (seen) seen.count++;
    else byCode.set(p.code, { first: p.line, count: 1 });
  }
  const junk = byCode.get('json-junk-skipped');
  if (junk) {
    const count = read.junkLines.length;
    out.push(warning('json-junk-skipped', `${count} line(s) are not JSON and were skipped (first: line ${junk.first}).`, junk.first, { count }));
  }
  const trunc = byCode.get('json-truncated');
  if (trunc) out.push(warning('json-truncated', 'The JSON ends before its objects are closed: the file looks cut off.', trunc.first));
  const unbalanced = byCode.get('json-unbalanced');
  if (unbalanced) {
    out.push(warning('json-unbalanced', `${unbalanced.count} closing bracket(s) do not match (first: line ${unbalanced.first}).`, unbalanced.first, { count: unbalanced.count }));
  }
  const deep = byCode.get('json-too-deep');
  if (deep) out.push(warning('json-too-deep', `Nesting deeper than ${JSON_MAX_DEPTH} levels was skipped.`, deep.first, { depth: JSON_MAX_DEPTH }));
  const unterminated = byCode.get('json-unterminated-string');
  if (unterminated) out.push(warning('json-unterminated-string', 'A string is not closed before the end of its line.', unterminated.first));
  return out;
}
