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
import { gini, pearson, percentileInc } from "./distribution";
import type { PlanDesign } from "./plan";
import type { RepTable } from "./reps";
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
}

const key = (text: string) => text.trim().toLowerCase();

/** Validates scenarios and data; everything the runs share. */
export function prepareRun(design: PlanDesign, reps: RepTable, definitions: ScenarioDefinition[]): PreparedRun {
  const { variants } = baselineVariants(design);
  const models: ScenarioModel[] = [];
  const invalidScenarios: { name: string; reason: string }[] = [];
  const baseline = buildScenario({ name: BASELINE, changes: [] }, design, variants, reps);
  if ("model" in baseline) models.push(baseline.model);
  for (const definition of definitions) {
    if (key(definition.name) === key(BASELINE)) {
      invalidScenarios.push({ name: definition.name, reason: `"${BASELINE}" is the implicit first scenario (no changes); give yours another name` });
      continue;
    }
    const built = buildScenario(definition, design, variants, reps);
    if ("model" in built) models.push(built.model);
    else invalidScenarios.push({ name: definition.name, reason: built.invalid });
  }
  const metrics: { key: string; name: string }[] = [];
  for (const c of design.components) if (!metrics.some((m) => m.key === key(c.metric))) metrics.push({ key: key(c.metric), name: c.metric });
  const { dataIssues, included } = findDataIssues(reps, models, new Map(metrics.map((m) => [m.key, m.name])));
  return { design, reps, models, invalidScenarios, dataIssues, included, metrics };
}

/** Metric keys with weight > 0 in any variant of each plan, across every scenario. */
function paidMetrics(models: ScenarioModel[]): Map<string, Set<string>> {
  const paid = new Map<string, Set<string>>();
  for (const model of models) {
    for (const [plan, bySegment] of model.variants) {
      if (!paid.has(plan)) paid.set(plan, new Set());
      for (const comps of bySegment.values()) for (const c of comps) if (c.weight > 0) paid.get(plan)!.add(c.metricKey);
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
    if (!metrics) reasons.push(reps.plans[i] ? `plan "${reps.plans[i]}" is not in Matrix` : "Plan is blank");
    const ti = reps.targetIncentive[i];
    if (!(ti >= 0)) reasons.push(`Target Incentive is ${reps.describe(i, "Target Incentive")}`);
    for (const metric of metrics ?? []) {
      const quota = reps.quota.get(metric);
      const actual = reps.actual.get(metric);
      const name = metricNames.get(metric) ?? metric;
      if (!quota) reasons.push(`there is no "${name} Quota" column`);
      else if (!(quota[i] > 0)) reasons.push(`${name} Quota is ${reps.describe(i, `${name} Quota`)} (must be a number above 0)`);
      if (!actual) reasons.push(`there is no "${name} Actual" column`);
      else if (Number.isNaN(actual[i])) reasons.push(`${name} Actual is ${reps.describe(i, `${name} Actual`)}`);
    }
    for (const [header, column] of optional) {
      if (column && Number.isNaN(column[i])) reasons.push(`${header} is ${reps.describe(i, header)}`);
    }
    if (reasons.length === 0) included[i] = 1;
    else dataIssues.push({ rep: reps.names[i], row: reps.rows[i], message: reasons.join("; ") });
  }
  return { dataIssues, included };
}

function sumBy(labels: string[], values: Float64Array, included: Uint8Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < values.length; i++) {
    if (!included[i]) continue;
    const label = labels[i] || "(blank)";
    out[label] = (out[label] ?? 0) + values[i];
  }
  return out;
}

function sumOf(column: Float64Array | null, included: Uint8Array): number | null {
  if (!column) return null;
  let total = 0;
  for (let i = 0; i < column.length; i++) if (included[i]) total += column[i];
  return total;
}

/** Computes one scenario for every included rep. `baselineTotal` is null for the Baseline itself. */
export function computeScenario(run: PreparedRun, model: ScenarioModel, baselineTotal: number | null): ScenarioResult {
  const { reps, included, design } = run;
  const n = reps.count;
  const targetIncentive = new Float64Array(n).fill(NaN);
  const payout = new Float64Array(n).fill(NaN);
  const weightedAttainment = new Float64Array(n).fill(NaN);
  const attainment = new Map(run.metrics.map((m) => [m.key, new Float64Array(n).fill(NaN)]));
  const metricPayout = new Map(run.metrics.map((m) => [m.key, new Float64Array(n).fill(NaN)]));
  const payoutByObjective: Record<string, number> = {};
  const objectiveName = new Map(design.objectives.map((o) => [key(o.name), o.name]));

  // Per rep, the component list of its plan variant (its segment's, else the plan's).
  const empty: VariantComponent[] = [];
  const ones = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (!included[i]) continue;
    const bySegment = model.variants.get(key(reps.plans[i]));
    const comps = bySegment?.get(key(reps.segments[i])) ?? bySegment?.get(ALL) ?? empty;
    const ti = reps.targetIncentive[i] * model.tiScale[i];
    let total = 0;
    let wa = 0;
    for (const c of comps) {
      const q = reps.quota.get(c.metricKey)?.[i] ?? NaN;
      const x = reps.actual.get(c.metricKey)?.[i] ?? NaN;
      const a = (x * (model.actualScale.get(c.metricKey) ?? ones)[i]) / (q * (model.quotaScale.get(c.metricKey) ?? ones)[i]);
      const paid = c.weight > 0 ? ti * c.weight * curveRate(c.rate, a) : 0;
      attainment.get(c.metricKey)![i] = a;
      metricPayout.get(c.metricKey)![i] = paid;
      total += paid;
      if (c.weight > 0) wa += c.weight * a;
      const objective = objectiveName.get(key(c.objective)) ?? (c.objective || "(no objective)");
      payoutByObjective[objective] = (payoutByObjective[objective] ?? 0) + paid;
    }
    targetIncentive[i] = ti;
    payout[i] = total;
    weightedAttainment[i] = wa;
  }

  const picked = (column: Float64Array) => column.filter((_, i) => included[i] === 1);
  const payouts = picked(payout);
  const count = payouts.length;
  const totalPayout = payouts.reduce((s, v) => s + v, 0);
  const revenue = sumOf(reps.revenue, included);
  const base = sumOf(reps.baseSalary, included);
  const tis = picked(targetIncentive);
  const totalTargetIncentive = tis.reduce((s, v) => s + v, 0);
  // Payout as a share of target, for reps with a target (a 0 target has no percentage).
  const ratios: number[] = [];
  payouts.forEach((p, k) => {
    if (tis[k] > 0) ratios.push(p / tis[k]);
  });
  const wa = picked(weightedAttainment);
  const { objectives } = designShares(design);
  const realizedAlignmentIndex =
    totalPayout > 0 && objectives.some((o) => o.priorityShare > 0)
      ? Math.min(1, objectives.reduce((s, o) => s + Math.min(o.priorityShare, (payoutByObjective[o.objective] ?? 0) / totalPayout), 0))
      : null;
  const figures: ScenarioFigures = {
    totalPayout,
    totalTargetIncentive,
    payoutToTarget: totalTargetIncentive > 0 ? totalPayout / totalTargetIncentive : null,
    incentiveCostOfSales: revenue !== null && revenue > 0 ? totalPayout / revenue : null,
    costOfSales: revenue !== null && revenue > 0 && base !== null ? (base + totalPayout) / revenue : null,
    shareAtOrAboveQuota: count > 0 ? wa.filter((v) => v >= 1 - 1e-12).length / count : null,
    payoutPctOfTarget:
      ratios.length > 0 ? { p10: percentileInc(ratios, 0.1), p50: percentileInc(ratios, 0.5), p90: percentileInc(ratios, 0.9) } : null,
    gini: count > 0 && payouts.every((p) => p >= 0) ? gini(payouts) : null,
    realizedAlignmentIndex,
    payoutByObjective,
    payoutByPlan: sumBy(
      reps.plans.map((p) => design.components.find((c) => key(c.plan) === key(p))?.plan ?? p),
      payout,
      included
    ),
    payoutBySegment: reps.hasSegment ? sumBy(reps.segments, payout, included) : null,
    payoutByTerritory: reps.hasTerritory ? sumBy(reps.territories, payout, included) : null,
    payoutMarginCorrelation: reps.grossMargin ? pearson(payouts, picked(reps.grossMargin)) : null,
    deltaVsBaseline: baselineTotal === null ? 0 : totalPayout - baselineTotal,
  };
  return { name: model.name, figures, reps: { targetIncentive, payout, weightedAttainment, attainment, metricPayout } };
}

export interface ScenarioRun extends PreparedRun {
  scenarios: ScenarioResult[];
}

/** Runs every valid scenario, Baseline first. (The task pane runs them one at a time with computeScenario.) */
export function runScenarios(design: PlanDesign, reps: RepTable, definitions: ScenarioDefinition[]): ScenarioRun {
  const run = prepareRun(design, reps, definitions);
  const scenarios: ScenarioResult[] = [];
  for (const model of run.models) scenarios.push(computeScenario(run, model, scenarios[0]?.figures.totalPayout ?? null));
  return { ...run, scenarios };
}
