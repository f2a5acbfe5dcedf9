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
  const of = new Int32Array(included.length);
  for (let i = 0; i < included.length; i++) of[i] = included[i] ? 0 : -1;
  return { of, labels: [""] };
}

/**
 * The finite values of `values`, laid out group after group (segment g is [start[g],
 * start[g + 1])), and per group how many are at or above `level`.
 */
function segments(
  values: Float64Array,
  grouping: Grouping,
  level: number
): { data: Float64Array; start: Int32Array; above: Int32Array } {
  const k = grouping.labels.length;
  const of = grouping.of;
  const start = new Int32Array(k + 1);
  const above = new Int32Array(k);
  for (let i = 0; i < values.length; i++) {
    const g = of[i];
    const v = values[i];
    if (g < 0 || v !== v || v === Infinity || v === -Infinity) continue;
    start[g + 1]++;
    if (v >= level) above[g]++;
  }
  for (let g = 0; g < k; g++) start[g + 1] += start[g];
  const data = new Float64Array(start[k]);
  const at = start.slice(0, k);
  for (let i = 0; i < values.length; i++) {
    const g = of[i];
    const v = values[i];
    if (g >= 0 && v === v && v !== Infinity && v !== -Infinity) data[at[g]++] = v;
  }
  return { data, start, above };
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
  const { data, start, above } = segments(values, grouping, level - tolerance);
  return grouping.labels.map((_, g) => {
    const count = start[g + 1] - start[g];
    return {
      count,
      shareAtOrAbove: count > 0 ? above[g] / count : null,
      median: medianOf(data.subarray(start[g], start[g + 1])),
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

/**
 * The indices i with eligible[i] set, ordered by values[i] ascending (stable), by an LSD radix
 * sort on the IEEE-754 bits (four 16-bit digits): linear time, no comparator calls.
 */
export function sortedIndices(values: Float64Array, eligible: Uint8Array): Uint32Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (eligible[i]) m++;
  let order = new Uint32Array(m);
  const lo = new Uint32Array(values.length);
  const hi = new Uint32Array(values.length);
  const bits = new Uint32Array(2);
  const view = new Float64Array(bits.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  for (let i = 0, k = 0; i < values.length; i++) {
    if (!eligible[i]) continue;
    order[k++] = i;
    view[0] = values[i] === 0 ? 0 : values[i]; // −0 sorts as 0
    let h = bits[little ? 1 : 0];
    let l = bits[little ? 0 : 1];
    // Order-preserving map to unsigned: flip every bit of negatives, the sign bit of the rest.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = h;
    lo[i] = l;
  }
  let next = new Uint32Array(m);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let k = 0; k < m; k++) counts[((word[order[k]] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let k = 0; k < m; k++) {
      const i = order[k];
      next[counts[(word[i] >>> shift) & 0xffff]++] = i;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/** Each eligible rep's 1-based rank within its group (ties: the average rank); NaN otherwise. */
export function groupRanks(
  values: Float64Array,
  eligible: Uint8Array,
  grouping: Grouping
): Float64Array {
  return ranksFromOrder(values, sortedIndices(values, eligible), grouping);
}

/** groupRanks from the eligible reps already in ascending order of `values` (one sort, many groupings). */
export function ranksFromOrder(
  values: Float64Array,
  order: Uint32Array,
  grouping: Grouping
): Float64Array {
  const k = grouping.labels.length;
  const seen = new Float64Array(k);
  const inRun = new Float64Array(k);
  const ranks = new Float64Array(values.length).fill(NaN);
  const of = grouping.of;
  const m = order.length;
  for (let j = 0; j < m;) {
    const first = order[j];
    const v = values[first];
    // Most values are unique: the next rank of the group.
    if (j + 1 === m || values[order[j + 1]] !== v) {
      const g = of[first];
      if (g >= 0) ranks[first] = ++seen[g];
      j++;
      continue;
    }
    let e = j;
    while (e < m && values[order[e]] === v) e++;
    for (let t = j; t < e; t++) {
      const g = of[order[t]];
      if (g >= 0) inRun[g]++;
    }
    for (let t = j; t < e; t++) {
      const g = of[order[t]];
      if (g >= 0) ranks[order[t]] = seen[g] + (inRun[g] + 1) / 2;
    }
    for (let t = j; t < e; t++) {
      const g = of[order[t]];
      if (g >= 0 && inRun[g] > 0) {
        seen[g] += inRun[g];
        inRun[g] = 0;
      }
    }
    j = e;
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
  grouping: Grouping
): (number | null)[] {
  return spearmanFromRanks(
    groupRanks(x, eligible, grouping),
    groupRanks(y, eligible, grouping),
    eligible,
    grouping
  );
}

/** Pearson correlation per group of within-group ranks (see groupSpearman). */
export function spearmanFromRanks(
  rx: Float64Array,
  ry: Float64Array,
  eligible: Uint8Array,
  grouping: Grouping
): (number | null)[] {
  const k = grouping.labels.length;
  const n = new Float64Array(k);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  for (let i = 0; i < rx.length; i++) {
    const g = grouping.of[i];
    if (g < 0 || !eligible[i]) continue;
    n[g]++;
    sx[g] += rx[i];
    sy[g] += ry[i];
  }
  const sxx = new Float64Array(k);
  const syy = new Float64Array(k);
  const sxy = new Float64Array(k);
  for (let i = 0; i < rx.length; i++) {
    const g = grouping.of[i];
    if (g < 0 || !eligible[i]) continue;
    const dx = rx[i] - sx[g] / n[g];
    const dy = ry[i] - sy[g] / n[g];
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
