// Searching notes across bundles: every word of the query must appear, case-insensitively, in the
// note's Markdown or in its target's label. Plain substring matching (no word splitting), so Chinese
// text matches without a tokenizer; NFKC folding makes full-width "ＯＯＭ" find "oom". Sample:
//   searchNotes(notes, '泄漏 shmem', labelOf) → hits with a snippet around the first match
//   query "ＯＯＭ" → matches "the OOM killer chose api-server"
import type { Note } from './note';

export interface NoteSearchHit {
  note: Note;
  /** The target's label, as given by the caller. */
  label: string;
  /** A short piece of the note around its first match (or its start when only the label matched). */
  snippet: { before: string; match: string; after: string };
}

/** A string folded for matching, with the index in the original string of each folded UTF-16 unit. */
interface Folded {
  text: string;
  origin: number[];
}

function fold(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const unit = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + unit);
    // ASCII needs no NFKC; everything else is folded one code point at a time, so offsets map back.
    const f = cp < 0x80 ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
    out += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += unit;
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** The query's words, folded; whitespace (including the ideographic space U+3000) separates them. */
export function searchTerms(query: string): string[] {
  return fold(query)
    .text.split(/\s+/)
    .filter((w) => w !== '');
}

const SNIPPET_BEFORE = 40;
const SNIPPET_AFTER = 120;

function snippetAt(text: string, start: number, end: number): NoteSearchHit['snippet'] {
  const from = Math.max(0, start - SNIPPET_BEFORE);
  const to = Math.min(text.length, end + SNIPPET_AFTER);
  const squash = (s: string): string => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + squash(text.slice(from, start)),
    match: squash(text.slice(start, end)),
    after: squash(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

/** True when every term of the query appears in the note or its label. */
export function noteMatches(note: Pick<Note, 'markdown'>, label: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const body = fold(note.markdown).text;
  const lab = fold(label).text;
  return terms.every((term) => body.includes(term) || lab.includes(term));
}

/** The notes that match, most recently edited first. An empty query finds nothing. */
export function searchNotes(notes: readonly Note[], query: string, labelOf: (note: Note) => string): NoteSearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: NoteSearchHit[] = [];
  for (const note of notes) {
    const label = labelOf(note);
    const body = fold(note.markdown);
    const lab = fold(label).text;
    if (!terms.every((term) => body.text.includes(term) || lab.includes(term))) continue;
    let snippet = snippetAt(note.markdown, 0, 0);
    for (const term of terms) {
      const at = body.text.indexOf(term);
      if (at < 0) continue;
      snippet = snippetAt(note.markdown, body.origin[at] ?? 0, body.origin[at + term.length] ?? note.markdown.length);
      break;
    }
    hits.push({ note, label, snippet });
  }
  return hits.sort((a, b) => (a.note.updatedAt < b.note.updatedAt ? 1 : a.note.updatedAt > b.note.updatedAt ? -1 : 0));
}
