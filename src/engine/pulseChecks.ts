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
import { ACT_MARGINS, type PulseBands } from "./pulseSettings";
import { pct } from "./figures";

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

/** The checks, in their stable order (JSON, the sheet and the pane all list them so). */
export const PULSE_CHECK_IDS = [
  "share-at-quota",
  "pay-for-performance",
  "leverage-p90",
  "leverage-p10",
  "payout-to-target",
  "cost-of-sales",
  "concentration",
  "threshold-reach",
  "excellence-reach",
  "capped-reps",
  "alignment-drift",
  "pay-for-outcomes",
  "pay-mix",
  "priority-payout",
] as const;
export type PulseCheckId = (typeof PULSE_CHECK_IDS)[number];

/** How a check's value reads: a share or rate (as a percentage) or a coefficient (0.00). */
export type PulseUnit = "percent" | "coefficient";

export const PULSE_CHECK_INFO: Record<PulseCheckId, { title: string; unit: PulseUnit }> = {
  "share-at-quota": { title: "Reps at or above quota", unit: "percent" },
  "pay-for-performance": {
    title: "Payout follows attainment (rank correlation; true by design)",
    unit: "coefficient",
  },
  "leverage-p90": { title: "Payout % of target, 90th percentile", unit: "percent" },
  "leverage-p10": { title: "Payout % of target, 10th percentile", unit: "percent" },
  "payout-to-target": { title: "Payout to target vs plan", unit: "percent" },
  "cost-of-sales": { title: "Incentive cost of sales vs plan", unit: "percent" },
  concentration: { title: "Earnings concentration (Gini)", unit: "coefficient" },
  "threshold-reach": {
    title: "Reps paid above 0 on a metric (threshold, worst metric)",
    unit: "percent",
  },
  "excellence-reach": {
    title: "Reps at the excellence rate below the cap (worst metric)",
    unit: "percent",
  },
  "capped-reps": { title: "Reps held at a cap (worst metric)", unit: "percent" },
  "alignment-drift": { title: "Realized vs design alignment index", unit: "coefficient" },
  "pay-for-outcomes": {
    title: "Pay for outcomes (payout % of target vs Gross Margin %, rank correlation)",
    unit: "coefficient",
  },
  "pay-mix": { title: "Pay mix (base ÷ (base + target incentive))", unit: "percent" },
  "priority-payout": {
    title: "Top-priority objective's payout share ÷ its priority share",
    unit: "percent",
  },
};

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

/** Gini of rep payouts (the value) and the top 20% of reps' share of payout (a detail). */
export function concentrationCheck(
  gini: number | null,
  top20Share: number | null,
  b: PulseBands
): PulseCheck {
  const id = "concentration";
  const giniBand = `${coef(b.giniLow)}–${coef(b.giniHigh)}`;
  const topBand = `≤ ${pct(b.top20ShareHigh)}`;
  const band = `Gini ${giniBand}; top 20% ≤ ${pct(b.top20ShareHigh)} of payout`;
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
      measure: "Top 20% share of payout",
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
  const top = `the top 20% of reps earn ${pct(top20Share)} of payout`;
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
  /** How far outside the band (0 inside). */
  distance: number;
}

/** The worst detail: highest status, then farthest outside the band; a tie goes to the first. */
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
      distance: Math.max(0, b.thresholdReachLow - share),
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
        distance: Math.max(0, b.excellenceReachLow - share, share - b.excellenceReachHigh),
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
      distance: Math.max(0, share - b.cappedRepsHigh),
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
