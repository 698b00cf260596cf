// Every input format, in one explicit list. Detection is by content; the file name only breaks ties.
import type { FormatDefinition, ParseContext, ParseResult } from './format';
import { warning } from './format';
import { memoryStatV1Format } from './cgroup/memory-stat-v1';
import { memoryStatV2Format } from './cgroup/memory-stat-v2';
import { controlCharRatio } from './text/lines';

export const FORMATS: readonly FormatDefinition[] = [memoryStatV1Format, memoryStatV2Format];

export const UNKNOWN_FORMAT_ID = 'unknown';
/** Bytes of a file's start that detection looks at. */
export const DETECT_HEAD_CHARS = 64 * 1024;

export interface Detection {
  formatId: string;
  score: number;
  /** Runners-up above zero, best first: shown to the user when the choice was close. */
  alternatives: { formatId: string; score: number }[];
  /** Why nothing matched, when formatId is unknown. */
  reason?: string;
}

export function findFormat(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function detectFormat(head: string, path: string): Detection {
  const sample = head.length > DETECT_HEAD_CHARS ? head.slice(0, DETECT_HEAD_CHARS) : head;
  if (sample.trim() === '') return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'The file is empty.' };
  if (controlCharRatio(sample) > 0.1) {
    return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'The file looks binary, not text.' };
  }
  const scored = FORMATS.map((f) => ({ formatId: f.id, score: safeDetect(f, sample, path) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { formatId: UNKNOWN_FORMAT_ID, score: 0, alternatives: [], reason: 'No known format matches its content.' };
  return { formatId: best.formatId, score: best.score, alternatives: scored.slice(1) };
}

function safeDetect(format: FormatDefinition, head: string, path: string): number {
  try {
    const s = format.detect(head, path);
    return Number.isFinite(s) ? Math.max(0, Math.min(1, s)) : 0;
  } catch {
    return 0;
  }
}

/** Runs a format's parser; a thrown exception is a bug, reported as a warning rather than a crash. */
export function parseWithFormat(format: FormatDefinition, text: string, ctx: ParseContext): ParseResult<unknown> {
  try {
    return format.parse(text, ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'unusable', warnings: [warning('parser-failed', `The ${format.id} parser failed: ${message}`)] };
  }
}
