/**
 * The plan pulse check: is the plan doing, this period, what it was designed to do? Computed on
 * the workbook's actuals through the scenario engine's Baseline (the plan as designed, rep by
 * rep, data issues left out), then held against healthy bands (src/engine/pulseChecks.ts).
 *
 * Pure: no clock. The label of the period is the Pulse Settings `Period`, else the `today`
 * text the caller passes in.
 *
 * Measures, over the computed reps:
 * - share at quota, payout to target, incentive cost of sales, payout % of target at the 10th
 *   and 90th percentile, Gini and the realized alignment index: the Baseline's figures;
 * - pay for performance: Spearman rank correlation (average ranks for ties) of weighted
 *   attainment and payout ÷ target incentive over reps with a target above 0, both rounded to
 *   9 decimals first so values equal but for floating-point noise tie;
 * - top-20% share: payout of the top ceil(20% × n) reps ÷ total payout;
 * - per plan and paid metric (weight > 0): reps with attainment ≥ the curve's first point
 *   (threshold), ≥ its last point (excellence), and, for a capped curve (Beyond CAP or Method
 *   STEP), at or beyond the last point (held at the cap), exactly as the curve sees attainment;
 * - per objective: priority share, design pay share (target incentive × weights) and share of
 *   actual payout.
 */
import { designShares } from "./alignmentRules";
import { spearman, topShare } from "./distribution";
import type { PlanDesign } from "./plan";
import {
  alignmentDriftCheck,
  cappedRepsCheck,
  concentrationCheck,
  excellenceReachCheck,
  leverageP10Check,
  leverageP90Check,
  payForPerformanceCheck,
  planValueCheck,
  shareAtQuotaCheck,
  thresholdReachCheck,
  type MetricHealth,
  type ObjectiveDetail,
  type PulseCheck,
} from "./pulseChecks";
import type { PulseSettings } from "./pulseSettings";
import type { RepTable } from "./reps";
import { ALL } from "./scenarioChanges";
import {
  computeScenario,
  prepareRun,
  type DataIssue,
  type PreparedRun,
  type ScenarioFigures,
  type ScenarioResult,
} from "./scenarioRunner";

export interface PulseOptions {
  /** The label used when Pulse Settings has no Period, e.g. today's date "2026-04-02". */
  today: string;
}

/** Weighted attainment bins of the histogram: [from, to) with 1e-12 slack as share-at-quota has. */
export const ATTAINMENT_BIN_EDGES = [0.5, 0.75, 1, 1.25, 1.5] as const;

export interface HistogramBin {
  label: string;
  /** Inclusive lower edge (null: open below). */
  from: number | null;
  /** Exclusive upper edge (null: open above). */
  to: number | null;
  reps: number;
}

/** One computed rep with a target above 0: the scatter's point. */
export interface PulsePoint {
  rep: string;
  plan: string;
  weightedAttainment: number;
  payoutPctOfTarget: number;
}

export interface PulseResult {
  /** The period label (Pulse Settings Period, else `today`). */
  label: string;
  checks: PulseCheck[];
  /** Reps computed; the others are data issues. */
  computedReps: number;
  dataIssues: DataIssue[];
  /** The Baseline figures of the period's actuals. */
  figures: ScenarioFigures;
  spearman: number | null;
  top20Share: number | null;
  designAlignmentIndex: number | null;
  metricHealth: MetricHealth[];
  objectives: ObjectiveDetail[];
  histogram: HistogramBin[];
  points: PulsePoint[];
  /** Plan values and bands the checks used. */
  settings: PulseSettings;
}

const key = (text: string) => text.trim().toLowerCase();
/** Rounded to 9 decimals (keeps ties that floating-point noise would split). */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

const binLabel = (from: number | null, to: number | null) => {
  const p = (x: number) => `${Math.round(x * 100)}%`;
  if (from === null) return `<${p(to!)}`;
  if (to === null) return `≥${p(from)}`;
  return `${p(from)}–${p(to)}`;
};

/** How many of the weighted attainments fall in each bin (<50%, 50–75%, …, ≥150%). */
export function attainmentHistogram(attainments: ArrayLike<number>): HistogramBin[] {
  const edges = ATTAINMENT_BIN_EDGES;
  const bins: HistogramBin[] = [null, ...edges].map((from, i) => {
    const to = i < edges.length ? edges[i] : null;
    return { label: binLabel(from, to), from, to, reps: 0 };
  });
  for (let k = 0; k < attainments.length; k++) {
    const wa = attainments[k];
    let bin = 0;
    while (bin < edges.length && wa >= edges[bin] - 1e-12) bin++;
    bins[bin].reps++;
  }
  return bins;
}

/** Threshold, excellence and cap counts per plan and paid metric, in Matrix order. */
function metricHealth(run: PreparedRun, baseline: ScenarioResult): MetricHealth[] {
  const model = run.models[0];
  const { plans, included } = run;
  const rows: MetricHealth[] = [];
  plans.keys.forEach((planKey, g) => {
    const comps = model.variants.get(planKey)?.get(ALL);
    if (!comps) return;
    const members: number[] = [];
    for (let i = 0; i < included.length; i++) if (included[i] && plans.of[i] === g) members.push(i);
    for (const c of comps) {
      if (!(c.weight > 0)) continue;
      const attainment = baseline.reps.attainment.get(c.metricKey)!;
      const points = c.curve.points;
      const threshold = points[0];
      const top = points[points.length - 1];
      const capped = c.curve.beyond === "CAP" || c.curve.method === "STEP";
      let thresholdReached = 0;
      let topReached = 0;
      for (const i of members) {
        if (attainment[i] >= threshold) thresholdReached++;
        if (attainment[i] >= top) topReached++;
      }
      rows.push({
        plan: plans.labels[g],
        metric: c.metric,
        curve: c.curve.name,
        weight: c.weight,
        reps: members.length,
        threshold,
        thresholdReached,
        top,
        topReached,
        capped,
        atCap: capped ? topReached : 0,
      });
    }
  });
  // Matrix order (plans appear in Reps order above).
  const order = new Map(
    run.design.components.map((c, i) => [`${key(c.plan)}\u0000${key(c.metric)}`, i])
  );
  const at = (r: MetricHealth) => order.get(`${key(r.plan)}\u0000${key(r.metric)}`) ?? Infinity;
  return rows.sort((a, b) => at(a) - at(b));
}

/** The checks and what the Pulse Check tab shows, from a prepared run and its Baseline. */
export function pulseFromRun(
  run: PreparedRun,
  baseline: ScenarioResult,
  settings: PulseSettings,
  options: PulseOptions
): PulseResult {
  const { reps, included } = run;
  const f = baseline.figures;
  const b = settings.bands;

  const attainments: number[] = [];
  const payouts: number[] = [];
  const rankX: number[] = [];
  const rankY: number[] = [];
  const points: PulsePoint[] = [];
  for (let i = 0; i < reps.count; i++) {
    if (!included[i]) continue;
    const wa = baseline.reps.weightedAttainment[i];
    const payout = baseline.reps.payout[i];
    const ti = baseline.reps.targetIncentive[i];
    attainments.push(wa);
    payouts.push(payout);
    if (ti > 0) {
      rankX.push(round9(wa));
      rankY.push(round9(payout / ti));
      points.push({
        rep: reps.names[i],
        plan: run.plans.labels[run.plans.of[i]],
        weightedAttainment: wa,
        payoutPctOfTarget: payout / ti,
      });
    }
  }
  const rho = spearman(rankX, rankY);
  const top20 = f.totalPayout > 0 && payouts.every((p) => p >= 0) ? topShare(payouts, 0.2) : null;

  const health = metricHealth(run, baseline);
  const shares = designShares(run.design);
  const objectives: ObjectiveDetail[] = shares.objectives.map((o) => {
    const paid = f.totalPayout > 0 ? (f.payoutByObjective[o.objective] ?? 0) / f.totalPayout : null;
    return {
      kind: "objective",
      objective: o.objective,
      priorityShare: o.priorityShare,
      designPayShare: o.payShare,
      payoutShare: paid,
      gap: paid === null ? null : paid - o.priorityShare,
    };
  });

  const checks: PulseCheck[] = [
    shareAtQuotaCheck(f.shareAtOrAboveWeightedTarget, b),
    payForPerformanceCheck(rho, b),
    leverageP90Check(f.payoutPctOfTarget?.p90 ?? null, b),
    leverageP10Check(f.payoutPctOfTarget?.p10 ?? null, b),
    planValueCheck("payout-to-target", f.payoutToTarget, settings.planPayoutToTarget, b),
    planValueCheck("cost-of-sales", f.incentiveCostOfSales, settings.planIncentiveCostOfSales, b),
    concentrationCheck(f.gini, top20, b),
    thresholdReachCheck(health, b),
    excellenceReachCheck(health, b),
    cappedRepsCheck(health, b),
    alignmentDriftCheck(shares.index, f.realizedAlignmentIndex, objectives, b),
  ];

  return {
    label: settings.period ?? options.today,
    checks,
    computedReps: attainments.length,
    dataIssues: run.dataIssues,
    figures: f,
    spearman: rho,
    top20Share: top20,
    designAlignmentIndex: shares.index,
    metricHealth: health,
    objectives,
    histogram: attainmentHistogram(attainments),
    points,
    settings,
  };
}

/** Runs the plan as designed on the period's actuals (the Baseline) and checks it. */
export function runPulse(
  design: PlanDesign,
  reps: RepTable,
  settings: PulseSettings,
  options: PulseOptions
): PulseResult {
  const run = prepareRun(design, reps, []);
  const baseline = computeScenario(run, run.models[0], null);
  return pulseFromRun(run, baseline, settings, options);
}
