/**
 * A curve's landmarks: the attainments where it starts paying (threshold), pays 100% of target
 * (target), pays the design-excellence rate (excellence) and stops rising (cap). One function
 * computes them for every part of CompAlign that describes a curve (the plan on a page and the
 * pulse check), so they never disagree.
 *
 * - threshold: where the curve starts paying above 0, LINEAR and STEP alike. On a STEP curve,
 *   and on a LINEAR curve whose first point already pays, it is the first point whose rate is
 *   above 0 and a rep at it is paid (`thresholdInclusive`). On a LINEAR curve that rises from
 *   a point paying 0 (a ramp: 50% → 0, 100% → 1), it is that zero point and the curve pays from
 *   just above it (`thresholdInclusive` false). Reaching the threshold means being paid above 0
 *   on the metric. null when the curve never pays.
 * - target: the lowest attainment at which the curve pays at least 100% of target; null when
 *   it never does.
 * - excellence: the lowest attainment at which the curve pays at least the design-excellence
 *   rate (default 150% of target, settable in Pulse Settings as `Excellence Payout Rate`);
 *   null when it never does, and null when that attainment is the cap point of a capped curve
 *   (excellence and cap are then the same reps, and the cap already counts them).
 * - cap: the last point of a capped curve (Beyond CAP, or any STEP curve: a STEP curve holds its
 *   last rate); null for an uncapped (EXTEND) LINEAR curve.
 *
 * Pure; tolerance 1e-12 on rates.
 */
import type { CurveBeyond, CurveMethod } from "./curve";

export const DEFAULT_EXCELLENCE_RATE = 1.5;

export interface CurveShape {
  points: ArrayLike<number>;
  rates: ArrayLike<number>;
  method: CurveMethod;
  beyond: CurveBeyond;
}

export interface CurveLandmarks {
  threshold: number | null;
  /** True when a rep exactly at the threshold is paid (STEP, or a LINEAR curve's first paying point). */
  thresholdInclusive: boolean;
  target: number | null;
  excellence: number | null;
  /** The payout rate excellence is measured at (1.5 = 150% of target). */
  excellenceRate: number;
  cap: number | null;
  /** The rate held from the cap on; null when uncapped. */
  capRate: number | null;
}

const EPS = 1e-12;

/** The lowest attainment at which the curve pays at least `rate` (> 0); null when it never does. */
export function attainmentAtRate(curve: CurveShape, rate: number): number | null {
  const { points, rates, method, beyond } = curve;
  const n = points.length;
  if (n === 0) return null;
  for (let i = 0; i < n; i++) {
    if (rates[i] >= rate - EPS) {
      if (method === "STEP" || i === 0) return points[i];
      const r0 = rates[i - 1];
      if (r0 >= rate - EPS) return points[i - 1];
      // Linear between points i-1 and i.
      return points[i - 1] + ((rate - r0) / (rates[i] - r0)) * (points[i] - points[i - 1]);
    }
  }
  // Beyond the last point: only an EXTEND LINEAR curve with a rising last segment keeps rising.
  if (method === "LINEAR" && beyond === "EXTEND" && n >= 2) {
    const slope = (rates[n - 1] - rates[n - 2]) / (points[n - 1] - points[n - 2]);
    if (slope > 0) return points[n - 1] + (rate - rates[n - 1]) / slope;
  }
  return null;
}

/** True when the curve holds its last rate beyond its last point. */
export const isCapped = (curve: Pick<CurveShape, "method" | "beyond">): boolean =>
  curve.beyond === "CAP" || curve.method === "STEP";

export function curveLandmarks(
  curve: CurveShape,
  excellenceRate: number = DEFAULT_EXCELLENCE_RATE
): CurveLandmarks {
  const { points, rates, method } = curve;
  const n = points.length;
  let threshold: number | null = null;
  let thresholdInclusive = true;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (rates[i] > EPS) {
      first = i;
      break;
    }
  }
  if (first >= 0) {
    if (method === "LINEAR" && first > 0) {
      threshold = points[first - 1];
      thresholdInclusive = false;
    } else threshold = points[first];
  }
  const capped = n > 0 && isCapped(curve);
  const cap = capped ? points[n - 1] : null;
  let excellence = attainmentAtRate(curve, excellenceRate);
  if (excellence !== null && cap !== null && excellence >= cap - EPS) excellence = null;
  return {
    threshold,
    thresholdInclusive,
    target: attainmentAtRate(curve, 1),
    excellence,
    excellenceRate,
    cap,
    capRate: capped ? rates[n - 1] : null,
  };
}

/** Whether attainment `a` reaches the threshold (is paid above 0 by the curve). */
export function reachesThreshold(l: CurveLandmarks, a: number): boolean {
  if (l.threshold === null || !Number.isFinite(a)) return false;
  return l.thresholdInclusive ? a >= l.threshold - EPS : a > l.threshold + EPS;
}

/** Whether attainment `a` reaches a landmark point (at or beyond it). */
export const reaches = (point: number | null, a: number): boolean =>
  point !== null && Number.isFinite(a) && a >= point - EPS;
