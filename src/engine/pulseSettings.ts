/**
 * What a pulse check holds the period's results against: the healthy bands of each check (the
 * defaults below, overridable from the workbook's Pulse Settings sheet) and the plan's own
 * budget values (payout to target, incentive cost of sales), which have no default.
 *
 * Shares and rates are fractions (55% is 0.55), as everywhere in CompAlign.
 */
import { DEFAULT_EXCELLENCE_RATE } from "./curveLandmarks";

export interface PulseBands {
  /** Healthy band of the share of reps with weighted attainment ≥ 100%. */
  shareAtQuotaLow: number;
  shareAtQuotaHigh: number;
  /** Spearman rank correlation of weighted attainment and payout % of TI: Watch below, Act below. */
  payForPerformanceWatch: number;
  payForPerformanceAct: number;
  /** Healthy band of the 90th percentile of payout % of TI. */
  p90Low: number;
  p90High: number;
  /** Highest healthy 10th percentile of payout % of TI. */
  p10High: number;
  /** Relative tolerance around the plan values (0.1: within ±10% of plan). */
  planTolerance: number;
  /** Healthy band of the Gini coefficient of rep payouts. */
  giniLow: number;
  giniHigh: number;
  /** Highest healthy share of total payout earned by the top 20% of reps. */
  top20ShareHigh: number;
  /** Lowest healthy share of a plan's reps reaching a metric's first curve point. */
  thresholdReachLow: number;
  /** Healthy band of the share of a plan's reps reaching a metric's last curve point. */
  excellenceReachLow: number;
  excellenceReachHigh: number;
  /** Highest healthy share of a plan's reps at or beyond a capped curve's last point. */
  cappedRepsHigh: number;
  /** Largest healthy drop of the realized alignment index below the design index. */
  alignmentDrift: number;
  /** Top-priority objective's payout share ÷ priority share below which it is Watch / Act. */
  priorityPayoutWatch: number;
  priorityPayoutAct: number;
  /** Rank correlation of payout % of target and Gross Margin % below which it is Watch / Act. */
  payForOutcomesWatch: number;
  payForOutcomesAct: number;
}

export const DEFAULT_PULSE_BANDS: Readonly<PulseBands> = Object.freeze({
  shareAtQuotaLow: 0.55,
  shareAtQuotaHigh: 0.7,
  payForPerformanceWatch: 0.8,
  payForPerformanceAct: 0.6,
  p90Low: 1.8,
  p90High: 3,
  p10High: 0.5,
  planTolerance: 0.1,
  giniLow: 0.15,
  giniHigh: 0.45,
  top20ShareHigh: 0.5,
  thresholdReachLow: 0.9,
  excellenceReachLow: 0.05,
  excellenceReachHigh: 0.2,
  cappedRepsHigh: 0.15,
  alignmentDrift: 0.1,
  priorityPayoutWatch: 0.75,
  priorityPayoutAct: 0.5,
  payForOutcomesWatch: 0.3,
  payForOutcomesAct: 0,
});

/** Fewest computed reps a plan needs for its checks to be judged (else "Too few reps"). */
export const DEFAULT_MIN_REPS = 10;

/**
 * How far beyond a Watch band a value must lie to be "Act" (the issue fixes Act only for pay for
 * performance; these are CompAlign's choices, documented in docs/workbook.md):
 * - shares of reps (at quota, threshold, excellence, held at a cap) and the concentration
 *   measures: 15 points outside the band (at quota below 40% or above 85% by default);
 * - p90 of payout % of target: 50 points under the band or 100 points over it (130% / 400%);
 *   p10: 30 points over its limit (80%);
 * - payout to target and incentive cost of sales: twice the tolerance (±20% of plan);
 * - alignment: a drop of twice the drift (0.2).
 * They move with the bands when Pulse Settings overrides those.
 */
export const ACT_MARGINS = Object.freeze({
  share: 0.15,
  p90Below: 0.5,
  p90Above: 1,
  p10Above: 0.3,
  planToleranceFactor: 2,
  driftFactor: 2,
});

export interface PulseSettings {
  /** The period's label for the tab name ("Q1 2026"); null: the caller's "today". */
  period: string | null;
  /** Planned total payout ÷ total target incentive (1 = 100%); null when not set. */
  planPayoutToTarget: number | null;
  /** Planned total payout ÷ total revenue; null when not set. */
  planIncentiveCostOfSales: number | null;
  /** Healthy band of base ÷ (base + target incentive); null when not set (pay-mix is Not set). */
  payMixLow: number | null;
  payMixHigh: number | null;
  /**
   * Share of the quota year the actuals cover (0.5 for half-year-to-date actuals against
   * annual quotas). Quotas, target incentives and base salaries are multiplied by it before any
   * check. Default 1: actuals and quotas cover the same period.
   */
  periodShare: number;
  /** Month (1–12) the fiscal year starts in, for the default Period label (default 1). */
  fiscalYearStartMonth: number;
  /** Fewest computed reps for a plan's checks to be judged (default 10). */
  minReps: number;
  /** The payout rate that defines a curve's excellence point (default 1.5 = 150% of target). */
  excellenceRate: number;
  bands: PulseBands;
}

export const defaultPulseSettings = (): PulseSettings => ({
  period: null,
  planPayoutToTarget: null,
  planIncentiveCostOfSales: null,
  payMixLow: null,
  payMixHigh: null,
  periodShare: 1,
  fiscalYearStartMonth: 1,
  minReps: DEFAULT_MIN_REPS,
  excellenceRate: DEFAULT_EXCELLENCE_RATE,
  bands: { ...DEFAULT_PULSE_BANDS },
});
