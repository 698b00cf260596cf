// Pure: sizes on the Compare screen in the units chosen there — binary (MiB), decimal (MB), or
// exact bytes (`121,344,000 B`) when two figures differ by a few pages.
import { formatBytes, type Locale, type SizeUnits } from '../../../../core';

export type CompareUnits = SizeUnits | 'bytes';
export const COMPARE_UNITS: readonly CompareUnits[] = ['iec', 'si', 'bytes'];

export function isCompareUnits(v: unknown): v is CompareUnits {
  return v === 'iec' || v === 'si' || v === 'bytes';
}

export function compareBytes(value: number | null | undefined, units: CompareUnits, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (units !== 'bytes') return formatBytes(value, units);
  const text = new Intl.NumberFormat(locale).format(Math.abs(value));
  return `${value < 0 ? '−' : ''}${text} B`;
}

/** With its sign always written: +26.0 MiB, −5.1 MiB, ±0 B. */
export function compareSigned(value: number | null | undefined, units: CompareUnits, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return `±${compareBytes(0, units, locale)}`;
  return value > 0 ? `+${compareBytes(value, units, locale)}` : compareBytes(value, units, locale);
}

export function comparePercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  const text = Math.abs(pct) >= 100 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1);
  return pct === 0 ? '±0%' : `${pct > 0 ? '+' : '−'}${text}%`;
}

/** Units for the engine's sentences (describeEntry knows binary and decimal only). */
export function sentenceUnits(units: CompareUnits): SizeUnits {
  return units === 'si' ? 'si' : 'iec';
}
