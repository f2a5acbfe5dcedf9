/**
 * The pulse checks one by one, each from the measured value(s) and the bands: a status (OK,
 * Watch, Act; Not set when the workbook gives no plan value or band to compare with; Too few
 * reps is set by src/engine/pulse.ts for small plans), the band in words, and one sentence of what to do, which differs by status and by
 * direction (too low is not fixed the way too high is). Pure functions of numbers, so every
 * boundary can be tested directly; src/engine/pulse.ts measures the values from a run.
 *
 * Boundaries are inclusive on the healthy side and compared with a tolerance of 1e-9, so a
 * value exactly on a band's edge (70% of reps at quota, a Spearman of exactly 0.8, a payout
 * exactly 10% over plan) is inside it whatever the floating-point noise.
 */
import { pct } from "./figures";
import type { PulseSettings } from "./pulseSettings";

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

export type PulseStatus = "OK" | "Watch" | "Act" | "Not set" | "Too few reps";

/** Every status, worst first (the order tables sort checks in). */
export const PULSE_STATUSES: readonly PulseStatus[] = [
  "Act",
  "Watch",
  "Not set",
  "Too few reps",
  "OK",
];

/** Statuses that are a judgement of a measured value against a band. */
export const JUDGED_STATUSES: readonly PulseStatus[] = ["OK", "Watch", "Act"];

/**
 * How a setting's Value is read (src/model/readPulseSettings.ts checks the range and names the
 * cell when a value is outside it).
 */
export type PulseSettingKind =
  /** Text as typed (a date typed in the cell reads as yyyy-mm-dd). */
  | "text"
  /** A fraction between 0 and 1 (a share of reps, a rate, a correlation). */
  | "share"
  /** A number above 0 (a multiple of target, a cost ratio, a tolerance). */
  | "positive"
  /** A share above 0 and at most 1. */
  | "period-share"
  /** A whole number from 2 up. */
  | "count"
  /** A whole number from 1 to 12. */
  | "month";

/** One row a check reads from the Pulse Settings sheet. */
export interface PulseCheckSetting {
  /** The name as written in the Setting column. */
  readonly name: string;
  /** What it means, for docs and messages. */
  readonly meaning: string;
  readonly kind: PulseSettingKind;
  /** Where it goes: a band (`settings.bands[field]`) or, with default null, a plan value (`settings[field]`). */
  readonly field: string;
  /** A number: a band with this default. null: a plan value, not set unless the workbook gives it. */
  readonly default: number | null;
}

/** How a check's value reads: a share or rate as a percentage ("53.2%"; percent2: "3.25%") or a coefficient ("0.80"). */
export type PulseValueFormat = "percent" | "percent2" | "coefficient";

/**
 * One pulse check as the rest of CompAlign sees it. Its compute function sits in
 * PULSE_CHECK_COMPUTE (below, same file), keyed by id; a check missing there is a type error.
 */
export interface PulseCheckDefinition {
  readonly id: string;
  /** The title on the tab, in the pane and on the CLI. */
  readonly title: string;
  /** One sentence of what it tells, for the pane and the CLI's help. */
  readonly explanation: string;
  readonly valueFormat: PulseValueFormat;
  /**
   * true: judged plan by plan, the company status being the worst plan's (each plan has its own
   * reps, quotas and curves). false: measured on the company's totals (one budget, one set of
   * priorities); plans show theirs.
   */
  readonly perPlan: boolean;
  /** false: "Too few reps" never replaces its status (a policy, not a statistic of the reps). */
  readonly statistical: boolean;
  /** Its name in a sentence ("payout to target"). */
  readonly shortName: string;
  /** The Pulse Settings rows it owns (docs/workbook.md lists each with its default). */
  readonly settings: readonly PulseCheckSetting[];
  /** Fields of settings owned by another check or general settings that it also reads. */
  readonly alsoReads?: readonly string[];
  /** Setting fields [lower, upper] whose order must hold (else both fall back). */
  readonly ordered?: readonly (readonly [string, string])[];
}

const band = <const F extends string>(
  name: string,
  field: F,
  kind: PulseSettingKind,
  defaultValue: number,
  meaning: string
) => ({ name, field, kind, default: defaultValue, meaning }) as const;
const planValue = <const F extends string>(
  name: string,
  field: F,
  kind: PulseSettingKind,
  meaning: string
) => ({ name, field, kind, default: null, meaning }) as const;

/**
 * The pulse checks, in their stable order (JSON, the sheet and the pane all list them so). The
 * ids, the bands and their defaults, the Pulse Settings rows, the pane's labels, the sheet's value
 * formats and the CLI's help all derive from this list: adding a check is one entry here, its
 * compute function in PULSE_CHECK_COMPUTE, its test, and its rows in docs/workbook.md and the
 * README (docs/architecture.md, "How to add a pulse check").
 */
export const PULSE_CHECKS = [
  {
    id: "share-at-quota",
    title: "Reps at ≥ 100% weighted attainment",
    explanation:
      "How many reps reach 100% weighted attainment (each metric's attainment by its weight): too few or too many means quotas are off.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "share at quota",
    settings: [
      band(
        "Share At Quota Low",
        "shareAtQuotaLow",
        "share",
        0.55,
        "low end of the healthy share of reps at quota"
      ),
      band(
        "Share At Quota High",
        "shareAtQuotaHigh",
        "share",
        0.7,
        "high end of the healthy share of reps at quota"
      ),
    ],
    ordered: [["shareAtQuotaLow", "shareAtQuotaHigh"]],
  },
  {
    id: "pay-for-performance",
    title: "Payout follows attainment (rank correlation; true by design)",
    explanation: "Whether reps who attain more are paid more.",
    valueFormat: "coefficient",
    perPlan: true,
    statistical: true,
    shortName: "pay for performance",
    settings: [
      band(
        "Pay For Performance Watch",
        "payForPerformanceWatch",
        "share",
        0.8,
        "rank correlation below which pay for performance is Watch"
      ),
      band(
        "Pay For Performance Act",
        "payForPerformanceAct",
        "share",
        0.6,
        "rank correlation below which it is Act"
      ),
    ],
    ordered: [["payForPerformanceAct", "payForPerformanceWatch"]],
  },
  {
    id: "leverage-p90",
    title: "Payout % of target, 90th percentile",
    explanation: "What top performers earn against their target incentive.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "90th percentile of payout % of target",
    settings: [
      band(
        "P90 Low",
        "p90Low",
        "positive",
        1.8,
        "low end of the healthy 90th percentile of payout % of target"
      ),
      band(
        "P90 High",
        "p90High",
        "positive",
        3,
        "high end of the healthy 90th percentile of payout % of target"
      ),
    ],
    ordered: [["p90Low", "p90High"]],
  },
  {
    id: "leverage-p10",
    title: "Payout % of target, 10th percentile",
    explanation: "What the lowest performers still earn against their target incentive.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "10th percentile of payout % of target",
    settings: [
      band(
        "P10 High",
        "p10High",
        "positive",
        0.5,
        "highest healthy 10th percentile of payout % of target"
      ),
    ],
  },
  {
    id: "payout-to-target",
    title: "Payout to target vs plan",
    explanation: "Total payout against total target incentive, compared with plan.",
    valueFormat: "percent",
    perPlan: false,
    statistical: true,
    shortName: "payout to target",
    settings: [
      planValue(
        "Plan Payout To Target",
        "planPayoutToTarget",
        "positive",
        "planned total payout ÷ total target incentive"
      ),
      band(
        "Plan Tolerance",
        "planTolerance",
        "positive",
        0.1,
        "relative tolerance around the plan values"
      ),
    ],
  },
  {
    id: "cost-of-sales",
    title: "Incentive cost of sales vs plan",
    explanation: "Incentive cost as a share of revenue, compared with plan.",
    valueFormat: "percent2",
    perPlan: false,
    statistical: true,
    shortName: "incentive cost of sales",
    settings: [
      planValue(
        "Plan Incentive Cost Of Sales",
        "planIncentiveCostOfSales",
        "positive",
        "planned total payout ÷ total revenue"
      ),
    ],
    alsoReads: ["planTolerance"],
  },
  {
    id: "concentration",
    title: "Earnings concentration (Gini)",
    explanation: "How evenly earnings are spread across reps.",
    valueFormat: "coefficient",
    perPlan: true,
    statistical: true,
    shortName: "concentration",
    settings: [
      band(
        "Gini Low",
        "giniLow",
        "share",
        0.15,
        "low end of the healthy Gini of payout % of target"
      ),
      band(
        "Gini High",
        "giniHigh",
        "share",
        0.45,
        "high end of the healthy Gini of payout % of target"
      ),
      band(
        "Top 20% Share High",
        "top20ShareHigh",
        "share",
        0.5,
        "highest healthy share of a plan's payout % of target earned by its top 20% of reps"
      ),
    ],
    ordered: [["giniLow", "giniHigh"]],
  },
  {
    id: "threshold-reach",
    title: "Reps paid above 0 on a metric (threshold, worst metric)",
    explanation: "How many reps get past the point where a metric starts paying.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "threshold reach",
    settings: [
      band(
        "Threshold Reach Low",
        "thresholdReachLow",
        "share",
        0.9,
        "lowest healthy share of a plan's reps reaching a metric's threshold"
      ),
    ],
  },
  {
    id: "excellence-reach",
    title: "Reps at the excellence rate below the cap (worst metric)",
    explanation: "How many reps reach the excellence rate before the cap.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "excellence reach",
    settings: [
      band(
        "Excellence Reach Low",
        "excellenceReachLow",
        "share",
        0.05,
        "low end of the healthy share reaching a metric's top point"
      ),
      band(
        "Excellence Reach High",
        "excellenceReachHigh",
        "share",
        0.2,
        "high end of the healthy share reaching a metric's top point"
      ),
    ],
    alsoReads: ["excellenceRate"],
    ordered: [["excellenceReachLow", "excellenceReachHigh"]],
  },
  {
    id: "capped-reps",
    title: "Reps held at a cap (worst metric)",
    explanation: "How many reps are held at a cap, where extra effort earns nothing.",
    valueFormat: "percent",
    perPlan: true,
    statistical: true,
    shortName: "capped reps",
    settings: [
      band(
        "Capped Reps High",
        "cappedRepsHigh",
        "share",
        0.15,
        "highest healthy share of a plan's reps held at a cap"
      ),
    ],
  },
  {
    id: "alignment-drift",
    title: "Realized vs design alignment index",
    explanation: "Whether paid-out pay still follows strategic priority as designed.",
    valueFormat: "coefficient",
    perPlan: false,
    statistical: true,
    shortName: "alignment drift",
    settings: [
      band(
        "Alignment Drift",
        "alignmentDrift",
        "share",
        0.1,
        "largest healthy drop of the realized alignment index below the design index"
      ),
    ],
  },
  {
    id: "pay-for-outcomes",
    title: "Pay for outcomes (payout % of target vs Gross Margin %, rank correlation)",
    explanation: "Whether reps with better margins are paid more.",
    valueFormat: "coefficient",
    perPlan: true,
    statistical: true,
    shortName: "pay for outcomes",
    settings: [
      band(
        "Pay For Outcomes Watch",
        "payForOutcomesWatch",
        "share",
        0.3,
        "rank correlation of payout % of target and Gross Margin % below which it is Watch"
      ),
      band(
        "Pay For Outcomes Act",
        "payForOutcomesAct",
        "share",
        0,
        "that correlation below which it is Act"
      ),
    ],
    ordered: [["payForOutcomesAct", "payForOutcomesWatch"]],
  },
  {
    id: "pay-mix",
    title: "Pay mix (base ÷ (base + target incentive))",
    explanation: "The share of pay that is fixed base rather than target incentive.",
    valueFormat: "percent",
    perPlan: true,
    statistical: false,
    shortName: "pay mix",
    settings: [
      planValue(
        "Pay Mix Low",
        "payMixLow",
        "share",
        "low end of the healthy base ÷ (base + target incentive)"
      ),
      planValue(
        "Pay Mix High",
        "payMixHigh",
        "share",
        "high end of the healthy base ÷ (base + target incentive)"
      ),
    ],
    ordered: [["payMixLow", "payMixHigh"]],
  },
  {
    id: "priority-payout",
    title: "Top-priority objective's payout share ÷ its priority share",
    explanation: "Whether the top-priority objective gets its share of actual payout.",
    valueFormat: "percent",
    perPlan: false,
    statistical: true,
    shortName: "priority payout",
    settings: [
      band(
        "Priority Payout Watch",
        "priorityPayoutWatch",
        "share",
        0.75,
        "top-priority objective's payout share ÷ priority share below which priority-payout is Watch"
      ),
      band(
        "Priority Payout Act",
        "priorityPayoutAct",
        "share",
        0.5,
        "that ratio below which it is Act"
      ),
    ],
    ordered: [["priorityPayoutAct", "priorityPayoutWatch"]],
  },
] as const satisfies readonly PulseCheckDefinition[];

export type PulseCheckId = (typeof PULSE_CHECKS)[number]["id"];
/** The check ids in their stable order. */
export const PULSE_CHECK_IDS: readonly PulseCheckId[] = PULSE_CHECKS.map((c) => c.id);

type OwnedSetting = (typeof PULSE_CHECKS)[number]["settings"][number];
/** A band's field: a setting with a numeric default. */
export type PulseBandField = Extract<OwnedSetting, { default: number }>["field"];
/** A plan value's field: a setting with no default (not set unless the workbook gives it). */
export type PulsePlanValueField = Extract<OwnedSetting, { default: null }>["field"];

/** Healthy bands of every check (Pulse Settings overrides each; defaults in PULSE_CHECKS). */
export type PulseBands = Record<PulseBandField, number>;
/** The plan's own values (budget, pay-mix policy): null when the workbook does not give them. */
export type PulsePlanValues = Record<PulsePlanValueField, number | null>;

const ALL_SETTINGS: readonly PulseCheckSetting[] = PULSE_CHECKS.flatMap(
  (c): readonly PulseCheckSetting[] => c.settings
);

export const DEFAULT_PULSE_BANDS: Readonly<PulseBands> = Object.freeze(
  Object.fromEntries(
    ALL_SETTINGS.filter((s) => s.default !== null).map((s) => [s.field, s.default])
  ) as PulseBands
);

/** Every plan value, not set. */
export const noPlanValues = (): PulsePlanValues =>
  Object.fromEntries(
    ALL_SETTINGS.filter((s) => s.default === null).map((s) => [s.field, null])
  ) as PulsePlanValues;

/** The definition of a check by id. */
export const pulseCheckDefinition = (id: PulseCheckId): PulseCheckDefinition =>
  PULSE_CHECKS.find((c) => c.id === id)!;

/** How a check's value reads: a share or rate (as a percentage) or a coefficient (0.00). */
export type PulseUnit = "percent" | "coefficient";

/** Title and unit by id (read from PULSE_CHECKS). */
export const PULSE_CHECK_INFO: Readonly<Record<PulseCheckId, { title: string; unit: PulseUnit }>> =
  Object.fromEntries(
    PULSE_CHECKS.map((c) => [
      c.id,
      { title: c.title, unit: c.valueFormat === "coefficient" ? "coefficient" : "percent" },
    ])
  ) as Record<PulseCheckId, { title: string; unit: PulseUnit }>;

/** One plan component's health over the plan's computed reps (the metric checks' input). */
export interface MetricHealth {
  plan: string;
  metric: string;
  curve: string;
  weight: number;
  /** Computed reps on the plan. */
  reps: number;
  /**
   * The curve's landmarks (src/engine/curveLandmarks.ts). Threshold: where the curve starts
   * paying; reached = paid above 0 on the metric. null when the curve never pays.
   */
  threshold: number | null;
  thresholdReached: number;
  /** Attainment at which the curve pays the excellence rate, below the cap; null when none. */
  excellence: number | null;
  excellenceRate: number;
  /** Reps at or beyond the excellence point (0 when there is none). */
  excellenceReached: number;
  /** The last point of a capped curve (CAP, or any STEP curve); null when uncapped. */
  cap: number | null;
  /** Reps at or beyond the cap (0 when uncapped). */
  atCap: number;
}

/** A plan component behind a per-metric check. */
export interface MetricDetail {
  kind: "metric";
  plan: string;
  metric: string;
  curve: string;
  /** The curve point the check counts reps at or beyond. */
  point: number;
  reps: number;
  count: number;
  share: number;
  status: PulseStatus;
}

/** An objective's priority share against its share of design pay and of actual payout. */
export interface ObjectiveDetail {
  kind: "objective";
  objective: string;
  priorityShare: number;
  designPayShare: number;
  /** null when nothing was paid. */
  payoutShare: number | null;
  /** payoutShare − priorityShare (negative: paid less than its priority). */
  gap: number | null;
}

/** One of several measures behind a check (concentration: Gini and top-20% share). */
export interface MeasureDetail {
  kind: "measure";
  measure: string;
  value: number | null;
  band: string;
  status: PulseStatus;
}

export type PulseDetail = MetricDetail | ObjectiveDetail | MeasureDetail;

export interface PulseCheck {
  id: PulseCheckId;
  title: string;
  status: PulseStatus;
  /** The measured value (the worst case for per-metric checks); null when it cannot be measured. */
  value: number | null;
  /** The band it was held against, in words ("55%–70%"). */
  band: string;
  /** One plain sentence of what to do. */
  message: string;
  details?: PulseDetail[];
}

const EPS = 1e-9;
const below = (value: number, limit: number) => value < limit - EPS;
const above = (value: number, limit: number) => value > limit + EPS;

/** Severity: Act, Watch, Not set, Too few reps, OK (worst first). */
const RANK: Record<PulseStatus, number> = {
  OK: 0,
  "Too few reps": 1,
  "Not set": 2,
  Watch: 3,
  Act: 4,
};
export const statusRank = (s: PulseStatus): number => RANK[s];
export const worstStatus = (statuses: readonly PulseStatus[]): PulseStatus =>
  statuses.reduce<PulseStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), "OK");

/** 0.8 → "0.80". */
const coef = (x: number): string => x.toFixed(2);

export function check(
  id: PulseCheckId,
  status: PulseStatus,
  value: number | null,
  band: string,
  message: string,
  details?: PulseDetail[]
): PulseCheck {
  const base = { id, title: PULSE_CHECK_INFO[id].title, status, value, band, message };
  return details ? { ...base, details } : base;
}

const NO_REPS =
  "Cannot be measured: no rep was computed; fix the data issues on the Reps sheet and run the pulse check again.";

/** One side of a band: Watch beyond `watch`, Act beyond `act`, each with its message. */
interface BandSide {
  watch: number;
  act: number;
  watchText: string;
  actText: string;
}

/**
 * A value held against a band: Watch when it cannot be measured; else Act, then Watch, below the
 * low side; Act, then Watch, above the high side; OK inside.
 */
function bandCheck(
  id: PulseCheckId,
  value: number | null,
  band: string,
  text: { unmeasurable: string; ok: string },
  sides: { low?: BandSide; high?: BandSide }
): PulseCheck {
  if (value === null) return check(id, "Watch", null, band, text.unmeasurable);
  const { low, high } = sides;
  if (low && below(value, low.act)) return check(id, "Act", value, band, low.actText);
  if (low && below(value, low.watch)) return check(id, "Watch", value, band, low.watchText);
  if (high && above(value, high.act)) return check(id, "Act", value, band, high.actText);
  if (high && above(value, high.watch)) return check(id, "Watch", value, band, high.watchText);
  return check(id, "OK", value, band, text.ok);
}

export function shareAtQuotaCheck(value: number | null, b: PulseBands): PulseCheck {
  return bandCheck(
    "share-at-quota",
    value,
    `${pct(b.shareAtQuotaLow)}–${pct(b.shareAtQuotaHigh)}`,
    {
      unmeasurable: NO_REPS,
      ok: "Quota attainment is in the healthy band: keep quotas as set and check again next period.",
    },
    {
      low: {
        watch: b.shareAtQuotaLow,
        act: b.shareAtQuotaLow - ACT_MARGINS.share,
        watchText:
          "Fewer reps than healthy are at quota: check whether quotas are too high or the plan fails to motivate before setting next period's quotas.",
        actText:
          "Far too few reps are at quota: revisit quotas and territory capacity now, and tell reps what changes before the next period.",
      },
      high: {
        watch: b.shareAtQuotaHigh,
        act: b.shareAtQuotaHigh + ACT_MARGINS.share,
        watchText:
          "More reps than healthy are at quota: quotas may be too soft, so check for windfall deals and raise quotas at the next cycle.",
        actText:
          "Almost every rep is at quota: quotas are too soft, so reset them with Finance before payout outruns the budget.",
      },
    }
  );
}

/**
 * Rank correlation of weighted attainment and payout % of target. Rising curves make it close
 * to 1 by construction, so it confirms the plan pays as designed (no cliff, cap or weight
 * inverts the order), not that it pays for the right outcomes: pay-for-outcomes does that.
 */
export function payForPerformanceCheck(value: number | null, b: PulseBands): PulseCheck {
  return bandCheck(
    "pay-for-performance",
    value,
    `≥ ${coef(b.payForPerformanceWatch)} (Act below ${coef(b.payForPerformanceAct)})`,
    {
      unmeasurable:
        "Cannot be measured: it needs at least two computed reps with a target incentive and some spread in attainment and payout.",
      ok: "Payout rises with attainment, as rising curves make it do: the plan pays as designed (this does not show it pays for the right outcomes; see pay for outcomes).",
    },
    {
      low: {
        watch: b.payForPerformanceWatch,
        act: b.payForPerformanceAct,
        watchText:
          "Pay follows performance only loosely: find reps paid well at low attainment (cliffs, caps, uneven weights) and fix the curve or weights.",
        actText:
          "Pay barely follows performance: review cliffs, caps and metric weights now, because reps are not paid in the order they perform.",
      },
    }
  );
}

const NO_TARGET_INCENTIVE = "Cannot be measured: no computed rep has a target incentive above 0.";

export function leverageP90Check(value: number | null, b: PulseBands): PulseCheck {
  return bandCheck(
    "leverage-p90",
    value,
    `${pct(b.p90Low)}–${pct(b.p90High)}`,
    {
      unmeasurable: NO_TARGET_INCENTIVE,
      ok: "Top performers earn a healthy multiple of target: keep the upside as designed.",
    },
    {
      low: {
        watch: b.p90Low,
        act: b.p90Low - ACT_MARGINS.p90Below,
        watchText:
          "Top performers earn too little above target: steepen the curves above 100% or lift caps so the best reps see real upside.",
        actText:
          "The best reps barely earn more than target: the plan has no real upside, so redesign the curves above 100%.",
      },
      high: {
        watch: b.p90High,
        act: b.p90High + ACT_MARGINS.p90Above,
        watchText:
          "Top performers earn more than the usual 2–3× target: check for windfall deals or soft quotas before adding a cap.",
        actText:
          "Top-decile payouts are running away: investigate windfall deals and quotas now, and cap or flatten the accelerators.",
      },
    }
  );
}

export function leverageP10Check(value: number | null, b: PulseBands): PulseCheck {
  return bandCheck(
    "leverage-p10",
    value,
    `≤ ${pct(b.p10High)}`,
    {
      unmeasurable: NO_TARGET_INCENTIVE,
      ok: "Low performers are paid well under target: the plan separates them from the rest as it should.",
    },
    {
      high: {
        watch: b.p10High,
        act: b.p10High + ACT_MARGINS.p10Above,
        watchText:
          "Low performers still earn a large share of target: raise the thresholds or lower the payout at the first curve point.",
        actText:
          "Bottom-decile reps are paid close to target: the plan pays for being present, so introduce or raise thresholds.",
      },
    }
  );
}

type PlanValueId = "payout-to-target" | "cost-of-sales";

const PLAN_VALUE_TEXT: Record<
  PlanValueId,
  {
    setting: string;
    what: string;
    unmeasurable: string;
    high: [watch: string, act: string];
    low: [watch: string, act: string];
  }
> = {
  "payout-to-target": {
    setting: "Plan Payout To Target",
    what: "payout with the budget",
    unmeasurable: "Cannot be measured: the computed reps' target incentives add up to 0.",
    high: [
      "Payout runs above plan: tell Finance, update the accrual, and check whether quotas or accelerators are too generous.",
      "Payout runs far above plan: update the accrual with Finance now and review quotas and accelerators before the next period.",
    ],
    low: [
      "Payout runs below plan: check whether quotas are too high, and agree with Finance what happens to the unused accrual.",
      "Payout runs far below plan: quotas are likely out of reach, so review them with sales leaders now.",
    ],
  },
  "cost-of-sales": {
    setting: "Plan Incentive Cost Of Sales",
    what: "incentive cost with the plan",
    unmeasurable:
      "Cannot be measured: add a Revenue column to Reps (with revenue above 0) to compute incentive cost of sales.",
    high: [
      "Incentive cost of sales runs above plan: check with Finance whether payout is growing faster than revenue (accelerators, soft quotas).",
      "Incentive cost of sales runs far above plan: review accelerators and quotas with Finance now, because payout outgrows revenue.",
    ],
    low: [
      "Incentive cost of sales runs below plan: good for cost, but check that the plan still pays enough to motivate.",
      "Incentive cost of sales runs far below plan: check that revenue is credited correctly and that the plan still motivates.",
    ],
  },
};

/**
 * Payout to target or incentive cost of sales against the plan value from Pulse Settings:
 * Watch beyond ±tolerance (relative to the plan value), Act beyond twice that. Without a plan
 * value there is nothing to hold the value against: Not set, naming the setting to add.
 */
export function planValueCheck(
  id: PlanValueId,
  value: number | null,
  plan: number | null,
  b: PulseBands
): PulseCheck {
  const text = PLAN_VALUE_TEXT[id];
  if (plan === null)
    return check(
      id,
      "Not set",
      value,
      "no plan value set",
      `Not compared: add ${text.setting} to the Pulse Settings sheet to compare ${text.what}.`
    );
  const lo = plan * (1 - b.planTolerance);
  const hi = plan * (1 + b.planTolerance);
  // Cost of sales reads with two decimals (as its value does, formatPulseValue): "3.25%".
  const p = (x: number) => pct(x, id === "cost-of-sales" ? 2 : undefined);
  const band = `${p(lo)}–${p(hi)} (plan ${p(plan)} ± ${pct(b.planTolerance)})`;
  if (value === null) return check(id, "Watch", null, band, text.unmeasurable);
  const deviation = value / plan - 1;
  const act = b.planTolerance * ACT_MARGINS.planToleranceFactor;
  if (above(Math.abs(deviation), b.planTolerance)) {
    const [watch, acted] = deviation > 0 ? text.high : text.low;
    return above(Math.abs(deviation), act)
      ? check(id, "Act", value, band, acted)
      : check(id, "Watch", value, band, watch);
  }
  return check(
    id,
    "OK",
    value,
    band,
    `Within ${pct(b.planTolerance)} of plan: the budget holds, so no change is needed.`
  );
}

/**
 * Gini of reps' payout % of target (the value) and the top 20% of reps' share of the plan's
 * summed payout % of target (a detail): on % of target, so roles with different target
 * incentives are not read as concentration.
 */
export function concentrationCheck(
  gini: number | null,
  top20Share: number | null,
  b: PulseBands
): PulseCheck {
  const id = "concentration";
  const giniBand = `${coef(b.giniLow)}–${coef(b.giniHigh)}`;
  const topBand = `≤ ${pct(b.top20ShareHigh)}`;
  const band = `Gini ${giniBand}; top 20% ≤ ${pct(b.top20ShareHigh)} of payout % of target`;
  const giniStatus: PulseStatus =
    gini === null
      ? "Watch"
      : above(gini, b.giniHigh + ACT_MARGINS.share)
        ? "Act"
        : above(gini, b.giniHigh) || below(gini, b.giniLow)
          ? "Watch"
          : "OK";
  const topStatus: PulseStatus =
    top20Share === null
      ? "Watch"
      : above(top20Share, b.top20ShareHigh + ACT_MARGINS.share)
        ? "Act"
        : above(top20Share, b.top20ShareHigh)
          ? "Watch"
          : "OK";
  const details: MeasureDetail[] = [
    { kind: "measure", measure: "Gini", value: gini, band: giniBand, status: giniStatus },
    {
      kind: "measure",
      measure: "Top 20% share of payout % of target",
      value: top20Share,
      band: topBand,
      status: topStatus,
    },
  ];
  const status = worstStatus([giniStatus, topStatus]);
  if (gini === null || top20Share === null)
    return check(
      id,
      "Watch",
      gini,
      band,
      "Cannot be measured: it needs computed reps with a payout above 0 in total.",
      details
    );
  const top = `the top 20% of reps earn ${pct(top20Share)} of the plan's payout % of target`;
  const concentrated =
    above(gini, b.giniHigh) || above(top20Share, b.top20ShareHigh)
      ? status === "Act"
        ? `A few reps take most of the payout (${top}): review windfall deals, territory balance and accelerators now.`
        : `Payouts are concentrated in few reps (${top}): check for windfall deals and uneven territories.`
      : null;
  if (concentrated) return check(id, status, gini, band, concentrated, details);
  if (below(gini, b.giniLow))
    return check(
      id,
      "Watch",
      gini,
      band,
      `Payouts are nearly equal across reps (${top}): the plan barely separates strong from weak performance, so steepen the curves.`,
      details
    );
  return check(
    id,
    "OK",
    gini,
    band,
    `Payouts are spread as expected for a pay-for-performance plan (${top}): no change is needed.`,
    details
  );
}

interface Rated {
  detail: MetricDetail;
  /**
   * How far outside the band: positive outside, negative inside (how far from the nearer edge),
   * so among metrics inside the band the one nearest its edge is the worst and the value shown
   * for "worst metric" is never a healthier metric's.
   */
  distance: number;
}

/** The worst detail: highest status, then farthest outside (or nearest the edge of) the band; a tie goes to the first. */
function worstOf(rated: Rated[]): Rated | null {
  let worst: Rated | null = null;
  for (const r of rated) {
    if (
      !worst ||
      RANK[r.detail.status] > RANK[worst.detail.status] ||
      (RANK[r.detail.status] === RANK[worst.detail.status] && r.distance > worst.distance + EPS)
    )
      worst = r;
  }
  return worst;
}

const measured = (rows: readonly MetricHealth[]) => rows.filter((r) => r.reps > 0);
const who = (d: MetricDetail) => `${d.plan} / ${d.metric}`;

const NO_METRICS =
  "Cannot be measured: no paid metric has computed reps; fix the data issues on the Reps sheet and run again.";

const threshold = (point: number) =>
  Number.isFinite(point) ? `paid from ${pct(point)} attainment` : "the curve never pays";

/** Share of each plan's reps paid above 0 on each metric (reaching its threshold): Watch below the band, Act 15 points below. */
export function thresholdReachCheck(rows: readonly MetricHealth[], b: PulseBands): PulseCheck {
  const id = "threshold-reach";
  const band = `≥ ${pct(b.thresholdReachLow)} of a plan's reps`;
  const rated = measured(rows).map((r): Rated => {
    const share = r.thresholdReached / r.reps;
    const point = r.threshold ?? NaN;
    const status: PulseStatus = below(share, b.thresholdReachLow - ACT_MARGINS.share)
      ? "Act"
      : below(share, b.thresholdReachLow)
        ? "Watch"
        : "OK";
    return {
      detail: {
        kind: "metric",
        plan: r.plan,
        metric: r.metric,
        curve: r.curve,
        point,
        reps: r.reps,
        count: r.thresholdReached,
        share,
        status,
      },
      distance: b.thresholdReachLow - share,
    };
  });
  const worst = worstOf(rated);
  const details = rated.map((r) => r.detail);
  if (!worst) return check(id, "Watch", null, band, NO_METRICS, details);
  const d = worst.detail;
  const message =
    d.status === "Act"
      ? `${who(d)}: ${pct(d.share)} of reps reach the threshold (${threshold(d.point)}), so ${pct(1 - d.share)} earn nothing on it; lower the threshold or fix that metric's quotas now.`
      : d.status === "Watch"
        ? `${who(d)}: only ${pct(d.share)} of reps reach the threshold (${threshold(d.point)}) and ${pct(1 - d.share)} earn nothing on it; lower the threshold or review that metric's quotas before next period.`
        : "Thresholds are within reach for most reps of every plan: keep them.";
  return check(id, d.status, d.share, band, message, details);
}

/**
 * Share of each plan's reps at or beyond each metric's excellence point (where the curve pays
 * the excellence rate, below the cap): Watch outside the band, Act 15 points above it. Metrics
 * whose curve has no excellence point below its cap are left to capped-reps.
 */
export function excellenceReachCheck(rows: readonly MetricHealth[], b: PulseBands): PulseCheck {
  const id = "excellence-reach";
  const band = `${pct(b.excellenceReachLow)}–${pct(b.excellenceReachHigh)} of a plan's reps`;
  const rated = measured(rows)
    .filter((r) => r.excellence !== null)
    .map((r): Rated => {
      const share = r.excellenceReached / r.reps;
      const status: PulseStatus = above(share, b.excellenceReachHigh + ACT_MARGINS.share)
        ? "Act"
        : above(share, b.excellenceReachHigh) || below(share, b.excellenceReachLow)
          ? "Watch"
          : "OK";
      return {
        detail: {
          kind: "metric",
          plan: r.plan,
          metric: r.metric,
          curve: r.curve,
          point: r.excellence!,
          reps: r.reps,
          count: r.excellenceReached,
          share,
          status,
        },
        distance: Math.max(b.excellenceReachLow - share, share - b.excellenceReachHigh),
      };
    });
  const worst = worstOf(rated);
  const details = rated.map((r) => r.detail);
  if (!worst) {
    if (measured(rows).length === 0) return check(id, "Watch", null, band, NO_METRICS, details);
    const rate = rows[0]?.excellenceRate ?? 1.5;
    return check(
      id,
      "Not set",
      null,
      band,
      `No paid metric's curve pays the excellence rate (${pct(rate)} of target) below its cap: set Excellence Payout Rate in Pulse Settings to the rate your plan calls excellence.`,
      details
    );
  }
  const d = worst.detail;
  const message =
    d.status === "OK"
      ? "Excellence is reached by a small group of reps, as it should be: keep it."
      : above(d.share, b.excellenceReachHigh)
        ? d.status === "Act"
          ? `${who(d)}: ${pct(d.share)} of reps reach excellence (${pct(d.point)} attainment), so excellence is routine; steepen the curve there or raise the quotas now to contain cost.`
          : `${who(d)}: ${pct(d.share)} of reps reach excellence (${pct(d.point)} attainment); check the quotas and the curve above target.`
        : `${who(d)}: almost no rep reaches excellence (${pct(d.point)} attainment); make the upper curve reachable so excellence is a real target.`;
  return check(id, d.status, d.share, band, message, details);
}

/** Share of each plan's reps at or beyond a capped curve's last point: Watch above the limit, Act 15 points above. */
export function cappedRepsCheck(rows: readonly MetricHealth[], b: PulseBands): PulseCheck {
  const id = "capped-reps";
  const band = `≤ ${pct(b.cappedRepsHigh)} of a plan's reps per capped metric`;
  const capped = measured(rows).filter((r) => r.cap !== null);
  const rated = capped.map((r): Rated => {
    const share = r.atCap / r.reps;
    const status: PulseStatus = above(share, b.cappedRepsHigh + ACT_MARGINS.share)
      ? "Act"
      : above(share, b.cappedRepsHigh)
        ? "Watch"
        : "OK";
    return {
      detail: {
        kind: "metric",
        plan: r.plan,
        metric: r.metric,
        curve: r.curve,
        point: r.cap!,
        reps: r.reps,
        count: r.atCap,
        share,
        status,
      },
      distance: share - b.cappedRepsHigh,
    };
  });
  const worst = worstOf(rated);
  const details = rated.map((r) => r.detail);
  if (!worst) {
    return measured(rows).length === 0
      ? check(id, "Watch", null, band, NO_METRICS, details)
      : check(
          id,
          "OK",
          0,
          band,
          "No paid metric uses a capped curve, so no rep is held at a cap: nothing to do.",
          details
        );
  }
  const d = worst.detail;
  const message =
    d.status === "Act"
      ? `${who(d)}: ${pct(d.share)} of reps are at or beyond the cap (${pct(d.point)}); raise or remove the cap before reps start holding deals for next period.`
      : d.status === "Watch"
        ? `${who(d)}: ${pct(d.share)} of reps are at or beyond the cap (${pct(d.point)}) and earn nothing more for more; raise the cap or the top point.`
        : "Few reps are held at a cap: keep the caps as they are.";
  return check(id, d.status, d.share, band, message, details);
}

/**
 * Realized alignment index (on actual payout) against the design index (on target incentive ×
 * weights): Watch when it drops by more than the drift, Act by more than twice that. The
 * details give each objective's priority, design pay and payout shares.
 */
export function alignmentDriftCheck(
  design: number | null,
  realized: number | null,
  objectives: ObjectiveDetail[],
  b: PulseBands
): PulseCheck {
  const id = "alignment-drift";
  if (design === null)
    return check(
      id,
      "Watch",
      realized,
      "no design index",
      "Cannot be measured: give the objectives priorities above 0 and their metrics weights in Matrix, then run again.",
      objectives
    );
  const band = `≥ ${(design - b.alignmentDrift).toFixed(3)} (design ${design.toFixed(3)} − ${coef(b.alignmentDrift)})`;
  if (realized === null)
    return check(
      id,
      "Watch",
      null,
      band,
      "Cannot be measured: the computed reps were paid nothing, so there is no payout to compare with strategy.",
      objectives
    );
  const drop = design - realized;
  if (!above(drop, b.alignmentDrift))
    return check(
      id,
      "OK",
      realized,
      band,
      "Payout follows strategy about as the design intended: no change is needed.",
      objectives
    );
  // The objective paid furthest below its priority is where the money failed to go.
  const short = objectives
    .filter((o) => o.gap !== null)
    .reduce<ObjectiveDetail | null>((w, o) => (!w || o.gap! < w.gap! ? o : w), null);
  const where = short
    ? `"${short.objective}" got ${pct(short.payoutShare!)} of payout against ${pct(short.priorityShare)} of priority`
    : "payout went elsewhere than priority";
  return above(drop, b.alignmentDrift * ACT_MARGINS.driftFactor)
    ? check(
        id,
        "Act",
        realized,
        band,
        `Payout has drifted far from strategy (${where}): rebalance weights or curves toward it at the next plan change and tell reps why.`,
        objectives
      )
    : check(
        id,
        "Watch",
        realized,
        band,
        `Payout drifts from strategy (${where}): check attainment on its metrics and whether its weight is enough to change behaviour.`,
        objectives
      );
}

/**
 * Pay mix: total base salary ÷ (base salary + target incentive) of the plan's reps, against the
 * band from Pulse Settings (Pay Mix Low / Pay Mix High). No default band: pay mix is a policy
 * choice (70/30 for an AE, 50/50 for a hunter), so without one the check is Not set.
 */
export function payMixCheck(
  value: number | null,
  low: number | null,
  high: number | null,
  hasBaseSalary: boolean
): PulseCheck {
  const id = "pay-mix";
  if (!hasBaseSalary)
    return check(
      id,
      "Not set",
      null,
      "needs Base Salary",
      "Not compared: add a Base Salary column to Reps to measure pay mix."
    );
  if (low === null || high === null)
    return check(
      id,
      "Not set",
      value,
      "no pay-mix band set",
      "Not compared: add Pay Mix Low and Pay Mix High (base ÷ (base + target incentive), e.g. 0.6 and 0.7) to the Pulse Settings sheet."
    );
  return bandCheck(
    id,
    value,
    `${pct(low)}–${pct(high)} base`,
    {
      unmeasurable:
        "Cannot be measured: no computed rep has a Base Salary and target incentive that add up to more than 0.",
      ok: "Base and variable pay are mixed as the policy intends: no change is needed.",
    },
    {
      low: {
        watch: low,
        act: low - ACT_MARGINS.share,
        watchText:
          "More of pay is at risk than the policy intends: check whether target incentives grew faster than base salaries.",
        actText:
          "Far more of pay is at risk than the policy intends: rebalance base and target incentive before reps' pay swings too much.",
      },
      high: {
        watch: high,
        act: high + ACT_MARGINS.share,
        watchText:
          "Less of pay is at risk than the policy intends: the incentive may be too small to change behaviour.",
        actText:
          "Little of pay is at risk: the incentive is too small to steer behaviour, so move pay from base to target incentive at the next cycle.",
      },
    }
  );
}

/**
 * The top-priority objective's share of actual payout ÷ its share of priority (absolute, unlike
 * alignment-drift, which compares with the design): Watch below Priority Payout Watch (75%), Act
 * below Priority Payout Act (50%). The details give every objective's shares.
 */
export function priorityPayoutCheck(objectives: ObjectiveDetail[], b: PulseBands): PulseCheck {
  const id = "priority-payout";
  const band = `≥ ${pct(b.priorityPayoutWatch)} of its priority share (Act below ${pct(b.priorityPayoutAct)})`;
  const top = objectives.reduce<ObjectiveDetail | null>(
    (t, o) => (o.priorityShare > 0 && (!t || o.priorityShare > t.priorityShare + EPS) ? o : t),
    null
  );
  if (!top)
    return check(
      id,
      "Not set",
      null,
      band,
      "Not compared: give the objectives priorities above 0 in Objectives.",
      objectives
    );
  if (top.payoutShare === null)
    return check(
      id,
      "Watch",
      null,
      band,
      "Cannot be measured: the computed reps were paid nothing, so there is no payout to compare with priority.",
      objectives
    );
  const ratio = top.payoutShare / top.priorityShare;
  const what = `"${top.objective}" (top priority, ${pct(top.priorityShare)} of priority) gets ${pct(top.payoutShare)} of payout`;
  if (below(ratio, b.priorityPayoutAct))
    return check(
      id,
      "Act",
      ratio,
      band,
      `${what}: the money does not follow the top priority; raise its weight or make its metric's curve reachable now.`,
      objectives
    );
  if (below(ratio, b.priorityPayoutWatch))
    return check(
      id,
      "Watch",
      ratio,
      band,
      `${what}: check attainment on its metrics and whether its weight is enough to change behaviour.`,
      objectives
    );
  return check(
    id,
    "OK",
    ratio,
    band,
    `${what}: the money follows the top priority, so no change is needed.`,
    objectives
  );
}

/**
 * Pay for outcomes: Spearman rank correlation of payout % of target and Gross Margin % (Gross
 * Margin ÷ Revenue), an outcome that is not an input of the payout. Watch below Pay For Outcomes
 * Watch (0.30), Act below Pay For Outcomes Act (0.00: paying against the outcome). Not set
 * without Gross Margin and Revenue columns.
 */
export function payForOutcomesCheck(
  value: number | null,
  hasOutcome: boolean,
  b: PulseBands
): PulseCheck {
  const id = "pay-for-outcomes";
  const band = `≥ ${coef(b.payForOutcomesWatch)} (Act below ${coef(b.payForOutcomesAct)})`;
  if (!hasOutcome)
    return check(
      id,
      "Not set",
      null,
      band,
      "Not compared: add Gross Margin and Revenue columns to Reps so payout can be held against an outcome the plan does not pay on."
    );
  return bandCheck(
    id,
    value,
    band,
    {
      unmeasurable:
        "Cannot be measured: it needs at least two computed reps with a target incentive, Revenue above 0 and Gross Margin, and some spread in both.",
      ok: "Reps paid more of their target also sell at better gross margin: the plan pays for the outcome.",
    },
    {
      low: {
        watch: b.payForOutcomesWatch,
        act: b.payForOutcomesAct,
        watchText:
          "Payout barely follows gross margin: reps can earn well on low-margin deals; consider a margin metric or modifier.",
        actText:
          "Reps paid most sell at the worst margins: the plan pays against the outcome, so add a margin gate or modifier now.",
      },
    }
  );
}

/** What one group (a plan, or the company) measured (src/engine/pulse.ts measures it). */
export interface GroupMeasures {
  reps: number;
  shareAtQuota: number | null;
  spearman: number | null;
  p10: number | null;
  p90: number | null;
  payoutToTarget: number | null;
  incentiveCostOfSales: number | null;
  /** Gini and top-20% share of payout % of target. */
  gini: number | null;
  top20Share: number | null;
  payMix: number | null;
  payForOutcomes: number | null;
  designAlignmentIndex: number | null;
  realizedAlignmentIndex: number | null;
  objectives: ObjectiveDetail[];
}

/** What a group's checks are computed from. */
export interface PulseCheckInput {
  measures: GroupMeasures;
  /** The group's paid metrics: threshold, excellence and cap counts. */
  health: readonly MetricHealth[];
  settings: PulseSettings;
  /** Which optional Reps columns the workbook has. */
  columns: { baseSalary: boolean; revenue: boolean; grossMargin: boolean };
}

/** Each check's compute function, by id (a check of PULSE_CHECKS missing here is a type error). */
export const PULSE_CHECK_COMPUTE: {
  readonly [K in PulseCheckId]: (input: PulseCheckInput) => PulseCheck;
} = {
  "share-at-quota": ({ measures: m, settings: s }) => shareAtQuotaCheck(m.shareAtQuota, s.bands),
  "pay-for-performance": ({ measures: m, settings: s }) =>
    payForPerformanceCheck(m.spearman, s.bands),
  "leverage-p90": ({ measures: m, settings: s }) => leverageP90Check(m.p90, s.bands),
  "leverage-p10": ({ measures: m, settings: s }) => leverageP10Check(m.p10, s.bands),
  "payout-to-target": ({ measures: m, settings: s }) =>
    planValueCheck("payout-to-target", m.payoutToTarget, s.planPayoutToTarget, s.bands),
  "cost-of-sales": ({ measures: m, settings: s }) =>
    planValueCheck("cost-of-sales", m.incentiveCostOfSales, s.planIncentiveCostOfSales, s.bands),
  concentration: ({ measures: m, settings: s }) =>
    concentrationCheck(m.gini, m.top20Share, s.bands),
  "threshold-reach": ({ health, settings: s }) => thresholdReachCheck(health, s.bands),
  "excellence-reach": ({ health, settings: s }) => excellenceReachCheck(health, s.bands),
  "capped-reps": ({ health, settings: s }) => cappedRepsCheck(health, s.bands),
  "alignment-drift": ({ measures: m, settings: s }) =>
    alignmentDriftCheck(m.designAlignmentIndex, m.realizedAlignmentIndex, m.objectives, s.bands),
  "pay-for-outcomes": ({ measures: m, settings: s, columns }) =>
    payForOutcomesCheck(m.payForOutcomes, columns.grossMargin && columns.revenue, s.bands),
  "pay-mix": ({ measures: m, settings: s, columns }) =>
    payMixCheck(m.payMix, s.payMixLow, s.payMixHigh, columns.baseSalary),
  "priority-payout": ({ measures: m, settings: s }) => priorityPayoutCheck(m.objectives, s.bands),
};
