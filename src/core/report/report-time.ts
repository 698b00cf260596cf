// Times in the report: one unambiguous form for every reader and machine (UTC, ISO-like), e.g.
//   2026-11-22T12:09:35.554Z → "2026-11-22 12:09:35 UTC"
//   1515.710152 (dmesg seconds since boot) → "1515.7 s after boot"

/** An ISO 8601 time as `YYYY-MM-DD HH:MM:SS UTC`; the input itself when it is not a date. */
export function formatReportTime(iso: string | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} UTC`;
}

/** Seconds since boot with one decimal (a dmesg timestamp has microseconds nobody reads in a report). */
export function formatUptimeSeconds(seconds: number): string {
  return seconds.toFixed(1);
}
