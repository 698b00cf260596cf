// `/proc/<pid>/smaps`: every mapping of the process with its resident, proportional and swapped
// sizes. Pss divides each shared page among the processes mapping it; the sum of Pss over all
// processes is the memory they really use. Sample:
//   55f52478d000-55f5247ae000 rw-p 00000000 00:00 0                          [heap]
//   Size:                132 kB
//   Rss:                  16 kB
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { readColonField, readSize } from './colon-fields';
import { MAPPING_KINDS, readMappingLine, type MappingKind, type MappingLine } from './mapping-line';
import { pidFromPath } from './path-hints';
import { addSmapsFields, emptySmapsFields, smapsFieldFor, type SmapsFields } from './smaps-fields';
import { capWarnings } from './capped-warnings';

export interface SmapsMapping extends MappingLine, SmapsFields {
  /** `VmFlags:` mnemonics (`rd wr mr …`); empty when the kernel does not print them. */
  vmFlags: string[];
  /** Lines of the mapping line and the last line of its block. */
  line: number;
  lineEnd: number;
}

export interface SmapsKindTotal {
  count: number;
  /** Virtual size (sum of mapping sizes). */
  virtualBytes: number;
  rssBytes: number;
  pssBytes: number;
  swapBytes: number;
}

export interface ProcSmapsData {
  pid: number | null;
  mappings: SmapsMapping[];
  /** Every field summed over the mappings; null where no mapping had the key. */
  totals: SmapsFields;
  /** Per kind (anonymous, heap, stack, file, shmem, special): where the resident memory is. */
  byKind: Record<MappingKind, SmapsKindTotal>;
}

export function detectSmaps(head: string, path: string): number {
  let mappings = 0;
  let rollup = false;
  let sizeLines = 0;
  let kbLines = 0;
  let other = 0;
  for (const raw of headLines(head, 400)) {
    const t = raw.trim();
    if (t === '') continue;
    const mapping = readMappingLine(t);
    if (mapping) {
      mappings++;
      if (mapping.path === '[rollup]') rollup = true;
      continue;
    }
    const field = readColonField(t, 0);
    if (!field) {
      other++;
      continue;
    }
    if (field.key === 'VmFlags' || field.key === 'THPeligible' || field.key === 'ProtectionKey') continue;
    if (readSize(field.valueText).kind === 'kB') {
      kbLines++;
      if (field.key === 'Size') sizeLines++;
    } else other++;
  }
  if (rollup || mappings === 0 || sizeLines === 0 || kbLines < mappings * 3 || other > mappings) return 0;
  const nameHint = /smaps/.test(path) ? 0.03 : 0;
  return 0.93 + nameHint;
}

function emptyKindTotals(): Record<MappingKind, SmapsKindTotal> {
  const totals = {} as Record<MappingKind, SmapsKindTotal>;
  for (const kind of MAPPING_KINDS) totals[kind] = { count: 0, virtualBytes: 0, rssBytes: 0, pssBytes: 0, swapBytes: 0 };
  return totals;
}

export function parseSmaps(text: string, ctx: ParseContext): ParseResult<ProcSmapsData> {
  const mappings: SmapsMapping[] = [];
  const warnings: ParseWarning[] = [];
  let current: SmapsMapping | null = null;
  let orphanFields = 0;
  let skipped = 0;
  let firstSkipped = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    const mapping = readMappingLine(t);
    if (mapping) {
      current = { ...mapping, ...emptySmapsFields(), vmFlags: [], line: i + 1, lineEnd: i + 1 };
      mappings.push(current);
      continue;
    }
    const field = readColonField(t, i + 1);
    if (!field) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    if (!current) {
      orphanFields++;
      continue;
    }
    current.lineEnd = i + 1;
    if (field.key === 'VmFlags') {
      current.vmFlags = field.valueText.split(/\s+/).filter((f) => f !== '');
      continue;
    }
    const target = smapsFieldFor(field.key);
    if (!target) continue;
    const size = readSize(field.valueText);
    if (size.kind === 'kB' && size.bytes !== null) current[target] = size.bytes;
    else warnings.push(warning('value-not-integer', `Value of "${field.key}" (${field.valueText}) is not a usable size; kept as text.`, i + 1, { key: field.key, value: field.valueText }));
  }
  if (orphanFields > 0) warnings.push(warning('fields-before-mapping', `${orphanFields} field line(s) come before any mapping line and were skipped.`, undefined, { count: orphanFields }));
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are neither mapping lines nor "Key: value" and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (mappings.length === 0) return { status: 'unusable', warnings: [warning('no-mappings', 'No mapping lines found.'), ...warnings] };

  const totals = emptySmapsFields();
  const byKind = emptyKindTotals();
  for (const m of mappings) {
    addSmapsFields(totals, m);
    const k = byKind[m.kind];
    k.count++;
    k.virtualBytes += m.sizeBytes ?? 0;
    k.rssBytes += m.rssBytes ?? 0;
    k.pssBytes += m.pssBytes ?? 0;
    k.swapBytes += m.swapBytes ?? 0;
  }
  // A mapping cut off at the end of a truncated file has its line but none of its sizes.
  const last = mappings[mappings.length - 1];
  if (last && last.rssBytes === null) warnings.push(warning('smaps-truncated', `The last mapping (line ${last.line}) has no Rss: the file looks cut.`, last.line));
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { pid: pidFromPath(ctx.path), mappings, totals, byKind }, warnings: capWarnings(warnings) };
}

export const smapsFormat: FormatDefinition<ProcSmapsData> = {
  id: 'proc-smaps',
  area: 'proc',
  detect: detectSmaps,
  parse: parseSmaps,
};
