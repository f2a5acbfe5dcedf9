/**
 * Marginal alignment: where one more point of attainment pays most, since that is what reps
 * chase. For each plan and metric at 100% attainment:
 * - dollars per point: median target incentive of the plan's reps × weight × (curve(101%) −
 *   curve(100%)), the plan page's "one more point" (src/engine/planExplain.ts);
 * - effective rate in cents per unit of quota (cents per dollar for a currency metric): at target,
 *   100 × TI × weight ÷ quota (what 100% pays per unit sold); below quota, the same × the curve's
 *   slope on the way up to 100% ((curve(100%) − curve(p)) ÷ (100% − p), p the last curve point
 *   below 100%, or 0); above quota, × its slope on the way to the next point above 100% (the last
 *   segment's slope past the last point when the curve extends, 0 when it is capped there). On a
 *   LINEAR curve that is the slope just below / above 100%; on a STEP curve, the step's rise over
 *   its width, not an infinite jump.
 *   TI and quota are the medians of the plan's reps (quota of that metric).
 * Without a Reps sheet the dollar and cent figures are null; the per-point rate (share of target
 * incentive per point, which decides the rule `marginal-misaligned`) is always given.
 */
import { curveRate, makeCurve } from "./curve";
import type { PlanDesign } from "./plan";
import { nameKey } from "./nameKey";

export const ONE_POINT = 0.01;

/**
 * A cents-per-quota-unit figure as money per quota unit (÷ 100), as the Alignment View, the pane
 * and `check`'s report show it; the JSON keeps cents. null stays null.
 */
export const moneyPerQuotaUnit = (cents: number | null): number | null =>
  cents === null ? null : cents / 100;

/**
 * The metrics a plan pays (weight > 0), the rows the Alignment View, the pane and `check`'s report
 * show: a weight-0 metric's $0 would read as a misaligned metric although the plan does not pay
 * it. `check --json` keeps every row.
 */
export const paidMetrics = <M extends { weight: number }>(marginal: readonly M[]): M[] =>
  marginal.filter((m) => m.weight > 0);

export interface MarginalMetric {
  plan: string;
  metric: string;
  objective: string;
  weight: number;
  /** weight × (curve(101%) − curve(100%)): share of target incentive one more point pays; null with an unusable curve. */
  sharePerPoint: number | null;
  /** Median target incentive of the plan's reps; null without reps. */
  medianTargetIncentive: number | null;
  /** Median quota of the metric over the plan's reps; null without reps or quotas. */
  medianQuota: number | null;
  dollarsPerPoint: number | null;
  centsPerQuotaUnitAtTarget: number | null;
  centsPerQuotaUnitBelow: number | null;
  centsPerQuotaUnitAbove: number | null;
  /** Weight cell of the Matrix row, for findings. */
  cell: string;
}

/** The rep columns marginal figures need (src/engine/reps.ts's RepTable fits). */
export interface MarginalReps {
  plans: string[];
  targetIncentive: Float64Array;
  quota: Map<string, Float64Array>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Slope on the way up to 100%: from the last curve point below it (or from 0). */
function slopeInto(points: readonly number[], at: (a: number) => number): number {
  const below = points.filter((p) => p < 1 - 1e-12);
  const from = below.length > 0 ? below[below.length - 1] : 0;
  return (at(1) - at(from)) / (1 - from);
}

/** Slope on the way from 100% to the next curve point (past the last point: one point on). */
function slopeOutOf(points: readonly number[], at: (a: number) => number): number {
  const to = points.find((p) => p > 1 + 1e-12);
  return to === undefined ? (at(1 + ONE_POINT) - at(1)) / ONE_POINT : (at(to) - at(1)) / (to - 1);
}

/** Every Matrix row's marginal figures, in Matrix order. */
export function marginalAlignment(design: PlanDesign, reps: MarginalReps | null): MarginalMetric[] {
  const tiByPlan = new Map<string, number | null>();
  const medianTi = (plan: string) => {
    if (!reps) return null;
    if (!tiByPlan.has(plan)) {
      const values: number[] = [];
      reps.plans.forEach((p, i) => {
        const ti = reps.targetIncentive[i];
        if (nameKey(p) === plan && Number.isFinite(ti) && ti >= 0) values.push(ti);
      });
      tiByPlan.set(plan, median(values));
    }
    return tiByPlan.get(plan)!;
  };
  const medianQuota = (plan: string, metric: string) => {
    const column = reps?.quota.get(metric);
    if (!reps || !column) return null;
    const values: number[] = [];
    reps.plans.forEach((p, i) => {
      if (nameKey(p) === plan && column[i] > 0) values.push(column[i]);
    });
    return median(values);
  };
  return design.components.map((c) => {
    const definition = design.curves.get(nameKey(c.curve));
    const usable = definition && !definition.problem;
    const curve = usable
      ? makeCurve(definition.points, definition.rates, definition.method, definition.beyond)
      : null;
    const at = (a: number) => curveRate(curve!, a);
    const slopeBelow = curve ? slopeInto(definition!.points, at) : null;
    const slopeAbove = curve ? slopeOutOf(definition!.points, at) : null;
    const perPoint = curve ? (at(1 + ONE_POINT) - at(1)) / ONE_POINT : null;
    const ti = medianTi(nameKey(c.plan));
    const quota = medianQuota(nameKey(c.plan), nameKey(c.metric));
    const sharePerPoint = perPoint === null ? null : c.weight * perPoint * ONE_POINT;
    const perUnit =
      ti !== null && quota !== null && quota > 0 ? (100 * ti * c.weight) / quota : null;
    return {
      plan: c.plan,
      metric: c.metric,
      objective: c.objective,
      weight: c.weight,
      sharePerPoint,
      medianTargetIncentive: ti,
      medianQuota: quota,
      dollarsPerPoint: ti !== null && sharePerPoint !== null ? ti * sharePerPoint : null,
      centsPerQuotaUnitAtTarget: perUnit,
      centsPerQuotaUnitBelow: perUnit !== null && slopeBelow !== null ? perUnit * slopeBelow : null,
      centsPerQuotaUnitAbove: perUnit !== null && slopeAbove !== null ? perUnit * slopeAbove : null,
      cell: c.cells.weight,
    };
  });
}
