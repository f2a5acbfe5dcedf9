/**
 * Scenarios that tell the truth, on the 6-rep world of ./sixReps.ts (every value by hand):
 * the actuals assumption, revenue flowing from scale-actual on a metric marked Revenue.
 */
import { loadScenarioRun } from "../../src/actions";
import { computeScenario, type ScenarioResult, type ScenarioRun } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { SIX, sixSheets } from "./sixReps";

async function runOf(rows: SheetValue[][] = [], matrix = SIX.matrix): Promise<ScenarioRun> {
  const prepared = await loadScenarioRun(MemoryWorkbook.fromSheets(sixSheets(rows, matrix)));
  const scenarios: ScenarioResult[] = [];
  for (const model of prepared.models)
    scenarios.push(computeScenario(prepared, model, scenarios[0]?.figures.totalPayout ?? null));
  return { ...prepared, scenarios };
}

const CLOUD_UP = [["Cloud +50%", "scale-actual", null, "Cloud", null, 1.5, null]];

describe("Baseline on six reps", () => {
  test("payouts, totals and incentive cost of sales by hand", async () => {
    const run = await runOf();
    expect(run.dataIssues).toEqual([]);
    const base = run.scenarios[0];
    expect(Array.from(base.reps.payout)).toEqual([90, 250, 125, 92, 49, 168].map((v) => expect.closeTo(v, 9)));
    expect(base.figures.totalPayout).toBeCloseTo(774, 9);
    expect(base.figures.incentiveCostOfSales).toBeCloseTo(774 / 1490, 12);
  });
});

describe("revenue flows from scale-actual on a metric marked Revenue", () => {
  test("Cloud actuals +50%: Revenue moves by the same dollars, Gross Margin at each rep's margin rate", async () => {
    const run = await runOf(CLOUD_UP);
    const s = run.scenarios[1];
    // Δ = 0.5 × Cloud Actual: 60, 25, 75, 100, 45, 50 (Σ 355).
    expect(Array.from(s.reps.revenue!)).toEqual([240, 375, 325, 380, 245, 280].map((v) => expect.closeTo(v, 9)));
    // Δ GM = Δ × GM ÷ Revenue: 60×.7, 25×.8, 75×.6, 100×.75, 45×.5, 50×.9 (Σ 249.5).
    expect(Array.from(s.reps.grossMargin!)).toEqual([168, 300, 195, 285, 122.5, 252].map((v) => expect.closeTo(v, 9)));
    // Payouts at the new cloud attainments (r3 capped at 2): 120, 275, 150, 122, 62.5, 213.
    expect(s.figures.totalPayout).toBeCloseTo(942.5, 9);
    expect(s.figures.incentiveCostOfSales).toBeCloseTo(942.5 / 1845, 12);
    expect(s.figures.costOfSales).toBeCloseTo((300 + 942.5) / 1845, 12);
    // Baseline is untouched.
    expect(Array.from(run.scenarios[0].reps.revenue!)).toEqual([180, 350, 250, 280, 200, 230]);
  });

  test("a metric not marked Revenue moves payouts but not Revenue or Gross Margin", async () => {
    const matrix = SIX.matrix.map((r, i) => (i === 0 ? r.slice(0, 8) : r.slice(0, 8)));
    const run = await runOf(CLOUD_UP, matrix);
    const s = run.scenarios[1];
    expect(s.figures.totalPayout).toBeCloseTo(942.5, 9);
    expect(Array.from(s.reps.revenue!)).toEqual([180, 350, 250, 280, 200, 230]);
    expect(s.figures.incentiveCostOfSales).toBeCloseTo(942.5 / 1490, 12);
  });

  test("scale-actual limited to a segment moves only that segment's reps", async () => {
    const run = await runOf([["SMB cloud +50%", "scale-actual", null, "Cloud", null, 1.5, "SMB"]]);
    expect(Array.from(run.scenarios[1].reps.revenue!)).toEqual([180, 350, 325, 380, 200, 280]);
  });

  test("a rep with Revenue 0 whose revenue would move is a data issue (no margin rate), never a silent zero", async () => {
    const reps = SIX.reps.map((r) => [...r]);
    reps[1][6] = 0;
    const book = MemoryWorkbook.fromSheets(sixSheets(CLOUD_UP).map((s) => (s.name === "Reps" ? { ...s, values: reps } : s)));
    const run = await loadScenarioRun(book);
    expect(run.dataIssues).toEqual([
      { rep: "r1", row: 2, message: "Revenue is 0, so Gross Margin cannot follow a scenario's scale-actual on a revenue metric (no margin rate)" },
    ]);
  });

  test("a Revenue mark other than yes/no is an error at its cell, and blocks the run", async () => {
    const matrix = SIX.matrix.map((r) => [...r]);
    matrix[2][8] = "maybe";
    await expect(loadScenarioRun(MemoryWorkbook.fromSheets(sixSheets([], matrix)))).rejects.toMatchObject({
      kind: "plan-has-errors",
      findings: [expect.objectContaining({ rule: "invalid-value", cell: "Matrix!I3", message: "Matrix row 3: Revenue must be yes or no (is Core's Actual revenue?), not text \"maybe\"." })],
    });
  });
});
