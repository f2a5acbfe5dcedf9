/**
 * What-if changes to a plan design and to rep data, applied in sheet order to build one
 * scenario. Plan-level changes (weights, curves) may be limited to a segment: the plan then
 * gets a variant for that segment's reps. An impossible change makes the whole scenario
 * invalid with the reason; it never half-applies.
 */
import { curveProblem, makeCurve, type Curve } from "./curve";
import type { Component, CurveDefinition, PlanDesign } from "./plan";
import type { RepTable } from "./reps";

export const CHANGE_TYPES = [
  "shift-weight",
  "set-weight",
  "set-curve",
  "scale-ti",
  "scale-quota",
  "scale-actual",
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export interface ScenarioChange {
  change: string;
  plan: string;
  metric: string;
  to: string;
  value: number | null;
  segment: string;
  /** 1-based sheet row, for messages. */
  row: number;
}

export interface ScenarioDefinition {
  name: string;
  changes: ScenarioChange[];
}

/** One component of a plan variant, ready for the hot loop. */
export interface VariantComponent {
  metric: string;
  metricKey: string;
  objective: string;
  weight: number;
  curve: CurveDefinition;
  /** The curve ready for evaluation. */
  rate: Curve;
}

/** A scenario ready to run: plan variants per (plan, segment) and rep multipliers. */
export interface ScenarioModel {
  name: string;
  /** plan key → segment key ("*" for every segment) → components. */
  variants: Map<string, Map<string, VariantComponent[]>>;
  tiScale: Float64Array;
  quotaScale: Map<string, Float64Array>;
  actualScale: Map<string, Float64Array>;
}

export const ALL = "*";
const key = (text: string) => text.trim().toLowerCase();

class InvalidScenario extends Error {}

function invalid(change: ScenarioChange, reason: string): never {
  throw new InvalidScenario(`Scenarios row ${change.row} (${change.change}): ${reason}`);
}

/** The baseline plan variants: every Matrix plan, one variant for all segments. */
export function baselineVariants(design: PlanDesign): {
  variants: Map<string, Map<string, VariantComponent[]>>;
  problems: string[];
} {
  const variants = new Map<string, Map<string, VariantComponent[]>>();
  const problems: string[] = [];
  for (const c of design.components) {
    const curve = design.curves.get(key(c.curve));
    if (!curve || curve.problem) {
      problems.push(
        `${c.plan} / ${c.metric}: curve "${c.curve}" is ${curve ? "not a valid curve" : "not defined in Curves"}`
      );
      continue;
    }
    const plan = key(c.plan);
    if (!variants.has(plan)) variants.set(plan, new Map([[ALL, []]]));
    variants.get(plan)!.get(ALL)!.push(component(c, curve));
  }
  return { variants, problems };
}

export const curveOf = (curve: CurveDefinition): Curve =>
  makeCurve(curve.points, curve.rates, curve.method, curve.beyond);

function component(c: Component, curve: CurveDefinition): VariantComponent {
  return {
    metric: c.metric,
    metricKey: key(c.metric),
    objective: c.objective,
    weight: c.weight,
    curve,
    rate: curveOf(curve),
  };
}

function cloneVariants(variants: Map<string, Map<string, VariantComponent[]>>) {
  return new Map(
    [...variants].map(([plan, bySegment]) => [
      plan,
      new Map([...bySegment].map(([seg, comps]) => [seg, comps.map((c) => ({ ...c }))])),
    ])
  );
}

interface Target {
  /** The plan's name as written in Matrix. */
  plan: string;
  list: VariantComponent[];
}

/** The component lists a plan-level change applies to: the plan(s), limited to a segment if given. */
function targets(
  variants: Map<string, Map<string, VariantComponent[]>>,
  change: ScenarioChange,
  design: PlanDesign
): Target[] {
  if (change.plan && !variants.has(key(change.plan)))
    invalid(change, `plan "${change.plan}" is not in Matrix`);
  const plans = change.plan ? [key(change.plan)] : [...variants.keys()];
  const nameOf = (plan: string) =>
    design.components.find((c) => key(c.plan) === plan)?.plan ?? plan;
  const found: Target[] = [];
  for (const plan of plans) {
    const bySegment = variants.get(plan)!;
    if (change.segment) {
      const seg = key(change.segment);
      if (!bySegment.has(seg))
        bySegment.set(
          seg,
          bySegment.get(ALL)!.map((c) => ({ ...c }))
        );
      found.push({ plan: nameOf(plan), list: bySegment.get(seg)! });
    } else for (const list of bySegment.values()) found.push({ plan: nameOf(plan), list });
  }
  return found;
}

function requireValue(
  change: ScenarioChange,
  min: number,
  max = Infinity,
  exclusiveMin = false
): number {
  const v = change.value;
  if (v === null || !Number.isFinite(v)) invalid(change, "Value must be a number");
  if (exclusiveMin ? v <= min : v < min)
    invalid(change, `Value ${v} must be ${exclusiveMin ? "greater than" : "at least"} ${min}`);
  if (v > max) invalid(change, `Value ${v} must be at most ${max}`);
  return v;
}

function findMetric(
  list: VariantComponent[],
  metric: string,
  change: ScenarioChange,
  planName: string
): VariantComponent {
  const found = list.find((c) => c.metricKey === key(metric));
  if (!found) invalid(change, `metric "${metric}" is not a component of plan ${planName}`);
  return found;
}

/**
 * Applies a plan-level change to its targets: the named plan (which must have the metric), or
 * with Plan blank every plan that has the metric.
 */
function applyPlanChange(
  variants: Map<string, Map<string, VariantComponent[]>>,
  change: ScenarioChange,
  design: PlanDesign,
  apply: (list: VariantComponent[], plan: string) => void
) {
  if (!change.metric) invalid(change, "Metric is blank");
  const all = targets(variants, change, design);
  const chosen = change.plan
    ? all
    : all.filter((t) => t.list.some((c) => c.metricKey === key(change.metric)));
  if (chosen.length === 0) invalid(change, `no plan has the metric "${change.metric}"`);
  for (const { list, plan } of chosen) apply(list, plan);
}

function shiftWeight(
  variants: Map<string, Map<string, VariantComponent[]>>,
  change: ScenarioChange,
  design: PlanDesign
) {
  const amount = requireValue(change, 0, 1);
  if (!change.to) invalid(change, "To (the metric receiving the weight) is blank");
  applyPlanChange(variants, change, design, (list, plan) => {
    const from = findMetric(list, change.metric, change, plan);
    const to = findMetric(list, change.to, change, plan);
    if (amount > from.weight + 1e-12) {
      invalid(
        change,
        `cannot move ${+(amount * 100).toFixed(4)}% from ${from.metric}, which has ${+(from.weight * 100).toFixed(4)}%`
      );
    }
    from.weight = Math.max(0, from.weight - amount);
    to.weight += amount;
  });
}

function setWeight(
  variants: Map<string, Map<string, VariantComponent[]>>,
  change: ScenarioChange,
  design: PlanDesign
) {
  const weight = requireValue(change, 0, 1);
  applyPlanChange(variants, change, design, (list, plan) => {
    const target = findMetric(list, change.metric, change, plan);
    const others = list.filter((c) => c !== target);
    const rest = others.reduce((s, c) => s + c.weight, 0);
    if (rest <= 0 && weight < 1 && others.length > 0) {
      invalid(
        change,
        `the other components of ${plan} have no weight to scale to ${+((1 - weight) * 100).toFixed(4)}%`
      );
    }
    if (others.length === 0 && weight !== 1)
      invalid(
        change,
        `${target.metric} is the only component of ${plan}; its weight must stay 100%`
      );
    for (const c of others) c.weight = rest > 0 ? (c.weight * (1 - weight)) / rest : 0;
    target.weight = weight;
  });
}

function setCurve(
  variants: Map<string, Map<string, VariantComponent[]>>,
  change: ScenarioChange,
  design: PlanDesign
) {
  const curve = design.curves.get(key(change.to));
  if (!change.to) invalid(change, "To (the curve name) is blank");
  if (!curve) invalid(change, `curve "${change.to}" is not defined in Curves`);
  if (curve.problem || curveProblem(curve.points, curve.rates))
    invalid(change, `curve "${change.to}" is not a valid curve`);
  applyPlanChange(variants, change, design, (list, plan) => {
    const target = findMetric(list, change.metric, change, plan);
    target.curve = curve;
    target.rate = curveOf(curve);
  });
}

/** Reps a rep-level change applies to (plan and segment filters). */
function matchingReps(reps: RepTable, change: ScenarioChange, design: PlanDesign): Uint8Array {
  if (change.plan && !design.components.some((c) => key(c.plan) === key(change.plan)))
    invalid(change, `plan "${change.plan}" is not in Matrix`);
  const mask = new Uint8Array(reps.count);
  const plan = key(change.plan);
  const seg = key(change.segment);
  for (let i = 0; i < reps.count; i++) {
    if ((!plan || key(reps.plans[i]) === plan) && (!seg || key(reps.segments[i]) === seg))
      mask[i] = 1;
  }
  return mask;
}

function scaleColumns(
  scales: Map<string, Float64Array>,
  metrics: string[],
  reps: RepTable,
  change: ScenarioChange,
  design: PlanDesign,
  min: number,
  exclusive: boolean
) {
  const factor = requireValue(change, min, Infinity, exclusive);
  const mask = matchingReps(reps, change, design);
  const chosen = change.metric ? [key(change.metric)] : metrics;
  if (change.metric && !metrics.includes(key(change.metric)))
    invalid(change, `metric "${change.metric}" is not in Matrix`);
  for (const metric of chosen) {
    if (!scales.has(metric)) scales.set(metric, new Float64Array(reps.count).fill(1));
    const scale = scales.get(metric)!;
    for (let i = 0; i < reps.count; i++) if (mask[i]) scale[i] *= factor;
  }
}

/** Builds a scenario, or the reason it is invalid. */
export function buildScenario(
  definition: ScenarioDefinition,
  design: PlanDesign,
  baseline: Map<string, Map<string, VariantComponent[]>>,
  reps: RepTable
): { model: ScenarioModel } | { invalid: string } {
  const variants = cloneVariants(baseline);
  const model: ScenarioModel = {
    name: definition.name,
    variants,
    tiScale: new Float64Array(reps.count).fill(1),
    quotaScale: new Map(),
    actualScale: new Map(),
  };
  const metrics = [...new Set(design.components.map((c) => key(c.metric)))];
  try {
    for (const change of definition.changes) {
      // A misspelled segment would match no rep and leave the scenario equal to Baseline.
      if (change.segment && !reps.segments.some((s) => key(s) === key(change.segment)))
        invalid(
          change,
          reps.hasSegment
            ? `segment "${change.segment}" is not in Reps (no rep has that Segment)`
            : `Segment "${change.segment}" is given, but Reps has no Segment column`
        );
      switch (key(change.change) as ChangeType) {
        case "shift-weight":
          shiftWeight(variants, change, design);
          break;
        case "set-weight":
          setWeight(variants, change, design);
          break;
        case "set-curve":
          setCurve(variants, change, design);
          break;
        case "scale-ti": {
          const factor = requireValue(change, 0);
          const mask = matchingReps(reps, change, design);
          for (let i = 0; i < reps.count; i++) if (mask[i]) model.tiScale[i] *= factor;
          break;
        }
        case "scale-quota":
          scaleColumns(model.quotaScale, metrics, reps, change, design, 0, true);
          break;
        case "scale-actual":
          scaleColumns(model.actualScale, metrics, reps, change, design, 0, false);
          break;
        default:
          invalid(change, `Change "${change.change}" is not one of ${CHANGE_TYPES.join(", ")}`);
      }
    }
  } catch (e) {
    if (e instanceof InvalidScenario) return { invalid: e.message };
    throw e;
  }
  return { model };
}
