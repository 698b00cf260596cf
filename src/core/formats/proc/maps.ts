// `/proc/<pid>/maps`: the process's virtual memory regions. Sizes here are virtual (reserved), not
// resident: RSS per region needs smaps. Sample:
//   00400000-0041f000 r--p 00000000 fe:00 260811                             /usr/bin/python3.11
//   211d1000-212f4000 rw-p 00000000 00:00 0                                  [heap]
//   7f82caa00000-7f82cda00000 rw-p 00000000 00:00 0
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { MAPPING_KINDS, readMappingLine, type MappingKind, type MappingLine } from './mapping-line';
import { pidFromPath } from './path-hints';
import { capWarnings } from './capped-warnings';

export interface ProcMapsRegion extends MappingLine {
  line: number;
}

export interface MappingKindTotal {
  count: number;
  sizeBytes: number;
}

export interface ProcMapsData {
  pid: number | null;
  regions: ProcMapsRegion[];
  totalSizeBytes: number;
  /** Region count and virtual size per kind (anonymous, heap, stack, file, shmem, special). */
  byKind: Record<MappingKind, MappingKindTotal>;
}

export function emptyKindTotals(): Record<MappingKind, MappingKindTotal> {
  const totals = {} as Record<MappingKind, MappingKindTotal>;
  for (const kind of MAPPING_KINDS) totals[kind] = { count: 0, sizeBytes: 0 };
  return totals;
}

export function detectProcMaps(head: string, path: string): number {
  let mappings = 0;
  let other = 0;
  for (const raw of headLines(head, 200)) {
    const t = raw.trim();
    if (t === '') continue;
    if (readMappingLine(t)) mappings++;
    else other++;
  }
  // smaps has as many `Key: N kB` lines as mapping lines × 20: leave it to the smaps detector.
  if (mappings === 0 || other > mappings / 4) return 0;
  const nameHint = /maps/.test(path) ? 0.04 : 0;
  return (mappings >= 3 ? 0.9 : 0.7) + nameHint;
}

export function parseProcMaps(text: string, ctx: ParseContext): ParseResult<ProcMapsData> {
  const regions: ProcMapsRegion[] = [];
  const byKind = emptyKindTotals();
  const warnings: ParseWarning[] = [];
  let totalSizeBytes = 0;
  let skipped = 0;
  let firstSkipped = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    const mapping = readMappingLine(t);
    if (!mapping) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    regions.push({ ...mapping, line: i + 1 });
    const total = byKind[mapping.kind];
    total.count++;
    if (mapping.sizeBytes !== null) {
      total.sizeBytes += mapping.sizeBytes;
      totalSizeBytes += mapping.sizeBytes;
    } else {
      warnings.push(warning('bad-address-range', `Line ${i + 1}: the address range ${mapping.startAddress}-${mapping.endAddress} is not valid.`, i + 1));
    }
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not mapping lines and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (regions.length === 0) return { status: 'unusable', warnings: [warning('no-mappings', 'No mapping lines found.'), ...warnings] };
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { pid: pidFromPath(ctx.path), regions, totalSizeBytes, byKind },
    warnings: capWarnings(warnings),
  };
}

export const procMapsFormat: FormatDefinition<ProcMapsData> = {
  id: 'proc-maps',
  area: 'proc',
  detect: detectProcMaps,
  parse: parseProcMaps,
};
