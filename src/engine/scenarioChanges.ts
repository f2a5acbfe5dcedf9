/**
 * What-if changes to a plan design and to rep data, applied in sheet order to build one
 * scenario. Plan-level changes (weights, curves) may be limited to a segment: the plan then
 * gets a variant for that segment's reps. An impossible change makes the whole scenario
 * invalid with the reason; it never half-applies.
 */
import {
  CHANGE_TYPES,
  changeKind,
  valueRangeProblem,
  type ChangeType,
  type ValueRange,
} from "./changeKinds";
import { curveProblem, makeCurve, type Curve } from "./curve";
import type { Component, CurveDefinition, PlanDesign } from "./plan";
import type { Problem } from "./problem";
import type { RepTable } from "./reps";
import { nameKey } from "./nameKey";

// The kinds themselves (ids, labels, Value ranges) are one table: src/engine/changeKinds.ts.
export { CHANGE_TYPES, type ChangeType };

export interface ScenarioChange {
  change: string;
  plan: string;
  metric: string;
  to: string;
  value: number | null;
  segment: string;
  /** 1-based sheet row, for messages. */
  row: number;
  /** The row's Scenario cell ("Scenarios!A5"), where a problem with the row points; absent
   *  for a change not read from a sheet. */
  cell?: string;
}

export interface ScenarioDefinition {
  name: string;
  changes: ScenarioChange[];
}

/** A scenario that cannot run: why, and the cell to fix (null when no cell is known). */
export interface InvalidScenario {
  name: string;
  reason: string;
  cell: string | null;
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
  /** The Scenario cell of its first row on the sheet, or null (Baseline, or not read from a sheet). */
  cell: string | null;
  /** plan key → segment key ("*" for every segment) → components. */
  variants: Map<string, Map<string, VariantComponent[]>>;
  tiScale: Float64Array;
  quotaScale: Map<string, Float64Array>;
  actualScale: Map<string, Float64Array>;
}

export const ALL = "*";
const key = nameKey;

class Invalid extends Error {
  constructor(
    message: string,
    readonly cell: string | null
  ) {
    super(message);
  }
}

/** Makes the scenario invalid, with the reason and the row's cell. */
function invalid(change: ScenarioChange, reason: string): never {
  throw new Invalid(
    `Scenarios row ${change.row} (${change.change}): ${reason}`,
    change.cell ?? null
  );
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

/** The change's Value, within its kind's range (src/engine/changeKinds.ts). */
function requireValue(change: ScenarioChange, range: ValueRange): number {
  const v = change.value;
  if (v === null || !Number.isFinite(v)) invalid(change, "Value must be a number");
  const problem = valueRangeProblem(v, range);
  if (problem) invalid(change, problem);
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

/** What an apply function works on: the scenario being built and the data it is built from. */
interface Building {
  variants: Map<string, Map<string, VariantComponent[]>>;
  model: ScenarioModel;
  design: PlanDesign;
  reps: RepTable;
  /** Metric keys of Matrix. */
  metrics: string[];
}

/**
 * How each kind of change is applied, by its id in the change-kind table. `value` is the row's
 * Value, already checked against the kind's range (NaN for a kind that reads no Value).
 */
type Apply = (at: Building, change: ScenarioChange, value: number) => void;

const shiftWeight: Apply = ({ variants, design }, change, amount) => {
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
};

const setWeight: Apply = ({ variants, design }, change, weight) => {
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
};

const setCurve: Apply = ({ variants, design }, change) => {
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
};

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

const scaleTi: Apply = ({ model, reps, design }, change, factor) => {
  const mask = matchingReps(reps, change, design);
  for (let i = 0; i < reps.count; i++) if (mask[i]) model.tiScale[i] *= factor;
};

/** Multiplies a rep column per metric (quotas or actuals) by the factor, for matching reps. */
const scaleColumns =
  (scalesOf: (model: ScenarioModel) => Map<string, Float64Array>): Apply =>
  ({ model, reps, design, metrics }, change, factor) => {
    const scales = scalesOf(model);
    const mask = matchingReps(reps, change, design);
    const chosen = change.metric ? [key(change.metric)] : metrics;
    if (change.metric && !metrics.includes(key(change.metric)))
      invalid(change, `metric "${change.metric}" is not in Matrix`);
    for (const metric of chosen) {
      if (!scales.has(metric)) scales.set(metric, new Float64Array(reps.count).fill(1));
      const scale = scales.get(metric)!;
      for (let i = 0; i < reps.count; i++) if (mask[i]) scale[i] *= factor;
    }
  };

/** One apply function per kind of the change-kind table (a kind without one does not compile). */
const APPLY: Record<ChangeType, Apply> = {
  "shift-weight": shiftWeight,
  "set-weight": setWeight,
  "set-curve": setCurve,
  "scale-ti": scaleTi,
  "scale-quota": scaleColumns((model) => model.quotaScale),
  "scale-actual": scaleColumns((model) => model.actualScale),
};

/** Where a scenario is on the sheet: the Scenario cell of its first row, or null. */
export const scenarioCell = (definition: ScenarioDefinition): string | null =>
  definition.changes[0]?.cell ?? null;

/** Builds a scenario, or the reason it is invalid with the cell to fix. */
export function buildScenario(
  definition: ScenarioDefinition,
  design: PlanDesign,
  baseline: Map<string, Map<string, VariantComponent[]>>,
  reps: RepTable
): { model: ScenarioModel } | { invalid: Problem } {
  const variants = cloneVariants(baseline);
  const model: ScenarioModel = {
    name: definition.name,
    cell: scenarioCell(definition),
    variants,
    tiScale: new Float64Array(reps.count).fill(1),
    quotaScale: new Map(),
    actualScale: new Map(),
  };
  const at: Building = {
    variants,
    model,
    design,
    reps,
    metrics: [...new Set(design.components.map((c) => key(c.metric)))],
  };
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
      const kind = changeKind(change.change);
      if (!kind)
        invalid(change, `Change "${change.change}" is not one of ${CHANGE_TYPES.join(", ")}`);
      const value = kind.value ? requireValue(change, kind.value) : NaN;
      APPLY[kind.id as ChangeType](at, change, value);
    }
  } catch (e) {
    if (e instanceof Invalid) return { invalid: { message: e.message, cell: e.cell } };
    throw e;
  }
  return { model };
}
