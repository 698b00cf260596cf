// Trimming by scanning, not by regular expression: `/\/+$/` on a string with a long run of the
// character followed by something else takes quadratic time (each start position rescans the run).
//   trimTrailing('/kubepods/burstable//', '/') → '/kubepods/burstable'
//   trimTrailing('////', '/')                  → ''
//   trimTrailing('a///b', '/')                 → 'a///b'

/** `text` without the run of `char` (one UTF-16 unit) at its end. */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return end === text.length ? text : text.slice(0, end);
}
