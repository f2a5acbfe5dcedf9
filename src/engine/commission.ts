/**
 * Commission on a rate table: tiers given by ascending lower bounds, each with a rate.
 * MARGINAL pays each slice of the amount at its own tier's rate; RETROACTIVE pays the whole
 * amount at the rate of the highest tier reached. Below the first bound nothing is earned.
 * Example (docs/domain.md): 3% from 0, 5% from 300k, 7% from 500k; 600k earns
 * 9,000 + 10,000 + 7,000 = 26,000 marginal, 42,000 retroactive.
 */
import { firstNegative, notAscending, stepIndex, type ColumnProblem } from "./lookup";

export const COMMISSION_METHODS = ["MARGINAL", "RETROACTIVE"] as const;
export type CommissionMethod = (typeof COMMISSION_METHODS)[number];

export interface Tiers {
  readonly bounds: Float64Array;
  readonly rates: Float64Array;
  /** cumulative[i] = marginal commission earned exactly at bounds[i]. */
  readonly cumulative: Float64Array;
}

export function tiersProblem(bounds: ArrayLike<number>, rates: ArrayLike<number>): ColumnProblem {
  if (bounds.length === 0) return { index: 0, message: "the rate table has no tiers" };
  return (
    firstNegative(bounds, "tier lower bound") ??
    notAscending(bounds, "tier lower bounds") ??
    firstNegative(rates, "rate")
  );
}

/** Tiers with bounds multiplied by `scale` (a quota, when bounds are fractions of quota). */
export function makeTiers(bounds: ArrayLike<number>, rates: ArrayLike<number>, scale = 1): Tiers {
  const problem = tiersProblem(bounds, rates);
  if (problem) throw new RangeError(problem.message);
  const b = Float64Array.from(bounds, (x) => x * scale);
  const r = Float64Array.from(rates);
  const cumulative = new Float64Array(b.length);
  for (let i = 1; i < b.length; i++)
    cumulative[i] = cumulative[i - 1] + (b[i] - b[i - 1]) * r[i - 1];
  return { bounds: b, rates: r, cumulative };
}

export function marginalCommission(tiers: Tiers, amount: number): number {
  const i = stepIndex(tiers.bounds, amount);
  if (i < 0) return 0;
  return tiers.cumulative[i] + (amount - tiers.bounds[i]) * tiers.rates[i];
}

export function retroactiveCommission(tiers: Tiers, amount: number): number {
  const i = stepIndex(tiers.bounds, amount);
  return i < 0 ? 0 : amount * tiers.rates[i];
}

export function commission(tiers: Tiers, amount: number, method: CommissionMethod): number {
  return method === "MARGINAL"
    ? marginalCommission(tiers, amount)
    : retroactiveCommission(tiers, amount);
}
