/**
 * Payout curves: a list of (attainment point, payout rate) pairs. Below the first point the
 * rate is 0 (a threshold); LINEAR interpolates between neighbouring points, STEP holds the rate
 * of the highest point reached; beyond the last point CAP holds the last rate and EXTEND (LINEAR
 * only) continues the last segment's slope.
 */
import {
  firstNegative,
  fractionBetween,
  notAscending,
  stepIndex,
  type ColumnProblem,
} from "./lookup";

export const CURVE_METHODS = ["LINEAR", "STEP"] as const;
export const CURVE_BEYOND = ["CAP", "EXTEND"] as const;
export type CurveMethod = (typeof CURVE_METHODS)[number];
export type CurveBeyond = (typeof CURVE_BEYOND)[number];

export interface Curve {
  readonly points: Float64Array;
  readonly rates: Float64Array;
  readonly method: CurveMethod;
  readonly beyond: CurveBeyond;
}

/** Why a list of points and rates is not a curve, with the 0-based offending index; null when it is. */
export function curveProblem(points: ArrayLike<number>, rates: ArrayLike<number>): ColumnProblem {
  if (points.length === 0) return { index: 0, message: "the curve has no points" };
  return notAscending(points, "attainment points") ?? firstNegative(rates, "payout rate");
}

export function makeCurve(
  points: ArrayLike<number>,
  rates: ArrayLike<number>,
  method: CurveMethod = "LINEAR",
  beyond: CurveBeyond = "CAP"
): Curve {
  const problem = curveProblem(points, rates);
  if (problem) throw new RangeError(problem.message);
  return { points: Float64Array.from(points), rates: Float64Array.from(rates), method, beyond };
}

/** Payout rate (multiple of target) at attainment a. */
export function curveRate(curve: Curve, a: number): number {
  const { points, rates } = curve;
  const i = stepIndex(points, a);
  if (i < 0) return 0;
  const last = points.length - 1;
  if (curve.method === "STEP") return rates[i];
  if (i === last) {
    if (curve.beyond === "CAP" || last === 0) return rates[last];
    const slope = (rates[last] - rates[last - 1]) / (points[last] - points[last - 1]);
    // A falling last segment extended far enough would turn negative; a rate never does.
    return Math.max(0, rates[last] + (a - points[last]) * slope);
  }
  const r0 = rates[i];
  return r0 + fractionBetween(a, points[i], points[i + 1]) * (rates[i + 1] - r0);
}
