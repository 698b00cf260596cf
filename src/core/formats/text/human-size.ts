// Sizes that tools print for people: docker/crictl (`55.69MiB`, `30.65MB`, `31.1kB`, `0B`),
// util-linux and vmtouch (`198,1K`, `568M`, `1G`). Such a figure is rounded by the tool, so the
// result says it is approximate unless the text is a plain byte count.
// go-units (docker, crictl): `kB`/`MB`/`GB` are powers of 1000, `KiB`/`MiB`/`GiB` powers of 1024.
// util-linux size_to_human_string and vmtouch print one letter (`K`, `M`, `G`) for powers of 1024.

export interface HumanSize {
  bytes: number;
  /** True when the tool rounded (any unit above bytes): never present it as an exact count. */
  approximate: boolean;
}

const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  b: 1,
  bytes: 1,
  K: 1024,
  k: 1024,
  Ki: 1024,
  KiB: 1024,
  M: 1024 ** 2,
  Mi: 1024 ** 2,
  MiB: 1024 ** 2,
  G: 1024 ** 3,
  Gi: 1024 ** 3,
  GiB: 1024 ** 3,
  T: 1024 ** 4,
  Ti: 1024 ** 4,
  TiB: 1024 ** 4,
  P: 1024 ** 5,
  Pi: 1024 ** 5,
  PiB: 1024 ** 5,
  E: 1024 ** 6,
  EiB: 1024 ** 6,
  kB: 1000,
  KB: 1000,
  MB: 1000 ** 2,
  GB: 1000 ** 3,
  TB: 1000 ** 4,
  PB: 1000 ** 5,
  EB: 1000 ** 6,
};

const SIZE = /^(\d{1,20}(?:[.,]\d{1,12})?)[ ]?([A-Za-z]{0,5})$/;

/** null when the text is not a size. A decimal comma (`198,1K`, some locales) is a decimal point. */
export function parseHumanSize(text: string): HumanSize | null {
  const m = SIZE.exec(text.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  if (!Object.prototype.hasOwnProperty.call(UNITS, m[2])) return null;
  const multiplier = UNITS[m[2]] ?? 1;
  const value = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const bytes = Math.round(value * multiplier);
  if (!Number.isSafeInteger(bytes)) return null;
  return { bytes, approximate: multiplier > 1 || !Number.isInteger(value) };
}

/**
 * A size with an optional one-letter binary suffix, as the JVM (`-Xmx8g`, `-Xss1m`) and tmpfs
 * (`size=65536k`) take it: k/K = KiB, m/M = MiB, g/G = GiB, t/T = TiB, none = bytes. Exact.
 */
export function parseBinarySuffixSize(text: string): number | null {
  const m = /^(\d{1,19})([kKmMgGtT]?)$/.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  const shift: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  const bytes = Number(m[1]) * (shift[(m[2] ?? '').toLowerCase()] ?? 1);
  return Number.isSafeInteger(bytes) ? bytes : null;
}
