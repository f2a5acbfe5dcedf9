/**
 * Seeded random numbers that are bit-for-bit the same on every platform and JavaScript engine.
 *
 * - Uniforms: xoshiro128** (Blackman and Vigna), a 32-bit generator built only from integer
 *   operations (`Math.imul`, shifts, xor, `>>> 0`), seeded through splitmix32. Integer
 *   arithmetic is exact everywhere.
 * - Normals: the inverse of the normal CDF (Acklam's rational approximation, relative error below
 *   1.15e-9) at a uniform (k + 0.5) / 2^32. The central 95% uses only + − × ÷; the tails need
 *   ln(p), computed here from the integer k by arithmetic alone (exponent from `Math.clz32`, an
 *   atanh series for the mantissa), and one `Math.sqrt`. IEEE 754 requires +, −, ×, ÷ and square
 *   root to be correctly rounded, and JavaScript evaluates each operation in double precision
 *   with no fused multiply-add, so every engine gives the same bits. `Math.log`, `Math.exp` and
 *   the trigonometric functions are not used: their results may differ in the last bit between
 *   engines.
 */

/** splitmix32 step: spreads a seed over the generator's state. */
function splitmix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * One xoshiro128** step on a state of four 32-bit words: advances the state, returns the next
 * 32-bit unsigned output. An Int32Array holds the words unboxed (object fields holding 32-bit
 * values above 2^30 would be heap numbers, one allocation per step); small enough to be inlined
 * into a hot loop.
 */
function xoshiroNext(s: Int32Array): number {
  const s1 = s[1];
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s[2] ^= s[0];
  s[3] ^= s1;
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 11) | (s[3] >>> 21);
  return result;
}

/** xoshiro128**: 32-bit outputs, period 2^128 − 1. */
export class Xoshiro128 {
  /** The state: four 32-bit words (see `xoshiroNext`). */
  readonly state = new Int32Array(4);

  /** `seed`: a whole number from 0 to 4,294,967,295 (taken modulo 2^32). */
  constructor(seed: number) {
    const mix = { x: seed >>> 0 };
    for (let i = 0; i < 4; i++) this.state[i] = splitmix32(mix) | 0;
    // The all-zero state is the one state xoshiro must avoid; splitmix32 never gives four zeros,
    // but guard anyway.
    if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    return xoshiroNext(this.state);
  }

  /** A uniform in (0, 1): (k + 0.5) / 2^32. */
  nextUniform(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_M32;
  }

  /** A standard normal draw: the inverse normal CDF at the next uniform. */
  nextNormal(): number {
    return normalFromUint32(this.nextUint32());
  }
}

// Acklam's coefficients.
const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;

/** Below this uniform (and above 1 − it) the tail formula applies. */
const P_LOW = 0.02425;
/** k with (k + 0.5) / 2^32 < P_LOW. */
const K_LOW = Math.floor(P_LOW * 4294967296 - 0.5);
const K_HIGH = 4294967295 - K_LOW;

const LN2 = 0.6931471805599453;
/** 1, 1/3, 1/5, …, 1/25: the atanh series' coefficients. */
const INV_ODD = Float64Array.from({ length: 13 }, (_, k) => 1 / (2 * k + 1));
/** 2^-e for e = 0…31 (exact). */
const INV_POW2 = Float64Array.from({ length: 32 }, (_, e) => 1 / 2 ** e);
/** 2^-32: multiplying by it is exact, like dividing by 2^32. */
const TWO_POW_M32 = 2.3283064365386963e-10;
const SQRT2 = 1.4142135623730951;

/**
 * ln(n × 2^shift) for an integer n ≥ 1 below 2^31, by arithmetic only: n = m × 2^e with m in
 * [1/√2, √2), ln m = 2·atanh((m − 1)/(m + 1)) as a series (|s| < 0.172, 13 terms: error below
 * 1e-19), plus (e + shift)·ln 2.
 */
export function lnScaled(n: number, shift: number): number {
  let e = 31 - Math.clz32(n);
  let m = n * INV_POW2[e]; // exact: scaling by a power of two
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // s·(1 + s²/3 + s⁴/5 + … + s²⁴/25), Horner form.
  let poly = INV_ODD[INV_ODD.length - 1];
  for (let k = INV_ODD.length - 2; k >= 0; k--) poly = poly * s2 + INV_ODD[k];
  const sum = s * poly;
  return 2 * sum + (e + shift) * LN2;
}

/** Acklam's tail: the normal quantile at p = (2k + 1) / 2^33 (p < P_LOW), from the integer k. */
function lowerTail(k: number): number {
  const q = Math.sqrt(-2 * lnScaled(2 * k + 1, -33));
  return (
    (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) /
    ((((D1 * q + D2) * q + D3) * q + D4) * q + 1)
  );
}

/** The standard normal quantile at the uniform (k + 0.5) / 2^32, k an unsigned 32-bit integer. */
export function normalFromUint32(k: number): number {
  if (k < K_LOW) return lowerTail(k);
  if (k > K_HIGH) return -lowerTail(4294967295 - k);
  const q = (k + 0.5) * TWO_POW_M32 - 0.5;
  const r = q * q;
  return (
    ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
    (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
  );
}
