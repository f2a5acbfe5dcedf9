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
import { gini, percentilesInc } from "./distribution";
import {
  allOf,
  groupSums,
  levelStats,
  ranksFromOrder,
  sortedIndices,
  spearmanFromRanks,
  type Grouping,
  type LevelStats,
} from "./groupFigures";
import type { FigureSettings } from "./figures";
import type { PlanDesign } from "./plan";
import type { RepTable } from "./reps";
import { overflowDetail, overflowReason } from "./scenarioOverflow";
import {
  ALL,
  baselineVariants,
  buildScenario,
  scenarioCell,
  type InvalidScenario,
  type ScenarioDefinition,
  type ScenarioModel,
  type VariantComponent,
} from "./scenarioChanges";
import { nameKey } from "./nameKey";
import { alignmentOfShares } from "./alignment";

export const BASELINE = "Baseline";

/** What every scenario output says about actuals: the plan changes, the results do not. */
export const ACTUALS_ASSUMPTION =
  "Actuals are held as they are: these scenarios show what the plan would have paid for the same results.";

/**
 * A rep left out of every scenario, and why. A Problem (engine/problem.ts): `message` names the
 * columns at fault but never a cell address; `cell` is where to look (`problemLine` prints both).
 */
export interface DataIssue {
  rep: string;
  /** 1-based Reps row. */
  row: number;
  /** Every reason, "; "-joined: 'Target Incentive is blank; Core Bookings Quota is text "1,200" …'. */
  message: string;
  /** The first offending input cell of the rep ("Reps!F12"), in the message's order; null when
   *  no cell of the rep is at fault (only a column the plan needs is missing). */
  cell: string | null;
  /** Every offending input cell of the rep, in the message's order (`cell` is the first). */
  cells: string[];
}

/** What incentive pay costs against what it sold, for a group of reps (or all of them). */
export interface Profitability {
  reps: number;
  payout: number;
  /** Σ Revenue (null without a Revenue column). */
  revenue: number | null;
  /** Σ Gross Margin (null without a Gross Margin column). */
  grossMargin: number | null;
  /** Σ payout ÷ Σ Revenue. */
  incentiveCostOfSales: number | null;
  /** Σ payout ÷ Σ Gross Margin: incentive dollars spent per gross-margin dollar. */
  incentiveCostPerGrossMarginDollar: number | null;
  /**
   * Spearman rank correlation of payout % of target (payout ÷ TI) with gross margin % (Gross
   * Margin ÷ Revenue), over reps with TI > 0 and Revenue > 0: do better-margin reps earn more of
   * their target? (Not a size effect: both sides are ratios.)
   */
  spearmanPayoutPctOfTargetVsGrossMarginPct: number | null;
}

/** Quota attainment of one metric (Actual ÷ Quota, this scenario's quotas and actuals). */
export interface MetricAttainment {
  /** Reps whose plan has the metric (with a usable attainment). */
  reps: number;
  /** Share of those reps at ≥ 100% of the metric's quota. */
  shareAtOrAboveQuota: number | null;
  /** Median attainment of the metric (1 = 100%). */
  medianAttainment: number | null;
}

export interface MetricAttainmentBreakdown {
  overall: MetricAttainment;
  byPlan: Record<string, MetricAttainment>;
  bySegment: Record<string, MetricAttainment> | null;
  byTerritory: Record<string, MetricAttainment> | null;
}

export interface ScenarioFigures {
  totalPayout: number;
  totalTargetIncentive: number;
  payoutToTarget: number | null;
  incentiveCostOfSales: number | null;
  costOfSales: number | null;
  /** Σ payout ÷ Σ Gross Margin. */
  incentiveCostPerGrossMarginDollar: number | null;
  /** Spearman of payout % of target with gross margin % (see Profitability). */
  spearmanPayoutPctOfTargetVsGrossMarginPct: number | null;
  /** Share of reps whose weighted attainment (Σ weight × attainment) is ≥ 100%. */
  shareAtOrAboveWeightedTarget: number | null;
  /** Per metric (display name): share at ≥ 100% of quota and median attainment, overall and by group. */
  attainmentByMetric: Record<string, MetricAttainmentBreakdown>;
  payoutPctOfTarget: { p10: number; p50: number; p90: number } | null;
  gini: number | null;
  realizedAlignmentIndex: number | null;
  payoutByObjective: Record<string, number>;
  payoutByPlan: Record<string, number>;
  payoutBySegment: Record<string, number> | null;
  payoutByTerritory: Record<string, number> | null;
  profitabilityByPlan: Record<string, Profitability>;
  profitabilityBySegment: Record<string, Profitability> | null;
  profitabilityByTerritory: Record<string, Profitability> | null;
  deltaVsBaseline: number;
}

/** Rep-level results of one scenario (NaN for reps left out, and for metrics a rep's plan lacks). */
export interface RepResults {
  targetIncentive: Float64Array;
  payout: Float64Array;
  weightedAttainment: Float64Array;
  attainment: Map<string, Float64Array>;
  metricPayout: Map<string, Float64Array>;
  /**
   * Revenue and Gross Margin in this scenario (null without the column): as in Reps, except that
   * scale-actual on a metric marked Revenue moves Revenue by the same dollars and Gross Margin at
   * the rep's margin rate (Gross Margin ÷ Revenue).
   */
  revenue: Float64Array | null;
  grossMargin: Float64Array | null;
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
  invalidScenarios: InvalidScenario[];
  dataIssues: DataIssue[];
  /** 1 for reps every scenario computes. */
  included: Uint8Array;
  /** Metric keys and display names, in Matrix order. */
  metrics: { key: string; name: string }[];
  /** Reps grouped by plan (named as Matrix writes it), segment and territory, for variants and breakdowns. */
  plans: Groups;
  segments: Groups;
  territories: Groups;
  /** The workbook's currency and locale for the tabs written from the run (absent: USD, en-US). */
  figures?: FigureSettings;
}

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
    const k = nameKey(value);
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
  const invalidScenarios: InvalidScenario[] = [];
  const baseline = buildScenario({ name: BASELINE, changes: [] }, design, variants, reps);
  if ("model" in baseline) models.push(baseline.model);
  for (const definition of definitions) {
    if (nameKey(definition.name) === nameKey(BASELINE)) {
      invalidScenarios.push({
        name: definition.name,
        reason: `"${BASELINE}" is the implicit first scenario (no changes); give yours another name`,
        cell: scenarioCell(definition),
      });
      continue;
    }
    const built = buildScenario(definition, design, variants, reps);
    if ("model" in built) models.push(built.model);
    else
      invalidScenarios.push({
        name: definition.name,
        reason: built.invalid.message,
        cell: built.invalid.cell,
      });
  }
  const metrics: { key: string; name: string }[] = [];
  for (const c of design.components)
    if (!metrics.some((m) => m.key === nameKey(c.metric)))
      metrics.push({ key: nameKey(c.metric), name: c.metric });
  const { dataIssues, included } = findDataIssues(
    reps,
    models,
    new Map(metrics.map((m) => [m.key, m.name])),
    design.revenueMetrics ?? new Set()
  );
  const planNames = new Map(design.components.map((c) => [nameKey(c.plan), c.plan]));
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

/** Reps whose Revenue a scenario moves (scale-actual ≠ 1 on a revenue metric with an actual). */
function revenueMoved(
  reps: RepTable,
  models: ScenarioModel[],
  revenueMetrics: ReadonlySet<string>
): Uint8Array {
  const moved = new Uint8Array(reps.count);
  for (const model of models)
    for (const [metric, scale] of model.actualScale) {
      const actual = reps.actual.get(metric);
      if (!revenueMetrics.has(metric) || !actual) continue;
      for (let i = 0; i < reps.count; i++)
        if (scale[i] !== 1 && Number.isFinite(actual[i]) && actual[i] !== 0) moved[i] = 1;
    }
  return moved;
}

function findDataIssues(
  reps: RepTable,
  models: ScenarioModel[],
  metricNames: Map<string, string>,
  revenueMetrics: ReadonlySet<string>
): { dataIssues: DataIssue[]; included: Uint8Array } {
  const paid = paidMetrics(models);
  const moved = reps.revenue ? revenueMoved(reps, models, revenueMetrics) : null;
  const included = new Uint8Array(reps.count);
  const dataIssues: DataIssue[] = [];
  const optional: [string, Float64Array | null][] = [
    ["Base Salary", reps.baseSalary],
    ["Revenue", reps.revenue],
    ["Gross Margin", reps.grossMargin],
  ];
  for (let i = 0; i < reps.count; i++) {
    const reasons: string[] = [];
    const cells: string[] = [];
    // A reason about rep i's cell under `header`: the text, and the cell kept apart from it.
    const at = (header: string, reason: string) => {
      reasons.push(reason);
      const cell = reps.cell(i, header);
      if (cell !== null && !cells.includes(cell)) cells.push(cell);
    };
    const metrics = paid.get(nameKey(reps.plans[i]));
    if (!metrics)
      at("Plan", reps.plans[i] ? `plan "${reps.plans[i]}" is not in Matrix` : "Plan is blank");
    const ti = reps.targetIncentive[i];
    if (!(ti >= 0))
      at("Target Incentive", `Target Incentive is ${reps.describe(i, "Target Incentive")}`);
    for (const metric of metrics ?? []) {
      const quota = reps.quota.get(metric);
      const actual = reps.actual.get(metric);
      const name = metricNames.get(metric) ?? metric;
      if (!quota) reasons.push(`there is no "${name} Quota" column`);
      else if (!(quota[i] > 0))
        at(
          `${name} Quota`,
          `${name} Quota is ${reps.describe(i, `${name} Quota`)} (must be a number above 0)`
        );
      if (!actual) reasons.push(`there is no "${name} Actual" column`);
      else if (Number.isNaN(actual[i]))
        at(`${name} Actual`, `${name} Actual is ${reps.describe(i, `${name} Actual`)}`);
    }
    for (const [header, column] of optional) {
      if (column && Number.isNaN(column[i])) at(header, `${header} is ${reps.describe(i, header)}`);
    }
    // Gross Margin follows a scaled revenue metric at the rep's margin rate, which needs Revenue > 0.
    if (moved?.[i] && reps.grossMargin && reps.revenue && !(reps.revenue[i] > 0))
      at(
        "Revenue",
        `Revenue is ${reps.describe(i, "Revenue")}, so Gross Margin cannot follow a scenario's scale-actual on a revenue metric (no margin rate)`
      );
    if (reasons.length === 0) included[i] = 1;
    else
      dataIssues.push({
        rep: reps.names[i],
        row: reps.rows[i],
        message: reasons.join("; "),
        cell: cells[0] ?? null,
        cells,
      });
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

/** Progress inside one scenario's computation (the pane reports it so a big run never looks stuck). */
export interface ScenarioBlockProgress {
  /** Reps per block (2,000 by default): `onBlock` is called after each full block. */
  blockReps?: number;
  /** `done` reps of `count` computed so far (called after each block, not after the last rep). */
  onBlock?: (done: number, count: number) => void;
}

/** Computes one scenario for every included rep. `baselineTotal` is null for the Baseline itself. */
export function computeScenario(
  run: PreparedRun,
  model: ScenarioModel,
  baselineTotal: number | null,
  progress: ScenarioBlockProgress = {}
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
  const objectiveKeys = new Map(objectiveNames.map((name, k) => [nameKey(name), k]));
  const objectiveIndex = (objective: string) => {
    const k = nameKey(objective);
    if (!objectiveKeys.has(k)) {
      objectiveKeys.set(k, objectiveNames.length);
      objectiveNames.push(objective || "(no objective)");
    }
    return objectiveKeys.get(k)!;
  };
  const { lists, variantOf } = resolveVariants(run, model, objectiveIndex);
  const objectivePay = new Float64Array(objectiveNames.length);
  const tiScale = model.tiScale;
  const { onBlock } = progress;
  const blockReps = Math.max(1, Math.floor(progress.blockReps ?? 2000));

  for (let i = 0; i < n; i++) {
    if (onBlock && i > 0 && i % blockReps === 0) onBlock(i, n);
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
  const { revenue, grossMargin } = flowedRevenue(run, model);
  const figures = scenarioFigures(
    run,
    { targetIncentive, payout, weightedAttainment, revenue, grossMargin, attainment },
    payoutByObjective,
    baselineTotal
  );
  return {
    name: model.name,
    figures,
    reps: {
      targetIncentive,
      payout,
      weightedAttainment,
      attainment,
      metricPayout,
      revenue,
      grossMargin,
    },
  };
}

/**
 * Revenue and Gross Margin of a scenario: the Reps columns, plus for each metric marked Revenue
 * that the scenario scales, Δ = Actual × (scale − 1) added to Revenue and Δ × Gross Margin ÷
 * Revenue added to Gross Margin (reps with Revenue ≤ 0 and a Δ are data issues, left out).
 */
export function flowedRevenue(
  run: PreparedRun,
  model: ScenarioModel
): { revenue: Float64Array | null; grossMargin: Float64Array | null } {
  const { reps } = run;
  if (!reps.revenue) return { revenue: null, grossMargin: reps.grossMargin };
  const revenueMetrics = run.design.revenueMetrics ?? new Set<string>();
  const delta = new Float64Array(reps.count);
  let any = false;
  for (const [metric, scale] of model.actualScale) {
    const actual = reps.actual.get(metric);
    if (!revenueMetrics.has(metric) || !actual) continue;
    for (let i = 0; i < reps.count; i++) {
      if (scale[i] === 1 || !Number.isFinite(actual[i])) continue;
      delta[i] += actual[i] * (scale[i] - 1);
      any = true;
    }
  }
  if (!any) return { revenue: reps.revenue, grossMargin: reps.grossMargin };
  const revenue = Float64Array.from(reps.revenue, (r, i) => r + delta[i]);
  const gm = reps.grossMargin;
  const grossMargin = gm
    ? Float64Array.from(gm, (g, i) => (delta[i] === 0 ? g : g + (delta[i] * g) / reps.revenue![i]))
    : null;
  return { revenue, grossMargin };
}

/** A breakdown's groups by label (two keys sharing a label are one group), over included reps. */
function groupingOf(groups: Groups, included: Uint8Array): Grouping {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const labelOf = groups.labels.map((label) => {
    if (!index.has(label)) {
      index.set(label, labels.length);
      labels.push(label);
    }
    return index.get(label)!;
  });
  const of = new Int32Array(groups.of.length);
  for (let i = 0; i < of.length; i++) of[i] = included[i] ? labelOf[groups.of[i]] : -1;
  return { of, labels };
}

interface RepColumns {
  targetIncentive: Float64Array;
  payout: Float64Array;
  revenue: Float64Array | null;
  grossMargin: Float64Array | null;
}

/**
 * Reps in ascending order of gross margin %, reused across scenarios while Revenue, Gross Margin
 * and the reps compared are the same (most scenarios change none of them).
 */
const marginOrderCache = new WeakMap<
  Float64Array,
  { revenue: Float64Array; eligible: Uint8Array; order: Uint32Array }[]
>();

const sameBytes = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

function marginOrder(rep: RepColumns, margin: Float64Array, eligible: Uint8Array): Uint32Array {
  const gm = rep.grossMargin!;
  const cached = marginOrderCache.get(gm) ?? [];
  const hit = cached.find((c) => c.revenue === rep.revenue && sameBytes(c.eligible, eligible));
  if (hit) return hit.order;
  const order = sortedIndices(margin, eligible);
  cached.push({ revenue: rep.revenue!, eligible, order });
  if (cached.length > 8) cached.shift();
  marginOrderCache.set(gm, cached);
  return order;
}

const marginRankCache = new WeakMap<Uint32Array, Map<Grouping, Float64Array>>();

/** The groupings of a run's breakdowns, computed once per run (they depend on nothing else). */
const groupingCache = new WeakMap<PreparedRun, Groupings>();

interface Groupings {
  all: Grouping;
  plan: Grouping;
  segment: Grouping | null;
  territory: Grouping | null;
}

function groupingsOf(run: PreparedRun): Groupings {
  let found = groupingCache.get(run);
  if (!found || found.all.of.length !== run.included.length) {
    const { included, reps } = run;
    found = {
      all: allOf(included),
      plan: groupingOf(run.plans, included),
      segment: reps.hasSegment ? groupingOf(run.segments, included) : null,
      territory: reps.hasTerritory ? groupingOf(run.territories, included) : null,
    };
    groupingCache.set(run, found);
  }
  return found;
}

/**
 * Profitability of each group of every grouping (all reps first): payout % of target is sorted
 * once per scenario and gross margin % once per run, then ranked within each grouping.
 */
function profitabilityGroups(groupings: Grouping[], rep: RepColumns): Profitability[][] {
  const n = rep.payout.length;
  const all = groupings[0];
  let ranked: ((grouping: Grouping) => (number | null)[]) | null = null;
  if (rep.revenue && rep.grossMargin) {
    // Payout % of target and gross margin % for reps with a target and revenue above 0.
    const eligible = new Uint8Array(n);
    const pct = new Float64Array(n);
    const margin = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (all.of[i] < 0 || !(rep.targetIncentive[i] > 0) || !(rep.revenue[i] > 0)) continue;
      eligible[i] = 1;
      pct[i] = rep.payout[i] / rep.targetIncentive[i];
      margin[i] = rep.grossMargin[i] / rep.revenue[i];
    }
    const pctOrder = sortedIndices(pct, eligible);
    const mOrder = marginOrder(rep, margin, eligible);
    // Margin ranks per grouping follow from the (cached) order: cached with it.
    const marginRanks = marginRankCache.get(mOrder) ?? new Map<Grouping, Float64Array>();
    marginRankCache.set(mOrder, marginRanks);
    ranked = (grouping) => {
      if (!marginRanks.has(grouping))
        marginRanks.set(grouping, ranksFromOrder(margin, mOrder, grouping));
      return spearmanFromRanks(
        ranksFromOrder(pct, pctOrder, grouping),
        marginRanks.get(grouping)!,
        eligible,
        grouping
      );
    };
  }
  return groupings.map((grouping) => {
    const payout = groupSums(rep.payout, grouping);
    const revenue = rep.revenue ? groupSums(rep.revenue, grouping) : null;
    const grossMargin = rep.grossMargin ? groupSums(rep.grossMargin, grouping) : null;
    const counts = new Int32Array(grouping.labels.length);
    for (let i = 0; i < n; i++) if (grouping.of[i] >= 0) counts[grouping.of[i]]++;
    const spearmans = ranked ? ranked(grouping) : grouping.labels.map(() => null);
    return grouping.labels.map((_, g) => {
      const rev = revenue ? revenue[g] : null;
      const gm = grossMargin ? grossMargin[g] : null;
      return {
        reps: counts[g],
        payout: payout[g],
        revenue: rev,
        grossMargin: gm,
        incentiveCostOfSales: rev !== null && rev > 0 ? payout[g] / rev : null,
        incentiveCostPerGrossMarginDollar: gm !== null && gm > 0 ? payout[g] / gm : null,
        spearmanPayoutPctOfTargetVsGrossMarginPct: spearmans[g],
      };
    });
  });
}

function byLabel(grouping: Grouping, figures: Profitability[]): Record<string, Profitability> {
  const out: Record<string, Profitability> = {};
  figures.forEach((p, g) => {
    if (p.reps > 0) out[grouping.labels[g]] = p;
  });
  return out;
}

interface AttainmentCacheEntry {
  values: Float64Array;
  breakdown: MetricAttainmentBreakdown;
}
const attainmentCache = new WeakMap<PreparedRun, Map<string, AttainmentCacheEntry>>();

const toAttainment = (s: LevelStats): MetricAttainment => ({
  reps: s.count,
  shareAtOrAboveQuota: s.shareAtOrAbove,
  medianAttainment: s.median,
});

function attainmentBy(values: Float64Array, grouping: Grouping): Record<string, MetricAttainment> {
  const out: Record<string, MetricAttainment> = {};
  levelStats(values, grouping, 1).forEach((s, g) => {
    if (s.count > 0) out[grouping.labels[g]] = toAttainment(s);
  });
  return out;
}

/** Per metric: quota attainment overall and by plan, segment and territory. */
function attainmentByMetric(
  run: PreparedRun,
  attainment: Map<string, Float64Array>,
  groupings: Groupings
): Record<string, MetricAttainmentBreakdown> {
  const out: Record<string, MetricAttainmentBreakdown> = {};
  // Weight, curve and TI changes leave attainment as it is: reuse the last breakdown of an
  // identical column (comparing is far cheaper than the medians).
  const cache = attainmentCache.get(run) ?? new Map<string, AttainmentCacheEntry>();
  attainmentCache.set(run, cache);
  for (const m of run.metrics) {
    const values = attainment.get(m.key)!;
    const hit = cache.get(m.key);
    if (hit && sameBytes(hit.values, values)) {
      out[m.name] = hit.breakdown;
      continue;
    }
    out[m.name] = {
      overall: toAttainment(levelStats(values, groupings.all, 1)[0]),
      byPlan: attainmentBy(values, groupings.plan),
      bySegment: groupings.segment ? attainmentBy(values, groupings.segment) : null,
      byTerritory: groupings.territory ? attainmentBy(values, groupings.territory) : null,
    };
    cache.set(m.key, { values, breakdown: out[m.name] });
  }
  return out;
}

function scenarioFigures(
  run: PreparedRun,
  rep: {
    targetIncentive: Float64Array;
    payout: Float64Array;
    weightedAttainment: Float64Array;
    revenue: Float64Array | null;
    grossMargin: Float64Array | null;
    attainment: Map<string, Float64Array>;
  },
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
  const revenue = sumOf(rep.revenue, included);
  const base = sumOf(reps.baseSalary, included);
  const { objectives } = designShares(design);
  const realizedAlignmentIndex =
    totalPayout > 0 && objectives.some((o) => o.priorityShare > 0)
      ? alignmentOfShares(
          objectives.map((o) => [
            o.priorityShare,
            (payoutByObjective[o.objective] ?? 0) / totalPayout,
          ])
        )
      : null;
  const [p10, p50, p90] =
    withTarget > 0 ? percentilesInc(ratios.subarray(0, withTarget), [0.1, 0.5, 0.9]) : [];
  const groupings = groupingsOf(run);
  const present = [groupings.all, groupings.plan, groupings.segment, groupings.territory].filter(
    (g): g is Grouping => g !== null
  );
  const profit = profitabilityGroups(present, rep);
  const profitOf = (g: Grouping | null) =>
    g === null ? null : byLabel(g, profit[present.indexOf(g)]);
  const [overall] = profit[0];
  return {
    totalPayout,
    totalTargetIncentive,
    payoutToTarget: totalTargetIncentive > 0 ? totalPayout / totalTargetIncentive : null,
    incentiveCostOfSales: revenue !== null && revenue > 0 ? totalPayout / revenue : null,
    costOfSales:
      revenue !== null && revenue > 0 && base !== null ? (base + totalPayout) / revenue : null,
    incentiveCostPerGrossMarginDollar: overall.incentiveCostPerGrossMarginDollar,
    spearmanPayoutPctOfTargetVsGrossMarginPct: overall.spearmanPayoutPctOfTargetVsGrossMarginPct,
    shareAtOrAboveWeightedTarget: count > 0 ? atQuota / count : null,
    attainmentByMetric: attainmentByMetric(run, rep.attainment, groupings),
    payoutPctOfTarget: withTarget > 0 ? { p10, p50, p90 } : null,
    gini: count > 0 && payouts.every((p) => p >= 0) ? gini(payouts) : null,
    realizedAlignmentIndex,
    payoutByObjective,
    payoutByPlan: sumGroups(run.plans, rep.payout, included),
    payoutBySegment: reps.hasSegment ? sumGroups(run.segments, rep.payout, included) : null,
    payoutByTerritory: reps.hasTerritory ? sumGroups(run.territories, rep.payout, included) : null,
    profitabilityByPlan: profitOf(groupings.plan)!,
    profitabilityBySegment: profitOf(groupings.segment),
    profitabilityByTerritory: profitOf(groupings.territory),
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
    if (overflow)
      run.invalidScenarios.push({
        name: model.name,
        reason: overflowReason(overflow),
        cell: model.cell,
      });
    else scenarios.push(result);
  }
  return { ...run, scenarios };
}
