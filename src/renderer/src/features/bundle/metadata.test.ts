import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, parseTags } from './metadata';

describe('parseTags', () => {
  it('splits on ASCII and Chinese commas, trims, drops empties and repeats', () => {
    expect(parseTags(' prod, oom ,,prod，内存 ')).toEqual(['prod', 'oom', '内存']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('capture time in the form', () => {
  it('round-trips through the local datetime-local value', () => {
    const iso = '2026-11-22T12:09:33.000Z';
    const local = isoToLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(localInputToIso(local)).toBe(iso);
  });
  it('treats empty or invalid as unknown', () => {
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('yesterday')).toBe('');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
  });
});
