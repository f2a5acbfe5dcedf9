/**
 * The scenario engine on a world small enough to compute by hand: every change type and every
 * figure, the percentile and Gini conventions, data issues and invalid scenarios.
 *
 * Plan AE: Cloud 50% and Core 50%, both on curve Lin (0,0) (1,1) (2,2), LINEAR, CAP.
 *   rep  TI   Cloud a       Core a        payout                       WA    segment terr.
 *   r1   100  120/100=1.2   60/100=0.6    100(0.5·1.2+0.5·0.6) = 90     0.9   Ent     W
 *   r2   200  50/100=0.5    300/200=1.5   200(0.25+0.75)       = 200    1.0   Ent     E
 *   r3   100  150/100=1.5   100/100=1     100(0.75+0.5)        = 125    1.25  SMB     W
 *   r4   data issue (Core Quota "n/a"); r5 data issue (plan "Overlay" not in Matrix).
 * Objectives: Cloud priority 60, Core 40.
 */
import { readPlan } from "../../src/model/readPlan";
import { readReps } from "../../src/model/readReps";
import { readScenarios } from "../../src/model/readScenarios";
import { runScenarios } from "../../src/engine/scenarioRunner";
import type { SheetValue } from "../../src/workbook/port";
import { REPS_HEADER } from "./sixReps";

const objectives: SheetValue[][] = [
  ["Objective", "Priority", "Why"],
  ["Cloud", 60, "growth"],
  ["Core", 40, "cash"],
];
const matrix: SheetValue[][] = [
  ["Plan", "Metric", "Objective", "Behavior", "Weight", "Curve", "Owner", "Why"],
  ["AE", "Cloud", "Cloud", "sell cloud", 0.5, "Lin", "Sales", null],
  ["AE", "Core", "Core", "renew core", 0.5, "Lin", "Finance", null],
];
const curves: SheetValue[][] = [
  ["Curve", "Attainment", "Payout", "Method", "Beyond"],
  ["Lin", 0, 0, null, null],
  ["Lin", 1, 1, null, null],
  ["Lin", 2, 2, null, null],
  ["Step", 0.5, 0.5, "STEP", null],
  ["Step", 1, 1, null, null],
];
const repsSheet: SheetValue[][] = [
  REPS_HEADER,
  ["r1", "AE", "Ent", "W", 100, 50, 1000, 300, 100, 120, 100, 60],
  ["r2", "AE", "Ent", "E", 200, 50, 2000, 600, 100, 50, 200, 300],
  ["r3", "AE", "SMB", "W", 100, 50, 1000, 400, 100, 150, 100, 100],
  ["r4", "AE", "SMB", "E", 100, 50, 1000, 400, 100, 100, "n/a", 100],
  ["r5", "Overlay", "SMB", "E", 100, 50, 1000, 400, 100, 100, 100, 100],
];

function run(scenarioRows: SheetValue[][], reps: SheetValue[][] = repsSheet) {
  const { design } = readPlan({
    objectives: { name: "Objectives", values: objectives },
    matrix: { name: "Matrix", values: matrix },
    curves: { name: "Curves", values: curves },
    reps: { name: "Reps", values: reps },
  });
  const table = readReps({ name: "Reps", values: reps }, ["Cloud", "Core"]);
  const { scenarios } = readScenarios({
    name: "Scenarios",
    values: [["Scenario", "Change", "Plan", "Metric", "To", "Value", "Segment"], ...scenarioRows],
  });
  return runScenarios(design, table, scenarios);
}

const total = (rows: SheetValue[][]) => {
  const result = run(rows);
  expect(result.invalidScenarios).toEqual([]);
  return result.scenarios[1].figures.totalPayout;
};

describe("Baseline figures", () => {
  const result = run([]);
  const base = result.scenarios[0];
  const f = base.figures;

  test("Baseline is implicit and first", () =>
    expect(result.scenarios.map((s) => s.name)).toEqual(["Baseline"]));
  test("rep payouts and weighted attainment", () => {
    expect(Array.from(base.reps.payout).slice(0, 3)).toEqual([
      expect.closeTo(90, 9),
      expect.closeTo(200, 9),
      expect.closeTo(125, 9),
    ]);
    expect(Array.from(base.reps.weightedAttainment).slice(0, 3)).toEqual([
      expect.closeTo(0.9, 12),
      expect.closeTo(1, 12),
      expect.closeTo(1.25, 12),
    ]);
    expect(Number.isNaN(base.reps.payout[3])).toBe(true);
  });
  test("totals and ratios", () => {
    expect(f.totalPayout).toBeCloseTo(415, 9);
    expect(f.totalTargetIncentive).toBe(400);
    expect(f.payoutToTarget).toBeCloseTo(415 / 400, 12);
    expect(f.incentiveCostOfSales).toBeCloseTo(415 / 4000, 12);
    expect(f.costOfSales).toBeCloseTo((150 + 415) / 4000, 12);
    expect(f.shareAtOrAboveWeightedTarget).toBeCloseTo(2 / 3, 12);
    expect(f.deltaVsBaseline).toBe(0);
  });
  test("payout % of target percentiles follow PERCENTILE.INC", () => {
    // Sorted 0.9, 1.0, 1.25: p10 at rank 0.2 → 0.9 + 0.2×0.1; p50 at rank 1 → 1.0; p90 at rank 1.8 → 1.0 + 0.8×0.25.
    expect(f.payoutPctOfTarget!.p10).toBeCloseTo(0.92, 12);
    expect(f.payoutPctOfTarget!.p50).toBeCloseTo(1.0, 12);
    expect(f.payoutPctOfTarget!.p90).toBeCloseTo(1.2, 12);
  });
  test("Gini of 90, 200, 125: Σ|xi−xj| = 2×(35+110+75) = 440 over 2·n²·mean = 2·9·(415/3)", () => {
    expect(f.gini).toBeCloseTo(440 / (2 * 9 * (415 / 3)), 12);
  });
  test("payout by objective, plan, segment, territory", () => {
    // Cloud: 100·0.5·1.2 + 200·0.5·0.5 + 100·0.5·1.5 = 60 + 50 + 75; Core: 30 + 150 + 50.
    expect(f.payoutByObjective).toEqual({
      Cloud: expect.closeTo(185, 9),
      Core: expect.closeTo(230, 9),
    });
    expect(f.payoutByPlan).toEqual({ AE: expect.closeTo(415, 9) });
    expect(f.payoutBySegment).toEqual({ Ent: expect.closeTo(290, 9), SMB: expect.closeTo(125, 9) });
    expect(f.payoutByTerritory).toEqual({ W: expect.closeTo(215, 9), E: expect.closeTo(200, 9) });
  });
  test("realized alignment index on paid dollars", () => {
    expect(f.realizedAlignmentIndex).toBeCloseTo(
      Math.min(0.6, 185 / 415) + Math.min(0.4, 230 / 415),
      12
    );
  });
  test("Spearman of payout % of target (0.9, 1.0, 1.25) with gross margin % (0.3, 0.3, 0.4)", () => {
    // Ranks 1, 2, 3 against 1.5, 1.5, 3: Pearson of the ranks = 1.5 / √(2 × 1.5).
    expect(f.spearmanPayoutPctOfTargetVsGrossMarginPct).toBeCloseTo(1.5 / Math.sqrt(2 * 1.5), 12);
    expect(f.incentiveCostPerGrossMarginDollar).toBeCloseTo(415 / 1300, 12);
  });
  test("data issues are listed with row and reason and left out, never counted as zero", () => {
    expect(result.dataIssues).toEqual([
      {
        rep: "r4",
        row: 5,
        message: 'Core Quota is text "n/a" (must be a number above 0)',
        cell: "Reps!K5",
        cells: ["Reps!K5"],
      },
      {
        rep: "r5",
        row: 6,
        message: 'plan "Overlay" is not in Matrix',
        cell: "Reps!B6",
        cells: ["Reps!B6"],
      },
    ]);
  });
});

describe("every change type, by hand", () => {
  test("shift-weight: 20% from Cloud to Core → weights 30/70", () => {
    // r1 100(0.3·1.2+0.7·0.6)=78; r2 200(0.3·0.5+0.7·1.5)=240; r3 100(0.3·1.5+0.7·1)=115.
    const result = run([["Shift", "shift-weight", "AE", "Cloud", "Core", 0.2, null]]);
    expect(result.scenarios[1].figures.totalPayout).toBeCloseTo(433, 9);
    expect(result.scenarios[1].figures.deltaVsBaseline).toBeCloseTo(18, 9);
  });
  test("set-weight: Cloud 80%, the rest scales to 20%", () => {
    // r1 100(0.8·1.2+0.2·0.6)=108; r2 200(0.8·0.5+0.2·1.5)=140; r3 100(0.8·1.5+0.2·1)=140.
    expect(total([["Cloud heavy", "set-weight", "AE", "Cloud", null, 0.8, null]])).toBeCloseTo(
      388,
      9
    );
  });
  test("set-weight limited to a segment changes only that segment's reps", () => {
    // Only r3 (SMB): Cloud 100%: 100·1.5 = 150 → 90 + 200 + 150.
    expect(total([["SMB cloud", "set-weight", "AE", "Cloud", null, 1, "SMB"]])).toBeCloseTo(440, 9);
  });
  test("set-curve: Core on the STEP curve", () => {
    // Step: 0.6 → 0.5, 1.5 → 1, 1 → 1. r1 100(0.6+0.25)=85; r2 200(0.25+0.5)=150; r3 100(0.75+0.5)=125.
    expect(total([["Step core", "set-curve", "AE", "Core", "Step", null, null]])).toBeCloseTo(
      360,
      9
    );
  });
  test("scale-ti: SMB target incentive ×2", () => {
    const result = run([["SMB TI", "scale-ti", null, null, null, 2, "SMB"]]);
    expect(result.scenarios[1].figures.totalPayout).toBeCloseTo(90 + 200 + 250, 9);
    expect(result.scenarios[1].figures.totalTargetIncentive).toBe(500);
  });
  test("scale-quota: Cloud quota ×2 halves Cloud attainment", () => {
    // r1 100(0.5·0.6+0.3)=60; r2 200(0.5·0.25+0.75)=175; r3 100(0.5·0.75+0.5)=87.5.
    expect(total([["Hard cloud", "scale-quota", null, "Cloud", null, 2, null]])).toBeCloseTo(
      322.5,
      9
    );
  });
  test("scale-actual with blank Metric scales every metric; the curve caps at 2", () => {
    // r1 1.8, 0.9 → 100(0.9+0.45)=135; r2 0.75, 2.25→2 → 200(0.375+1)=275; r3 2.25→2, 1.5 → 100(1+0.75)=175.
    expect(total([["Boom", "scale-actual", null, null, null, 1.5, null]])).toBeCloseTo(585, 9);
  });
  test("changes of one scenario apply in sheet order", () => {
    // Shift 0.2 then set Cloud to 0.5 again: back to baseline weights.
    expect(
      total([
        ["Round trip", "shift-weight", "AE", "Cloud", "Core", 0.2, null],
        ["Round trip", "set-weight", "AE", "Cloud", null, 0.5, null],
      ])
    ).toBeCloseTo(415, 9);
  });
});

describe("invalid scenarios are reported and skipped; the others still run", () => {
  test.each([
    [
      ["Too much", "shift-weight", "AE", "Cloud", "Core", 0.6, null],
      /cannot move 60% from Cloud, which has 50%/,
    ],
    [["No plan", "scale-ti", "SE", null, null, 1.1, null], /plan "SE" is not in Matrix/],
    [
      ["No metric", "set-weight", "AE", "Logos", null, 0.3, null],
      /metric "Logos" is not a component of plan AE/,
    ],
    [
      ["No curve", "set-curve", "AE", "Core", "Premium", null, null],
      /curve "Premium" is not defined in Curves/,
    ],
    [["Bad value", "scale-ti", null, null, null, "10%", null], /Value must be a number/],
    [
      ["Bad change", "double-it", null, null, null, 2, null],
      /Change "double-it" is not one of shift-weight, set-weight/,
    ],
    [["Zero quota", "scale-quota", null, "Cloud", null, 0, null], /Value 0 must be greater than 0/],
    [
      ["Baseline", "scale-ti", null, null, null, 2, null],
      /"Baseline" is the implicit first scenario/,
    ],
  ] as [SheetValue[], RegExp][])("%s", (row, reason) => {
    const result = run([row, ["Fine", "scale-ti", null, null, null, 1, null]]);
    expect(result.invalidScenarios).toEqual([
      { name: row[0], reason: expect.stringMatching(reason), cell: "Scenarios!A2" },
    ]);
    expect(result.scenarios.map((s) => s.name)).toEqual(["Baseline", "Fine"]);
  });
});

test("a figure that needs a missing column is null", () => {
  const reps = repsSheet.map((row) => row.filter((_, i) => ![2, 3, 5, 6, 7].includes(i)));
  const f = run([], reps).scenarios[0].figures;
  expect(f.incentiveCostOfSales).toBeNull();
  expect(f.costOfSales).toBeNull();
  expect(f.payoutBySegment).toBeNull();
  expect(f.payoutByTerritory).toBeNull();
  expect(f.spearmanPayoutPctOfTargetVsGrossMarginPct).toBeNull();
  expect(f.incentiveCostPerGrossMarginDollar).toBeNull();
  expect(f.profitabilityBySegment).toBeNull();
  expect(f.totalPayout).toBeCloseTo(415, 9);
});

test("a metric given weight in a scenario makes reps without its data issues in every scenario", () => {
  const reps = repsSheet.map((row, i) =>
    i === 1 ? [...row.slice(0, 8), null, null, ...row.slice(10)] : row
  );
  // r1 lacks Cloud data; Cloud has weight in the Baseline already.
  const result = run([], reps);
  expect(result.dataIssues[0]).toEqual({
    rep: "r1",
    row: 2,
    message: "Cloud Quota is blank (must be a number above 0); Cloud Actual is blank",
    cell: "Reps!I2",
    cells: ["Reps!I2", "Reps!J2"],
  });
  expect(result.scenarios[0].figures.totalPayout).toBeCloseTo(325, 9);
});
