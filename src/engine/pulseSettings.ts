/**
 * What a pulse check holds the period's results against: the healthy bands of each check and the
 * plan's own values (payout to target, incentive cost of sales, pay mix), which have no default.
 * Both are declared check by check in PULSE_CHECKS (src/engine/pulseChecks.ts), with their
 * Pulse Settings names and defaults; the general settings (period, pacing, minimum reps,
 * excellence rate) are below.
 *
 * Shares and rates are fractions (55% is 0.55), as everywhere in CompAlign.
 */
import { DEFAULT_EXCELLENCE_RATE } from "./curveLandmarks";
import {
  ACT_MARGINS,
  DEFAULT_PULSE_BANDS,
  noPlanValues,
  type PulseBands,
  type PulseCheckSetting,
  type PulsePlanValues,
} from "./pulseChecks";

export { ACT_MARGINS, DEFAULT_PULSE_BANDS, type PulseBands };

/** Fewest computed reps a plan needs for its checks to be judged (else "Too few reps"). */
export const DEFAULT_MIN_REPS = 10;

export interface PulseSettings extends PulsePlanValues {
  /** The period's label for the tab name ("Q1 2026"); null: the caller's "today". */
  period: string | null;
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

/** A Pulse Settings row that is no check's own: it applies to every check. */
export interface GeneralPulseSetting extends Omit<PulseCheckSetting, "field" | "default"> {
  readonly field: "period" | "periodShare" | "fiscalYearStartMonth" | "minReps" | "excellenceRate";
}

/** The general settings, in the order docs/workbook.md lists them (before the checks' own). */
export const GENERAL_PULSE_SETTINGS: readonly GeneralPulseSetting[] = [
  {
    name: "Period",
    meaning: "label of the period, used in the tab name",
    kind: "text",
    field: "period",
  },
  {
    name: "Period Share Of Year",
    meaning:
      "share of the quota year the actuals cover (0.5 for half-year-to-date actuals against annual quotas); quotas, target incentives and base salaries are multiplied by it",
    kind: "period-share",
    field: "periodShare",
  },
  {
    name: "Fiscal Year Start Month",
    meaning: "month the fiscal year starts in (1 = January), for the default Period label",
    kind: "month",
    field: "fiscalYearStartMonth",
  },
  {
    name: "Min Reps Per Plan",
    meaning: "fewest computed reps a plan needs for its checks to be judged",
    kind: "count",
    field: "minReps",
  },
  {
    name: "Excellence Payout Rate",
    meaning: "payout rate (multiple of target) that marks a curve's excellence point",
    kind: "positive",
    field: "excellenceRate",
  },
];

export const defaultPulseSettings = (): PulseSettings => ({
  period: null,
  ...noPlanValues(),
  periodShare: 1,
  fiscalYearStartMonth: 1,
  minReps: DEFAULT_MIN_REPS,
  excellenceRate: DEFAULT_EXCELLENCE_RATE,
  bands: { ...DEFAULT_PULSE_BANDS },
});
