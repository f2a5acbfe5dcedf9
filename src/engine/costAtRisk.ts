/**
 * Plan cost at risk: a Monte Carlo simulation of every scenario's total payout, rep by rep, on
 * the scenario engine's resolved plans (docs/workbook.md, "Risk Settings").
 *
 * For each trial t: Z_t ~ N(0,1) once (the company-wide shock); for each rep r, U_r ~ N(0,1);
 * for each metric m of r's plan, V_rm ~ N(0,1); ε = √ρ·U + √(1−ρ)·V; the rep's attainment on m
 * is the scenario's attainment (its actual after the scenario's changes ÷ its quota) ×
 * max(0, 1 + σc·Z + σi·ε). Quotas, weights, curves and target incentive are the scenario's, and
 * payout is TI × weight × curve(attainment) summed over the rep's metrics, as the scenario engine
 * computes it. Revenue scales by max(0, 1 + σc·Z). Percentiles over trials are PERCENTILE.INC.
 *
 * Draw order (part of the contract: it makes a seed reproducible): per scenario the generator
 * starts again from the seed, so every scenario sees the same draws (common random numbers: the
 * differences between scenarios come from the plans, not from luck). Per trial: Z, then for each
 * computed rep in Reps order U, then one V per component of its plan in Matrix order (also for a
 * component with weight 0, so a scenario that changes weights keeps the same draws).
 *
 * Memory does not grow with reps × trials: trials are streamed, and per trial only the total,
 * the per-plan totals and the incentive cost of sales are kept (for the percentiles).
 *
 * Everything here is plain data in and out (typed arrays, numbers, strings): the simulation can
 * run in a Web Worker, in blocks of trials with progress and cancel between blocks.
 */
import { curveRate, type Curve } from "./curve";
import { percentilesInc } from "./distribution";
import { normalFromUint32, Xoshiro128 } from "./random";
import { ALL, type ScenarioModel, type VariantComponent } from "./scenarioChanges";
import type { PreparedRun } from "./scenarioRunner";

export interface RiskSettings {
  /** Trials per scenario (100 to 1,000,000). */
  trials: number;
  /** Seed of the random numbers (0 to 4,294,967,295). */
  seed: number;
  /** σc: the company-wide shock's standard deviation (0.1 = 10%). */
  commonVolatility: number;
  /** σi: each rep's own shock's standard deviation, per metric. */
  individualVolatility: number;
  /** ρ: correlation of a rep's own shocks across their metrics (0 to 1). */
  metricCorrelation: number;
  /** Total payout budget in currency; null when not set. */
  budget: number | null;
}

export const DEFAULT_RISK_SETTINGS: Readonly<RiskSettings> = {
  trials: 10_000,
  seed: 1,
  commonVolatility: 0.1,
  individualVolatility: 0.2,
  metricCorrelation: 0.5,
  budget: null,
};

export const RISK_LIMITS = {
  minTrials: 100,
  maxTrials: 1_000_000,
  maxSeed: 4_294_967_295,
} as const;

/** Every curve the scenarios use, flattened for the trial loop. */
export interface FlatCurves {
  offset: Int32Array;
  length: Int32Array;
  /** 1 for STEP. */
  step: Uint8Array;
  /** 1 for EXTEND (a LINEAR curve continuing its last slope). */
  extend: Uint8Array;
  /** Slope of the last segment (for EXTEND). */
  slope: Float64Array;
  /** 1 when a segment's span overflows: such a curve is evaluated by curveRate itself. */
  generic: Uint8Array;
  points: Float64Array;
  rates: Float64Array;
  /** The curves themselves (for the generic path). */
  curves: Curve[];
  /**
   * 1 when curve k is evaluated from its segment table below (STEP, or LINEAR without EXTEND,
   * and not generic): every rate is then one formula with no data-dependent branch.
   */
  segmented: Uint8Array;
  /**
   * Segment tables: curve k with n points has n + 1 segments from segOffset[k]; segment j is
   * chosen by j = the number of points ≤ a, and the rate is
   * segR0[j] + ((a − segP0[j]) / segSpan[j]) × segDr[j]. Segment 0 (below the first point)
   * gives 0, segment n (at or beyond the last point) gives the last rate, a STEP segment its
   * rate (each with segSpan 1 and segDr 0, so the fraction adds an exact zero), a LINEAR
   * segment between points i and i + 1 interpolates with the same operations as `curveRate`.
   */
  segOffset: Int32Array;
  segR0: Float64Array;
  segP0: Float64Array;
  segSpan: Float64Array;
  segDr: Float64Array;
}

/** One scenario resolved to one slot per (computed rep, plan component), in rep order. */
export interface RiskScenarioModel {
  name: string;
  /** The scenario's attainment per slot: actual (after the scenario's changes) ÷ quota. */
  attainment: Float64Array;
  /** Target incentive × weight per slot; 0 for a component that pays nothing. */
  weightedTi: Float64Array;
  /** Index into the curves per slot. */
  curve: Int32Array;
  totalTargetIncentive: number;
  /** Σ Revenue of the computed reps; null without a Revenue column. */
  revenue: number | null;
}

export interface RiskModel {
  /** Computed reps (data issues left out). */
  reps: number;
  /** Slots of rep r: slotStart[r] to slotStart[r + 1] − 1. */
  slotStart: Int32Array;
  /** Plan (index into planLabels) of each computed rep. */
  repPlan: Int32Array;
  planLabels: string[];
  curves: FlatCurves;
  scenarios: RiskScenarioModel[];
}

export function flattenCurves(curves: Curve[]): FlatCurves {
  const total = curves.reduce((s, c) => s + c.points.length, 0);
  const segments = total + curves.length;
  const flat: FlatCurves = {
    offset: new Int32Array(curves.length),
    length: new Int32Array(curves.length),
    step: new Uint8Array(curves.length),
    extend: new Uint8Array(curves.length),
    slope: new Float64Array(curves.length),
    generic: new Uint8Array(curves.length),
    points: new Float64Array(total),
    rates: new Float64Array(total),
    curves,
    segmented: new Uint8Array(curves.length),
    segOffset: new Int32Array(curves.length),
    segR0: new Float64Array(segments),
    segP0: new Float64Array(segments),
    segSpan: new Float64Array(segments).fill(1),
    segDr: new Float64Array(segments),
  };
  let seg = 0;
  let at = 0;
  curves.forEach((c, k) => {
    const n = c.points.length;
    flat.offset[k] = at;
    flat.length[k] = n;
    flat.step[k] = c.method === "STEP" ? 1 : 0;
    flat.extend[k] = c.beyond === "EXTEND" ? 1 : 0;
    flat.points.set(c.points, at);
    flat.rates.set(c.rates, at);
    for (let i = 1; i < n; i++)
      if (!Number.isFinite(c.points[i] - c.points[i - 1])) flat.generic[k] = 1;
    if (n > 1)
      flat.slope[k] = (c.rates[n - 1] - c.rates[n - 2]) / (c.points[n - 1] - c.points[n - 2]);
    at += n;
    flat.segOffset[k] = seg;
    const step = flat.step[k] === 1;
    flat.segmented[k] = !flat.generic[k] && n > 0 && (step || !flat.extend[k] || n === 1) ? 1 : 0;
    // Segment 0 stays (R0 0, P0 0, span 1, dr 0): rate 0.
    for (let i = 0; i < n; i++) {
      const j = seg + 1 + i;
      flat.segR0[j] = c.rates[i];
      flat.segP0[j] = c.points[i];
      if (!step && i < n - 1) {
        flat.segSpan[j] = c.points[i + 1] - c.points[i];
        flat.segDr[j] = c.rates[i + 1] - c.rates[i];
      }
    }
    seg += n + 1;
  });
  return flat;
}

/**
 * The payout rate of curve k at attainment a: exactly `curveRate` (same operations in the same
 * order, so the same bits), on the flattened arrays.
 */
export function flatRate(
  f: Pick<
    FlatCurves,
    "offset" | "length" | "step" | "extend" | "slope" | "generic" | "points" | "rates" | "curves"
  >,
  k: number,
  a: number
): number {
  const off = f.offset[k];
  const points = f.points;
  if (a < points[off]) return 0;
  if (f.generic[k]) return curveRate(f.curves[k], a);
  const last = f.length[k] - 1;
  let i = last;
  while (i > 0 && points[off + i] > a) i--;
  const rates = f.rates;
  if (f.step[k]) return rates[off + i];
  if (i === last) {
    if (f.extend[k] === 0 || last === 0) return rates[off + last];
    const r = rates[off + last] + (a - points[off + last]) * f.slope[k];
    return r > 0 ? r : 0;
  }
  const r0 = rates[off + i];
  const p0 = points[off + i];
  return r0 + ((a - p0) / (points[off + i + 1] - p0)) * (rates[off + i + 1] - r0);
}

/**
 * The payout rate of curve k at attainment a, from its segment table when it has one (see
 * FlatCurves.segOffset) and a is finite, else by `flatRate`: the same bits as `curveRate`
 * either way. Counting the points at or below a has no data-dependent branch, where a search
 * mispredicts on attainments spread over the segments (the trial loop's hot spot).
 */
export function segmentedRate(f: FlatCurves, k: number, a: number): number {
  if (f.segmented[k] === 1 && a - a === 0) {
    const off = f.offset[k];
    const n = f.length[k];
    const points = f.points;
    let j = f.segOffset[k];
    for (let q = 0; q < n; q++) j += +(a >= points[off + q]);
    return f.segR0[j] + ((a - f.segP0[j]) / f.segSpan[j]) * f.segDr[j];
  }
  return flatRate(f, k, a);
}

/** The component list of a (plan, segment) pair in a scenario: its segment's variant, else the plan's. */
function variantOf(model: ScenarioModel, plan: string, segment: string) {
  const bySegment = model.variants.get(plan);
  return bySegment?.get(segment) ?? bySegment?.get(ALL);
}

/**
 * Resolves every valid scenario of a prepared run (src/engine/scenarioRunner.ts: its scenario
 * models, computed reps and groups) into slots for the trial loop.
 */
export function buildRiskModel(run: PreparedRun): RiskModel {
  const { reps, included, plans, segments } = run;
  const order: number[] = [];
  for (let i = 0; i < reps.count; i++) if (included[i]) order.push(i);
  const curveIndex = new Map<Curve, number>();
  const curves: Curve[] = [];
  const curveOf = (c: Curve) => {
    let k = curveIndex.get(c);
    if (k === undefined) {
      k = curves.length;
      curveIndex.set(c, k);
      curves.push(c);
    }
    return k;
  };
  const slotStart = new Int32Array(order.length + 1);
  const repPlan = new Int32Array(order.length);
  const listsOf = (model: ScenarioModel, i: number): VariantComponent[] => {
    const comps = variantOf(model, plans.keys[plans.of[i]], segments.keys[segments.of[i]]);
    if (!comps) throw new Error(`rep ${reps.names[i]} has no plan in scenario ${model.name}`);
    return comps;
  };
  // Slots from the first scenario (Baseline); every variant of a plan has the same components.
  const first = run.models[0];
  order.forEach((i, r) => {
    repPlan[r] = plans.of[i];
    slotStart[r + 1] = slotStart[r] + (first ? listsOf(first, i).length : 0);
  });
  const slots = slotStart[order.length];
  let revenue: number | null = null;
  if (reps.revenue) {
    revenue = 0;
    for (const i of order) revenue += reps.revenue[i];
  }
  const scenarios = run.models.map((model): RiskScenarioModel => {
    const attainment = new Float64Array(slots);
    const weightedTi = new Float64Array(slots);
    const curve = new Int32Array(slots);
    let totalTargetIncentive = 0;
    order.forEach((i, r) => {
      const comps = listsOf(model, i);
      const start = slotStart[r];
      if (comps.length !== slotStart[r + 1] - start)
        throw new Error(`scenario ${model.name} changes the components of ${reps.plans[i]}`);
      // The scenario engine's arithmetic, operation for operation (computeScenario).
      const ti = reps.targetIncentive[i] * model.tiScale[i];
      totalTargetIncentive += ti;
      comps.forEach((c, k) => {
        const quota = reps.quota.get(c.metricKey);
        const actual = reps.actual.get(c.metricKey);
        const quotaScale = model.quotaScale.get(c.metricKey);
        const actualScale = model.actualScale.get(c.metricKey);
        const q = quota ? (quotaScale ? quota[i] * quotaScale[i] : quota[i]) : NaN;
        const x = actual ? (actualScale ? actual[i] * actualScale[i] : actual[i]) : NaN;
        attainment[start + k] = x / q;
        weightedTi[start + k] = c.weight > 0 ? ti * c.weight : 0;
        curve[start + k] = curveOf(c.rate);
      });
    });
    // Revenue is the Reps sheet's for every scenario.
    // lead: when scale-actual flows to Revenue in the scenario engine, take the scenario's here.
    return { name: model.name, attainment, weightedTi, curve, totalTargetIncentive, revenue };
  });
  return {
    reps: order.length,
    slotStart,
    repPlan,
    planLabels: plans.labels,
    curves: flattenCurves(curves),
    scenarios,
  };
}

/** The trials of one scenario, streamed in blocks. */
class ScenarioSimulation {
  readonly rng: Xoshiro128;
  readonly totals: Float64Array;
  readonly planTotals: Float64Array[];
  readonly costOfSales: Float64Array | null;
  done = 0;
  private readonly planAcc: Float64Array;

  constructor(
    readonly model: RiskModel,
    readonly scenario: RiskScenarioModel,
    readonly settings: RiskSettings
  ) {
    this.rng = new Xoshiro128(settings.seed);
    this.totals = new Float64Array(settings.trials);
    this.planTotals = model.planLabels.map(() => new Float64Array(settings.trials));
    this.costOfSales = scenario.revenue === null ? null : new Float64Array(settings.trials);
    this.planAcc = new Float64Array(model.planLabels.length);
  }

  /** Runs up to `count` more trials. */
  run(count: number) {
    const end = Math.min(this.settings.trials, this.done + count);
    const { slotStart, repPlan, curves, reps } = this.model;
    const { attainment, weightedTi, curve, revenue } = this.scenario;
    const sc = this.settings.commonVolatility;
    const si = this.settings.individualVolatility;
    const rho = this.settings.metricCorrelation;
    const su = si * Math.sqrt(rho);
    const sv = si * Math.sqrt(1 - rho);
    const rng = this.rng;
    const planAcc = this.planAcc;
    const plans = planAcc.length;
    // xoshiro128** (random.ts) inlined, its state in locals, written back after the block.
    const state = rng.state;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    let u = 0;
    for (let t = this.done; t < end; t++) {
      {
        const m = Math.imul(s1, 5);
        u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
      const common = 1 + sc * normalFromUint32(u);
      planAcc.fill(0);
      let total = 0;
      for (let r = 0; r < reps; r++) {
        {
          const m = Math.imul(s1, 5);
          u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
          const t9 = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t9;
          s3 = (s3 << 11) | (s3 >>> 21);
        }
        const base = common + su * normalFromUint32(u);
        const to = slotStart[r + 1];
        let repTotal = 0;
        for (let s = slotStart[r]; s < to; s++) {
          {
            const m = Math.imul(s1, 5);
            u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            const t9 = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t9;
            s3 = (s3 << 11) | (s3 >>> 21);
          }
          const v = normalFromUint32(u);
          const w = weightedTi[s];
          if (w === 0) continue;
          const shock = base + sv * v;
          const a = attainment[s] * (shock > 0 ? shock : 0);
          const rate = segmentedRate(curves, curve[s], a);
          repTotal += w * rate;
        }
        total += repTotal;
        planAcc[repPlan[r]] += repTotal;
      }
      this.totals[t] = total;
      for (let p = 0; p < plans; p++) this.planTotals[p][t] = planAcc[p];
      if (this.costOfSales && revenue !== null) {
        const sales = revenue * (common > 0 ? common : 0);
        // No revenue that year: the ratio has no finite value (it sorts above every other).
        this.costOfSales[t] = sales > 0 ? total / sales : Infinity;
      }
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    this.done = end;
  }
}

/** The plan as computed by the scenario engine (no shock): total and per-plan payout. */
export function deterministicTotals(model: RiskModel, scenario: RiskScenarioModel) {
  const { slotStart, repPlan, curves, reps } = model;
  const byPlan = new Float64Array(model.planLabels.length);
  let total = 0;
  for (let r = 0; r < reps; r++) {
    let repTotal = 0;
    for (let s = slotStart[r]; s < slotStart[r + 1]; s++) {
      const w = scenario.weightedTi[s];
      if (w !== 0) repTotal += w * flatRate(curves, scenario.curve[s], scenario.attainment[s]);
    }
    total += repTotal;
    byPlan[repPlan[r]] += repTotal;
  }
  return { total, byPlan };
}

export interface RiskScenarioResult {
  name: string;
  /** The scenario engine's total payout (no shock). */
  deterministicTotalPayout: number;
  totalTargetIncentive: number;
  totalPayout: { mean: number; p10: number; p50: number; p90: number; p95: number };
  /** P50 / P90 of total payout ÷ total target incentive; null when the total target is 0. */
  payoutToTarget: { p50: number; p90: number } | null;
  /**
   * P50 / P90 of total payout ÷ simulated revenue; null without Revenue. A percentile that falls
   * on trials whose simulated revenue is 0 is null.
   */
  incentiveCostOfSales: { p50: number | null; p90: number | null } | null;
  /** Share of trials whose total payout exceeds the budget; null without a budget. */
  probabilityOverBudget: number | null;
  /** Plans with computed reps, in Reps order of first appearance. */
  byPlan: { plan: string; p50: number; p90: number }[];
  /** Total payout of every trial, in trial order. */
  totals: Float64Array;
}

export interface RiskHistogram {
  /** Lower and upper edge of each bin (a trial on an inner edge counts in the bin above). */
  bins: { from: number; to: number }[];
  /** Per scenario, the share of its trials in each bin. */
  shares: number[][];
}

export interface RiskResult {
  settings: RiskSettings;
  reps: number;
  scenarios: RiskScenarioResult[];
  histogram: RiskHistogram;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** The mean as first value + mean of the differences: exact when every value is equal. */
function meanOf(values: Float64Array): number {
  const first = values[0];
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] - first;
  return first + sum / values.length;
}

function summarise(
  sim: ScenarioSimulation,
  model: RiskModel,
  settings: RiskSettings
): RiskScenarioResult {
  const { scenario, totals } = sim;
  const [p10, p50, p90, p95] = percentilesInc(totals, [0.1, 0.5, 0.9, 0.95]);
  const ti = scenario.totalTargetIncentive;
  let over = 0;
  if (settings.budget !== null)
    for (let t = 0; t < totals.length; t++) if (totals[t] > settings.budget) over++;
  let costOfSales: RiskScenarioResult["incentiveCostOfSales"] = null;
  if (sim.costOfSales && scenario.revenue !== null && scenario.revenue > 0) {
    const [c50, c90] = percentilesInc(sim.costOfSales, [0.5, 0.9]);
    costOfSales = { p50: finiteOrNull(c50), p90: finiteOrNull(c90) };
  }
  const { total: deterministic } = deterministicTotals(model, scenario);
  const present = new Uint8Array(model.planLabels.length);
  for (let r = 0; r < model.reps; r++) present[model.repPlan[r]] = 1;
  return {
    name: scenario.name,
    deterministicTotalPayout: deterministic,
    totalTargetIncentive: ti,
    totalPayout: { mean: meanOf(totals), p10, p50, p90, p95 },
    payoutToTarget: ti > 0 ? { p50: p50 / ti, p90: p90 / ti } : null,
    incentiveCostOfSales: costOfSales,
    probabilityOverBudget: settings.budget === null ? null : over / totals.length,
    byPlan: model.planLabels.flatMap((plan, p) => {
      if (!present[p]) return [];
      const [b50, b90] = percentilesInc(sim.planTotals[p], [0.5, 0.9]);
      return [{ plan, p50: b50, p90: b90 }];
    }),
    totals,
  };
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  let power = 1;
  while (power * 10 <= raw) power *= 10;
  while (power > raw) power /= 10;
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * Total payout per trial in bins shared by every scenario (so the bars compare): about `target`
 * bins of a round width from the lowest to the highest trial of any scenario.
 */
export function payoutHistogram(totals: Float64Array[], target = 20): RiskHistogram {
  let min = Infinity;
  let max = -Infinity;
  for (const values of totals)
    for (let t = 0; t < values.length; t++) {
      if (values[t] < min) min = values[t];
      if (values[t] > max) max = values[t];
    }
  if (!Number.isFinite(min)) return { bins: [], shares: totals.map(() => []) };
  const width = niceStep((max - min) / target);
  const start = Math.floor(min / width) * width;
  const count = Math.max(1, Math.floor((max - start) / width) + 1);
  const bins = Array.from({ length: count }, (_, b) => ({
    from: start + b * width,
    to: start + (b + 1) * width,
  }));
  const shares = totals.map((values) => {
    const counts = new Float64Array(count);
    for (let t = 0; t < values.length; t++) {
      const b = Math.min(count - 1, Math.max(0, Math.floor((values[t] - start) / width)));
      counts[b]++;
    }
    return Array.from(counts, (c) => c / values.length);
  });
  return { bins, shares };
}

export interface SimulationCallbacks {
  /** After each block: trials done of the total (over every scenario), and what runs. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Checked between blocks; true stops the run (the result is then null). */
  isCancelled?: () => boolean;
  /** Awaited between blocks, so a host on the UI thread stays responsive. */
  yieldControl?: () => Promise<void>;
  /** Trials per block; by default about 2 million rep-metric evaluations a block. */
  blockTrials?: number;
}

/** Trials in one block: about `work` slot evaluations. */
export function blockSize(model: RiskModel, work = 2_000_000): number {
  const slots = Math.max(1, model.slotStart[model.reps]);
  return Math.max(1, Math.floor(work / slots));
}

/**
 * Simulates every scenario of the model: a pure function of (model, settings), streamed in
 * blocks of trials. Resolves to null when cancelled.
 */
export async function simulateCostAtRisk(
  model: RiskModel,
  settings: RiskSettings,
  callbacks: SimulationCallbacks = {}
): Promise<RiskResult | null> {
  const block = callbacks.blockTrials ?? blockSize(model);
  const total = settings.trials * model.scenarios.length;
  const results: RiskScenarioResult[] = [];
  let done = 0;
  for (const scenario of model.scenarios) {
    const sim = new ScenarioSimulation(model, scenario, settings);
    while (sim.done < settings.trials) {
      if (callbacks.isCancelled?.()) return null;
      const before = sim.done;
      sim.run(block);
      done += sim.done - before;
      callbacks.onProgress?.(done, total, `Simulating ${scenario.name}`);
      if (callbacks.yieldControl) await callbacks.yieldControl();
    }
    results.push(summarise(sim, model, settings));
  }
  return finish(model, settings, results);
}

/** The same, in one go (the CLI, tests and benchmarks). */
export function simulateCostAtRiskSync(model: RiskModel, settings: RiskSettings): RiskResult {
  const results = model.scenarios.map((scenario) => {
    const sim = new ScenarioSimulation(model, scenario, settings);
    sim.run(settings.trials);
    return summarise(sim, model, settings);
  });
  return finish(model, settings, results);
}

function finish(model: RiskModel, settings: RiskSettings, scenarios: RiskScenarioResult[]) {
  return {
    settings,
    reps: model.reps,
    scenarios,
    histogram: payoutHistogram(scenarios.map((s) => s.totals)),
  };
}
