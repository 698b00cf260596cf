// `free` in its forms: `-b/-k/-m/-g` (bare numbers in that unit; plain `free` is KiB), `-h` (`3.6G`,
// `31Gi`), `-w` (buffers and cache apart), `-t` (a Total: row), and the old procps 3.2 layout with
// a `-/+ buffers/cache:` row. Node-wide, even inside a pod. Sample:
//                 total        used        free      shared  buff/cache   available
//   Mem:          31910         978       25102          98        5830       30485
//   Swap:         16383           0       16383
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { baseName } from '../proc/path-hints';
import { parseHumanSize } from './human-size';
import { capWarnings } from '../proc/capped-warnings';

export type FreeUnit = 'bytes' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'human';

export interface FreeRow {
  /** `Mem`, `Swap`, `Total`, `-/+ buffers/cache`, `Low`, `High`. */
  label: string;
  line: number;
  /** Column name → cell text as written. */
  cells: Record<string, string>;
}

export interface FreeMem {
  totalBytes: number | null;
  usedBytes: number | null;
  freeBytes: number | null;
  sharedBytes: number | null;
  /** buff/cache (or buffers + cache/cached where the tool prints them apart). */
  buffCacheBytes: number | null;
  buffersBytes: number | null;
  cacheBytes: number | null;
  availableBytes: number | null;
  line: number;
}

export interface FreeSwap {
  totalBytes: number | null;
  usedBytes: number | null;
  freeBytes: number | null;
  line: number;
}

export interface FreeData {
  /** The unit bare numbers are in (`human` when cells carry their own suffix). */
  unit: FreeUnit;
  /** Where the unit came from: cell suffixes, a pasted `free -m` command, the file name, or a guess from the size. */
  unitSource: 'suffix' | 'command' | 'name' | 'guess';
  /** True when the tool rounded the figures (`-m`, `-g`, `-h`): bytes are approximate. */
  approximate: boolean;
  columns: string[];
  mem: FreeMem | null;
  swap: FreeSwap | null;
  total: FreeSwap | null;
  /** Old procps `-/+ buffers/cache:` row: used and free without buffers and cache. */
  buffersCache: { usedBytes: number | null; freeBytes: number | null; line: number } | null;
  rows: FreeRow[];
}

const UNIT_BYTES: Record<Exclude<FreeUnit, 'human'>, number> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
const COLUMN_WORDS = new Set(['total', 'used', 'free', 'shared', 'buff/cache', 'buffers', 'cache', 'cached', 'available']);
const ROW = /^(Mem|Swap|Total|Low|High|-\/\+ buffers(?:\/cache)?|Comm)[ \t]*:(.*)$/;
// `$ free -mh`, `[root@h ~]# free -g`, `free --mega`.
const COMMAND = /(?:^|[\s$#>])free((?:[ \t]+-{1,2}[A-Za-z]{1,10}(?:[ \t]+\d{1,4})?){0,8})[ \t]*$/;

function isHeader(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  return tokens.length >= 3 && tokens.every((t) => COLUMN_WORDS.has(t)) && tokens.includes('total') && tokens.includes('used');
}

export function detectFree(head: string, path: string): number {
  let header = false;
  let mem = false;
  for (const raw of headLines(head, 60)) {
    const t = raw.trim();
    if (!header && isHeader(t)) header = true;
    else if (header && ROW.test(t) && t.startsWith('Mem')) mem = true;
  }
  if (!header || !mem) return 0;
  return 0.93 + (/free/.test(baseName(path)) ? 0.03 : 0);
}

function unitFromFlags(flags: string): FreeUnit | null {
  if (/(?:^|\s)-[A-Za-z]*h|--human/.test(flags)) return 'human';
  if (/--bytes|(?:^|\s)-[A-Za-z]*b/.test(flags)) return 'bytes';
  // `-t` is --total, not tera.
  if (/--tera|--tebi/.test(flags)) return 'TiB';
  if (/--giga|--gibi|(?:^|\s)-[A-Za-z]*g/.test(flags)) return 'GiB';
  if (/--mega|--mebi|(?:^|\s)-[A-Za-z]*m/.test(flags)) return 'MiB';
  if (/--kilo|--kibi|(?:^|\s)-[A-Za-z]*k/.test(flags)) return 'KiB';
  return null;
}

function unitFromName(path: string): FreeUnit | null {
  const m = /free[-_ ]{1,2}-?([bkmgh])/i.exec(baseName(path));
  if (!m || m[1] === undefined) return null;
  return ({ b: 'bytes', k: 'KiB', m: 'MiB', g: 'GiB', h: 'human' } as const)[m[1].toLowerCase() as 'b' | 'k' | 'm' | 'g' | 'h'];
}

/** Bare numbers with no other clue: the Mem total decides (a 128 MiB…2 TiB machine in KiB is the default). */
function guessUnit(memTotalText: string | undefined): Exclude<FreeUnit, 'human'> {
  const n = Number(memTotalText);
  if (!Number.isFinite(n)) return 'KiB';
  if (n >= 2 ** 31) return 'bytes';
  if (n >= 2 ** 17) return 'KiB';
  return 'MiB';
}

export function parseFree(text: string, ctx: ParseContext): ParseResult<FreeData> {
  const warnings: ParseWarning[] = [];
  const lines = splitLines(text);
  let columns: string[] = [];
  let commandFlags: string | null = null;
  const rows: FreeRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    if (isHeader(t)) {
      if (columns.length === 0) columns = t.split(/\s+/);
      continue;
    }
    const row = ROW.exec(t);
    if (row && columns.length > 0) {
      const label = row[1] ?? '';
      const tokens = (row[2] ?? '').split(/\s+/).filter((c) => c !== '');
      // The -/+ row has only used and free; every other row fills the columns from the left.
      const names = label.startsWith('-/+') ? ['used', 'free'] : columns;
      const cells: Record<string, string> = Object.create(null) as Record<string, string>;
      tokens.forEach((token, index) => {
        const name = names[index];
        if (name !== undefined) cells[name] = token;
      });
      rows.push({ label, line: i + 1, cells: { ...cells } });
      continue;
    }
    const command = COMMAND.exec(t);
    if (command && commandFlags === null) commandFlags = command[1] ?? '';
  }
  if (rows.length === 0) return { status: 'unusable', warnings: [warning('no-free-rows', 'No "Mem:"/"Swap:" rows under a free header found.')] };

  const memRow = rows.find((r) => r.label === 'Mem');
  const anySuffix = rows.some((r) => Object.values(r.cells).some((c) => /[A-Za-z]$/.test(c)));
  let unit: FreeUnit;
  let unitSource: FreeData['unitSource'];
  const fromCommand = commandFlags !== null ? unitFromFlags(commandFlags) : null;
  const fromName = unitFromName(ctx.path);
  if (anySuffix) {
    unit = 'human';
    unitSource = 'suffix';
  } else if (fromCommand && fromCommand !== 'human') {
    unit = fromCommand;
    unitSource = 'command';
  } else if (commandFlags !== null && fromCommand === null) {
    unit = 'KiB';
    unitSource = 'command';
  } else if (fromName && fromName !== 'human') {
    unit = fromName;
    unitSource = 'name';
  } else {
    unit = guessUnit(memRow?.cells['total']);
    unitSource = 'guess';
    warnings.push(warning('free-unit-guessed', `Nothing says which unit free printed in; ${unit} was assumed from the size of the total.`, memRow?.line, { unit }));
  }
  if (commandFlags !== null && /--si/.test(commandFlags)) {
    warnings.push(warning('free-decimal-units', 'free --si prints powers of 1000; the figures were read as powers of 1024.', undefined));
  }
  const defaultBytes = unit === 'human' ? 1 : UNIT_BYTES[unit];
  let approximate = unit === 'human' || defaultBytes > 1024;
  const bytesOf = (row: FreeRow | undefined, column: string): number | null => {
    const cell = row?.cells[column];
    if (cell === undefined || row === undefined) return null;
    const size = parseHumanSize(cell, defaultBytes);
    if (size === null) {
      warnings.push(warning('value-not-integer', `Value of "${row.label} ${column}" (${cell}) is not a usable size; kept as text.`, row.line, { key: `${row.label}.${column}`, value: cell }));
      return null;
    }
    if (size.approximate) approximate = true;
    return size.bytes;
  };
  const swapRow = rows.find((r) => r.label === 'Swap');
  const totalRow = rows.find((r) => r.label === 'Total');
  const bcRow = rows.find((r) => r.label.startsWith('-/+'));
  const toSwap = (row: FreeRow | undefined): FreeSwap | null =>
    row ? { totalBytes: bytesOf(row, 'total'), usedBytes: bytesOf(row, 'used'), freeBytes: bytesOf(row, 'free'), line: row.line } : null;

  let mem: FreeMem | null = null;
  if (memRow) {
    const buffersBytes = bytesOf(memRow, 'buffers');
    const cacheBytes = bytesOf(memRow, 'cache') ?? bytesOf(memRow, 'cached');
    const buffCache = bytesOf(memRow, 'buff/cache');
    mem = {
      totalBytes: bytesOf(memRow, 'total'),
      usedBytes: bytesOf(memRow, 'used'),
      freeBytes: bytesOf(memRow, 'free'),
      sharedBytes: bytesOf(memRow, 'shared'),
      buffCacheBytes: buffCache ?? (buffersBytes !== null && cacheBytes !== null ? buffersBytes + cacheBytes : null),
      buffersBytes,
      cacheBytes,
      availableBytes: bytesOf(memRow, 'available'),
      line: memRow.line,
    };
  } else warnings.push(warning('missing-key', 'The "Mem:" row is not present.', undefined, { key: 'Mem' }));
  return {
    status: warnings.some((w) => w.code !== 'free-unit-guessed') ? 'partial' : 'parsed',
    value: {
      unit,
      unitSource,
      approximate,
      columns,
      mem,
      swap: toSwap(swapRow),
      total: toSwap(totalRow),
      buffersCache: bcRow ? { usedBytes: bytesOf(bcRow, 'used'), freeBytes: bytesOf(bcRow, 'free'), line: bcRow.line } : null,
      rows,
    },
    warnings: capWarnings(warnings),
  };
}

export const freeFormat: FormatDefinition<FreeData> = {
  id: 'free',
  area: 'proc',
  detect: detectFree,
  parse: parseFree,
};
