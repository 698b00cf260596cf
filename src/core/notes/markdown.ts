// A small Markdown reader for notes and conclusions: text → a tree of plain objects, which the app
// renders with React (text nodes only: never HTML). Raw HTML stays text; links and images become
// link nodes whose address is shown, never followed. Supported: headings, paragraphs (a single
// newline is a line break, as in issue comments), **strong**, *em*, `code`, fenced code, lists
// (nested by indentation), > quotes, --- rules, \escapes. Sample:
//   "## Why\nshmem **80 MiB**, see `memory.stat`\n- tmpfs\n- <b>not bold</b>"
//   → heading(2) · paragraph[text, strong, text, code] · list[[text], [text "<b>not bold</b>"]]
// Every scan is linear: a closing delimiter that is not found is remembered, so many unclosed `*`,
// `[` or backticks cannot make it quadratic; nesting is capped.

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'code'; text: string }
  /** `[text](href)` or `![alt](src)`: shown with its address as text, never followed or loaded. */
  | { type: 'link'; children: MdInline[]; href: string; image: boolean }
  | { type: 'break' };

export type MdBlock =
  | { type: 'heading'; level: HeadingLevel; children: MdInline[] }
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][] }
  | { type: 'quote'; children: MdBlock[] }
  | { type: 'rule' };

const MAX_BLOCK_DEPTH = 8;
const MAX_INLINE_DEPTH = 6;

export function parseMarkdown(text: string): MdBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return parseBlocks(lines, 0);
}

interface Fence {
  char: '`' | '~';
  length: number;
  lang: string;
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n += line[n] === '\t' ? 4 : 1;
  return n;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function openFence(line: string): Fence | null {
  if (indentOf(line) > 3) return null;
  const s = line.trimStart();
  const char = s[0];
  if (char !== '`' && char !== '~') return null;
  let n = 0;
  while (s[n] === char) n++;
  if (n < 3) return null;
  const info = s.slice(n).trim();
  if (char === '`' && info.includes('`')) return null;
  return { char, length: n, lang: info.split(/\s/, 1)[0] ?? '' };
}

function closesFence(line: string, fence: Fence): boolean {
  if (indentOf(line) > 3) return false;
  const s = line.trim();
  if (s.length < fence.length) return false;
  for (const c of s) if (c !== fence.char) return false;
  return true;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

function headingOf(line: string): { level: HeadingLevel; text: string } | null {
  if (indentOf(line) > 3) return null;
  const s = line.trimStart();
  let n = 0;
  while (s[n] === '#') n++;
  if (n < 1 || n > 6) return null;
  if (s.length > n && s[n] !== ' ' && s[n] !== '\t') return null;
  // Closing hashes ("## Title ##") are not part of the title.
  const body = s.slice(n).trim().replace(/(^|\s)#+$/, '').trim();
  return { level: n as HeadingLevel, text: body };
}

function isRule(line: string): boolean {
  if (indentOf(line) > 3) return false;
  const s = line.replace(/[ \t]/g, '');
  if (s.length < 3) return false;
  const c = s[0];
  if (c !== '-' && c !== '*' && c !== '_') return false;
  for (const x of s) if (x !== c) return false;
  return true;
}

interface ListMarker {
  ordered: boolean;
  start: number;
  /** Bullet character or ordered delimiter, so that a different marker starts a new list. */
  kind: string;
  /** Column where the item's text starts. */
  contentIndent: number;
  text: string;
}

function listMarkerOf(line: string): ListMarker | null {
  const indent = indentOf(line);
  if (indent > 3) return null;
  const s = line.trimStart();
  const lead = line.length - s.length;
  const c = s[0];
  if (c === '-' || c === '*' || c === '+') {
    if (s.length > 1 && s[1] !== ' ' && s[1] !== '\t') return null;
    const rest = s.slice(1);
    const text = rest.trimStart();
    return { ordered: false, start: 1, kind: c, contentIndent: lead + 1 + Math.max(1, Math.min(rest.length - text.length, 4)), text };
  }
  let n = 0;
  while (n < s.length && n < 9 && s.charCodeAt(n) >= 48 && s.charCodeAt(n) <= 57) n++;
  if (n === 0) return null;
  const delim = s[n];
  if (delim !== '.' && delim !== ')') return null;
  if (s.length > n + 1 && s[n + 1] !== ' ' && s[n + 1] !== '\t') return null;
  const rest = s.slice(n + 1);
  const text = rest.trimStart();
  return { ordered: true, start: Number(s.slice(0, n)), kind: delim, contentIndent: lead + n + 1 + Math.max(1, Math.min(rest.length - text.length, 4)), text };
}

/** Removes up to `n` columns of leading spaces (a tab counts as 4). */
function dedent(line: string, n: number): string {
  let cols = 0;
  let i = 0;
  while (i < line.length && cols < n && (line[i] === ' ' || line[i] === '\t')) {
    cols += line[i] === '\t' ? 4 : 1;
    i++;
  }
  return line.slice(i);
}

function startsBlock(line: string): boolean {
  return openFence(line) !== null || headingOf(line) !== null || isRule(line) || listMarkerOf(line) !== null || /^ {0,3}>/.test(line);
}

/** A paragraph goes on unless a line starts another block; "1986. a good year" does not start a list. */
function interruptsParagraph(line: string): boolean {
  const marker = listMarkerOf(line);
  if (marker) return marker.text !== '' && (!marker.ordered || marker.start === 1);
  return startsBlock(line);
}

function parseBlocks(lines: readonly string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = openFence(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !closesFence(lines[i] ?? '', fence)) body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', lang: fence.lang, text: body.join('\n') });
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading.level, children: parseInline(heading.text) });
      i++;
      continue;
    }
    if (isRule(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i] ?? '')) inner.push((lines[i++] ?? '').replace(/^ {0,3}> ?/, ''));
      blocks.push(depth < MAX_BLOCK_DEPTH ? { type: 'quote', children: parseBlocks(inner, depth + 1) } : { type: 'paragraph', children: textLines(inner) });
      continue;
    }
    const marker = listMarkerOf(line);
    if (marker) {
      const list: MdBlock & { type: 'list' } = { type: 'list', ordered: marker.ordered, start: marker.start, items: [] };
      let current: ListMarker | null = marker;
      while (current && current.kind === marker.kind) {
        const itemLines = [current.text];
        i++;
        let sawBlank = false;
        while (i < lines.length) {
          const next = lines[i] ?? '';
          if (isBlank(next)) {
            sawBlank = true;
            itemLines.push('');
            i++;
            continue;
          }
          if (indentOf(next) >= current.contentIndent) {
            itemLines.push(dedent(next, current.contentIndent));
            sawBlank = false;
            i++;
            continue;
          }
          // A lazy continuation: an unindented line that starts nothing new, right after the text.
          if (!sawBlank && listMarkerOf(next) === null && !interruptsParagraph(next)) {
            itemLines.push(next.trimStart());
            i++;
            continue;
          }
          break;
        }
        while (itemLines.length > 0 && isBlank(itemLines[itemLines.length - 1] ?? '')) itemLines.pop();
        list.items.push(depth < MAX_BLOCK_DEPTH ? parseBlocks(itemLines, depth + 1) : [{ type: 'paragraph', children: textLines(itemLines) }]);
        const following = lines[i];
        current = following !== undefined ? listMarkerOf(following) : null;
        if (current && current.ordered !== marker.ordered) break;
      }
      blocks.push(list);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !isBlank(lines[i] ?? '') && (para.length === 0 || !interruptsParagraph(lines[i] ?? ''))) para.push((lines[i++] ?? '').trim());
    blocks.push({ type: 'paragraph', children: parseInlineLines(para) });
  }
  return blocks;
}

function textLines(lines: readonly string[]): MdInline[] {
  return [{ type: 'text', text: lines.join('\n') }];
}

/** Lines of one paragraph: each parsed on its own, joined by line breaks. */
function parseInlineLines(lines: readonly string[]): MdInline[] {
  const out: MdInline[] = [];
  lines.forEach((line, n) => {
    if (n > 0) out.push({ type: 'break' });
    out.push(...parseInline(line));
  });
  return out;
}

const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n';
}

/** Inline content of one line. */
export function parseInline(text: string): MdInline[] {
  return new InlineParser(text).parse(0, text.length, 0);
}

/** A run of `*` or `_` that can close emphasis of its own length (1 or 2): where it starts. */
interface DelimiterRuns {
  closers: Map<string, number[]>;
}

/** One pass over the text: the closing runs of each delimiter, in order (escaped ones left out). */
function closingRuns(s: string): DelimiterRuns {
  const closers = new Map<string, number[]>([
    ['*', []],
    ['**', []],
    ['_', []],
    ['__', []],
  ]);
  let i = 0;
  let backslashes = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      backslashes++;
      i++;
      continue;
    }
    if ((c === '*' || c === '_') && backslashes % 2 === 0) {
      let n = 1;
      while (s[i + n] === c) n++;
      const before = s[i - 1];
      const after = s[i + n];
      if (n <= 2 && !isSpace(before) && (c === '*' || !isWordChar(after))) closers.get(c.repeat(n))?.push(i);
      i += n;
      backslashes = 0;
      continue;
    }
    backslashes = 0;
    i++;
  }
  return { closers };
}

/** The first position in sorted `list` that is >= `from`, or -1. */
function firstAtOrAfter(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] ?? -1;
}

class InlineParser {
  /** Per searched token: the last search's start and hit, or the start from which it does not occur. */
  private readonly lastHit = new Map<string, { from: number; at: number }>();
  private readonly runs: DelimiterRuns;

  constructor(private readonly text: string) {
    this.runs = closingRuns(text);
  }

  /** Index of `token` at or after `from` and ending by `to`, or -1. Searches move forward, so the
   * remembered last hit (or miss, at = -1) answers most of them without scanning again. */
  private find(token: string, from: number, to: number): number {
    const last = this.lastHit.get(token);
    let at: number;
    if (last && from >= last.from && (last.at < 0 || from <= last.at)) at = last.at;
    else {
      at = this.text.indexOf(token, from);
      this.lastHit.set(token, { from, at });
    }
    return at >= 0 && at + token.length <= to ? at : -1;
  }

  parse(from: number, to: number, depth: number): MdInline[] {
    const s = this.text;
    const out: MdInline[] = [];
    let buf = '';
    const flush = (): void => {
      if (buf !== '') out.push({ type: 'text', text: buf });
      buf = '';
    };
    let i = from;
    while (i < to) {
      const c = s[i] ?? '';
      if (c === '\\' && i + 1 < to && ESCAPABLE.includes(s[i + 1] ?? '')) {
        buf += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '`') {
        let n = 1;
        while (i + n < to && s[i + n] === '`') n++;
        const fence = '`'.repeat(n);
        const close = this.findRun(fence, i + n, to);
        if (close < 0) {
          buf += fence;
          i += n;
          continue;
        }
        flush();
        let code = s.slice(i + n, close);
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = close + n;
        continue;
      }
      if (c === '*' || c === '_') {
        let n = 1;
        while (i + n < to && s[i + n] === c) n++;
        const close = n <= 2 && depth < MAX_INLINE_DEPTH ? this.emphasisClose(c, n, i, to) : -1;
        if (close >= 0) {
          flush();
          const children = this.parse(i + n, close, depth + 1);
          out.push(n === 2 ? { type: 'strong', children } : { type: 'em', children });
          i = close + n;
          continue;
        }
        buf += c.repeat(n);
        i += n;
        continue;
      }
      if ((c === '[' || (c === '!' && s[i + 1] === '[')) && depth < MAX_INLINE_DEPTH) {
        const image = c === '!';
        const open = image ? i + 1 : i;
        const link = this.link(open, to);
        if (link) {
          flush();
          out.push({ type: 'link', children: this.parse(open + 1, link.textEnd, depth + 1), href: link.href, image });
          i = link.end;
          continue;
        }
      }
      buf += c;
      i++;
    }
    flush();
    return out;
  }

  /** The next run of exactly `fence` backticks in [from, to). */
  private findRun(fence: string, from: number, to: number): number {
    let at = from;
    for (;;) {
      const hit = this.find(fence, at, to);
      if (hit < 0) return -1;
      let end = hit + fence.length;
      if (this.text[end] !== '`' && this.text[hit - 1] !== '`') return hit;
      while (this.text[end] === '`') end++;
      at = end;
    }
  }

  /** Where emphasis opened by the run of `n` × `c` at `i` closes (before `to`), or -1. */
  private emphasisClose(c: string, n: number, i: number, to: number): number {
    const s = this.text;
    if (isSpace(s[i + n])) return -1;
    // "total_rss" or "kmem_usage_in_bytes" is not emphasis: "_" must not touch a word on the outside.
    if (c === '_' && isWordChar(s[i - 1])) return -1;
    const close = firstAtOrAfter(this.runs.closers.get(c.repeat(n)) ?? [], i + n + 1);
    return close >= 0 && close + n <= to ? close : -1;
  }

  /** `[text](href)` starting at `open` (the "["): text end, address and where it ends. */
  private link(open: number, to: number): { textEnd: number; href: string; end: number } | null {
    const s = this.text;
    const textEnd = this.find(']', open + 1, to);
    if (textEnd < 0 || s[textEnd + 1] !== '(') return null;
    const close = this.find(')', textEnd + 2, to);
    if (close < 0) return null;
    const href = s.slice(textEnd + 2, close).trim();
    if (/\s/.test(href)) return null;
    return { textEnd, href, end: close + 1 };
  }
}

/** The plain text of inline content (for labels, search results and the report's plain parts). */
export function inlineText(nodes: readonly MdInline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') out += n.text;
    else if (n.type === 'break') out += '\n';
    else out += inlineText(n.children);
  }
  return out;
}
