// One file in, its detected format and parse result out. Used by the import worker and the CLI alike.
import type { ParseStatus, ParseWarning } from './format';
import { warning } from './format';
import { DETECT_HEAD_CHARS, detectFormat, findFormat, parseWithFormat, UNKNOWN_FORMAT_ID, type Detection } from './registry';

export interface ParsedFile {
  path: string;
  formatId: string;
  status: ParseStatus;
  warnings: ParseWarning[];
  /** The format's parse result; null when unrecognised or unusable. */
  data: unknown;
  detection: Detection;
}

export function parseFileText(path: string, text: string, fileId = path): ParsedFile {
  const detection = detectFormat(text.slice(0, DETECT_HEAD_CHARS), path);
  const format = findFormat(detection.formatId);
  if (detection.formatId === UNKNOWN_FORMAT_ID || !format) {
    return {
      path,
      formatId: UNKNOWN_FORMAT_ID,
      status: 'unusable',
      warnings: [warning('unrecognised', `Not recognised: ${detection.reason ?? 'no known format matches.'}`, undefined, { reason: detection.reason ?? '' })],
      data: null,
      detection,
    };
  }
  const result = parseWithFormat(format, text, { fileId, path });
  return { path, formatId: format.id, status: result.status, warnings: result.warnings, data: result.value ?? null, detection };
}
