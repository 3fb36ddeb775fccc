/**
 * cos(x) rounded correctly to the nearest double. Math.cos may differ from the C library's cos
 * in the last bit, which shows in unrounded results; this evaluates the cosine in fixed point
 * (exact argument, Machin pi with enough bits for the argument's size, Taylor series) and rounds
 * once. It is slow (BigInt), so hot paths use Math.cos and come here only when the last bit can
 * matter.
 */

const FRAC_BITS = 320n;
const ONE = 1n << FRAC_BITS;

const piCache = new Map<bigint, bigint>();

/** pi * 2^bits, from Machin's formula. */
function piScaled(bits: bigint): bigint {
  let pi = piCache.get(bits);
  if (pi === undefined) {
    const scale = 1n << (bits + 16n);
    const arctanInv = (n: bigint): bigint => {
      let sum = 0n;
      let term = scale / n;
      const n2 = n * n;
      for (let k = 1n; term !== 0n; k += 2n) {
        sum += (k % 4n === 1n ? 1n : -1n) * (term / k);
        term /= n2;
      }
      return sum;
    };
    pi = (16n * arctanInv(5n) - 4n * arctanInv(239n)) >> 16n;
    piCache.set(bits, pi);
  }
  return pi;
}

/** Taylor series of cos (odd = false) or sin (odd = true) for |r| <= pi/4, all at 2^FRAC_BITS. */
function series(r: bigint, odd: boolean): bigint {
  const r2 = (r * r) >> FRAC_BITS;
  let term = odd ? r : ONE;
  let sum = term;
  for (let k = odd ? 2n : 1n; term !== 0n; k += 2n) {
    term = -((term * r2) >> FRAC_BITS) / (k * (k + 1n));
    sum += term;
  }
  return sum;
}

export function correctlyRoundedCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const ax = Math.abs(x);
  // Below 2^-27, 1 - x^2/2 is within half an ulp of 1.
  if (ax < 2 ** -27) return 1;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const mantissa = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(view.getUint32(4));
  const exponent = BigInt(((hi >>> 20) & 0x7ff) - 1075);
  // Guard bits cover the size of the quotient x / (pi/2), so the remainder keeps FRAC_BITS.
  const guard = 64n + (exponent + 53n > 0n ? exponent + 53n : 0n);
  const fixed = mantissa << (exponent + FRAC_BITS + guard);
  const halfPi = piScaled(FRAC_BITS + guard) >> 1n;
  const k = (fixed + (halfPi >> 1n)) / halfPi;
  const r = (fixed - k * halfPi) >> guard;
  let y: bigint;
  switch (Number(k % 4n)) {
    case 0: y = series(r, false); break;
    case 1: y = -series(r, true); break;
    case 2: y = -series(r, false); break;
    default: y = series(r, true); break;
  }
  // Number(bigint) rounds to nearest-even; the power-of-two scaling after it is exact.
  return Number(y) * 2 ** -Number(FRAC_BITS);
}
