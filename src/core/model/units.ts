// Byte sizes for people: binary IEC units by default (the kernel's "kB" is KiB), decimal on request.

export type SizeUnits = 'iec' | 'si';

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const SI = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number | null | undefined, units: SizeUnits = 'iec', fractionDigits = 1): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const base = units === 'iec' ? 1024 : 1000;
  const names = units === 'iec' ? IEC : SI;
  const sign = bytes < 0 ? '−' : '';
  let value = Math.abs(bytes);
  let i = 0;
  while (value >= base && i < names.length - 1) {
    value /= base;
    i++;
  }
  const digits = i === 0 ? 0 : fractionDigits;
  return `${sign}${value.toFixed(digits)} ${names[i]}`;
}

export function formatPercent(part: number, whole: number, fractionDigits = 1): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return '—';
  return `${((part / whole) * 100).toFixed(fractionDigits)}%`;
}

export const KIB = 1024;
export const PAGE_SIZE_BYTES = 4096;
