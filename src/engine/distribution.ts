/**
 * Distribution statistics of payouts. Inputs are validated by callers (finite, non-negative
 * where stated).
 */

/**
 * A copy divided by the largest magnitude: statistics that are ratios do not change, and sums
 * of values near the top of the double range no longer overflow.
 */
export function scaledToMax(values: ArrayLike<number>): Float64Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  const scale = max > 0 ? max : 1;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] / scale;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Sorts finite non-negative doubles ascending in O(n): for such values the IEEE-754 bit patterns
 * order like the numbers, so a least-significant-digit radix sort over the 64 bits (four 16-bit
 * digits) sorts them. Several times faster than TypedArray#sort on the 100,000-rep arrays the
 * scenario figures sort twice per scenario. Falls back to TypedArray#sort for anything else.
 */
export function sortNonNegative(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let a = Float64Array.from(values);
  for (let i = 0; i < n; i++) {
    if (!(a[i] >= 0) || a[i] === Infinity) return a.sort();
    a[i] += 0; // -0 becomes 0: its sign bit would sort it last
  }
  if (n < 256 || !LITTLE_ENDIAN) return a.sort();
  let b = new Float64Array(n);
  const counts = new Uint32Array(65536);
  for (let digit = 0; digit < 4; digit++) {
    const words = new Uint16Array(a.buffer, a.byteOffset, n * 4);
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[words[i * 4 + digit]]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) b[counts[words[i * 4 + digit]]++] = a[i];
    [a, b] = [b, a];
  }
  return a;
}

/**
 * Gini coefficient, population form: mean absolute difference / (2 × mean), computed on the
 * sorted values as (2 Σ i·x_(i)) / (n Σ x) − (n + 1) / n. 0 for all-zero input.
 */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  const sorted = sortNonNegative(scaledToMax(values));
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (total === 0) return 0;
  const g = (2 * weighted) / (n * total) - (n + 1) / n;
  // Rounding can leave -1e-17 for equal values; the coefficient is never negative.
  return Math.min(Math.max(g, 0), (n - 1) / n);
}

/** Number of values in the top `fraction`: ceil(n × fraction), immune to 10 × 0.3 = 3.0000000000000004. */
export function topCount(n: number, fraction: number): number {
  const exact = n * fraction;
  const rounded = Math.round(exact);
  const count = Math.abs(exact - rounded) < 1e-9 * Math.max(1, exact) ? rounded : Math.ceil(exact);
  return Math.min(n, Math.max(1, count));
}

/** Share of the (positive) total held by the top ceil(n × fraction) values. */
export function topShare(values: ArrayLike<number>, fraction: number): number {
  // Radix-sorted ascending (O(n) for the non-negative values COMP.TOPSHARE takes), then summed
  // from the largest down, the order the totals were always added in.
  const sorted = sortNonNegative(scaledToMax(values));
  const n = sorted.length;
  const k = topCount(n, fraction);
  let top = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = sorted[n - 1 - i];
    total += value;
    if (i < k) top += value;
  }
  return top / total;
}

/** Several PERCENTILE.INC values of the same data, sorting it once. */
export function percentilesInc(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = sortNonNegative(values);
  return ps.map((p) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  });
}

/** Pearson correlation; null with fewer than two values or no variance in either. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Ranks 1..n of the values, ascending; tied values share the average of the ranks they span
 * (three values tied for ranks 5, 6, 7 all get 6).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 hold ranks start+1..end; their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman rank correlation: Pearson correlation of the average ranks (ties share their average
 * rank). Values must be finite. null with fewer than two values or when either side has every
 * value tied (no variance in ranks).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new RangeError("spearman: x and y differ in length");
  if (x.length < 2) return null;
  const r = pearson(averageRanks(x), averageRanks(y));
  // Rounding can push a perfect correlation a hair past ±1.
  return r === null ? null : Math.min(1, Math.max(-1, r));
}
