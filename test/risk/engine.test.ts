/**
 * Cost at risk, the engine: the random numbers (bit-reproducible normal quantiles), the curve
 * arithmetic on flat arrays (identical to curveRate), the zero-volatility identity with the
 * scenario engine, determinism, the distribution of one rep's attainment against its analytic
 * mean and standard deviation, the metric correlation, a closed-form linear case against normal
 * quantiles, the budget, and the streamed run (blocks, progress, cancel).
 */
import fc from "fast-check";
import { insertSampleData, loadScenarioRun, setupWorkbook } from "../../src/actions";
import {
  buildRiskModel,
  DEFAULT_RISK_SETTINGS,
  flatRate,
  flattenCurves,
  segmentedRate,
  payoutHistogram,
  simulateCostAtRisk,
  simulateCostAtRiskSync,
  type RiskModel,
  type RiskSettings,
} from "../../src/engine/costAtRisk";
import { curveRate, makeCurve } from "../../src/engine/curve";
import { lnScaled, normalFromUint32, Xoshiro128 } from "../../src/engine/random";
import { computeScenario, prepareRun } from "../../src/engine/scenarioRunner";
import { readPlan } from "../../src/model/readPlan";
import { readReps } from "../../src/model/readReps";
import { readScenarios } from "../../src/model/readScenarios";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";

const settings = (over: Partial<RiskSettings> = {}): RiskSettings => ({
  ...DEFAULT_RISK_SETTINGS,
  ...over,
});

describe("random numbers", () => {
  const quantile = (p: number) => normalFromUint32(Math.round(p * 2 ** 32 - 0.5));
  test.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.01, -2.3263478740408408],
    [0.001, -3.090232306167813],
    [0.999, 3.090232306167813],
  ])("the normal quantile at %p is %p (Acklam, within 2e-8 on the 2^-32 grid)", (p, z) => {
    expect(Math.abs(quantile(p) - z)).toBeLessThan(2e-8);
  });

  test("the tails are symmetric and finite at the ends of the grid", () => {
    expect(normalFromUint32(0)).toBe(-normalFromUint32(2 ** 32 - 1));
    expect(normalFromUint32(0)).toBeCloseTo(-6.338, 2); // p = 2^-33;
    expect(normalFromUint32(12345)).toBe(-normalFromUint32(2 ** 32 - 1 - 12345));
  });

  test("the arithmetic-only logarithm matches ln to 1e-15 relative", () => {
    for (const n of [1, 2, 3, 5, 7, 1023, 1025, 65535, 2 ** 27 + 1, 2 ** 30 - 1])
      for (const shift of [-33, 0, 4]) {
        const want = Math.log(n) + shift * Math.LN2;
        expect(Math.abs(lnScaled(n, shift) - want)).toBeLessThanOrEqual(
          1e-15 * Math.max(1, Math.abs(want))
        );
      }
  });

  test("xoshiro128**: the same seed gives the same stream, another seed another", () => {
    const take = (seed: number) => {
      const rng = new Xoshiro128(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    for (const v of take(42)) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  test("golden values: these bits are the contract that a seed reproduces (change them only with the docs)", () => {
    const rng = new Xoshiro128(1);
    const u = Array.from({ length: 4 }, () => rng.nextUint32());
    expect(u).toEqual([2442144158, 3238099751, 3819917871, 2104621829]);
    expect(u.map(normalFromUint32)).toEqual([
      0.17282624437379068, 0.6869054674293698, 1.2233113365273645, -0.025017618595855683,
    ]);
    expect([0, 1000, 104000000, 2147483648, 4294967295].map(normalFromUint32)).toEqual([
      -6.337957751843744, -5.039851131589782, -1.9735865541466848, 2.918099376209126e-10,
      6.337957751843744,
    ]);
  });

  test("a million normals have mean 0 and variance 1 within sampling error", () => {
    const rng = new Xoshiro128(7);
    const n = 1_000_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
});

/** Any curve: 1–6 ascending points from 0–1, rates 0–3, LINEAR or STEP, CAP or EXTEND. */
const curveArb = fc
  .record({
    steps: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 6,
    }),
    start: fc.double({ min: 0, max: 1, noNaN: true }),
    rates: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
    method: fc.constantFrom("LINEAR" as const, "STEP" as const),
    beyond: fc.constantFrom("CAP" as const, "EXTEND" as const),
  })
  .map(({ steps, start, rates, method, beyond }) => {
    const points: number[] = [];
    let at = start;
    for (const s of steps) points.push((at += s));
    return makeCurve(points, rates.slice(0, points.length), method, beyond);
  });

test("curves on flat arrays give exactly curveRate's bits", () => {
  fc.assert(
    fc.property(
      curveArb,
      fc.array(fc.double({ min: -1, max: 8, noNaN: true }), { minLength: 1, maxLength: 20 }),
      (curve, as) => {
        const flat = {
          offset: Int32Array.of(0),
          length: Int32Array.of(curve.points.length),
          step: Uint8Array.of(curve.method === "STEP" ? 1 : 0),
          extend: Uint8Array.of(curve.beyond === "EXTEND" ? 1 : 0),
          slope: Float64Array.of(
            curve.points.length > 1
              ? (curve.rates[curve.points.length - 1] - curve.rates[curve.points.length - 2]) /
                  (curve.points[curve.points.length - 1] - curve.points[curve.points.length - 2])
              : 0
          ),
          generic: Uint8Array.of(0),
          points: curve.points,
          rates: curve.rates,
          curves: [curve],
        };
        for (const a of [...as, ...curve.points])
          expect(Object.is(flatRate(flat, 0, a), curveRate(curve, a))).toBe(true);
      }
    )
  );
});

async function bookWith(insert: (book: MemoryWorkbook) => Promise<unknown>) {
  const book = new MemoryWorkbook();
  await insert(book);
  return book;
}

describe("zero volatility: every percentile is the scenario engine's total, exactly", () => {
  test.each([
    ["the starter workbook", setupWorkbook],
    ["the demo sample", insertSampleData],
  ])("%s", async (_, insert) => {
    const run = await loadScenarioRun(await bookWith(insert));
    const model = buildRiskModel(run);
    const result = simulateCostAtRiskSync(
      model,
      settings({ trials: 100, commonVolatility: 0, individualVolatility: 0, budget: 1 })
    );
    expect(result.scenarios.map((s) => s.name)).toEqual(run.models.map((m) => m.name));
    run.models.forEach((m, k) => {
      const engine = computeScenario(run, m, null).figures;
      const s = result.scenarios[k];
      expect(s.deterministicTotalPayout).toBe(engine.totalPayout);
      for (const v of Object.values(s.totalPayout)) expect(v).toBe(engine.totalPayout);
      expect(s.payoutToTarget).toEqual({
        p50: engine.totalPayout / engine.totalTargetIncentive,
        p90: engine.totalPayout / engine.totalTargetIncentive,
      });
      expect(s.totalTargetIncentive).toBe(engine.totalTargetIncentive);
      expect(s.byPlan.map((b) => [b.plan, b.p50, b.p90])).toEqual(
        Object.entries(engine.payoutByPlan).map(([plan, v]) => [plan, v, v])
      );
      if (engine.incentiveCostOfSales !== null) {
        expect(s.incentiveCostOfSales).toEqual({
          p50: engine.incentiveCostOfSales,
          p90: engine.incentiveCostOfSales,
        });
      }
      expect(s.probabilityOverBudget).toBe(1);
    });
    // One bin holding every trial of every scenario that shares its total.
    expect(result.histogram.shares.every((row) => row.reduce((a, b) => a + b, 0) === 1)).toBe(true);
  });
});

/** A plan world on sheets: one plan, metrics on curve `curve`, reps given as [TI, revenue, ...quota/actual pairs]. */
function world(
  metrics: string[],
  weights: number[],
  curveRows: SheetValue[][],
  reps: number[][],
  scenarioRows: SheetValue[][] = []
) {
  const objectives = [
    ["Objective", "Priority"],
    ["Grow", 1],
  ];
  const matrix = [
    ["Plan", "Metric", "Objective", "Weight", "Curve"],
    ...metrics.map((m, k) => ["AE", m, "Grow", weights[k], "C"]),
  ];
  const curves = [
    ["Curve", "Attainment", "Payout", "Method", "Beyond"],
    ...curveRows.map((r) => ["C", ...r]),
  ];
  const header = [
    "Rep",
    "Plan",
    "Target Incentive",
    "Revenue",
    ...metrics.flatMap((m) => [`${m} Quota`, `${m} Actual`]),
  ];
  const repRows = reps.map((r, i) => [`r${i + 1}`, "AE", ...r]);
  const sheets = {
    objectives: { name: "Objectives", values: objectives },
    matrix: { name: "Matrix", values: matrix },
    curves: { name: "Curves", values: curves },
    reps: { name: "Reps", values: [header, ...repRows] },
  };
  const { design } = readPlan(sheets);
  const table = readReps(sheets.reps, metrics);
  const { scenarios } = readScenarios({
    name: "Scenarios",
    values: [["Scenario", "Change", "Plan", "Metric", "To", "Value", "Segment"], ...scenarioRows],
  });
  return prepareRun(design, table, scenarios);
}

/** A straight line through (0, 0) and (1, 1), extended: payout rate = attainment. */
const LINE: SheetValue[][] = [
  [0, 0, "LINEAR", "EXTEND"],
  [1, 1, null, null],
];

function meanSd(values: Float64Array) {
  let s = 0;
  for (const v of values) s += v;
  const mean = s / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}

test("one rep's simulated attainment has the analytic mean a0 and sd a0·√(σc² + σi²) within sampling error", () => {
  // TI 1 on one metric paying rate = attainment: a trial's total payout is the rep's attainment.
  const run = world(["Sales"], [1], LINE, [[1, 1000, 100, 120]]);
  const n = 40_000;
  const sc = 0.1;
  const si = 0.2;
  const { scenarios } = simulateCostAtRiskSync(
    buildRiskModel(run),
    settings({ trials: n, seed: 11, commonVolatility: sc, individualVolatility: si })
  );
  const { mean, sd } = meanSd(scenarios[0].totals);
  const a0 = 1.2;
  const sigma = a0 * Math.sqrt(sc * sc + si * si); // truncation at 0 is 4.5 sd away: negligible
  expect(Math.abs(mean - a0)).toBeLessThan((4 * sigma) / Math.sqrt(n));
  expect(Math.abs(sd - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * n));
});

test("a rep's shocks across metrics are correlated ρ: the sd of the average of two metrics follows √((1 + ρ)/2)", () => {
  const run = world(["A", "B"], [0.5, 0.5], LINE, [[1, 1000, 100, 100, 100, 100]]);
  const n = 40_000;
  for (const rho of [0, 0.5, 0.9]) {
    const { scenarios } = simulateCostAtRiskSync(
      buildRiskModel(run),
      settings({
        trials: n,
        seed: 3,
        commonVolatility: 0,
        individualVolatility: 0.2,
        metricCorrelation: rho,
      })
    );
    const { sd } = meanSd(scenarios[0].totals);
    const want = 0.2 * Math.sqrt((1 + rho) / 2);
    expect(Math.abs(sd - want)).toBeLessThan((4 * want) / Math.sqrt(2 * n));
  }
});

test("closed form: σi = 0 and a linear curve without threshold or cap make total payout T0·(1 + σc·Z), so P50 and P90 follow the normal quantiles", () => {
  const run = world(["Sales", "Margin"], [0.7, 0.3], LINE, [
    [1000, 5000, 100, 90, 50, 60],
    [2000, 8000, 200, 260, 80, 70],
    [1500, 6000, 100, 100, 40, 55],
  ]);
  const model = buildRiskModel(run);
  const n = 40_000;
  const sc = 0.15;
  const { scenarios } = simulateCostAtRiskSync(
    model,
    settings({ trials: n, seed: 5, commonVolatility: sc, individualVolatility: 0 })
  );
  const s = scenarios[0];
  const t0 = s.deterministicTotalPayout;
  expect(t0).toBeCloseTo(
    1000 * (0.7 * 0.9 + 0.3 * 1.2) + 2000 * (0.7 * 1.3 + 0.3 * 0.875) + 1500 * (0.7 + 0.3 * 1.375),
    9
  );
  // The sample quantile's standard error: √(p(1−p)/n) / φ(z_p), times T0·σc.
  const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const se = (p: number, z: number) => (Math.sqrt((p * (1 - p)) / n) / phi(z)) * t0 * sc;
  expect(Math.abs(s.totalPayout.p50 - t0)).toBeLessThan(4 * se(0.5, 0));
  expect(Math.abs(s.totalPayout.p90 - t0 * (1 + sc * 1.2815515655446004))).toBeLessThan(
    4 * se(0.9, 1.2815515655446004)
  );
  expect(Math.abs(s.totalPayout.p10 - t0 * (1 - sc * 1.2815515655446004))).toBeLessThan(
    4 * se(0.1, -1.2815515655446004)
  );
  expect(Math.abs(s.totalPayout.mean - t0)).toBeLessThan((4 * t0 * sc) / Math.sqrt(n));
  // Revenue moves with the same common shock: incentive cost of sales stays T0 / R in every trial.
  expect(s.incentiveCostOfSales!.p50).toBeCloseTo(t0 / 19000, 12);
  expect(s.incentiveCostOfSales!.p90).toBeCloseTo(t0 / 19000, 12);
});

/** One metric on a 50%–150% ramp (pays 0 to 2× target) and two reps: world's first four arguments. */
const TWO_REPS_ON_A_RAMP: [string[], number[], SheetValue[][], number[][]] = [
  ["Sales"],
  [1],
  [
    [0.5, 0, null, null],
    [1, 1, null, null],
    [1.5, 2, null, null],
  ],
  [
    [100, 1000, 100, 95],
    [200, 1000, 100, 130],
  ],
];

test("determinism: the same seed repeats every bit; another seed draws differently", () => {
  const run = world(...TWO_REPS_ON_A_RAMP);
  const model = buildRiskModel(run);
  const a = simulateCostAtRiskSync(model, settings({ trials: 500, seed: 9 }));
  const b = simulateCostAtRiskSync(model, settings({ trials: 500, seed: 9 }));
  const c = simulateCostAtRiskSync(model, settings({ trials: 500, seed: 10 }));
  expect(
    Buffer.from(a.scenarios[0].totals.buffer).equals(Buffer.from(b.scenarios[0].totals.buffer))
  ).toBe(true);
  expect(a.scenarios[0].totalPayout).toEqual(b.scenarios[0].totalPayout);
  expect(Array.from(a.scenarios[0].totals)).not.toEqual(Array.from(c.scenarios[0].totals));
});

test("every scenario sees the same draws: a scenario that only scales target incentive scales every trial", () => {
  const run = world(...TWO_REPS_ON_A_RAMP, [["TI x2", "scale-ti", null, null, null, 2, null]]);
  const { scenarios } = simulateCostAtRiskSync(buildRiskModel(run), settings({ trials: 300 }));
  scenarios[0].totals.forEach((v, t) => expect(scenarios[1].totals[t]).toBeCloseTo(2 * v, 9));
});

test("budget: the probability of overspend is the share of trials above it; null without one", () => {
  const run = world(["Sales"], [1], LINE, [[100, 1000, 100, 100]]);
  const model = buildRiskModel(run);
  const withBudget = simulateCostAtRiskSync(model, settings({ trials: 1000, budget: 110 }))
    .scenarios[0];
  const over = Array.from(withBudget.totals).filter((v) => v > 110).length;
  expect(withBudget.probabilityOverBudget).toBe(over / 1000);
  expect(over).toBeGreaterThan(0);
  expect(
    simulateCostAtRiskSync(model, settings({ trials: 1000 })).scenarios[0].probabilityOverBudget
  ).toBeNull();
});

test("streamed in blocks with progress: the same result as in one go; cancel gives null", async () => {
  const run = world(
    ["Sales"],
    [1],
    LINE,
    [
      [100, 1000, 100, 100],
      [100, 1000, 100, 80],
    ],
    [["TI up", "scale-ti", null, null, null, 1.1, null]]
  );
  const model = buildRiskModel(run);
  const s = settings({ trials: 1000, seed: 4 });
  const progress: [number, number][] = [];
  let yields = 0;
  const streamed = await simulateCostAtRisk(model, s, {
    blockTrials: 64,
    onProgress: (done, total) => progress.push([done, total]),
    yieldControl: async () => {
      yields++;
    },
  });
  const whole = simulateCostAtRiskSync(model, s);
  expect(streamed!.scenarios.map((x) => x.totalPayout)).toEqual(
    whole.scenarios.map((x) => x.totalPayout)
  );
  expect(progress[progress.length - 1]).toEqual([2000, 2000]);
  expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
  expect(yields).toBe(progress.length);
  let calls = 0;
  const cancelled = await simulateCostAtRisk(model, s, {
    blockTrials: 64,
    isCancelled: () => ++calls > 3,
  });
  expect(cancelled).toBeNull();
});

test("the histogram's bins are shared by every scenario and each scenario's shares sum to 1", () => {
  const h = payoutHistogram([Float64Array.of(10, 20, 30, 40), Float64Array.of(35, 36)], 4);
  expect(h.bins[0].from).toBeLessThanOrEqual(10);
  expect(h.bins[h.bins.length - 1].to).toBeGreaterThan(40);
  for (const row of h.shares) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  const width = h.bins[0].to - h.bins[0].from;
  expect([1, 2, 2.5, 5, 10, 20, 25, 50]).toContain(width);
});

test("a year with no simulated revenue has no incentive cost of sales: a percentile falling on such years is null", () => {
  // σc = 1, σi = 0: the common factor max(0, 1 + Z) is 0 in about 16% of years; otherwise payout
  // and revenue move together and the ratio is TI × a0 ÷ Revenue = 100 / 1000.
  const run = world(["Sales"], [1], LINE, [[100, 1000, 100, 100]]);
  const s = simulateCostAtRiskSync(
    buildRiskModel(run),
    settings({ trials: 2000, commonVolatility: 1, individualVolatility: 0 })
  ).scenarios[0];
  expect(s.incentiveCostOfSales!.p50).toBeCloseTo(0.1, 12);
  expect(s.incentiveCostOfSales!.p90).toBeNull();
});

describe("the trial loop's segment tables (speed) keep curveRate's bits", () => {
  test("segmentedRate equals curveRate bit for bit on every kind of curve, at any attainment (NaN: flatRate's)", () => {
    fc.assert(
      fc.property(
        fc.array(curveArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.double({ min: -2, max: 8, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (curves, as) => {
          const flat = flattenCurves(curves);
          curves.forEach((curve, k) => {
            const edges = [Infinity, -Infinity, 0, -0, ...curve.points];
            for (const a of [...as, ...edges])
              expect(Object.is(segmentedRate(flat, k, a), curveRate(curve, a))).toBe(true);
            // No attainment (NaN) as the trial loop always treated it: flatRate's answer.
            expect(Object.is(segmentedRate(flat, k, NaN), flatRate(flat, k, NaN))).toBe(true);
          });
        }
      )
    );
  });

  test("LINEAR + CAP and STEP use the tables; EXTEND (its own formula past the last point) does not", () => {
    const flat = flattenCurves([
      makeCurve([0.5, 1, 1.5], [0, 1, 2], "LINEAR", "CAP"),
      makeCurve([0.5, 1], [0.2, 1], "STEP", "EXTEND"),
      makeCurve([0.5, 1], [0, 1], "LINEAR", "EXTEND"),
    ]);
    expect(Array.from(flat.segmented)).toEqual([1, 1, 0]);
    // Curve 0: below 0.5 → 0; 0.75 → 0.5; 1.25 → 1.5; from 1.5 on → 2.
    expect([0.2, 0.75, 1.25, 1.5, 9].map((a) => segmentedRate(flat, 0, a))).toEqual([
      0, 0.5, 1.5, 2, 2,
    ]);
  });

  /** The trial loop as first written (draw order of the docs, flatRate per slot). */
  function referenceTotals(model: RiskModel, s: RiskSettings, scenario = 0): Float64Array {
    const rng = new Xoshiro128(s.seed);
    const su = s.individualVolatility * Math.sqrt(s.metricCorrelation);
    const sv = s.individualVolatility * Math.sqrt(1 - s.metricCorrelation);
    const { attainment, weightedTi, curve } = model.scenarios[scenario];
    const totals = new Float64Array(s.trials);
    for (let t = 0; t < s.trials; t++) {
      const common = 1 + s.commonVolatility * normalFromUint32(rng.nextUint32());
      let total = 0;
      for (let r = 0; r < model.reps; r++) {
        const base = common + su * normalFromUint32(rng.nextUint32());
        let repTotal = 0;
        for (let k = model.slotStart[r]; k < model.slotStart[r + 1]; k++) {
          const v = normalFromUint32(rng.nextUint32());
          if (weightedTi[k] === 0) continue;
          const shock = base + sv * v;
          repTotal +=
            weightedTi[k] *
            flatRate(model.curves, curve[k], attainment[k] * (shock > 0 ? shock : 0));
        }
        total += repTotal;
      }
      totals[t] = total;
    }
    return totals;
  }

  test.each([
    ["LINEAR with a threshold and a cap", [0.5, 0, "LINEAR", "CAP"], [1, 1], [1.5, 2]],
    ["LINEAR extended past its last point", [0.5, 0, "LINEAR", "EXTEND"], [1, 1], [1.5, 2.5]],
    ["STEP", [0.5, 0.25, "STEP", "CAP"], [1, 1], [1.5, 2]],
  ])("every trial total is the first-written loop's, bit for bit: %s", (_label, ...curveRows) => {
    const run = world(["A", "B"], [0.6, 0.4], curveRows as SheetValue[][], [
      [1000, 5000, 100, 40, 80, 85],
      [2000, 8000, 200, 210, 50, 90],
      [1500, 6000, 100, 100, 40, 55],
      [800, 3000, 100, 150, 100, 0],
    ]);
    const model = buildRiskModel(run);
    const s = settings({ trials: 2_000, seed: 9, commonVolatility: 0.15 });
    const { totals } = simulateCostAtRiskSync(model, s).scenarios[0];
    const want = referenceTotals(model, s);
    expect(totals.length).toBe(want.length);
    let same = 0;
    for (let t = 0; t < want.length; t++) if (Object.is(totals[t], want[t])) same++;
    expect(same).toBe(want.length);
  });
});
