// `/proc/<pid>/oom_score` (the badness the OOM killer would give the process now, 0…2000) and
// `/proc/<pid>/oom_score_adj` (−1000…1000; the kubelet sets it per QoS class), plus the legacy
// `oom_adj`. One integer each; only the name tells them apart. Samples:
//   1334
//   999
//   -997
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { parseInteger } from '../text/numbers';
import { knownFileFor, readSingleValue, singleValueScore } from '../cgroup/single-value-files';
import { pidFromPath } from './path-hints';
import { capWarnings } from './capped-warnings';

export interface ProcOomScoreData {
  /** `oom_score`, `oom_score_adj` or `oom_adj`. */
  file: string;
  /** From a `…/proc/<pid>/…` path (or a pasted `cat /proc/<pid>/oom_score` line); null otherwise. */
  pid: number | null;
  value: number | null;
  rawText: string;
  line: number;
}

const RANGES: Record<string, [number, number]> = { oom_score: [0, 2000], oom_score_adj: [-1000, 1000], oom_adj: [-17, 15] };

export function parseProcOomScore(text: string, ctx: ParseContext): ParseResult<ProcOomScoreData> {
  const read = readSingleValue(text);
  const known = knownFileFor(ctx.path, read);
  if (!read || !known || known.formatId !== 'proc-oom-score') {
    return { status: 'unusable', warnings: [warning('not-single-value', 'The file does not hold exactly one number (or its name is not oom_score/oom_score_adj).')] };
  }
  const warnings: ParseWarning[] = [];
  const parsed = parseInteger(read.valueText, true);
  let value: number | null = null;
  if (parsed.ok) {
    value = parsed.value;
    const range = RANGES[known.name];
    if (range && (value < range[0] || value > range[1])) {
      warnings.push(warning('value-out-of-range', `${known.name} ${value} is outside ${range[0]}…${range[1]}.`, read.line, { key: known.name, value }));
    }
  } else {
    warnings.push(warning('value-not-integer', `Value "${read.valueText}" is not a usable integer (${parsed.reason}); kept as text.`, read.line, { key: known.name, value: read.valueText }));
  }
  const pid = pidFromPath(ctx.path) ?? (read.commandPath ? pidFromPath(read.commandPath) : null);
  return {
    status: warnings.length > 0 ? 'partial' : 'parsed',
    value: { file: known.name, pid, value, rawText: read.valueText, line: read.line },
    warnings: capWarnings(warnings),
  };
}

export const procOomScoreFormat: FormatDefinition<ProcOomScoreData> = {
  id: 'proc-oom-score',
  area: 'proc',
  detect: (head, path) => singleValueScore('proc-oom-score', head, path),
  parse: parseProcOomScore,
};
