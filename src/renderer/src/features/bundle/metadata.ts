// Pure helpers for the metadata form: tags as typed, and ISO times ↔ <input type=datetime-local>.

/** "prod, oom  ,prod" → ["prod", "oom"]: trimmed, no empties, no repeats, order kept. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,，]/)) {
    const tag = part.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 → `YYYY-MM-DDTHH:mm:ss` in the local time zone (what datetime-local shows). */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The input's local time → ISO 8601 (UTC); null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
