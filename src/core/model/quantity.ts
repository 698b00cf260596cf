// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource, quantity.go), as written in
// pod specs, `kubectl describe`, `kubectl top` and metrics.k8s.io: `512Mi`, `1G`, `2513804Ki`,
// `129e6`, `1.5Gi`, `100m`, `1045813398n`, `0`.
// Grammar (parseQuantityString): [+-] digits [. digits] then one suffix: a binary-SI one
// (Ki Mi Gi Ti Pi Ei = 2^10…2^60), a decimal-SI one (n u m "" k M G T P E = 10^-9…10^18) or a
// decimal exponent (e/E and a signed integer). `K`, `KB`, `MiB`, `1i` are not quantities.
// Memory becomes whole bytes rounded up, as Quantity.Value() does (`100m` of memory is 1 byte);
// CPU becomes cores (`100m` = 0.1), exact to the nanocore, rounded up like MilliValue().
// The arithmetic is done on exact integers (BigInt), so `1.5Gi` is exactly 1610612736.

export type QuantityError = 'empty' | 'too-long' | 'format' | 'suffix' | 'negative' | 'too-large';

export type MemoryQuantity =
  | { ok: true; bytes: number; /** The quantity had a fraction of a byte, rounded up. */ rounded: boolean }
  | { ok: false; reason: QuantityError };

export type CpuQuantity =
  | { ok: true; cores: number; nanoCores: number; /** Finer than a nanocore, rounded up. */ rounded: boolean }
  | { ok: false; reason: QuantityError };

// Maps, not object literals: a suffix read from the input such as `constructor` must not find Object's own.
const BINARY_SHIFT = new Map<string, bigint>([
  ['Ki', 10n],
  ['Mi', 20n],
  ['Gi', 30n],
  ['Ti', 40n],
  ['Pi', 50n],
  ['Ei', 60n],
]);
const DECIMAL_EXP = new Map<string, number>([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
/** Longest text accepted: the largest sensible quantity is far shorter; this bounds the BigInt work. */
const MAX_LENGTH = 64;
const MAX_EXPONENT = 40;

interface Rational {
  numerator: bigint;
  denominator: bigint;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Exact value of a non-negative quantity as numerator/denominator, or why it is not one. */
function parseExact(input: string): { ok: true; value: Rational } | { ok: false; reason: QuantityError } {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'too-long' };
  let pos = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    pos++;
  }
  const intStart = pos;
  while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
  const intDigits = text.slice(intStart, pos);
  let fracDigits = '';
  if (text[pos] === '.') {
    pos++;
    const fracStart = pos;
    while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
    fracDigits = text.slice(fracStart, pos);
  }
  // Kubernetes accepts `.5` and `5.`; a quantity with no digit at all is refused here.
  if (intDigits === '' && fracDigits === '') return { ok: false, reason: 'format' };
  const suffix = text.slice(pos);
  const mantissa = BigInt((intDigits === '' ? '0' : intDigits) + fracDigits);
  let numerator = mantissa;
  let denominator = 10n ** BigInt(fracDigits.length);
  const shift = BINARY_SHIFT.get(suffix);
  const decimal = DECIMAL_EXP.get(suffix);
  if (shift !== undefined) numerator <<= shift;
  else if (decimal !== undefined) {
    if (decimal >= 0) numerator *= 10n ** BigInt(decimal);
    else denominator *= 10n ** BigInt(-decimal);
  } else if (suffix[0] === 'e' || suffix[0] === 'E') {
    const exponentText = suffix.slice(1);
    if (!/^[+-]?\d{1,9}$/.test(exponentText)) return { ok: false, reason: 'suffix' };
    const exponent = Number(exponentText);
    if (mantissa !== 0n && exponent > MAX_EXPONENT) return { ok: false, reason: 'too-large' };
    if (exponent >= 0) numerator *= 10n ** BigInt(Math.min(exponent, MAX_EXPONENT));
    else denominator *= 10n ** BigInt(Math.min(-exponent, MAX_EXPONENT + 30));
  } else {
    return { ok: false, reason: /^[0-9A-Za-z+-]*$/.test(suffix) ? 'suffix' : 'format' };
  }
  if (negative && numerator !== 0n) return { ok: false, reason: 'negative' };
  return { ok: true, value: { numerator, denominator } };
}

function ceilDiv(a: bigint, b: bigint): { quotient: bigint; exact: boolean } {
  const q = a / b;
  const exact = q * b === a;
  return { quotient: exact ? q : q + 1n, exact };
}

/** A memory (or storage) quantity in whole bytes. */
export function parseMemoryQuantity(text: string): MemoryQuantity {
  const exact = parseExact(text);
  if (!exact.ok) return exact;
  const { quotient, exact: whole } = ceilDiv(exact.value.numerator, exact.value.denominator);
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  return { ok: true, bytes: Number(quotient), rounded: !whole };
}

/** A CPU quantity in cores (`250m` = 0.25, `1045813398n` = 1.045813398). */
export function parseCpuQuantity(text: string): CpuQuantity {
  const exact = parseExact(text);
  if (!exact.ok) return exact;
  const { quotient, exact: whole } = ceilDiv(exact.value.numerator * 1_000_000_000n, exact.value.denominator);
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  const nanoCores = Number(quotient);
  return { ok: true, cores: nanoCores / 1e9, nanoCores, rounded: !whole };
}

/** Bytes of a memory quantity, or null when absent or not a quantity. */
export function memoryQuantityBytes(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const q = parseMemoryQuantity(text);
  return q.ok ? q.bytes : null;
}

/** Cores of a CPU quantity, or null when absent or not a quantity. */
export function cpuQuantityCores(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const q = parseCpuQuantity(text);
  return q.ok ? q.cores : null;
}
