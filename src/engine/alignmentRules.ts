/**
 * Alignment checks of a plan design against strategy, before a single rep is paid, and the
 * design alignment index: how closely target-incentive dollars follow strategic priority.
 *
 * Definitions (docs/workbook.md): T_p = Σ Target Incentive of plan p's reps (1 for a plan
 * without reps, or for every plan when there is no Reps sheet). Pay share of objective o =
 * Σ_p T_p · Σ(weights of p's components serving o) / Σ_p T_p. Priority share = priority /
 * Σ priorities. Design alignment index = Σ_o min(priority share, pay share), in [0, 1].
 */
import { pct } from "./figures";
import { marginalAlignment } from "./marginalAlignment";
import type { Component, Finding, PlanDesign, Severity } from "./plan";
import { nameKey } from "./nameKey";
import { alignmentOfShares } from "./alignment";

export const MAX_METRICS = 3;
export const WEIGHT_TOLERANCE = 0.0001;
export const PAY_GAP_LIMIT = 0.1;

export interface ObjectiveShare {
  objective: string;
  priority: number;
  priorityShare: number;
  payShare: number;
}

export interface AlignmentReport {
  /**
   * null when it cannot be computed (no objectives with priority, or no plan components) or is
   * not valid: any error finding (`indexBlockedByErrors`).
   */
  designAlignmentIndex: number | null;
  /** True when the index would exist but the plan has error findings, so it is not valid until they are fixed. */
  indexBlockedByErrors: boolean;
  objectives: ObjectiveShare[];
  findings: Finding[];
}

/** Shares in messages, as the pane shows them (src/engine/figures.ts): "61.9%", "99.98%". */

/** Components grouped by plan (case-insensitive), in Matrix order. */
export function plansOf(components: readonly Component[]): Map<string, Component[]> {
  const plans = new Map<string, Component[]>();
  for (const c of components) {
    const k = nameKey(c.plan);
    if (!plans.has(k)) plans.set(k, []);
    plans.get(k)!.push(c);
  }
  return plans;
}

/** Target-incentive dollars behind each plan (T_p). */
export function planDollars(
  design: PlanDesign,
  plans: Map<string, Component[]>
): Map<string, number> {
  const dollars = new Map<string, number>();
  for (const plan of plans.keys()) dollars.set(plan, design.targetIncentiveByPlan?.get(plan) ?? 1);
  return dollars;
}

/** Priority share and pay share of every objective, and the design alignment index. */
export function designShares(design: PlanDesign): {
  objectives: ObjectiveShare[];
  index: number | null;
} {
  const plans = plansOf(design.components);
  const dollars = planDollars(design, plans);
  let totalDollars = 0;
  for (const t of dollars.values()) totalDollars += t;
  const totalPriority = design.objectives.reduce((sum, o) => sum + o.priority, 0);
  const payByObjective = new Map<string, number>();
  for (const [plan, components] of plans) {
    const t = dollars.get(plan)!;
    for (const c of components) {
      payByObjective.set(
        nameKey(c.objective),
        (payByObjective.get(nameKey(c.objective)) ?? 0) + t * c.weight
      );
    }
  }
  const objectives = design.objectives.map((o) => ({
    objective: o.name,
    priority: o.priority,
    priorityShare: totalPriority > 0 ? o.priority / totalPriority : 0,
    payShare: totalDollars > 0 ? (payByObjective.get(nameKey(o.name)) ?? 0) / totalDollars : 0,
  }));
  const computable = totalPriority > 0 && totalDollars > 0 && design.components.length > 0;
  const index = computable
    ? alignmentOfShares(objectives.map((o) => [o.priorityShare, o.payShare]))
    : null;
  return { objectives, index };
}

type RuleContext = {
  design: PlanDesign;
  plans: Map<string, Component[]>;
  shares: ObjectiveShare[];
  add: (severity: Severity, rule: string, fields: Omit<Finding, "severity" | "rule">) => void;
};

const where = (c: Component) => ({
  plan: c.plan,
  metric: c.metric,
  objective: c.objective || null,
});

function unknownObjective({ design, add }: RuleContext) {
  const known = new Set(design.objectives.map((o) => nameKey(o.name)));
  for (const c of design.components) {
    if (c.objective.trim() === "") {
      add("error", "unknown-objective", {
        ...where(c),
        message: `${c.plan} / ${c.metric} serves no objective: every metric must serve one of the Objectives.`,
        cell: c.cells.objective,
      });
    } else if (!known.has(nameKey(c.objective))) {
      add("error", "unknown-objective", {
        ...where(c),
        message: `${c.plan} / ${c.metric} serves "${c.objective}", which is not in Objectives.`,
        cell: c.cells.objective,
      });
    }
  }
}

function duplicateMetric({ plans, add }: RuleContext) {
  for (const components of plans.values()) {
    const seen = new Map<string, Component>();
    for (const c of components) {
      const first = seen.get(nameKey(c.metric));
      if (first) {
        add("error", "duplicate-metric", {
          ...where(c),
          message: `${c.plan} lists ${c.metric} twice (also at ${first.cells.metric}).`,
          cell: c.cells.metric,
        });
      } else seen.set(nameKey(c.metric), c);
    }
  }
}

function weightsSum({ plans, add }: RuleContext) {
  for (const components of plans.values()) {
    const sum = components.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      const first = components[0];
      add("error", "weights-sum", {
        plan: first.plan,
        metric: null,
        objective: null,
        message: `${first.plan}: weights sum to ${pct(sum)}, not 100%.`,
        cell: first.cells.weight,
      });
    }
  }
}

function unknownCurve({ design, add }: RuleContext) {
  for (const c of design.components) {
    const curve = design.curves.get(nameKey(c.curve));
    if (!curve) {
      add("error", "unknown-curve", {
        ...where(c),
        message:
          c.curve.trim() === ""
            ? `${c.plan} / ${c.metric} has no curve.`
            : `${c.plan} / ${c.metric} uses curve "${c.curve}", which is not defined in Curves.`,
        cell: c.cells.curve,
      });
    }
  }
  for (const curve of design.curves.values()) {
    if (curve.problem) {
      add("error", "unknown-curve", {
        plan: null,
        metric: null,
        objective: null,
        message: `Curve "${curve.name}" is not a valid curve: ${curve.problem.message}.`,
        cell: curve.problem.cell,
      });
    }
  }
}

function maxMetrics({ plans, add }: RuleContext) {
  for (const components of plans.values()) {
    if (components.length > MAX_METRICS) {
      const extra = components[MAX_METRICS];
      add("warning", "max-metrics", {
        plan: extra.plan,
        metric: null,
        objective: null,
        message: `${extra.plan} has ${components.length} metrics; keep a plan to ${MAX_METRICS} so a rep understands it in five minutes.`,
        cell: extra.cells.metric,
      });
    }
  }
}

function objectiveUnfunded({ design, add }: RuleContext) {
  for (const o of design.objectives) {
    if (o.priority <= 0) continue;
    const funded = design.components.some(
      (c) => c.weight > 0 && nameKey(c.objective) === nameKey(o.name)
    );
    if (!funded) {
      add("warning", "objective-unfunded", {
        plan: null,
        metric: null,
        objective: o.name,
        message: `"${o.name}" is a priority, but no plan pays for it.`,
        cell: o.cells.name,
      });
    }
  }
}

function priorityPayGap({ design, shares, add }: RuleContext) {
  shares.forEach((s, i) => {
    if (Math.abs(s.payShare - s.priorityShare) > PAY_GAP_LIMIT) {
      const direction = s.payShare > s.priorityShare ? "more" : "less";
      add("warning", "priority-pay-gap", {
        plan: null,
        metric: null,
        objective: s.objective,
        message: `"${s.objective}" has ${pct(s.priorityShare)} of strategic priority but ${pct(s.payShare)} of target incentive: the plans pay ${direction} for it than strategy says.`,
        cell: design.objectives[i].cells.priority,
      });
    }
  });
}

function curveShape({ design, add }: RuleContext) {
  for (const curve of design.curves.values()) {
    if (curve.problem) continue;
    if (curve.beyond === "EXTEND" && curve.method === "LINEAR") {
      add("info", "uncapped-curve", {
        plan: null,
        metric: null,
        objective: null,
        message: `Curve "${curve.name}" is uncapped (Beyond = EXTEND): payout keeps rising with attainment; model the cost of outliers.`,
        cell: curve.cell,
      });
    }
    if (curve.rates[0] > 0) {
      add("info", "cliff", {
        plan: null,
        metric: null,
        objective: null,
        message: `Curve "${curve.name}" pays ${pct(curve.rates[0])} at its first point and nothing just below it: a cliff invites deal timing games.`,
        cell: curve.cell,
      });
    }
  }
}

/** No Reps sheet (or none with Plan and Target Incentive): pay shares count each plan equally. */
function noReps({ design, add }: RuleContext) {
  if (design.targetIncentiveByPlan !== null || design.components.length === 0) return;
  add("warning", "no-reps", {
    plan: null,
    metric: null,
    objective: null,
    message:
      "There is no Reps sheet with Plan and Target Incentive columns, so pay shares count each plan equally instead of by its reps' target-incentive dollars.",
    cell: null,
  });
}

/**
 * In a plan, the metric where one more point at 100% pays most (weight × curve slope: the same
 * ranking as dollars per point, since the plan's reps share the target incentive) does not serve
 * the highest-priority objective the plan funds: reps chase what pays at the margin.
 */
function marginalMisaligned({ design, plans, add }: RuleContext) {
  const priority = new Map(design.objectives.map((o) => [nameKey(o.name), o]));
  const marginal = marginalAlignment(design, null);
  for (const components of plans.values()) {
    const figures = components
      .map((c) => ({
        c,
        m: marginal[design.components.indexOf(c)],
        o: priority.get(nameKey(c.objective)),
      }))
      .filter((x) => x.c.weight > 0 && x.m.sharePerPoint !== null && x.o);
    if (figures.length < 2) continue;
    const best = Math.max(...figures.map((x) => x.m.sharePerPoint!));
    if (!(best > 0)) continue;
    const top = Math.max(...figures.map((x) => x.o!.priority));
    const leaders = figures.filter((x) => x.m.sharePerPoint! >= best - 1e-12);
    if (leaders.some((x) => x.o!.priority >= top)) continue;
    const lead = leaders[0];
    const owed = figures
      .filter((x) => x.o!.priority >= top)
      .sort((a, b) => b.m.sharePerPoint! - a.m.sharePerPoint!)[0];
    add("warning", "marginal-misaligned", {
      ...where(lead.c),
      message: `${lead.c.plan}: one more point at 100% pays most on ${lead.c.metric} (${pct(lead.m.sharePerPoint!)} of target incentive per point), which serves "${lead.o!.name}", not the plan's top-priority objective "${owed.o!.name}" (${owed.c.metric}: ${pct(owed.m.sharePerPoint!)} per point); reps chase what pays at the margin.`,
      cell: lead.c.cells.weight,
    });
  }
}

// Weights a person typed wrongly (iss14): whole-number percents and negative weights.
function weightRange({ plans, add }: RuleContext) {
  for (const components of plans.values()) {
    const sum = components.reduce((s, c) => s + c.weight, 0);
    // 40/25/35: whole-number percents, the plan's weights sum to about 100.
    const wholePercents = Math.abs(sum - 100) <= 100 * WEIGHT_TOLERANCE;
    for (const c of components) {
      if (!(c.weight > 1)) continue;
      add("error", "weight-range", {
        ...where(c),
        message: wholePercents
          ? `${c.plan} / ${c.metric}: Weight ${c.weight} is ${pct(c.weight)} of target incentive; the plan's weights sum to ${+sum.toFixed(4)}, so they look typed as whole percents: type ${+c.weight.toFixed(4)}% (or ${+(c.weight / 100).toFixed(6)}).`
          : `${c.plan} / ${c.metric}: Weight ${pct(c.weight)} is above 100%: a weight is a share of the plan's target incentive, between 0% and 100%.`,
        cell: c.cells.weight,
      });
    }
  }
}

function negativeWeight({ design, add }: RuleContext) {
  for (const c of design.components) {
    if (!(c.weight < 0)) continue;
    add("error", "negative-weight", {
      ...where(c),
      message: `${c.plan} / ${c.metric}: Weight ${pct(c.weight)} is negative: a weight is a share of target incentive, 0% or more (the plan's other weights would pay more than 100% of target).`,
      cell: c.cells.weight,
    });
  }
}

const RULES = [
  unknownObjective,
  duplicateMetric,
  weightsSum,
  unknownCurve,
  maxMetrics,
  objectiveUnfunded,
  priorityPayGap,
  curveShape,
  noReps,
  marginalMisaligned,
  weightRange,
  negativeWeight,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every rule. `readFindings` (problems found while reading the sheets) come first in their severity. */
export function checkAlignment(design: PlanDesign, readFindings: Finding[] = []): AlignmentReport {
  const findings: Finding[] = [...readFindings];
  const { objectives, index } = designShares(design);
  const context: RuleContext = {
    design,
    plans: plansOf(design.components),
    shares: objectives,
    add: (severity, rule, fields) => findings.push({ severity, rule, ...fields }),
  };
  for (const rule of RULES) rule(context);
  // Stable: within a severity, reading problems first, then rule order.
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // An index computed from a plan with errors (weights not summing, unknown curves) is not valid.
  const blocked = index !== null && findings.some((f) => f.severity === "error");
  return {
    designAlignmentIndex: blocked ? null : index,
    indexBlockedByErrors: blocked,
    objectives,
    findings,
  };
}
