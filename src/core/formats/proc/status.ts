// `/proc/<pid>/status`: identity and memory of one process. VmRSS = RssAnon + RssFile + RssShmem
// (fs/proc/task_mmu.c task_mem); VmHWM is the peak RSS. Names may hold spaces (`CPU 11/KVM`). Sample:
//   Name:	order-service
//   Pid:	20800
//   VmRSS:	   60320 kB
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { readColonField, readSize } from './colon-fields';
import { pidFromPath } from './path-hints';
import { capWarnings } from './capped-warnings';

export interface ProcStatusData {
  pid: number | null;
  /** The thread-group id (the process id for a thread's status file). */
  tgid: number | null;
  ppid: number | null;
  /** The command name (comm) as the kernel prints it: up to 15 bytes, may contain spaces. */
  name: string | null;
  /** `S (sleeping)`. */
  state: string | null;
  threads: number | null;
  /** Real UID (first of the four). */
  uid: number | null;
  /** PIDs in nested PID namespaces, outermost first (NSpid): the last one is what the container sees. */
  nsPids: number[];
  vmPeakBytes: number | null;
  vmSizeBytes: number | null;
  vmLckBytes: number | null;
  vmPinBytes: number | null;
  vmHwmBytes: number | null;
  vmRssBytes: number | null;
  rssAnonBytes: number | null;
  rssFileBytes: number | null;
  rssShmemBytes: number | null;
  vmDataBytes: number | null;
  vmStkBytes: number | null;
  vmExeBytes: number | null;
  vmLibBytes: number | null;
  vmPteBytes: number | null;
  vmSwapBytes: number | null;
  hugetlbPagesBytes: number | null;
  /** Every key as written, with its value text as written. */
  raw: Record<string, string>;
  lines: Record<string, number>;
}

type ByteField = Extract<keyof ProcStatusData, `${string}Bytes`>;
const BYTE_KEYS: Record<ByteField, string> = {
  vmPeakBytes: 'VmPeak',
  vmSizeBytes: 'VmSize',
  vmLckBytes: 'VmLck',
  vmPinBytes: 'VmPin',
  vmHwmBytes: 'VmHWM',
  vmRssBytes: 'VmRSS',
  rssAnonBytes: 'RssAnon',
  rssFileBytes: 'RssFile',
  rssShmemBytes: 'RssShmem',
  vmDataBytes: 'VmData',
  vmStkBytes: 'VmStk',
  vmExeBytes: 'VmExe',
  vmLibBytes: 'VmLib',
  vmPteBytes: 'VmPTE',
  vmSwapBytes: 'VmSwap',
  hugetlbPagesBytes: 'HugetlbPages',
};

const STATUS_KEYS = new Set(['Name', 'Umask', 'State', 'Tgid', 'Ngid', 'Pid', 'PPid', 'TracerPid', 'Uid', 'Gid', 'FDSize', 'Groups', 'NStgid', 'NSpid', 'VmPeak', 'VmSize', 'VmRSS', 'RssAnon', 'VmSwap', 'Threads', 'SigQ', 'SigPnd', 'CapEff', 'Cpus_allowed', 'voluntary_ctxt_switches']);

export function detectProcStatus(head: string, path: string): number {
  const seen = new Set<string>();
  let other = 0;
  for (const raw of headLines(head, 120)) {
    if (raw.trim() === '') continue;
    const field = readColonField(raw, 0);
    if (field && STATUS_KEYS.has(field.key)) seen.add(field.key);
    else if (!field) other++;
  }
  // kubectl describe also has Name:/State: lines; Tgid/PPid/Uid/VmRSS are /proc only.
  const procOnly = ['Tgid', 'PPid', 'TracerPid', 'VmRSS', 'SigQ', 'FDSize'].filter((k) => seen.has(k)).length;
  if (procOnly < 2 || seen.size < 4 || other > seen.size) return 0;
  const nameHint = /status/.test(path) ? 0.04 : 0;
  return Math.min(0.95, 0.75 + seen.size / 50) + nameHint;
}

function integer(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d{1,16}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseProcStatus(text: string, ctx: ParseContext): ParseResult<ProcStatusData> {
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const warnings: ParseWarning[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    if (line.trim() === '') continue;
    const field = readColonField(line, i + 1);
    if (!field) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(raw, field.key)) {
      warnings.push(warning('duplicate-key', `Key "${field.key}" appears again; the first value is kept.`, i + 1, { key: field.key }));
      continue;
    }
    // Inner spaces of the name are kept (`Isolated Web Co`); only the padding around it is dropped.
    raw[field.key] = field.valueText;
    lines[field.key] = i + 1;
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not "Key: value" and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (Object.keys(raw).length === 0) return { status: 'unusable', warnings: [warning('no-counters', 'No "Key: value" lines found.'), ...warnings] };

  const data: ProcStatusData = {
    pid: integer(raw['Pid']) ?? pidFromPath(ctx.path),
    tgid: integer(raw['Tgid']),
    ppid: integer(raw['PPid']),
    name: raw['Name'] ?? null,
    state: raw['State'] ?? null,
    threads: integer(raw['Threads']),
    uid: integer(raw['Uid']?.split(/\s+/)[0]),
    nsPids: (raw['NSpid'] ?? '').split(/\s+/).map((t) => integer(t)).filter((n): n is number => n !== null),
    vmPeakBytes: null,
    vmSizeBytes: null,
    vmLckBytes: null,
    vmPinBytes: null,
    vmHwmBytes: null,
    vmRssBytes: null,
    rssAnonBytes: null,
    rssFileBytes: null,
    rssShmemBytes: null,
    vmDataBytes: null,
    vmStkBytes: null,
    vmExeBytes: null,
    vmLibBytes: null,
    vmPteBytes: null,
    vmSwapBytes: null,
    hugetlbPagesBytes: null,
    raw: { ...raw },
    lines: { ...lines },
  };
  for (const [field, key] of Object.entries(BYTE_KEYS) as [ByteField, string][]) {
    const text = raw[key];
    if (text === undefined) continue;
    const size = readSize(text);
    if (size.kind === 'kB' && size.bytes !== null) data[field] = size.bytes;
    else warnings.push(warning('value-not-integer', `Value of "${key}" (${text}) is not a usable size; kept as text.`, lines[key], { key, value: text }));
  }
  if (data.pid === null) warnings.push(warning('missing-key', 'Key "Pid" is not present.', undefined, { key: 'Pid' }));
  // Kernel threads have no mm, hence no Vm* lines: that is not a defect of the file.
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: data, warnings: capWarnings(warnings) };
}

export const procStatusFormat: FormatDefinition<ProcStatusData> = {
  id: 'proc-status',
  area: 'proc',
  detect: detectProcStatus,
  parse: parseProcStatus,
};
