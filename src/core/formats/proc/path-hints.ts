// What a bundle path says about a file: its base name and, under `proc/<pid>/`, the PID.
// Paths are hints only (detection is by content), but for one-number files and per-process
// files the path is the only place that names the file or the process.

/** The last segment of a path, with either separator. */
export function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/** The directory part of a path (without the trailing separator), or '' when there is none. */
export function dirName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(0, slash) : '';
}

const PROC_PID = /(?:^|[/\\])proc[/\\](\d{1,10})[/\\]/;

/** PID from a `…/proc/<pid>/…` path, or null. */
export function pidFromPath(path: string): number | null {
  const m = PROC_PID.exec(path);
  if (!m || m[1] === undefined) return null;
  const pid = Number(m[1]);
  return Number.isSafeInteger(pid) ? pid : null;
}

/**
 * True when `name` is `known` itself or `known` followed by a separator and more text, so that
 * renamed copies (`memory.max.telegraf-96GiB.txt`, `oom_score.lab-20800.txt`) still name their file.
 * `memory.max_usage_in_bytes` does not start with `memory.max` + separator, so it never matches `memory.max`.
 */
export function nameStartsWith(name: string, known: string): boolean {
  if (!name.startsWith(known)) return false;
  if (name.length === known.length) return true;
  const next = name.charAt(known.length);
  return next === '.' || next === ' ' || next === '-' || next === '(' || next === '~';
}
