// One line of the Prometheus text exposition format, scanned by hand (no regular expression):
// `name{label="value",…} value [timestamp]`. Linear in the line's length; a line cut short
// (`cut -b 1-200`, a pager) is reported as truncated rather than guessed at. Sample:
//   container_memory_working_set_bytes{container="",id="/kubepods",pod=""} 5.49412864e+08 1626540112334

export type PrometheusLine =
  | { kind: 'blank' }
  | { kind: 'comment'; text: string }
  | { kind: 'sample'; name: string; labels: [string, string][]; valueText: string; timestampText: string | null }
  | { kind: 'truncated'; name: string }
  | { kind: 'malformed' };

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

export function scanPrometheusLine(line: string): PrometheusLine {
  const n = line.length;
  let i = 0;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (i >= n) return { kind: 'blank' };
  if (line.charCodeAt(i) === 35) return { kind: 'comment', text: line.slice(i) };
  if (!isNameStart(line.charCodeAt(i))) return { kind: 'malformed' };
  const nameStart = i;
  while (i < n && isNameChar(line.charCodeAt(i))) i++;
  const name = line.slice(nameStart, i);
  const labels: [string, string][] = [];
  if (line.charCodeAt(i) === 123) {
    i++;
    while (true) {
      while (i < n && (isSpace(line.charCodeAt(i)) || line.charCodeAt(i) === 44)) i++;
      if (i >= n) return { kind: 'truncated', name };
      if (line.charCodeAt(i) === 125) {
        i++;
        break;
      }
      const labelStart = i;
      while (i < n && isNameChar(line.charCodeAt(i))) i++;
      const label = line.slice(labelStart, i);
      if (i >= n) return { kind: 'truncated', name };
      if (label === '' || line.charCodeAt(i) !== 61) return { kind: 'malformed' };
      i++;
      if (i >= n) return { kind: 'truncated', name };
      if (line.charCodeAt(i) !== 34) return { kind: 'malformed' };
      i++;
      let value = '';
      let start = i;
      let closed = false;
      while (i < n) {
        const c = line.charCodeAt(i);
        if (c === 34) {
          value += line.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (c === 92 && i + 1 < n) {
          value += line.slice(start, i);
          const e = line.charAt(i + 1);
          value += e === 'n' ? '\n' : e;
          i += 2;
          start = i;
          continue;
        }
        i++;
      }
      if (!closed) return { kind: 'truncated', name };
      labels.push([label, value]);
    }
  }
  if (i < n && !isSpace(line.charCodeAt(i))) return { kind: 'malformed' };
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (i >= n) return { kind: 'truncated', name };
  const valueStart = i;
  while (i < n && !isSpace(line.charCodeAt(i))) i++;
  const valueText = line.slice(valueStart, i);
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  let timestampText: string | null = null;
  if (i < n) {
    const tsStart = i;
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    timestampText = line.slice(tsStart, i);
  }
  return { kind: 'sample', name, labels, valueText, timestampText };
}

// The dot is required to enter the fraction group, so no two quantifiers compete for the digits.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sample value as an exact integer, or why not (huge counters, NaN, +Inf, fractions). */
export function sampleInteger(valueText: string): { ok: true; value: number } | { ok: false; reason: 'not-a-number' | 'too-large' | 'not-integer' | 'negative' } {
  if (!NUMBER.test(valueText)) return { ok: false, reason: 'not-a-number' };
  const v = Number(valueText);
  if (!Number.isFinite(v)) return { ok: false, reason: 'not-a-number' };
  if (v < 0) return { ok: false, reason: 'negative' };
  if (v > Number.MAX_SAFE_INTEGER) return { ok: false, reason: 'too-large' };
  if (!Number.isInteger(v)) return { ok: false, reason: 'not-integer' };
  return { ok: true, value: v === 0 ? 0 : v };
}
