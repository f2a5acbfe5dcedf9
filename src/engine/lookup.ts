/**
 * Index of the last breakpoint ≤ x in a strictly ascending list, or -1 when x is below the
 * first. Binary search: tables are short, but ranges of attainments are long.
 */
export function stepIndex(breakpoints: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = breakpoints.length - 1;
  if (hi < 0 || x < breakpoints[0]) return -1;
  if (x >= breakpoints[hi]) return hi;
  // Invariant: breakpoints[lo] <= x < breakpoints[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (breakpoints[mid] <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The first index at which a list stops being strictly ascending, or -1 when it is. */
export function firstNonAscending(values: ArrayLike<number>): number {
  for (let i = 1; i < values.length; i++) if (!(values[i] > values[i - 1])) return i;
  return -1;
}

/** What is wrong with a table column, at its 0-based index; null when nothing is. */
export type ColumnProblem = { index: number; message: string } | null;

/** "tier lower bounds must be strictly ascending (3 follows 5)" at the first offender, or null. */
export function notAscending(values: ArrayLike<number>, what: string): ColumnProblem {
  const bad = firstNonAscending(values);
  if (bad < 0) return null;
  return {
    index: bad,
    message: `${what} must be strictly ascending (${values[bad]} follows ${values[bad - 1]})`,
  };
}

/** "payout rate -0.5 is negative" at the first negative value, or null. */
export function firstNegative(values: ArrayLike<number>, what: string): ColumnProblem {
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) return { index: i, message: `${what} ${values[i]} is negative` };
  }
  return null;
}

/**
 * Where x lies between x0 and x1 as a fraction (0 at x0, 1 at x1), without overflowing when
 * the breakpoints are near the ends of the double range.
 */
export function fractionBetween(x: number, x0: number, x1: number): number {
  const span = x1 - x0;
  if (Number.isFinite(span)) return (x - x0) / span;
  return (x / 2 - x0 / 2) / (x1 / 2 - x0 / 2);
}
