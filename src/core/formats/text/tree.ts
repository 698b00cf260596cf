// A parsed JSON or YAML document as a tree that remembers the line of every value. Objects keep
// their members as an ordered list of entries (never as a plain object), so keys like `__proto__`
// or `constructor` are data, not prototype lookups. Numbers keep their text: a 64-bit counter
// beyond 2^53 is never silently rounded.

export type TreeNode = TreeObject | TreeArray | TreeString | TreeNumber | TreeBoolean | TreeNull;

export interface TreeEntry {
  key: string;
  value: TreeNode;
  line: number;
}

export interface TreeObject {
  type: 'object';
  entries: TreeEntry[];
  line: number;
  lineEnd: number;
}

export interface TreeArray {
  type: 'array';
  items: TreeNode[];
  line: number;
  lineEnd: number;
}

export interface TreeString {
  type: 'string';
  value: string;
  line: number;
}

export interface TreeNumber {
  type: 'number';
  text: string;
  line: number;
}

export interface TreeBoolean {
  type: 'boolean';
  value: boolean;
  line: number;
}

export interface TreeNull {
  type: 'null';
  line: number;
}

export function isObject(node: TreeNode | undefined | null): node is TreeObject {
  return node !== undefined && node !== null && node.type === 'object';
}

export function isArray(node: TreeNode | undefined | null): node is TreeArray {
  return node !== undefined && node !== null && node.type === 'array';
}

/** The first member named `key` (JSON allows duplicates; the first one wins, as in most readers). */
export function member(node: TreeNode | undefined | null, key: string): TreeNode | undefined {
  if (!isObject(node)) return undefined;
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

export function hasMember(node: TreeNode | undefined | null, key: string): boolean {
  return member(node, key) !== undefined;
}

/** Follows a path of member names. */
export function at(node: TreeNode | undefined | null, ...path: string[]): TreeNode | undefined {
  let current: TreeNode | undefined = node ?? undefined;
  for (const key of path) {
    current = member(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** A string value; numbers and booleans are given as their text. null for absent, null or containers. */
export function text(node: TreeNode | undefined | null): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return node.value ? 'true' : 'false';
    default:
      return null;
  }
}

export function bool(node: TreeNode | undefined | null): boolean | null {
  if (!node) return null;
  if (node.type === 'boolean') return node.value;
  if (node.type === 'string') {
    if (node.value === 'true') return true;
    if (node.value === 'false') return false;
  }
  return null;
}

export function items(node: TreeNode | undefined | null): TreeNode[] {
  return isArray(node) ? node.items : [];
}

export function entries(node: TreeNode | undefined | null): TreeEntry[] {
  return isObject(node) ? node.entries : [];
}

/** Members of an object as a prototype-free record of their texts (labels, annotations). */
export function stringRecord(node: TreeNode | undefined | null): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const e of entries(node)) {
    const t = text(e.value);
    if (t !== null && !Object.prototype.hasOwnProperty.call(out, e.key)) out[e.key] = t;
  }
  return { ...out };
}

export type IntegerReading =
  | { ok: true; value: number; fromString: boolean }
  | { ok: false; reason: 'absent' | 'not-a-number' | 'too-large' | 'negative' | 'not-integer'; text: string | null };

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * An integer from a number node, or from a string of digits (some tools quote numbers; the result
 * says so). Values beyond 2^53 are refused with their text kept by the caller.
 */
export function integer(node: TreeNode | undefined | null, allowNegative = false): IntegerReading {
  if (!node || node.type === 'null') return { ok: false, reason: 'absent', text: null };
  let raw: string;
  let fromString = false;
  if (node.type === 'number') raw = node.text;
  else if (node.type === 'string') {
    raw = node.value.trim();
    fromString = true;
  } else return { ok: false, reason: 'not-a-number', text: text(node) };
  if (!NUMBER_TEXT.test(raw)) return { ok: false, reason: 'not-a-number', text: raw };
  if (raw.startsWith('-') && !allowNegative && raw !== '-0') return { ok: false, reason: 'negative', text: raw };
  if (!INTEGER_TEXT.test(raw)) {
    // 5.49412864e+08 style: accept only when it is an exact integer.
    const n = Number(raw);
    if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return { ok: false, reason: 'too-large', text: raw };
    if (!Number.isInteger(n)) return { ok: false, reason: 'not-integer', text: raw };
    return { ok: true, value: n === 0 ? 0 : n, fromString };
  }
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'too-large', text: raw };
  return { ok: true, value: n === 0 ? 0 : n, fromString };
}

/** A finite decimal number (percentages, seconds); null when absent or not a number. */
export function decimal(node: TreeNode | undefined | null): number | null {
  const t = node && (node.type === 'number' || node.type === 'string') ? text(node) : null;
  if (t === null || !NUMBER_TEXT.test(t.trim())) return null;
  const n = Number(t.trim());
  return Number.isFinite(n) ? n : null;
}

/** Depth-first, iterative (no recursion: a deeply nested document cannot overflow the stack). */
export function* walk(root: TreeNode): Generator<{ node: TreeNode; key: string | null; parent: TreeNode | null }> {
  const stack: { node: TreeNode; key: string | null; parent: TreeNode | null }[] = [{ node: root, key: null, parent: null }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    yield top;
    if (top.node.type === 'object') {
      for (let i = top.node.entries.length - 1; i >= 0; i--) {
        const e = top.node.entries[i];
        if (e) stack.push({ node: e.value, key: e.key, parent: top.node });
      }
    } else if (top.node.type === 'array') {
      for (let i = top.node.items.length - 1; i >= 0; i--) {
        const item = top.node.items[i];
        if (item) stack.push({ node: item, key: null, parent: top.node });
      }
    }
  }
}
