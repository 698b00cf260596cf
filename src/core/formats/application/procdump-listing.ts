// A process's memory dumped region by region with `dd if=/proc/<pid>/mem … of=<pid>_mem_<addr>.bin`
// (seed 004's `procdump` shell function): the `dd` messages it printed, and `ls`/`ls -l` of the
// files it wrote. Each file name gives the region's start address; `ls -l` and dd give sizes.
// dd's `cannot skip to specified offset` is a notice (it reads up to the offset instead).
// Sample:
//   dd: ‘/proc/1241520/mem’: cannot skip to specified offset
//   226221+0 records in
//   926601216 bytes (927 MB) copied, 4.14441 s, 224 MB/s
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { isWrapperLine } from '../text/pasted';

export interface ProcdumpRegion {
  fileName: string;
  pid: number;
  /** Start address in hex as in the name (no `0x`). */
  startAddress: string;
  /** From `ls -l`; null when only names were listed. */
  sizeBytes: number | null;
  line: number;
}

/** One dd run: the lines from its first message to its `bytes … copied` line. */
export interface ProcdumpCopy {
  /** From `/proc/<pid>/mem` in dd's messages. */
  pid: number | null;
  bytesCopied: number | null;
  recordsIn: string | null;
  recordsOut: string | null;
  /** A read error dd reported (`Input/output error`), not the skip notice. */
  error: string | null;
  line: number;
  lineEnd: number;
}

export interface ProcdumpListingData {
  /** PIDs named by the dumps, the dd messages or the `procdump <pid>` command lines. */
  pids: number[];
  regions: ProcdumpRegion[];
  copies: ProcdumpCopy[];
  totalCopiedBytes: number;
  /** The paste left lines out (`......`). */
  elided: boolean;
}

const REGION_FILE = /^(\d{1,10})_mem_([0-9a-fA-F]{1,16})\.bin$/;
const LS_LONG = /^[-dlbcps][rwxsStT-]{9}[.+@]?$/;
const RECORDS = /^(\d{1,16}\+\d{1,16}) records (in|out)$/;
const COPIED = /^(\d{1,20}) bytes? (?:\([^)]{0,40}\) )?copied\b/;
const PROC_MEM = /\/proc\/(\d{1,10})\/mem/;
const COMMAND = /^(?:#|\$|\[[^\]]{1,200}\][#$])?\s*procdump\s+(\d{1,10})\s*$/;

export function parseProcdumpListing(source: string, _ctx: ParseContext): ParseResult<ProcdumpListingData> {
  const lines = splitLines(source);
  const regions: ProcdumpRegion[] = [];
  const copies: ProcdumpCopy[] = [];
  const pids = new Set<number>();
  let current: ProcdumpCopy | null = null;
  let elided = false;
  let other = 0;
  const open = (line: number): ProcdumpCopy => {
    current ??= { pid: null, bytesCopied: null, recordsIn: null, recordsOut: null, error: null, line, lineEnd: line };
    current.lineEnd = line;
    return current;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    const number = i + 1;
    if (/^\.{3,}$/.test(t)) {
      elided = true;
      continue;
    }
    const command = COMMAND.exec(t);
    if (command?.[1]) {
      pids.add(Number(command[1]));
      continue;
    }
    if (isWrapperLine(t)) continue;
    if (t.startsWith('dd:')) {
      const c = open(number);
      const pid = PROC_MEM.exec(t);
      if (pid?.[1]) {
        c.pid = Number(pid[1]);
        pids.add(c.pid);
      }
      if (/error reading/.test(t)) c.error = t.slice(t.lastIndexOf(':') + 1).trim() || t;
      continue;
    }
    const records = RECORDS.exec(t);
    if (records) {
      const c = open(number);
      if (records[2] === 'in') c.recordsIn = records[1] ?? null;
      else c.recordsOut = records[1] ?? null;
      continue;
    }
    const copied = COPIED.exec(t);
    if (copied) {
      const c = open(number);
      const n = Number(copied[1]);
      c.bytesCopied = Number.isSafeInteger(n) ? n : null;
      copies.push(c);
      current = null;
      continue;
    }
    const tokens = t.split(/\s+/);
    let found = false;
    for (let k = 0; k < tokens.length; k++) {
      const m = REGION_FILE.exec(tokens[k] ?? '');
      if (!m?.[1] || !m[2]) continue;
      found = true;
      const pid = Number(m[1]);
      pids.add(pid);
      // `ls -l`: mode links owner group size month day time name
      const long = k >= 8 && LS_LONG.test(tokens[k - 8] ?? '');
      const size = long ? Number(tokens[k - 4]) : NaN;
      regions.push({ fileName: tokens[k] ?? '', pid, startAddress: m[2].toLowerCase(), sizeBytes: Number.isSafeInteger(size) ? size : null, line: number });
    }
    if (!found) other++;
  }
  const pending = current as ProcdumpCopy | null;
  if (pending) copies.push(pending);
  const warnings: ParseWarning[] = [];
  if (regions.length === 0 && copies.length === 0) return { status: 'unusable', warnings: [warning('no-procdump-lines', 'No `<pid>_mem_<addr>.bin` names or dd copy messages found.')] };
  if (elided) warnings.push(warning('lines-elided', 'Lines were left out of the paste ("......"): the list of copies is incomplete.'));
  if (other > 0) warnings.push(warning('lines-ignored', `${other} line(s) are neither dd messages nor dump file names and were skipped.`, undefined, { count: other }));
  const totalCopiedBytes = copies.reduce((sum, c) => sum + (c.bytesCopied ?? 0), 0);
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { pids: [...pids], regions, copies, totalCopiedBytes, elided }, warnings };
}

export function detectProcdumpListing(head: string): number {
  let names = 0;
  let dd = 0;
  for (const line of headLines(head, 300)) {
    const t = line.trim();
    if (RECORDS.test(t) || COPIED.test(t) || (t.startsWith('dd:') && PROC_MEM.test(t))) dd++;
    for (const token of t.split(/\s+/)) if (REGION_FILE.test(token)) names++;
  }
  if (names > 0 && dd === 0) return 0.85;
  if (dd >= 2 && /\/proc\/\d+\/mem/.test(head)) return 0.9;
  if (dd >= 3) return 0.6;
  return names > 0 ? 0.85 : 0;
}

export const procdumpListingFormat: FormatDefinition<ProcdumpListingData> = {
  id: 'procdump-listing',
  area: 'application',
  detect: (head) => detectProcdumpListing(head),
  parse: parseProcdumpListing,
};
