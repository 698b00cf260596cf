// `docker stats --no-stream` and `crictl stats` tables. Both print sizes rounded for people
// (`55.69MiB / 1.025GiB`, `30.65MB`), so every figure here is approximate. Docker's MEM USAGE is
// the cgroup usage minus its inactive file cache (docker/cli calculateMemUsageUnixNoCache); crictl's
// MEM is the CRI working set. Samples:
//   CONTAINER ID        NAME        CPU %     MEM USAGE / LIMIT     MEM %     NET I/O     BLOCK I/O     PIDS
//   a3f78cb32a8e        foo-bar     0.06%     55.69MiB / 1.025GiB   5.31%     31.1kB / 0B 0B / 0B       1
//   CONTAINER           CPU %       MEM       DISK      INODES
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { columnIndex, readHeader, splitRow, type TableColumn } from '../text/columns';
import { parseHumanSize } from '../text/human-size';
import { isWrapperLine } from '../text/pasted';

export interface ContainerStatsRow {
  /** Container id (short or full) as printed. */
  id: string | null;
  name: string | null;
  cpuPercent: number | null;
  /** docker: usage minus inactive file cache; crictl: working set. Rounded by the tool. */
  memoryUsageBytes: number | null;
  memoryUsageText: string | null;
  /** docker only: the limit docker reports (the host's memory when there is none). */
  memoryLimitBytes: number | null;
  memoryLimitText: string | null;
  memoryPercent: number | null;
  pids: number | null;
  line: number;
}

export interface ContainerStatsData {
  tool: 'docker' | 'crictl';
  rows: ContainerStatsRow[];
  /** Always true: the tools print rounded human units. */
  approximate: true;
}

// Streaming `docker stats` clears the screen with ANSI escapes between samples.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

function percent(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.replace('%', '').replace(',', '.').trim();
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(t)) return null;
  return Number(t);
}

function isDockerHeader(columns: readonly TableColumn[]): boolean {
  return columnIndex(columns, 'MEM USAGE / LIMIT', 'MEM USAGE') >= 0 && columnIndex(columns, 'CONTAINER ID', 'CONTAINER', 'NAME') >= 0;
}

function isCrictlHeader(columns: readonly TableColumn[]): boolean {
  return columnIndex(columns, 'CONTAINER', 'POD') >= 0 && columnIndex(columns, 'MEM') >= 0 && columnIndex(columns, 'CPU %') >= 0;
}

function parseStats(tool: 'docker' | 'crictl', source: string): ParseResult<ContainerStatsData> {
  const lines = splitLines(source);
  const rows: ContainerStatsRow[] = [];
  const warnings: ParseWarning[] = [];
  const skipped: number[] = [];
  const unreadable: number[] = [];
  let columns: TableColumn[] | null = null;
  let headers = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(ANSI, '').trimEnd();
    if (line.trim() === '' || isWrapperLine(line)) continue;
    const header = readHeader(line);
    if (tool === 'docker' ? isDockerHeader(header) : isCrictlHeader(header)) {
      columns = header;
      headers++;
      continue;
    }
    if (!columns) {
      skipped.push(i + 1);
      continue;
    }
    const cells = splitRow(line, columns);
    const cell = (...names: string[]): string | undefined => {
      const k = columnIndex(columns ?? [], ...names);
      return k >= 0 ? cells[k] : undefined;
    };
    const memCell = cell('MEM USAGE / LIMIT', 'MEM USAGE', 'MEM');
    let usageText: string | null = memCell ?? null;
    let limitText: string | null = null;
    if (memCell !== undefined && memCell.includes('/')) {
      const [u, l] = memCell.split('/');
      usageText = (u ?? '').trim();
      limitText = (l ?? '').trim();
    }
    const usage = usageText !== null ? parseHumanSize(usageText) : null;
    const limit = limitText !== null ? parseHumanSize(limitText) : null;
    if ((usageText !== null && usage === null && usageText !== '--') || (limitText !== null && limit === null)) unreadable.push(i + 1);
    const pidsText = cell('PIDS');
    const id = cell('CONTAINER ID', 'CONTAINER') ?? null;
    rows.push({
      id: id === '' ? null : id,
      name: cell('NAME') || null,
      cpuPercent: percent(cell('CPU %')),
      memoryUsageBytes: usage?.bytes ?? null,
      memoryUsageText: usageText,
      memoryLimitBytes: limit?.bytes ?? null,
      memoryLimitText: limitText,
      memoryPercent: percent(cell('MEM %')),
      pids: pidsText !== undefined && /^\d{1,9}$/.test(pidsText) ? Number(pidsText) : null,
      line: i + 1,
    });
  }
  if (headers === 0) return { status: 'unusable', warnings: [warning('no-table-header', `No ${tool} stats header line found.`)] };
  if (skipped.length > 0) warnings.push(warning('lines-ignored', `${skipped.length} line(s) before the table were skipped (first: line ${skipped[0]}).`, skipped[0], { count: skipped.length }));
  if (unreadable.length > 0) warnings.push(warning('size-unreadable', `${unreadable.length} row(s) have a memory size that could not be read (first: line ${unreadable[0]}).`, unreadable[0], { count: unreadable.length }));
  if (rows.length === 0) warnings.push(warning('no-rows', 'The table has a header but no rows.'));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { tool, rows, approximate: true }, warnings };
}

export function parseDockerStats(source: string, _ctx: ParseContext): ParseResult<ContainerStatsData> {
  return parseStats('docker', source);
}

export function parseCrictlStats(source: string, _ctx: ParseContext): ParseResult<ContainerStatsData> {
  return parseStats('crictl', source);
}

function detectStats(head: string, isHeader: (c: readonly TableColumn[]) => boolean): number {
  for (const line of headLines(head, 30)) {
    if (isHeader(readHeader(line.replace(ANSI, '')))) return 0.9;
  }
  return 0;
}

export const dockerStatsFormat: FormatDefinition<ContainerStatsData> = {
  id: 'docker-stats',
  area: 'runtime',
  detect: (head) => detectStats(head, isDockerHeader),
  parse: parseDockerStats,
};

export const crictlStatsFormat: FormatDefinition<ContainerStatsData> = {
  id: 'crictl-stats',
  area: 'runtime',
  detect: (head) => detectStats(head, isCrictlHeader),
  parse: parseCrictlStats,
};
