/**
 * The plan on a page: each plan of a design explained for a rep. Why the plan exists (the
 * objectives its components serve, with their Why), which behaviours count, each metric with
 * its weight and its curve, what the plan pays at 50–150% attainment on every metric for the
 * plan's median target incentive, where one more point of attainment pays most for a rep at
 * target, and how complex the plan is against the five-minute rule.
 *
 * Definitions:
 * - Median target incentive (TI) of plan p: PERCENTILE.INC(·, 0.5) of the Target Incentive of
 *   the Reps rows on p (numbers of 0 or more; others are left out, as the alignment check does).
 *   Without a Reps sheet, or without reps on the plan, TI = 1, so every amount reads as a
 *   multiple of target incentive; `targetIncentiveBasis` says which case applies.
 * - Earnings at attainment a (the same a on every metric) = TI × Σ_j w_j × curve_j(a).
 * - Pay for one more point of metric j at target = TI × w_j × (curve_j(1.01) − curve_j(1)).
 *   "How to earn more" names the metric where it is largest; ties (equal within 1e-9) go to the
 *   higher weight, then to the metric first in Matrix order.
 * - Complexity: metrics (Matrix rows of the plan), the most points on any of its curves, and
 *   modifiers (always 0: the Matrix has none). The five-minute rule is broken by more than 3
 *   metrics or more than 5 points on a curve.
 */
import { MAX_METRICS, plansOf } from "./alignmentRules";
import { pct } from "./figures";
import { curveRate, type CurveBeyond, type CurveMethod } from "./curve";
import { curveLandmarks, DEFAULT_EXCELLENCE_RATE, type CurveLandmarks } from "./curveLandmarks";
import { percentilesInc } from "./distribution";
import { DEFAULT_FIGURE_SETTINGS, type FigureSettings } from "./figures";
import type { Component, CurveDefinition, PlanDesign } from "./plan";
import { amount, describeCurve, money } from "./planExplainFormat";
import { curveOf } from "./scenarioChanges";
import { nameKey } from "./nameKey";

/** Attainments of the earnings table, the same on every metric. */
export const EARNINGS_ATTAINMENTS = [0.5, 0.75, 1, 1.25, 1.5] as const;
/** One point of attainment. */
export const ONE_POINT = 0.01;
/** The five-minute rule: a rep understands a plan with at most this many metrics and curve points. */
export const FIVE_MINUTE_RULE = { maxMetrics: MAX_METRICS, maxCurvePoints: 5 } as const;

/** Marginal amounts closer than this (relative) are a tie. */
const TIE = 1e-9;

/** One rep's plan and target incentive, as the Reps sheet gives them. */
export interface RepTarget {
  plan: string;
  /** NaN (or a negative number) when the cell is unusable: such reps are left out. */
  targetIncentive: number;
}

export type TargetIncentiveSource = "reps" | "no-reps-sheet" | "no-reps-on-plan";

export interface TargetIncentiveBasis {
  /** "reps": the median of the plan's reps; otherwise 1, and why. */
  source: TargetIncentiveSource;
  /** Reps whose target incentive counted (0 unless source is "reps"). */
  reps: number;
  /** What the amounts are based on, in one sentence. */
  note: string;
}

export interface ExplainedObjective {
  objective: string;
  /** The objective's Why from Objectives ("" when it has none or is not in Objectives). */
  why: string;
  /** Share of the plan's target incentive on components serving it. */
  weight: number;
}

export interface ExplainedMetric {
  metric: string;
  objective: string;
  behavior: string;
  /** The Matrix row's Why (why the metric is in the plan). */
  why: string;
  weight: number;
  /** The curve's name as written in Matrix. */
  curve: string;
  /** (attainment, payout rate) pairs; empty when the curve is unknown or invalid. */
  points: [number, number][];
  method: CurveMethod | null;
  beyond: CurveBeyond | null;
  /** What the curve pays, in one sentence. */
  curveDescription: string;
  /** Extra pay for one more point of attainment at target (every metric at 100%). */
  perPointAtTarget: number;
  /** Why the curve cannot be used (then the metric counts as paying nothing); null when it can. */
  problem: string | null;
  /** Threshold, target, excellence and cap (src/engine/curveLandmarks.ts); null when the curve is unusable. */
  landmarks: CurveLandmarks | null;
}

export interface EarningsRow {
  /** Attainment on every metric (1 = 100%). */
  attainment: number;
  /** Payout as a multiple of target incentive: Σ w × curve(attainment). */
  rate: number;
  /** rate × median target incentive. */
  earnings: number;
}

export interface HowToEarnMore {
  /** The metric where one more point pays most at target; null when no metric pays more. */
  metric: string | null;
  /** What that point pays (0 when metric is null). */
  perPoint: number;
  message: string;
}

export interface Complexity {
  metrics: number;
  maxCurvePoints: number;
  modifiers: number;
  /** Where modifiers would come from. */
  modifiersNote: string;
  /** Set when the plan breaks the five-minute rule; null when it keeps it. */
  warning: string | null;
}

export interface PlanExplanation {
  plan: string;
  /** The workbook's currency and locale: amounts in words are written in it (default USD). */
  figures?: FigureSettings;
  objectives: ExplainedObjective[];
  /** Distinct non-blank behaviours of the plan's metrics, in Matrix order. */
  behaviors: string[];
  metrics: ExplainedMetric[];
  /** Median target incentive of the plan's reps; 1 when there are none (see targetIncentiveBasis). */
  medianTargetIncentive: number;
  targetIncentiveBasis: TargetIncentiveBasis;
  earnings: EarningsRow[];
  howToEarnMore: HowToEarnMore;
  complexity: Complexity;
  /** Problems that make the page less than exact (unusable curves, weights not summing to 100%). */
  problems: string[];
}

/** PERCENTILE.INC(values, 0.5); null for no values. */
export function medianOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : percentilesInc(values, [0.5])[0];
}

/** Target incentives of usable reps (a number of 0 or more) per plan key. */
function targetsByPlan(reps: readonly RepTarget[]): Map<string, number[]> {
  const byPlan = new Map<string, number[]>();
  for (const rep of reps) {
    const plan = nameKey(rep.plan);
    const ti = rep.targetIncentive;
    if (!plan || !Number.isFinite(ti) || ti < 0) continue;
    if (!byPlan.has(plan)) byPlan.set(plan, []);
    byPlan.get(plan)!.push(ti);
  }
  return byPlan;
}

function targetIncentive(
  plan: string,
  targets: Map<string, number[]> | null,
  figures: FigureSettings
): { median: number; basis: TargetIncentiveBasis } {
  if (!targets) {
    return {
      median: 1,
      basis: {
        source: "no-reps-sheet",
        reps: 0,
        note: "There is no Reps sheet, so amounts are shown as a share of target incentive (a target incentive of 1).",
      },
    };
  }
  const values = targets.get(nameKey(plan)) ?? [];
  const median = medianOf(values);
  if (median === null) {
    return {
      median: 1,
      basis: {
        source: "no-reps-on-plan",
        reps: 0,
        note: `No rep in Reps is on ${plan}, so amounts are shown as a share of target incentive (a target incentive of 1).`,
      },
    };
  }
  return {
    median,
    basis: {
      source: "reps",
      reps: values.length,
      note: `Amounts are for the median target incentive of the ${values.length} ${values.length === 1 ? "rep" : "reps"} on ${plan}: ${money(median, figures)}.`,
    },
  };
}

interface Priced {
  component: Component;
  definition: CurveDefinition | null;
  problem: string | null;
  rate: (a: number) => number;
}

function priced(design: PlanDesign, c: Component): Priced {
  const definition = design.curves.get(nameKey(c.curve)) ?? null;
  if (!definition || definition.problem) {
    const why = !definition
      ? c.curve.trim() === ""
        ? "has no curve"
        : `uses curve "${c.curve}", which is not defined in Curves`
      : `uses curve "${definition.name}", which is not a valid curve (${definition.problem!.message})`;
    return {
      component: c,
      definition: null,
      problem: `${c.metric} ${why}; it counts as paying nothing here until that is fixed.`,
      rate: () => 0,
    };
  }
  const curve = curveOf(definition);
  return { component: c, definition, problem: null, rate: (a) => curveRate(curve, a) };
}

function objectivesOf(design: PlanDesign, components: readonly Component[]): ExplainedObjective[] {
  const known = new Map(design.objectives.map((o) => [nameKey(o.name), o]));
  const found = new Map<string, ExplainedObjective>();
  for (const c of components) {
    const k = nameKey(c.objective);
    if (!k) continue;
    const existing = found.get(k);
    if (existing) existing.weight += c.weight;
    else {
      const o = known.get(k);
      found.set(k, { objective: o?.name ?? c.objective, why: o?.why ?? "", weight: c.weight });
    }
  }
  return [...found.values()];
}

function behaviorsOf(components: readonly Component[]): string[] {
  const seen = new Set<string>();
  const behaviors: string[] = [];
  for (const c of components) {
    const b = c.behavior.trim();
    if (b && !seen.has(nameKey(b))) {
      seen.add(nameKey(b));
      behaviors.push(b);
    }
  }
  return behaviors;
}

/** The metric where one more point pays most: largest amount, then higher weight, then Matrix order. */
export function bestMarginal(
  metrics: readonly Pick<ExplainedMetric, "metric" | "weight" | "perPointAtTarget">[]
): number {
  let best = -1;
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    if (!(m.perPointAtTarget > 0)) continue;
    if (best < 0) {
      best = i;
      continue;
    }
    const b = metrics[best];
    const scale = Math.max(Math.abs(m.perPointAtTarget), Math.abs(b.perPointAtTarget));
    const diff = m.perPointAtTarget - b.perPointAtTarget;
    if (diff > TIE * scale || (Math.abs(diff) <= TIE * scale && m.weight > b.weight)) best = i;
  }
  return best;
}

function howToEarnMore(
  metrics: readonly ExplainedMetric[],
  inCurrency: boolean,
  figures: FigureSettings
): HowToEarnMore {
  const best = bestMarginal(metrics);
  if (best < 0) {
    return {
      metric: null,
      perPoint: 0,
      message:
        metrics.length === 0
          ? "This plan has no metrics yet."
          : "At target (100% on every metric), one more point of attainment pays nothing more on any metric: every curve is flat or capped there.",
    };
  }
  const m = metrics[best];
  const others = metrics
    .filter((o, i) => i !== best)
    .map((o) => `${amount(o.perPointAtTarget, inCurrency, figures)} on ${o.metric}`);
  const list =
    others.length > 1
      ? `${others.slice(0, -1).join(", ")} and ${others[others.length - 1]}`
      : others[0];
  return {
    metric: m.metric,
    perPoint: m.perPointAtTarget,
    message:
      `At target (100% on every metric), each extra point of ${m.metric} attainment pays ` +
      `${amount(m.perPointAtTarget, inCurrency, figures)} more: the most of any metric in this plan` +
      (others.length > 0 ? ` (one more point pays ${list}).` : "."),
  };
}

export const MODIFIERS_NOTE =
  "No modifiers: the Matrix has no modifier column, so no payout is multiplied by a second measure. A modifier (for example a gross-margin multiplier, COMP.MODIFIER) would come from a modifier column or sheet in the workbook contract.";

function complexityOf(plan: string, metrics: readonly ExplainedMetric[]): Complexity {
  const maxCurvePoints = metrics.reduce((max, m) => Math.max(max, m.points.length), 0);
  const broken: string[] = [];
  if (metrics.length > FIVE_MINUTE_RULE.maxMetrics)
    broken.push(`it has ${metrics.length} metrics (keep it to ${FIVE_MINUTE_RULE.maxMetrics})`);
  if (maxCurvePoints > FIVE_MINUTE_RULE.maxCurvePoints) {
    const long = metrics
      .filter((m) => m.points.length > FIVE_MINUTE_RULE.maxCurvePoints)
      .map((m) => `${m.metric} (${m.points.length})`);
    broken.push(
      `its curves have more than ${FIVE_MINUTE_RULE.maxCurvePoints} points: ${long.join(", ")}`
    );
  }
  return {
    metrics: metrics.length,
    maxCurvePoints,
    modifiers: 0,
    modifiersNote: MODIFIERS_NOTE,
    warning:
      broken.length === 0
        ? null
        : `${plan} breaks the five-minute rule: ${broken.join("; ")}. A rep may not understand it in five minutes; simplify before kickoff.`,
  };
}

function explainPlan(
  design: PlanDesign,
  components: readonly Component[],
  targets: Map<string, number[]> | null,
  excellenceRate: number,
  figures: FigureSettings
): PlanExplanation {
  const plan = components[0].plan;
  const { median, basis } = targetIncentive(plan, targets, figures);
  const inCurrency = basis.source === "reps";
  const rows = components.map((c) => priced(design, c));
  const metrics: ExplainedMetric[] = rows.map(({ component: c, definition, problem, rate }) => ({
    metric: c.metric,
    objective: c.objective,
    behavior: c.behavior,
    why: c.why,
    weight: c.weight,
    curve: definition?.name ?? c.curve,
    points: definition
      ? definition.points.map((p, i): [number, number] => [p, definition.rates[i]])
      : [],
    method: definition?.method ?? null,
    beyond: definition?.beyond ?? null,
    curveDescription: definition ? describeCurve(definition) : "Unknown curve: pays nothing.",
    perPointAtTarget: median * c.weight * (rate(1 + ONE_POINT) - rate(1)),
    problem,
    landmarks: definition && !problem ? curveLandmarks(definition, excellenceRate) : null,
  }));
  const earnings = EARNINGS_ATTAINMENTS.map((attainment) => {
    const rate = rows.reduce((sum, r) => sum + r.component.weight * r.rate(attainment), 0);
    return { attainment, rate, earnings: rate * median };
  });
  const problems = rows.flatMap((r) => (r.problem ? [r.problem] : []));
  const weights = components.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(weights - 1) > 0.0001)
    problems.push(
      `The weights of ${plan} sum to ${pct(weights)}, not 100%, so the amounts are off until that is fixed.`
    );
  return {
    plan,
    objectives: objectivesOf(design, components),
    behaviors: behaviorsOf(components),
    metrics,
    medianTargetIncentive: median,
    targetIncentiveBasis: basis,
    earnings,
    howToEarnMore: howToEarnMore(metrics, inCurrency, figures),
    complexity: complexityOf(plan, metrics),
    problems,
    figures,
  };
}

/**
 * Every plan of the design (Matrix order), explained. `reps` are the Reps sheet's rows, or null
 * when there is no usable Reps sheet; `excellenceRate` places each curve's excellence landmark
 * (default 150% of target, as the pulse check).
 */
export function explainPlans(
  design: PlanDesign,
  reps: readonly RepTarget[] | null,
  options: { excellenceRate?: number; figures?: FigureSettings } = {}
): PlanExplanation[] {
  const targets = reps ? targetsByPlan(reps) : null;
  const rate = options.excellenceRate ?? DEFAULT_EXCELLENCE_RATE;
  const figures = options.figures ?? DEFAULT_FIGURE_SETTINGS;
  return [...plansOf(design.components).values()].map((components) =>
    explainPlan(design, components, targets, rate, figures)
  );
}

/** Whether amounts of this plan are currency (else shares of target incentive). */
export const inCurrency = (plan: Pick<PlanExplanation, "targetIncentiveBasis">): boolean =>
  plan.targetIncentiveBasis.source === "reps";
