// `/proc/<pid>/smaps_rollup` (4.14+): smaps summed over every mapping of the process. Pss splits
// shared pages between the processes that map them; Pss_Anon + Pss_File + Pss_Shmem = Pss. Sample:
//   00400000-7fffcd485000 ---p 00000000 00:00 0                              [rollup]
//   Rss:               60320 kB
//   Pss_Anon:          54352 kB
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { readColonField, readSize } from './colon-fields';
import { readMappingLine } from './mapping-line';
import { pidFromPath } from './path-hints';
import { emptySmapsFields, smapsFieldFor, type SmapsFields } from './smaps-fields';
import { capWarnings } from './capped-warnings';

export interface ProcSmapsRollupData extends SmapsFields {
  pid: number | null;
  /** The `[rollup]` line's range (lowest start, highest end), hex text; null when the header is missing. */
  rangeStart: string | null;
  rangeEnd: string | null;
  /** Every key as written, with its value text as written. */
  raw: Record<string, string>;
  lines: Record<string, number>;
}

export function detectSmapsRollup(head: string, path: string): number {
  const lines = headLines(head, 60);
  let rollupHeader = false;
  let mappingLines = 0;
  let pssKeys = 0;
  let kbLines = 0;
  let other = 0;
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') continue;
    const mapping = readMappingLine(t);
    if (mapping) {
      mappingLines++;
      if (mapping.path === '[rollup]') rollupHeader = true;
      continue;
    }
    const field = readColonField(t, 0);
    if (field && readSize(field.valueText).kind === 'kB') {
      kbLines++;
      if (field.key === 'Rss' || field.key.startsWith('Pss')) pssKeys++;
    } else other++;
  }
  if (rollupHeader && mappingLines === 1 && kbLines >= 3) return 0.96;
  // A pasted block without its header line: Rss/Pss but no mapping line and no Size (smaps has Size).
  if (mappingLines === 0 && pssKeys >= 2 && kbLines >= 5 && other <= 2) return /smaps_rollup/.test(path) ? 0.85 : 0.6;
  return 0;
}

export function parseSmapsRollup(text: string, ctx: ParseContext): ParseResult<ProcSmapsRollupData> {
  const data: ProcSmapsRollupData = { pid: pidFromPath(ctx.path), rangeStart: null, rangeEnd: null, ...emptySmapsFields(), raw: {}, lines: {} };
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const lineOf: Record<string, number> = Object.create(null) as Record<string, number>;
  const warnings: ParseWarning[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    const t = (all[i] ?? '').trim();
    if (t === '') continue;
    const mapping = readMappingLine(t);
    if (mapping) {
      if (data.rangeStart === null) {
        data.rangeStart = mapping.startAddress;
        data.rangeEnd = mapping.endAddress;
      } else warnings.push(warning('extra-mapping-line', `Line ${i + 1} is a second mapping line: is this smaps rather than smaps_rollup?`, i + 1));
      continue;
    }
    const field = readColonField(t, i + 1);
    if (!field) {
      skipped++;
      if (firstSkipped === 0) firstSkipped = i + 1;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(raw, field.key)) {
      warnings.push(warning('duplicate-key', `Key "${field.key}" appears again; the first value is kept.`, i + 1, { key: field.key }));
      continue;
    }
    raw[field.key] = field.valueText;
    lineOf[field.key] = i + 1;
    const target = smapsFieldFor(field.key);
    if (!target) continue;
    const size = readSize(field.valueText);
    if (size.kind === 'kB' && size.bytes !== null) data[target] = size.bytes;
    else warnings.push(warning('value-not-integer', `Value of "${field.key}" (${field.valueText}) is not a usable size; kept as text.`, i + 1, { key: field.key, value: field.valueText }));
  }
  if (skipped > 0) {
    warnings.push(warning('lines-skipped', `${skipped} line(s) are not "Key: value" and were skipped (first: line ${firstSkipped}).`, firstSkipped, { count: skipped }));
  }
  if (Object.keys(raw).length === 0) return { status: 'unusable', warnings: [warning('no-counters', 'No "Key: value" lines found.'), ...warnings] };
  if (data.rssBytes === null) warnings.push(warning('missing-key', 'Key "Rss" is not present.', undefined, { key: 'Rss' }));
  data.raw = { ...raw };
  data.lines = { ...lineOf };
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: data, warnings: capWarnings(warnings) };
}

export const smapsRollupFormat: FormatDefinition<ProcSmapsRollupData> = {
  id: 'proc-smaps-rollup',
  area: 'proc',
  detect: detectSmapsRollup,
  parse: parseSmapsRollup,
};
