// The YAML that `kubectl get -o yaml` writes (go-yaml), read into the same line-numbered tree as
// JSON: block mappings and sequences (also `- ` at the parent key's indent), plain, quoted and
// folded scalars (go-yaml wraps long strings over several lines), `|`/`>` block scalars, one-line
// flow collections, `---` documents. Pasted fragments with odd indentation are read as they stand.
// No anchors, tags or custom types are resolved: nothing in the input can run code or expand.
import type { TreeArray, TreeNode, TreeObject } from './tree';
import { splitLines } from './lines';
import { warning, type ParseWarning } from '../format';
import { parseFlowCollection, plainScalar } from './yaml-flow';

const MAX_DEPTH = 100;
const MAX_QUOTED_LINES = 2000;

export interface YamlRead {
  /** One value per document. */
  values: TreeNode[];
  junkLines: number[];
  unterminatedQuote: boolean;
}

interface Line {
  indent: number;
  /** Content without indentation or trailing spaces. */
  text: string;
  /** 1-based. */
  number: number;
}

function measure(raw: string, number: number): Line {
  let indent = 0;
  while (indent < raw.length && (raw.charCodeAt(indent) === 32 || raw.charCodeAt(indent) === 9)) indent++;
  return { indent, text: raw.slice(indent).trimEnd(), number };
}

function isSequenceLine(text: string): boolean {
  return text === '-' || text.startsWith('- ') || text.startsWith('-\t');
}

function isIgnorable(text: string): boolean {
  return text === '' || text.startsWith('#');
}

/** `key: rest` (or `key:`), with a plain or quoted key; null when the line is not a mapping entry. */
export function splitKey(text: string): { key: string; rest: string } | null {
  const first = text.charAt(0);
  if (first === '"' || first === "'") {
    const end = text.indexOf(first, 1);
    if (end < 0) return null;
    let j = end + 1;
    while (text.charAt(j) === ' ') j++;
    if (text.charAt(j) !== ':') return null;
    const after = text.charAt(j + 1);
    if (after !== '' && after !== ' ' && after !== '\t') return null;
    const rawKey = text.slice(1, end);
    return { key: first === "'" ? rawKey.replace(/''/g, "'") : rawKey, rest: text.slice(j + 1) };
  }
  if ('-#[]{}|>%@`&*!,?'.includes(first) && !(first === '-' && !isSequenceLine(text) && text.length > 1)) return null;
  for (let j = 0; j < text.length; j++) {
    if (text.charCodeAt(j) !== 58) continue;
    const after = text.charAt(j + 1);
    if (after === '' || after === ' ' || after === '\t') {
      const key = text.slice(0, j).trimEnd();
      if (key === '' || key.includes(' #')) return null;
      return { key, rest: text.slice(j + 1) };
    }
  }
  return null;
}

function stripComment(plain: string): string {
  const hash = plain.indexOf(' #');
  return (hash >= 0 ? plain.slice(0, hash) : plain).trim();
}

export function readYamlLite(source: string): YamlRead {
  const raw = splitLines(source);
  const lines = raw.map((r, k) => measure(r, k + 1));
  const junkLines: number[] = [];
  let unterminatedQuote = false;
  let pos = 0;
  let end = 0;

  const markJunk = (l: Line): void => {
    if (junkLines.length < 100000) junkLines.push(l.number);
  };

  const peek = (): Line | undefined => {
    while (pos < end) {
      const l = lines[pos];
      if (!l) return undefined;
      if (!isIgnorable(l.text)) return l;
      pos++;
    }
    return undefined;
  };

  const lastLine = (): number => lines[Math.max(0, Math.min(pos, end) - 1)]?.number ?? 1;

  /** Skips every line more indented than `indent` (a block too deep to follow). */
  const skipBlock = (indent: number): void => {
    for (let l = peek(); l && l.indent > indent; l = peek()) {
      markJunk(l);
      pos++;
    }
  };

  const readQuoted = (rest: string, at: Line): TreeNode => {
    const quote = rest.charAt(0);
    let out = '';
    let segment = rest.slice(1);
    let separator = '';
    let emptyLines = 0;
    for (let guard = 0; guard < MAX_QUOTED_LINES; guard++) {
      let piece = '';
      let closed = false;
      let joinNext = false;
      let j = 0;
      while (j < segment.length) {
        const ch = segment.charAt(j);
        if (ch === quote) {
          if (quote === "'" && segment.charAt(j + 1) === "'") {
            piece += "'";
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (quote === '"' && ch === '\\') {
          const e = segment.charAt(j + 1);
          if (e === '') {
            joinNext = true; // an escaped line break joins the next line without a space
            break;
          }
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(segment.slice(j + 2, j + 6))) {
            piece += String.fromCharCode(parseInt(segment.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          piece += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '0' ? '\0' : e;
          j += 2;
          continue;
        }
        piece += ch;
        j++;
      }
      // Line folding of flow scalars: a break between text becomes one space, each empty line a newline.
      if (guard > 0) piece = piece.trimStart();
      if (!closed && !joinNext) piece = piece.trimEnd();
      if (guard > 0 && piece === '' && !closed) emptyLines++;
      else {
        if (guard > 0) out += emptyLines > 0 ? '\n'.repeat(emptyLines) : separator;
        out += piece;
        emptyLines = 0;
      }
      if (closed) return { type: 'string', value: out, line: at.number };
      separator = joinNext ? '' : ' ';
      pos++;
      const next = lines[pos];
      if (!next || pos >= end) break;
      segment = next.text;
    }
    unterminatedQuote = true;
    return { type: 'string', value: out, line: at.number };
  };

  const readBlockScalar = (header: string, ownerIndent: number, at: Line): TreeNode => {
    const folded = header.startsWith('>');
    const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
    const parts: string[] = [];
    let contentIndent = -1;
    pos++;
    while (pos < end) {
      const l = lines[pos];
      if (!l) break;
      if (l.text === '') {
        parts.push('');
        pos++;
        continue;
      }
      if (l.indent <= ownerIndent) break;
      if (contentIndent < 0) contentIndent = l.indent;
      const rawLine = raw[pos] ?? '';
      parts.push(rawLine.slice(Math.min(contentIndent, l.indent)).trimEnd());
      pos++;
    }
    let trailing = 0;
    while (parts.length > 0 && parts[parts.length - 1] === '') {
      parts.pop();
      trailing++;
    }
    let body = folded ? parts.map((p) => (p === '' ? '\n' : p)).join(' ').replace(/ ?\n ?/g, '\n') : parts.join('\n');
    if (chomp === 'clip' && parts.length > 0) body += '\n';
    if (chomp === 'keep') body += '\n'.repeat(trailing + 1);
    pos--; // the caller advances past the header line
    return { type: 'string', value: body, line: at.number };
  };

  const parseValue = (restIn: string, ownerIndent: number, at: Line, depth: number): TreeNode => {
    const rest = restIn.trim();
    if (rest === '' || rest.startsWith('#')) {
      pos++;
      const next = peek();
      if (next && next.indent > ownerIndent) return parseNode(next.indent, depth + 1) ?? { type: 'null', line: at.number };
      if (next && next.indent === ownerIndent && isSequenceLine(next.text)) return parseSequence(ownerIndent, depth + 1);
      return { type: 'null', line: at.number };
    }
    const first = rest.charAt(0);
    if (first === '"' || first === "'") {
      const node = readQuoted(rest, at);
      pos++;
      return node;
    }
    if (first === '|' || first === '>') {
      const node = readBlockScalar(stripComment(rest), ownerIndent, at);
      pos++;
      return node;
    }
    if (first === '[' || first === '{') {
      pos++;
      return parseFlowCollection(rest, at.number);
    }
    // Plain scalar; more-indented lines after it continue it (go-yaml folds long values).
    let value = stripComment(rest);
    pos++;
    for (let next = peek(); next && next.indent > ownerIndent; next = peek()) {
      value += ' ' + stripComment(next.text);
      pos++;
    }
    return plainScalar(value, at.number);
  };

  const parseMapping = (indent: number, depth: number): TreeObject => {
    const first = peek();
    const obj: TreeObject = { type: 'object', entries: [], line: first?.number ?? 1, lineEnd: first?.number ?? 1 };
    for (let l = peek(); l; l = peek()) {
      if (l.indent < indent) break;
      if (l.indent > indent) {
        // An over-indented line no key owns: skip it rather than guess.
        markJunk(l);
        pos++;
        continue;
      }
      if (isSequenceLine(l.text)) break;
      const kv = splitKey(l.text);
      if (!kv) {
        markJunk(l);
        pos++;
        continue;
      }
      let value: TreeNode;
      if (depth > MAX_DEPTH) {
        pos++;
        skipBlock(indent);
        value = { type: 'null', line: l.number };
      } else value = parseValue(kv.rest, indent, l, depth);
      obj.entries.push({ key: kv.key, value, line: l.number });
    }
    obj.lineEnd = lastLine();
    return obj;
  };

  const parseSequence = (indent: number, depth: number): TreeArray => {
    const first = peek();
    const arr: TreeArray = { type: 'array', items: [], line: first?.number ?? 1, lineEnd: first?.number ?? 1 };
    for (let l = peek(); l; l = peek()) {
      if (l.indent !== indent || !isSequenceLine(l.text)) {
        if (l.indent > indent) {
          markJunk(l);
          pos++;
          continue;
        }
        break;
      }
      if (depth > MAX_DEPTH) {
        pos++;
        skipBlock(indent);
        arr.items.push({ type: 'null', line: l.number });
        continue;
      }
      const after = l.text.slice(1);
      const content = after.trimStart();
      const contentIndent = indent + 1 + (after.length - content.length);
      if (content === '' || content.startsWith('#')) {
        arr.items.push(parseValue('', indent, l, depth));
      } else if (isSequenceLine(content) || splitKey(content)) {
        // `- key: value` opens a mapping whose keys sit at the content's column.
        l.indent = contentIndent;
        l.text = content;
        arr.items.push(parseNode(contentIndent, depth + 1) ?? { type: 'null', line: l.number });
      } else arr.items.push(parseValue(content, indent, l, depth));
    }
    arr.lineEnd = lastLine();
    return arr;
  };

  const parseNode = (indent: number, depth: number): TreeNode | null => {
    const l = peek();
    if (!l || l.indent < indent) return null;
    if (isSequenceLine(l.text)) return parseSequence(l.indent, depth);
    if (splitKey(l.text)) return parseMapping(l.indent, depth);
    return parseValue(l.text, l.indent - 1, l, depth);
  };

  const values: TreeNode[] = [];
  let docStart = 0;
  const parseDocument = (from: number, to: number): void => {
    pos = from;
    end = to;
    let root: TreeNode | null = null;
    for (let l = peek(); l; l = peek()) {
      if (!isSequenceLine(l.text) && !splitKey(l.text)) {
        markJunk(l);
        pos++;
        continue;
      }
      const node = parseNode(l.indent, 0);
      if (!node) {
        pos++;
        continue;
      }
      if (root === null) root = node;
      else if (root.type === 'object' && node.type === 'object') {
        // A fragment that dedents (pasted from the middle of a document): keep every key.
        root.entries.push(...node.entries);
        root.lineEnd = node.lineEnd;
      } else {
        values.push(root);
        root = node;
      }
    }
    if (root) values.push(root);
  };
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k]?.text ?? '';
    if ((lines[k]?.indent ?? 1) === 0 && (t === '---' || t.startsWith('--- ') || t === '...')) {
      parseDocument(docStart, k);
      docStart = k + 1;
    }
  }
  parseDocument(docStart, lines.length);
  return { values, junkLines, unterminatedQuote };
}

export function yamlReadWarnings(read: YamlRead): ParseWarning[] {
  const out: ParseWarning[] = [];
  if (read.junkLines.length > 0) {
    const first = read.junkLines[0] ?? 1;
    out.push(warning('yaml-junk-skipped', `${read.junkLines.length} line(s) do not fit the YAML structure and were skipped (first: line ${first}).`, first, { count: read.junkLines.length }));
  }
  if (read.unterminatedQuote) out.push(warning('yaml-unterminated-quote', 'A quoted string is not closed before the end of the file.'));
  return out;
}
