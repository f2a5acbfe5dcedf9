/**
 * Scenario modeling, rep by rep: for rep r on plan p, attainment a = Actual / Quota per metric,
 * payout per component = TI × weight × curve(a), rep payout = Σ, weighted attainment
 * WA = Σ weight × a. Every figure is computed from the reps' own payouts (curves bend, so the
 * cost at average attainment is not the average cost).
 *
 * A rep with an unknown plan, a missing or non-numeric target incentive, or a missing,
 * non-numeric or non-positive quota or a non-numeric actual for a component with weight > 0 in
 * any scenario, is a data issue: listed with its row and reason and left out of every scenario,
 * so all scenarios compare the same reps.
 */
import { designShares } from "./alignmentRules";
import { curveRate } from "./curve";
import { gini, pearson, percentilesInc } from "./distribution";
import type { PlanDesign } from "./plan";
import type { RepTable } from "./reps";
import { overflowDetail, overflowReason } from "./scenarioOverflow";
import {
  ALL,
  baselineVariants,
  buildScenario,
  type ScenarioDefinition,
  type ScenarioModel,
  type VariantComponent,
} from "./scenarioChanges";

export const BASELINE = "Baseline";

export interface DataIssue {
  rep: string;
  row: number;
  message: string;
}

export interface ScenarioFigures {
  totalPayout: number;
  totalTargetIncentive: number;
  payoutToTarget: number | null;
  incentiveCostOfSales: number | null;
  costOfSales: number | null;
  shareAtOrAboveQuota: number | null;
  payoutPctOfTarget: { p10: number; p50: number; p90: number } | null;
  gini: number | null;
  realizedAlignmentIndex: number | null;
  payoutByObjective: Record<string, number>;
  payoutByPlan: Record<string, number>;
  payoutBySegment: Record<string, number> | null;
  payoutByTerritory: Record<string, number> | null;
  payoutMarginCorrelation: number | null;
  deltaVsBaseline: number;
}

/** Rep-level results of one scenario (NaN for reps left out, and for metrics a rep's plan lacks). */
export interface RepResults {
  targetIncentive: Float64Array;
  payout: Float64Array;
  weightedAttainment: Float64Array;
  attainment: Map<string, Float64Array>;
  metricPayout: Map<string, Float64Array>;
}

export interface ScenarioResult {
  name: string;
  figures: ScenarioFigures;
  reps: RepResults;
}

export interface PreparedRun {
  design: PlanDesign;
  reps: RepTable;
  models: ScenarioModel[];
  invalidScenarios: { name: string; reason: string }[];
  dataIssues: DataIssue[];
  /** 1 for reps every scenario computes. */
  included: Uint8Array;
  /** Metric keys and display names, in Matrix order. */
  metrics: { key: string; name: string }[];
  /** Reps grouped by plan (named as Matrix writes it), segment and territory, for variants and breakdowns. */
  plans: Groups;
  segments: Groups;
  territories: Groups;
}

const key = (text: string) => text.trim().toLowerCase();

/** Reps grouped by a text column, ignoring case: each group's key, label, and each rep's group. */
export interface Groups {
  keys: string[];
  labels: string[];
  of: Int32Array;
}

function groupsOf(values: string[], label: (value: string, k: string) => string): Groups {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const labels: string[] = [];
  const of = new Int32Array(values.length);
  values.forEach((value, i) => {
    const k = key(value);
    let g = index.get(k);
    if (g === undefined) {
      g = keys.length;
      index.set(k, g);
      keys.push(k);
      labels.push(label(value, k));
    }
    of[i] = g;
  });
  return { keys, labels, of };
}

/** Validates scenarios and data; everything the runs share. */
export function prepareRun(
  design: PlanDesign,
  reps: RepTable,
  definitions: ScenarioDefinition[]
): PreparedRun {
  const { variants } = baselineVariants(design);
  const models: ScenarioModel[] = [];
  const invalidScenarios: { name: string; reason: string }[] = [];
  const baseline = buildScenario({ name: BASELINE, changes: [] }, design, variants, reps);
  if ("model" in baseline) models.push(baseline.model);
  for (const definition of definitions) {
    if (key(definition.name) === key(BASELINE)) {
      invalidScenarios.push({
        name: definition.name,
        reason: `"${BASELINE}" is the implicit first scenario (no changes); give yours another name`,
      });
      continue;
    }
    const built = buildScenario(definition, design, variants, reps);
    if ("model" in built) models.push(built.model);
    else invalidScenarios.push({ name: definition.name, reason: built.invalid });
  }
  const metrics: { key: string; name: string }[] = [];
  for (const c of design.components)
    if (!metrics.some((m) => m.key === key(c.metric)))
      metrics.push({ key: key(c.metric), name: c.metric });
  const { dataIssues, included } = findDataIssues(
    reps,
    models,
    new Map(metrics.map((m) => [m.key, m.name]))
  );
  const planNames = new Map(design.components.map((c) => [key(c.plan), c.plan]));
  const typed = (value: string) => value.trim() || "(blank)";
  return {
    design,
    reps,
    models,
    invalidScenarios,
    dataIssues,
    included,
    metrics,
    plans: groupsOf(reps.plans, (value, k) => planNames.get(k) ?? typed(value)),
    segments: groupsOf(reps.segments, typed),
    territories: groupsOf(reps.territories, typed),
  };
}

/** Metric keys with weight > 0 in any variant of each plan, across every scenario. */
function paidMetrics(models: ScenarioModel[]): Map<string, Set<string>> {
  const paid = new Map<string, Set<string>>();
  for (const model of models) {
    for (const [plan, bySegment] of model.variants) {
      if (!paid.has(plan)) paid.set(plan, new Set());
      for (const comps of bySegment.values())
        for (const c of comps) if (c.weight > 0) paid.get(plan)!.add(c.metricKey);
    }
  }
  return paid;
}

function findDataIssues(
  reps: RepTable,
  models: ScenarioModel[],
  metricNames: Map<string, string>
): { dataIssues: DataIssue[]; included: Uint8Array } {
  const paid = paidMetrics(models);
  const included = new Uint8Array(reps.count);
  const dataIssues: DataIssue[] = [];
  const optional: [string, Float64Array | null][] = [
    ["Base Salary", reps.baseSalary],
    ["Revenue", reps.revenue],
    ["Gross Margin", reps.grossMargin],
  ];
  for (let i = 0; i < reps.count; i++) {
    const reasons: string[] = [];
    const metrics = paid.get(key(reps.plans[i]));
    if (!metrics)
      reasons.push(reps.plans[i] ? `plan "${reps.plans[i]}" is not in Matrix` : "Plan is blank");
    const ti = reps.targetIncentive[i];
    if (!(ti >= 0)) reasons.push(`Target Incentive is ${reps.describe(i, "Target Incentive")}`);
    for (const metric of metrics ?? []) {
      const quota = reps.quota.get(metric);
      const actual = reps.actual.get(metric);
      const name = metricNames.get(metric) ?? metric;
      if (!quota) reasons.push(`there is no "${name} Quota" column`);
      else if (!(quota[i] > 0))
        reasons.push(
          `${name} Quota is ${reps.describe(i, `${name} Quota`)} (must be a number above 0)`
        );
      if (!actual) reasons.push(`there is no "${name} Actual" column`);
      else if (Number.isNaN(actual[i]))
        reasons.push(`${name} Actual is ${reps.describe(i, `${name} Actual`)}`);
    }
    for (const [header, column] of optional) {
      if (column && Number.isNaN(column[i]))
        reasons.push(`${header} is ${reps.describe(i, header)}`);
    }
    if (reasons.length === 0) included[i] = 1;
    else dataIssues.push({ rep: reps.names[i], row: reps.rows[i], message: reasons.join("; ") });
  }
  return { dataIssues, included };
}

function sumGroups(
  groups: Groups,
  values: Float64Array,
  included: Uint8Array
): Record<string, number> {
  const sums = new Float64Array(groups.labels.length);
  const seen = new Uint8Array(groups.labels.length);
  for (let i = 0; i < values.length; i++) {
    if (!included[i]) continue;
    sums[groups.of[i]] += values[i];
    seen[groups.of[i]] = 1;
  }
  const out: Record<string, number> = {};
  groups.labels.forEach((label, g) => {
    if (seen[g]) out[label] = (out[label] ?? 0) + sums[g];
  });
  return out;
}

/** The values of included reps, in rep order. */
function compact(column: Float64Array, included: Uint8Array, count: number): Float64Array {
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < column.length; i++) if (included[i]) out[k++] = column[i];
  return out;
}

function sumOf(column: Float64Array | null, included: Uint8Array): number | null {
  if (!column) return null;
  let total = 0;
  for (let i = 0; i < column.length; i++) if (included[i]) total += column[i];
  return total;
}

/** A variant component resolved to column arrays and indices for the rep loop. */
interface Resolved {
  weight: number;
  rate: VariantComponent["rate"];
  quota: Float64Array;
  actual: Float64Array;
  quotaScale: Float64Array | null;
  actualScale: Float64Array | null;
  metric: number;
  objective: number;
}

const EMPTY = new Float64Array(0);

/**
 * Each rep's component list (its segment's variant of its plan, else the plan's) as indices into
 * one list of resolved variants, so the rep loop does no lookups by name.
 */
function resolveVariants(
  run: PreparedRun,
  model: ScenarioModel,
  objectiveIndex: (objective: string) => number
) {
  const { reps } = run;
  const metricIndex = new Map(run.metrics.map((m, k) => [m.key, k]));
  const lists: Resolved[][] = [];
  const ids = new Map<VariantComponent[], number>();
  const resolve = (comps: VariantComponent[]): number => {
    if (!ids.has(comps)) {
      ids.set(comps, lists.length);
      lists.push(
        comps.map((c) => ({
          weight: c.weight,
          rate: c.rate,
          quota: reps.quota.get(c.metricKey) ?? EMPTY,
          actual: reps.actual.get(c.metricKey) ?? EMPTY,
          quotaScale: model.quotaScale.get(c.metricKey) ?? null,
          actualScale: model.actualScale.get(c.metricKey) ?? null,
          metric: metricIndex.get(c.metricKey)!,
          objective: objectiveIndex(c.objective),
        }))
      );
    }
    return ids.get(comps)!;
  };
  // The variant of each (plan, segment) pair, then of each rep.
  const { plans, segments } = run;
  const table = plans.keys.map((planKey) => {
    const bySegment = model.variants.get(planKey);
    return segments.keys.map((segKey) => {
      const comps = bySegment?.get(segKey) ?? bySegment?.get(ALL);
      return comps ? resolve(comps) : -1;
    });
  });
  const variantOf = new Int32Array(reps.count).fill(-1);
  for (let i = 0; i < reps.count; i++)
    if (run.included[i]) variantOf[i] = table[plans.of[i]][segments.of[i]];
  return { lists, variantOf };
}

/** Computes one scenario for every included rep. `baselineTotal` is null for the Baseline itself. */
export function computeScenario(
  run: PreparedRun,
  model: ScenarioModel,
  baselineTotal: number | null
): ScenarioResult {
  const { reps, design } = run;
  const n = reps.count;
  const targetIncentive = new Float64Array(n).fill(NaN);
  const payout = new Float64Array(n).fill(NaN);
  const weightedAttainment = new Float64Array(n).fill(NaN);
  const attainmentBy = run.metrics.map(() => new Float64Array(n).fill(NaN));
  const metricPayoutBy = run.metrics.map(() => new Float64Array(n).fill(NaN));

  // Objectives by index: the Objectives sheet's, then any other name a component serves.
  const objectiveNames = design.objectives.map((o) => o.name);
  const objectiveKeys = new Map(objectiveNames.map((name, k) => [key(name), k]));
  const objectiveIndex = (objective: string) => {
    const k = key(objective);
    if (!objectiveKeys.has(k)) {
      objectiveKeys.set(k, objectiveNames.length);
      objectiveNames.push(objective || "(no objective)");
    }
    return objectiveKeys.get(k)!;
  };
  const { lists, variantOf } = resolveVariants(run, model, objectiveIndex);
  const objectivePay = new Float64Array(objectiveNames.length);
  const tiScale = model.tiScale;

  for (let i = 0; i < n; i++) {
    const v = variantOf[i];
    if (v < 0) continue;
    const ti = reps.targetIncentive[i] * tiScale[i];
    const comps = lists[v];
    let total = 0;
    let wa = 0;
    for (let k = 0; k < comps.length; k++) {
      const c = comps[k];
      const q = c.quotaScale ? c.quota[i] * c.quotaScale[i] : c.quota[i];
      const x = c.actualScale ? c.actual[i] * c.actualScale[i] : c.actual[i];
      const a = x / q;
      const paid = c.weight > 0 ? ti * c.weight * curveRate(c.rate, a) : 0;
      attainmentBy[c.metric][i] = a;
      metricPayoutBy[c.metric][i] = paid;
      objectivePay[c.objective] += paid;
      total += paid;
      if (c.weight > 0) wa += c.weight * a;
    }
    targetIncentive[i] = ti;
    payout[i] = total;
    weightedAttainment[i] = wa;
  }

  const payoutByObjective: Record<string, number> = {};
  objectiveNames.forEach((name, k) => {
    if (objectivePay[k] !== 0 || k < design.objectives.length)
      payoutByObjective[name] = objectivePay[k];
  });
  const attainment = new Map(run.metrics.map((m, k) => [m.key, attainmentBy[k]]));
  const metricPayout = new Map(run.metrics.map((m, k) => [m.key, metricPayoutBy[k]]));
  const figures = scenarioFigures(
    run,
    { targetIncentive, payout, weightedAttainment },
    payoutByObjective,
    baselineTotal
  );
  return {
    name: model.name,
    figures,
    reps: { targetIncentive, payout, weightedAttainment, attainment, metricPayout },
  };
}

function scenarioFigures(
  run: PreparedRun,
  rep: { targetIncentive: Float64Array; payout: Float64Array; weightedAttainment: Float64Array },
  payoutByObjective: Record<string, number>,
  baselineTotal: number | null
): ScenarioFigures {
  const { reps, included, design } = run;
  let count = 0;
  for (let i = 0; i < included.length; i++) count += included[i];
  const picked = (column: Float64Array) => compact(column, included, count);
  const payouts = picked(rep.payout);
  const tis = picked(rep.targetIncentive);
  let totalPayout = 0;
  let totalTargetIncentive = 0;
  let atQuota = 0;
  const wa = picked(rep.weightedAttainment);
  // Payout as a share of target, for reps with a target (a 0 target has no percentage).
  const ratios = new Float64Array(count);
  let withTarget = 0;
  for (let k = 0; k < count; k++) {
    totalPayout += payouts[k];
    totalTargetIncentive += tis[k];
    if (wa[k] >= 1 - 1e-12) atQuota += 1;
    if (tis[k] > 0) ratios[withTarget++] = payouts[k] / tis[k];
  }
  const revenue = sumOf(reps.revenue, included);
  const base = sumOf(reps.baseSalary, included);
  const { objectives } = designShares(design);
  const realizedAlignmentIndex =
    totalPayout > 0 && objectives.some((o) => o.priorityShare > 0)
      ? Math.min(
          1,
          objectives.reduce(
            (s, o) =>
              s + Math.min(o.priorityShare, (payoutByObjective[o.objective] ?? 0) / totalPayout),
            0
          )
        )
      : null;
  const [p10, p50, p90] =
    withTarget > 0 ? percentilesInc(ratios.subarray(0, withTarget), [0.1, 0.5, 0.9]) : [];
  return {
    totalPayout,
    totalTargetIncentive,
    payoutToTarget: totalTargetIncentive > 0 ? totalPayout / totalTargetIncentive : null,
    incentiveCostOfSales: revenue !== null && revenue > 0 ? totalPayout / revenue : null,
    costOfSales:
      revenue !== null && revenue > 0 && base !== null ? (base + totalPayout) / revenue : null,
    shareAtOrAboveQuota: count > 0 ? atQuota / count : null,
    payoutPctOfTarget: withTarget > 0 ? { p10, p50, p90 } : null,
    gini: count > 0 && payouts.every((p) => p >= 0) ? gini(payouts) : null,
    realizedAlignmentIndex,
    payoutByObjective,
    payoutByPlan: sumGroups(run.plans, rep.payout, included),
    payoutBySegment: reps.hasSegment ? sumGroups(run.segments, rep.payout, included) : null,
    payoutByTerritory: reps.hasTerritory ? sumGroups(run.territories, rep.payout, included) : null,
    payoutMarginCorrelation: reps.grossMargin ? pearson(payouts, picked(reps.grossMargin)) : null,
    deltaVsBaseline: baselineTotal === null ? 0 : totalPayout - baselineTotal,
  };
}

export interface ScenarioRun extends PreparedRun {
  scenarios: ScenarioResult[];
}

/** Runs every valid scenario, Baseline first. (The task pane runs them one at a time with computeScenario.) */
export function runScenarios(
  design: PlanDesign,
  reps: RepTable,
  definitions: ScenarioDefinition[]
): ScenarioRun {
  const run = prepareRun(design, reps, definitions);
  const scenarios: ScenarioResult[] = [];
  for (const model of run.models) {
    const result = computeScenario(run, model, scenarios[0]?.figures.totalPayout ?? null);
    // A scenario (not the Baseline) whose figures overflow is invalid with the reason.
    const overflow = scenarios.length > 0 ? overflowDetail(run, result) : null;
    if (overflow) run.invalidScenarios.push({ name: model.name, reason: overflowReason(overflow) });
    else scenarios.push(result);
  }
  return { ...run, scenarios };
}
