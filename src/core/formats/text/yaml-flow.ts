// YAML scalars and one-line flow collections (`[a, "b"]`, `{app: web}`) for the YAML subset reader.
// Flow collections nest at most 20 deep; anything deeper becomes null.
import type { TreeArray, TreeNode, TreeObject } from './tree';

const INT = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?$/;

export function plainScalar(value: string, line: number): TreeNode {
  const v = value.trim();
  if (v === '' || v === '~' || v === 'null' || v === 'Null' || v === 'NULL') return { type: 'null', line };
  if (v === 'true' || v === 'True' || v === 'TRUE') return { type: 'boolean', value: true, line };
  if (v === 'false' || v === 'False' || v === 'FALSE') return { type: 'boolean', value: false, line };
  if (INT.test(v) || FLOAT.test(v)) return { type: 'number', text: v.startsWith('+') ? v.slice(1) : v, line };
  return { type: 'string', value: v, line };
}

export function parseFlowCollection(textIn: string, line: number): TreeNode {
  let k = 0;
  const s = textIn;
  const skipWs = (): void => {
    while (k < s.length && (s.charAt(k) === ' ' || s.charAt(k) === '\t')) k++;
  };
  const scalar = (stops: string): TreeNode => {
    skipWs();
    const q = s.charAt(k);
    if (q === '"' || q === "'") {
      k++;
      let v = '';
      while (k < s.length) {
        const ch = s.charAt(k);
        if (ch === q) {
          if (q === "'" && s.charAt(k + 1) === "'") {
            v += "'";
            k += 2;
            continue;
          }
          k++;
          break;
        }
        if (q === '"' && ch === '\\' && k + 1 < s.length) {
          const e = s.charAt(k + 1);
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          k += 2;
          continue;
        }
        v += ch;
        k++;
      }
      return { type: 'string', value: v, line: line };
    }
    const start = k;
    while (k < s.length && !stops.includes(s.charAt(k))) k++;
    return plainScalar(s.slice(start, k), line);
  };
  const node = (depth: number): TreeNode => {
    skipWs();
    const ch = s.charAt(k);
    if (depth > 20) return { type: 'null', line: line };
    if (ch === '[') {
      k++;
      const arr: TreeArray = { type: 'array', items: [], line: line, lineEnd: line };
      for (let guard = 0; guard < s.length + 1; guard++) {
        skipWs();
        if (k >= s.length) break;
        if (s.charAt(k) === ']') {
          k++;
          break;
        }
        if (s.charAt(k) === ',') {
          k++;
          continue;
        }
        arr.items.push(node(depth + 1));
      }
      return arr;
    }
    if (ch === '{') {
      k++;
      const obj: TreeObject = { type: 'object', entries: [], line: line, lineEnd: line };
      for (let guard = 0; guard < s.length + 1; guard++) {
        skipWs();
        if (k >= s.length) break;
        if (s.charAt(k) === '}') {
          k++;
          break;
        }
        if (s.charAt(k) === ',') {
          k++;
          continue;
        }
        const keyNode = scalar(':,}');
        skipWs();
        let value: TreeNode = { type: 'null', line: line };
        if (s.charAt(k) === ':') {
          k++;
          value = node(depth + 1);
        }
        const key = keyNode.type === 'string' ? keyNode.value : keyNode.type === 'number' ? keyNode.text : keyNode.type === 'boolean' ? String(keyNode.value) : '';
        obj.entries.push({ key, value, line: line });
      }
      return obj;
    }
    return scalar(',]}');
  };
  return node(0);
}
