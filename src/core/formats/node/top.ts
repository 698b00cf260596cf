// `top -b` (procps, old procps 3.2 and busybox): a node-wide header (uptime, tasks, memory, swap) and
// a task list. Inside a pod the header still shows the NODE (top reads /proc/meminfo); only the
// task list is the pod's. RES/VIRT/SHR are KiB, or scaled with a suffix (`1.2g`). Sample:
//   MiB Mem :  15752.1 total,    352.3 free,   5164.6 used,  10235.1 buff/cache
//       PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
//        24 www-data  20   0   59064   2564    720 S   0.0   0.0   0:17.95 nginx
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { parseHumanSize } from './human-size';
import { parseTopMemoryLine, type TopMemory, type TopSwap } from './top-header';
import { capWarnings } from '../proc/capped-warnings';

export interface TopTasks {
  total: number | null;
  running: number | null;
  sleeping: number | null;
  stopped: number | null;
  zombie: number | null;
  line: number;
}

export interface TopHeader {
  /** The header describes the whole node, even when top ran inside a container. */
  scope: 'node-header';
  /** Clock time of the `top - HH:MM:SS up …` line. */
  time: string | null;
  uptime: string | null;
  loadAverage: number[] | null;
  tasks: TopTasks | null;
  memory: TopMemory | null;
  swap: TopSwap | null;
}

export interface TopProcess {
  pid: number;
  user: string | null;
  virtBytes: number | null;
  resBytes: number | null;
  shrBytes: number | null;
  swapBytes: number | null;
  state: string | null;
  cpuPercent: number | null;
  memPercent: number | null;
  /** The command name or line; may contain spaces. */
  command: string | null;
  /** True when a size column was scaled by top (`1.2g`): the byte figure is rounded. */
  approximate: boolean;
  line: number;
  /** Column name → cell text as written. */
  cells: Record<string, string>;
}

export interface TopIteration {
  lineStart: number;
  lineEnd: number;
  header: TopHeader;
  columns: string[];
  processes: TopProcess[];
}

export interface TopData {
  /** One per screen (`top -b -n 3` prints three); most pastes hold one. */
  iterations: TopIteration[];
}

const TOP_LINE = /^top - (\d{1,2}:\d{2}:\d{2}) up (.{1,80}?),[ \t]+\d{1,6} users?,[ \t]+load average: ([\d., ]{1,60})$/;
const TASKS = /^(?:Tasks|Threads):(.{0,300})$/;
const MEMORY_LINE = /^(?:[KMGTPE]iB[ \t]+)?Mem[ \t]*:/;
const SWAP_LINE = /^(?:[KMGTPE]iB[ \t]+)?Swap[ \t]*:/;

function isColumnHeader(t: string): boolean {
  const tokens = t.split(/\s+/);
  return tokens.includes('PID') && (tokens.includes('COMMAND') || tokens.includes('CMD') || tokens.includes('Command')) && tokens.some((c) => c === 'RES' || c === 'VIRT' || c === 'VSZ' || c === '%MEM');
}

export function detectTop(head: string, _path: string): number {
  let topLine = false;
  let summary = false;
  let columns = false;
  for (const raw of headLines(head, 80)) {
    const t = raw.trim();
    if (t.startsWith('top - ')) topLine = true;
    else if (TASKS.test(t) || MEMORY_LINE.test(t)) summary = true;
    else if (isColumnHeader(t)) columns = true;
  }
  if (columns && (summary || topLine)) return 0.92;
  if (topLine && summary) return 0.85;
  return 0;
}

function count(text: string, word: string): number | null {
  const m = new RegExp(`(\\d{1,10})[ \\t]+${word}`).exec(text);
  return m && m[1] !== undefined ? Number(m[1]) : null;
}

function newIteration(line: number): TopIteration {
  return {
    lineStart: line,
    lineEnd: line,
    header: { scope: 'node-header', time: null, uptime: null, loadAverage: null, tasks: null, memory: null, swap: null },
    columns: [],
    processes: [],
  };
}

/** Splits a task row into the columns; the last column (the command) keeps its spaces. */
function splitRow(t: string, columnCount: number): string[] {
  const cells: string[] = [];
  let i = 0;
  while (cells.length < columnCount - 1 && i < t.length) {
    while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
    const start = i;
    while (i < t.length && t[i] !== ' ' && t[i] !== '\t') i++;
    if (i > start) cells.push(t.slice(start, i));
  }
  const rest = t.slice(i).trim();
  if (rest !== '') cells.push(rest);
  return cells;
}

function percent(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}(?:[.,]\d{1,3})?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

export function parseTop(text: string, _ctx: ParseContext): ParseResult<TopData> {
  const warnings: ParseWarning[] = [];
  const iterations: TopIteration[] = [];
  let current: TopIteration | null = null;
  let inTable = false;
  let skipped = 0;
  let firstSkipped = 0;
  const lines = splitLines(text);
  const start = (line: number): TopIteration => {
    const it = newIteration(line);
    iterations.push(it);
    inTable = false;
    return it;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    const n = i + 1;
    if (t === '') continue;
    const topLine = TOP_LINE.exec(t);
    if (t.startsWith('top - ')) {
      current = start(n);
      if (topLine) {
        current.header.time = topLine[1] ?? null;
        current.header.uptime = topLine[2] ?? null;
        current.header.loadAverage = (topLine[3] ?? '').split(',').map((x) => Number(x.trim())).filter((x) => Number.isFinite(x));
      }
      continue;
    }
    const tasks = TASKS.exec(t);
    if (tasks) {
      if (!current || current.header.tasks !== null || inTable) current = start(n);
      const body = tasks[1] ?? '';
      current.header.tasks = { total: count(body, 'total'), running: count(body, 'running'), sleeping: count(body, 'sleeping'), stopped: count(body, 'stopped'), zombie: count(body, 'zombie'), line: n };
      current.lineEnd = n;
      continue;
    }
    if (MEMORY_LINE.test(t) || SWAP_LINE.test(t)) {
      if (!current || inTable) current = start(n);
      const parsed = parseTopMemoryLine(t, n);
      if (parsed.memory) current.header.memory = parsed.memory;
      if (parsed.swap) current.header.swap = parsed.swap;
      // Old top prints "cached" on the Swap line: it belongs to memory.
      if (parsed.swapLineCachedBytes !== null && current.header.memory) current.header.memory.cachedBytes = parsed.swapLineCachedBytes;
      if (parsed.swapLineAvailableBytes !== null && current.header.memory) current.header.memory.availableBytes = parsed.swapLineAvailableBytes;
      current.lineEnd = n;
      continue;
    }
    if (isColumnHeader(t)) {
      if (!current || inTable) current = start(n);
      current.columns = t.split(/\s+/);
      inTable = true;
      current.lineEnd = n;
      continue;
    }
    if (current && inTable) {
      const cells = splitRow(t, current.columns.length);
      const byName: Record<string, string> = Object.create(null) as Record<string, string>;
      current.columns.forEach((name, index) => {
        const cell = cells[index];
        if (cell !== undefined) byName[name] = cell;
      });
      const pidText = byName['PID'];
      if (pidText === undefined || !/^\d{1,10}$/.test(pidText)) {
        skipped++;
        if (firstSkipped === 0) firstSkipped = n;
        continue;
      }
      let approximate = false;
      const size = (column: string): number | null => {
        const cell = byName[column];
        if (cell === undefined) return null;
        const s = parseHumanSize(cell, 1024);
        if (s === null) return null;
        if (s.approximate) approximate = true;
        return s.bytes;
      };
      current.processes.push({
        pid: Number(pidText),
        user: byName['USER'] ?? null,
        virtBytes: size('VIRT') ?? size('VSZ'),
        resBytes: size('RES'),
        shrBytes: size('SHR'),
        swapBytes: size('SWAP'),
        state: byName['S'] ?? byName['STAT'] ?? null,
        cpuPercent: percent(byName['%CPU']),
        memPercent: percent(byName['%MEM']),
        command: byName['COMMAND'] ?? byName['CMD'] ?? byName['Command'] ?? null,
        approximate,
        line: n,
        cells: { ...byName },
      });
      current.lineEnd = n;
      continue;
    }
    // %Cpu lines, busybox CPU:/Load average: lines and anything else between screens.
    if (current && !inTable) current.lineEnd = n;
  }
  if (iterations.length === 0) return { status: 'unusable', warnings: [warning('no-top-screen', 'No top header or task list found.')] };
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) in a task list are not task rows and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  for (const it of iterations) {
    if (it.header.memory === null) warnings.push(warning('missing-key', `The top screen at line ${it.lineStart} has no memory line.`, it.lineStart, { key: 'Mem' }));
  }
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { iterations }, warnings: capWarnings(warnings) };
}

export const topFormat: FormatDefinition<TopData> = {
  id: 'top',
  area: 'proc',
  detect: detectTop,
  parse: parseTop,
};
