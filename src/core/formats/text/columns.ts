// Column tables as CLI tools print them (kubectl, docker, crictl): a header of names separated by
// two or more spaces (names themselves may hold one space: `CPU %`, `MEM USAGE / LIMIT`), rows
// aligned under it. Cells are split on runs of 2+ spaces; when that gives the wrong count (an
// empty cell, a value with a double space) the header's column positions are used instead.

export interface TableColumn {
  name: string;
  start: number;
}

/** Column names and start offsets of a header line; empty when the line has fewer than 2 names. */
export function readHeader(line: string): TableColumn[] {
  const columns: TableColumn[] = [];
  const trimmed = line.trimEnd();
  let i = 0;
  while (i < trimmed.length) {
    while (i < trimmed.length && trimmed.charCodeAt(i) === 32) i++;
    if (i >= trimmed.length) break;
    const start = i;
    // a name ends at two spaces, a tab, or the end
    while (i < trimmed.length) {
      const c = trimmed.charCodeAt(i);
      if (c === 9) break;
      if (c === 32 && (trimmed.charCodeAt(i + 1) === 32 || i + 1 >= trimmed.length)) break;
      i++;
    }
    columns.push({ name: trimmed.slice(start, i), start });
    while (i < trimmed.length && trimmed.charCodeAt(i) === 9) i++;
  }
  return columns;
}

/** Cells split on runs of 2+ spaces or tabs. */
export function splitWide(line: string): string[] {
  const out: string[] = [];
  const t = line.trim();
  let start = 0;
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 9 || (c === 32 && t.charCodeAt(i + 1) === 32) || (c === 32 && t.charCodeAt(i + 1) === 9)) {
      out.push(t.slice(start, i));
      while (i < t.length && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
      start = i;
      continue;
    }
    i++;
  }
  if (start < t.length) out.push(t.slice(start));
  return out;
}

/** Cells by the header's column positions; a boundary inside a word moves to the word's start. */
export function splitAt(line: string, columns: readonly TableColumn[]): string[] {
  const bounds: number[] = [];
  for (let k = 0; k < columns.length; k++) {
    let b = Math.min(columns[k]?.start ?? 0, line.length);
    const floor = k > 0 ? (bounds[k - 1] ?? 0) + 1 : 0;
    while (k > 0 && b > floor && isText(line.charCodeAt(b - 1)) && isText(line.charCodeAt(b))) b--;
    bounds.push(k === 0 ? 0 : b);
  }
  return bounds.map((b, k) => line.slice(b, k + 1 < bounds.length ? bounds[k + 1] : line.length).trim());
}

function isText(c: number): boolean {
  return !Number.isNaN(c) && c !== 32 && c !== 9;
}

/** The row's cells, one per header column ('' for an empty cell). */
export function splitRow(line: string, columns: readonly TableColumn[]): string[] {
  const wide = splitWide(line);
  if (wide.length === columns.length) return wide;
  return splitAt(line, columns);
}

/** Index of a column by name (case-insensitive), or -1. */
export function columnIndex(columns: readonly TableColumn[], ...names: string[]): number {
  const wanted = names.map((n) => n.toUpperCase());
  return columns.findIndex((c) => wanted.includes(c.name.toUpperCase()));
}
