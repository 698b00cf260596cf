// A loop script's log of repeated memory.stat samples (seed 004's shmem-leak-check.log): a date line,
// free text, then `key value` lines, unprefixed (`egrep … $dir/memory.stat`) or grep-prefixed with
// the file they came from (`egrep … $dir/docker-*/memory.stat`). Sample:
//   Thu Nov 18 13:37:49 CST 2021
//   total_shmem 9069502464
//   /sys/fs/cgroup/memory/kubepods.slice/…/docker-3eb2….scope/memory.stat:total_rss 6373216256
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines, splitLines } from '../text/lines';
import { parseInteger } from '../text/numbers';
import { dirName } from '../proc/path-hints';
import { readSampleTime, type SampleTime } from './sample-time';
import { capWarnings } from '../proc/capped-warnings';

export interface MemstatGroup {
  /** The file the lines came from, as grep printed it; null for unprefixed lines. */
  path: string | null;
  /** The cgroup directory: the prefix's directory, or for unprefixed lines the last cgroup path the sample mentioned. */
  cgroupPath: string | null;
  /** True when cgroupPath was taken from the sample's text rather than from a grep prefix. */
  cgroupPathInferred: boolean;
  /** Keys as written; a value that is not a safe integer stays text. */
  raw: Record<string, number | string>;
  lines: Record<string, number>;
}

export interface MemstatSample {
  /** The sample's date line; null for lines before the first date. */
  time: SampleTime | null;
  line: number;
  lineEnd: number;
  groups: MemstatGroup[];
  /** Other lines of the sample (ls output, container names, the script's echo lines), as written. */
  notes: { line: number; text: string }[];
}

export interface MemstatSeriesData {
  samples: MemstatSample[];
}

const PREFIXED = /^([^\s:]{1,4096}):(?:\d{1,9}:)?([A-Za-z_][A-Za-z0-9_]{0,80})[ \t]+(-?\d{1,25})$/;
const PLAIN = /^([A-Za-z_][A-Za-z0-9_]{0,80})[ \t]+(-?\d{1,25})$/;
// A line that starts with a cgroup directory (`/sys/fs/cgroup/memory/… has this docker dir`).
const CGROUP_DIR = /^(\/sys\/fs\/cgroup\/\S{1,4096})/;
const MAX_NOTES = 50;

export function detectMemstatSeries(head: string, _path: string): number {
  let dates = 0;
  let kv = 0;
  const prefixes = new Set<string>();
  for (const raw of headLines(head, 600)) {
    const t = raw.trim();
    if (t === '') continue;
    if (readSampleTime(t)) dates++;
    else {
      const p = PREFIXED.exec(t);
      if (p && p[1] !== undefined && /memory\.stat$/.test(p[1])) {
        prefixes.add(p[1]);
        kv++;
      } else if (PLAIN.test(t)) kv++;
    }
  }
  if (kv < 2) return 0;
  if (dates >= 1 && (prefixes.size >= 1 || dates >= 2)) return 0.97;
  if (prefixes.size >= 2) return 0.9;
  return 0;
}

function newGroup(path: string | null, cgroupPath: string | null, inferred: boolean): MemstatGroup {
  return { path, cgroupPath, cgroupPathInferred: inferred, raw: Object.create(null) as Record<string, number | string>, lines: Object.create(null) as Record<string, number> };
}

export function parseMemstatSeries(text: string, _ctx: ParseContext): ParseResult<MemstatSeriesData> {
  const warnings: ParseWarning[] = [];
  const samples: MemstatSample[] = [];
  let sample: MemstatSample | null = null;
  let lastCgroupDir: string | null = null;
  let group: MemstatGroup | null = null;
  const lines = splitLines(text);
  const ensureSample = (n: number): MemstatSample => {
    if (!sample) {
      sample = { time: null, line: n, lineEnd: n, groups: [], notes: [] };
      samples.push(sample);
    }
    return sample;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    const n = i + 1;
    if (t === '' || t === '--') continue;
    const time = readSampleTime(t);
    if (time) {
      sample = { time, line: n, lineEnd: n, groups: [], notes: [] };
      samples.push(sample);
      lastCgroupDir = null;
      group = null;
      continue;
    }
    const prefixed = PREFIXED.exec(t);
    const plain = prefixed ? null : PLAIN.exec(t);
    if (prefixed || plain) {
      const s = ensureSample(n);
      const path = prefixed ? (prefixed[1] ?? null) : null;
      const key = (prefixed ? prefixed[2] : plain?.[1]) ?? '';
      const valueText = (prefixed ? prefixed[3] : plain?.[2]) ?? '';
      // A new group starts when the source file changes, or when a key repeats within the same file.
      if (!group || group.path !== path || Object.prototype.hasOwnProperty.call(group.raw, key)) {
        group = path !== null ? newGroup(path, dirName(path) || null, false) : newGroup(null, lastCgroupDir, lastCgroupDir !== null);
        s.groups.push(group);
      }
      const parsed = parseInteger(valueText, true);
      group.raw[key] = parsed.ok ? parsed.value : valueText;
      group.lines[key] = n;
      if (!parsed.ok) warnings.push(warning('value-not-integer', `Value of "${key}" (${valueText}) is not a usable integer (${parsed.reason}); kept as text.`, n, { key, value: valueText }));
      s.lineEnd = n;
      continue;
    }
    const s = ensureSample(n);
    group = null;
    const dir = CGROUP_DIR.exec(t);
    if (dir && dir[1] !== undefined) lastCgroupDir = dir[1];
    if (s.notes.length < MAX_NOTES) s.notes.push({ line: n, text: t.length > 500 ? t.slice(0, 500) : t });
    s.lineEnd = n;
  }
  // Text before the first date line with no counters is a preamble, not a sample.
  const kept = samples.filter((s) => s.time !== null || s.groups.length > 0);
  for (const s of kept) {
    s.groups = s.groups.map((g) => ({ ...g, raw: { ...g.raw }, lines: { ...g.lines } }));
  }
  const withData = kept.filter((s) => s.groups.length > 0);
  if (withData.length === 0) return { status: 'unusable', warnings: [warning('memstat-no-samples', 'No memory.stat samples found.'), ...warnings] };
  if (kept.some((s) => s.time === null)) {
    warnings.push(warning('sample-without-time', 'Some counters come before any date line; their sample has no time.', undefined));
  }
  return { status: warnings.length > 0 ? 'partial' : 'parsed', value: { samples: kept }, warnings: capWarnings(warnings) };
}

export const memstatSeriesFormat: FormatDefinition<MemstatSeriesData> = {
  id: 'memstat-series',
  area: 'cgroup',
  detect: detectMemstatSeries,
  parse: parseMemstatSeries,
};
