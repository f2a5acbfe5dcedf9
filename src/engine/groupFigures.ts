/**
 * Figures per group of reps (all reps, or by plan, segment or territory) in linear passes over
 * typed arrays, so breakdowns cost about as much as one figure: sums, share at or above a level,
 * medians (quickselect), and Spearman rank correlation (ranks within each group, ties sharing
 * their average rank, then Pearson of the ranks).
 */

/** Reps grouped: each rep's group (−1: not counted) and the groups' labels. */
export interface Grouping {
  of: Int32Array;
  labels: string[];
}

/** One group holding every rep marked in `included`. */
export function allOf(included: Uint8Array): Grouping {
  return { of: Int32Array.from(included, (v) => (v ? 0 : -1)), labels: [""] };
}

/** Values of `values` where `keep` holds, laid out group after group: segment g is [start[g], start[g + 1]). */
function segments(
  values: Float64Array,
  keep: (i: number) => boolean,
  grouping: Grouping
): { data: Float64Array; start: Int32Array } {
  const k = grouping.labels.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < values.length; i++) {
    const g = grouping.of[i];
    if (g >= 0 && keep(i)) start[g + 1]++;
  }
  for (let g = 0; g < k; g++) start[g + 1] += start[g];
  const data = new Float64Array(start[k]);
  const at = start.slice(0, k);
  for (let i = 0; i < values.length; i++) {
    const g = grouping.of[i];
    if (g >= 0 && keep(i)) data[at[g]++] = values[i];
  }
  return { data, start };
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const pivot = Math.max(Math.min(a[lo], a[hi]), Math.min(Math.max(a[lo], a[hi]), a[mid]));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Median of a segment (reordered in place); null when empty. */
function medianOf(a: Float64Array): number | null {
  const n = a.length;
  if (n === 0) return null;
  const upper = select(a, n >> 1);
  if (n % 2) return upper;
  // The lower middle is the largest value left of the upper one after selection.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

export interface LevelStats {
  count: number;
  /** Share of values ≥ level (null when there are none). */
  shareAtOrAbove: number | null;
  median: number | null;
}

/** Per group: how many finite values, the share at or above `level`, the median. */
export function levelStats(
  values: Float64Array,
  grouping: Grouping,
  level: number,
  tolerance = 1e-12
): LevelStats[] {
  const { data, start } = segments(values, (i) => Number.isFinite(values[i]), grouping);
  return grouping.labels.map((_, g) => {
    const seg = data.subarray(start[g], start[g + 1]);
    let above = 0;
    for (let i = 0; i < seg.length; i++) if (seg[i] >= level - tolerance) above++;
    return {
      count: seg.length,
      shareAtOrAbove: seg.length > 0 ? above / seg.length : null,
      median: medianOf(seg),
    };
  });
}

/** Sums of a column per group, over reps with a group. */
export function groupSums(values: Float64Array, grouping: Grouping): Float64Array {
  const sums = new Float64Array(grouping.labels.length);
  for (let i = 0; i < values.length; i++) {
    const g = grouping.of[i];
    if (g >= 0) sums[g] += values[i];
  }
  return sums;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each eligible rep's 1-based rank within its group (ties: the average rank); NaN otherwise. */
export function groupRanks(
  values: Float64Array,
  eligible: Uint8Array,
  grouping: Grouping
): Float64Array {
  const { data, start } = segments(values, (i) => eligible[i] === 1, grouping);
  const sorted = grouping.labels.map((_, g) => data.subarray(start[g], start[g + 1]).sort());
  const ranks = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const g = grouping.of[i];
    if (g < 0 || !eligible[i]) continue;
    const seg = sorted[g];
    ranks[i] = (lowerBound(seg, values[i]) + 1 + upperBound(seg, values[i])) / 2;
  }
  return ranks;
}

/**
 * Spearman rank correlation per group of x and y over eligible reps: Pearson of the ranks within
 * the group. null with fewer than two reps or when either side is all tied.
 */
export function groupSpearman(
  x: Float64Array,
  y: Float64Array,
  eligible: Uint8Array,
  grouping: Grouping,
  yRanks: Float64Array = groupRanks(y, eligible, grouping)
): (number | null)[] {
  const rx = groupRanks(x, eligible, grouping);
  const k = grouping.labels.length;
  const n = new Float64Array(k);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    const g = grouping.of[i];
    if (g < 0 || !eligible[i]) continue;
    n[g]++;
    sx[g] += rx[i];
    sy[g] += yRanks[i];
  }
  const sxx = new Float64Array(k);
  const syy = new Float64Array(k);
  const sxy = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    const g = grouping.of[i];
    if (g < 0 || !eligible[i]) continue;
    const dx = rx[i] - sx[g] / n[g];
    const dy = yRanks[i] - sy[g] / n[g];
    sxx[g] += dx * dx;
    syy[g] += dy * dy;
    sxy[g] += dx * dy;
  }
  return grouping.labels.map((_, g) =>
    n[g] < 2 || !(sxx[g] > 0) || !(syy[g] > 0)
      ? null
      : Math.min(1, Math.max(-1, sxy[g] / Math.sqrt(sxx[g] * syy[g])))
  );
}
