/**
 * Integer and float arithmetic with the semantics the reference results were computed with:
 * floor division and modulo toward minus infinity, `%` on floats taking the divisor's sign,
 * round-half-even, and correctly rounded decimal rounding. Every tier uses these so that each
 * number agrees with the reference cases to the last bit.
 */

/** Floor division (`a // b` on integers). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Integer modulo whose result has the divisor's sign (`a % b` on integers). */
export function pyMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m + 0;
}

/** Float modulo: fmod, then moved into the divisor's sign; a zero result carries the divisor's sign. */
export function pyFloatMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0) {
    if (m < 0 !== b < 0) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}

/** `round(x)` to an integer: half-way cases go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f + 0;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f + 0 : f + 1;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `round(x, ndigits)` for 0 <= ndigits <= 22: the exact decimal value of the double is rounded
 * (half-even only on exact ties), then read back as the nearest double. The scaled product is
 * decisive unless it lies within its own rounding error of a half; only then is exact
 * arithmetic needed.
 */
export function roundTo(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (!Number.isInteger(ndigits) || ndigits < 0 || ndigits > 22) throw new RangeError(`ndigits must be 0..22, got ${ndigits}`);
  if (Math.abs(x) >= 2 ** 52) return x;
  const scale = POW10[ndigits]!;
  const y = x * scale;
  if (Math.abs(y) >= 2 ** 52) return x;
  const f = Math.floor(y);
  const diff = y - f;
  const slack = Math.abs(y) * 2 ** -50 + Number.MIN_VALUE;
  let n: number;
  if (Math.abs(diff - 0.5) > slack) {
    n = diff < 0.5 ? f : f + 1;
  } else {
    n = exactRoundScaled(x, ndigits);
  }
  const r = n / scale;
  // Python keeps the sign of a result that rounds to zero.
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

/** Round x * 10^ndigits to an integer, half-even, with exact rational arithmetic. */
function exactRoundScaled(x: number, ndigits: number): number {
  const [mantissa, exponent] = decompose(x);
  // x * 10^n = mantissa * 2^exponent * 10^n; compare 2 * that against odd numbers to find ties.
  let num = mantissa * 10n ** BigInt(ndigits);
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  const negative = num < 0n;
  if (negative) num = -num;
  const q = num / den;
  const rem2 = (num - q * den) * 2n;
  let n = q;
  if (rem2 > den || (rem2 === den && q % 2n === 1n)) n = q + 1n;
  const result = Number(n);
  return negative ? -result : result;
}

/** A finite double as an exact integer mantissa and a power of two. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return [sign * mantissa, exponent];
}

/**
 * Python's `str.strip()` with no argument: strips what `str.isspace` calls whitespace, which
 * differs from String.prototype.trim (U+001C..U+001F and U+0085 are stripped, U+FEFF is not).
 */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** An integer as `format(n, "0<width>d")`: zero padded to the width, the sign counted in it. */
export function padInt(n: number, width: number): string {
  if (n >= 0) {
    const s = String(n);
    return s.length >= width ? s : "0".repeat(width - s.length) + s;
  }
  const s = String(-n);
  return s.length >= width - 1 ? "-" + s : "-" + "0".repeat(width - 1 - s.length) + s;
}

/** Two-digit zero-padded strings for 0..99, for hot formatting paths. */
export const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + String(i));

/** `seq[i]` with Python's negative indices; out of range throws like an IndexError. */
export function pyIndex<T>(seq: readonly T[], i: number, what: string): T {
  const j = i < 0 ? i + seq.length : i;
  if (!Number.isInteger(j) || j < 0 || j >= seq.length) throw new RangeError(`${what} index out of range: ${i}`);
  return seq[j]!;
}

/** Sum of the decimal digits of a non-negative integer (`sum(int(c) for c in str(n))`). */
export function digitSum(n: number): number {
  let s = 0;
  while (n > 0) {
    const q = Math.floor(n / 10);
    s += n - q * 10;
    n = q;
  }
  return s;
}
