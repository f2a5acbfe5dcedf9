/**
 * Scenarios that tell the truth, on the 6-rep world of ./sixReps.ts (every value by hand):
 * the actuals assumption, revenue flowing from scale-actual on a metric marked Revenue.
 */
import { loadScenarioRun } from "../../src/actions";
import {
  computeScenario,
  type ScenarioResult,
  type ScenarioRun,
} from "../../src/engine/scenarioRunner";
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
    expect(Array.from(base.reps.payout)).toEqual(
      [90, 250, 125, 92, 49, 168].map((v) => expect.closeTo(v, 9))
    );
    expect(base.figures.totalPayout).toBeCloseTo(774, 9);
    expect(base.figures.incentiveCostOfSales).toBeCloseTo(774 / 1490, 12);
  });
});

describe("revenue flows from scale-actual on a metric marked Revenue", () => {
  test("Cloud actuals +50%: Revenue moves by the same dollars, Gross Margin at each rep's margin rate", async () => {
    const run = await runOf(CLOUD_UP);
    const s = run.scenarios[1];
    // Δ = 0.5 × Cloud Actual: 60, 25, 75, 100, 45, 50 (Σ 355).
    expect(Array.from(s.reps.revenue!)).toEqual(
      [240, 375, 325, 380, 245, 280].map((v) => expect.closeTo(v, 9))
    );
    // Δ GM = Δ × GM ÷ Revenue: 60×.7, 25×.8, 75×.6, 100×.75, 45×.5, 50×.9 (Σ 249.5).
    expect(Array.from(s.reps.grossMargin!)).toEqual(
      [168, 300, 195, 285, 122.5, 252].map((v) => expect.closeTo(v, 9))
    );
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
    const book = MemoryWorkbook.fromSheets(
      sixSheets(CLOUD_UP).map((s) => (s.name === "Reps" ? { ...s, values: reps } : s))
    );
    const run = await loadScenarioRun(book);
    expect(run.dataIssues).toEqual([
      {
        rep: "r1",
        row: 2,
        message:
          "Revenue is 0, so Gross Margin cannot follow a scenario's scale-actual on a revenue metric (no margin rate)",
        cell: "Reps!G2",
        cells: ["Reps!G2"],
      },
    ]);
  });

  test("a Revenue mark other than yes/no is an error at its cell, and blocks the run", async () => {
    const matrix = SIX.matrix.map((r) => [...r]);
    matrix[2][8] = "maybe";
    await expect(
      loadScenarioRun(MemoryWorkbook.fromSheets(sixSheets([], matrix)))
    ).rejects.toMatchObject({
      kind: "plan-has-errors",
      findings: [
        expect.objectContaining({
          rule: "invalid-value",
          cell: "Matrix!I3",
          message:
            'Matrix row 3: Revenue must be yes or no (is Core\'s Actual revenue?), not text "maybe".',
        }),
      ],
    });
  });
});

/** Spearman by hand: Pearson of the average ranks. */
function rankPearson(x: number[], y: number[]) {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0);
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const syy = y.reduce((s, v) => s + (v - my) ** 2, 0);
  return sxy / Math.sqrt(sxx * syy);
}

describe("profitability figures a CFO uses (Baseline, six reps)", () => {
  test("overall: incentive cost per gross-margin dollar, of sales, and Spearman of payout % of target with margin %", async () => {
    const f = (await runOf()).scenarios[0].figures;
    expect(f.incentiveCostPerGrossMarginDollar).toBeCloseTo(774 / 1073, 12);
    expect(f.incentiveCostOfSales).toBeCloseTo(774 / 1490, 12);
    // Payout % of target .9, 1.25, 1.25, .92, .98, 1.12 → ranks 1, 5.5, 5.5, 2, 3, 4;
    // margin % .7, .8, .6, .75, .5, .9 → ranks 3, 5, 2, 4, 1, 6. ρ = 3 / √(17 × 17.5).
    expect(rankPearson([1, 5.5, 5.5, 2, 3, 4], [3, 5, 2, 4, 1, 6])).toBeCloseTo(
      3 / Math.sqrt(17 * 17.5),
      12
    );
    expect(f.spearmanPayoutPctOfTargetVsGrossMarginPct).toBeCloseTo(3 / Math.sqrt(17 * 17.5), 12);
  });

  test("by plan, segment and territory", async () => {
    const f = (await runOf()).scenarios[0].figures;
    /** A group's figures from its reps, payout, revenue, gross margin and rank correlation. */
    const group = (reps: number, payout: number, revenue: number, gm: number, rho: number) => ({
      reps,
      payout: expect.closeTo(payout, 9),
      revenue,
      grossMargin: gm,
      incentiveCostOfSales: expect.closeTo(payout / revenue, 12),
      incentiveCostPerGrossMarginDollar: expect.closeTo(payout / gm, 12),
      spearmanPayoutPctOfTargetVsGrossMarginPct: expect.closeTo(rho, 12),
    });
    expect(f.profitabilityByPlan).toEqual({
      // AE: payout 90+250+125, revenue 180+350+250, GM 126+280+150; ranks (1, 2.5, 2.5) vs (2, 3, 1) → 0.
      AE: group(3, 465, 780, 556, 0),
      // SE: payout 92+49+168, revenue 280+200+230, GM 210+100+207; ranks (1, 2, 3) vs (2, 1, 3) → 0.5.
      SE: group(3, 309, 710, 517, 0.5),
    });
    // Ent: r1, r2, r5 (payout 389, GM 506); SMB: r3, r4, r6 (385, 567).
    expect(f.profitabilityBySegment!.Ent.incentiveCostPerGrossMarginDollar).toBeCloseTo(
      389 / 506,
      12
    );
    expect(f.profitabilityBySegment!.SMB.incentiveCostPerGrossMarginDollar).toBeCloseTo(
      385 / 567,
      12
    );
    // W: r1, r3, r5 (payout 264, revenue 630); E: r2, r4, r6 (510, 860).
    expect(f.profitabilityByTerritory!.W.incentiveCostOfSales).toBeCloseTo(264 / 630, 12);
    expect(f.profitabilityByTerritory!.E.incentiveCostOfSales).toBeCloseTo(510 / 860, 12);
    // Ent: payout % (.9, 1.25, .98) ranks (1, 3, 2); margin % (.7, .8, .5) ranks (2, 3, 1) → 0.5.
    expect(f.profitabilityBySegment!.Ent.spearmanPayoutPctOfTargetVsGrossMarginPct).toBeCloseTo(
      0.5,
      12
    );
  });

  test("a flowed scenario's profitability uses the moved Revenue and Gross Margin", async () => {
    const f = (await runOf(CLOUD_UP)).scenarios[1].figures;
    expect(f.incentiveCostPerGrossMarginDollar).toBeCloseTo(942.5 / 1322.5, 12);
    // AE: payout 120+275+150, GM 168+300+195.
    expect(f.profitabilityByPlan.AE.incentiveCostPerGrossMarginDollar).toBeCloseTo(545 / 663, 12);
  });
});

describe("attainment, named honestly", () => {
  test("reps at ≥ 100% weighted attainment: WA .9, 1.0, 1.25, .92, .98, 1.12 → 3 of 6", async () => {
    const f = (await runOf()).scenarios[0].figures;
    expect(f.shareAtOrAboveWeightedTarget).toBeCloseTo(0.5, 12);
    expect(f).not.toHaveProperty("shareAtOrAboveQuota");
  });

  test("per-metric quota attainment: share at ≥ 100% and median, overall and by plan, segment, territory", async () => {
    const { attainmentByMetric: a } = (await runOf()).scenarios[0].figures;
    // Cloud: 1.2, .5, 1.5, 1, .9, 1 → 4 of 6 at quota, median (1 + 1) / 2.
    expect(a.Cloud.overall).toEqual({ reps: 6, shareAtOrAboveQuota: 4 / 6, medianAttainment: 1 });
    // Core: .6, 1.5, 1, .8, 1.1, 1.3 → 4 of 6, median (1 + 1.1) / 2.
    expect(a.Core.overall).toEqual({
      reps: 6,
      shareAtOrAboveQuota: 4 / 6,
      medianAttainment: expect.closeTo(1.05, 12),
    });
    expect(a.Cloud.byPlan).toEqual({
      AE: { reps: 3, shareAtOrAboveQuota: 2 / 3, medianAttainment: 1.2 },
      SE: { reps: 3, shareAtOrAboveQuota: 2 / 3, medianAttainment: 1 },
    });
    expect(a.Core.byPlan.SE).toEqual({
      reps: 3,
      shareAtOrAboveQuota: 2 / 3,
      medianAttainment: 1.1,
    });
    // Ent: r1, r2, r5 → Core .6, 1.5, 1.1; SMB: r3, r4, r6 → Cloud 1.5, 1, 1.
    expect(a.Core.bySegment!.Ent).toEqual({
      reps: 3,
      shareAtOrAboveQuota: 2 / 3,
      medianAttainment: 1.1,
    });
    expect(a.Cloud.bySegment!.SMB).toEqual({
      reps: 3,
      shareAtOrAboveQuota: 1,
      medianAttainment: 1,
    });
    // W: r1, r3, r5 → Cloud 1.2, 1.5, .9.
    expect(a.Cloud.byTerritory!.W).toEqual({
      reps: 3,
      shareAtOrAboveQuota: 2 / 3,
      medianAttainment: 1.2,
    });
  });

  test("a weight-only scenario moves weighted attainment but not per-metric quota attainment", async () => {
    const run = await runOf([["Cloud 80% in AE", "set-weight", "AE", "Cloud", null, 0.8, null]]);
    const [base, weights] = run.scenarios.map((s) => s.figures);
    // AE WA at 80/20: r1 .96+.12=1.08, r2 .4+.3=.7, r3 1.2+.2=1.4; SE unchanged (.92, .98, 1.12) → 3 of 6 again.
    expect(weights.shareAtOrAboveWeightedTarget).toBeCloseTo(0.5, 12);
    expect(Array.from(run.scenarios[1].reps.weightedAttainment).slice(0, 3)).toEqual(
      [1.08, 0.7, 1.4].map((v) => expect.closeTo(v, 12))
    );
    expect(weights.attainmentByMetric).toEqual(base.attainmentByMetric);
  });

  test("Quotas +10% lowers per-metric attainment", async () => {
    const run = await runOf([["Quotas +10%", "scale-quota", null, null, null, 1.1, null]]);
    // Cloud ÷ 1.1: 1.09, .45, 1.36, .91, .82, .91 → 2 of 6 at quota, median (.909 + .909) / 2.
    expect(run.scenarios[1].figures.attainmentByMetric.Cloud.overall).toEqual({
      reps: 6,
      shareAtOrAboveQuota: 2 / 6,
      medianAttainment: expect.closeTo(1 / 1.1, 12),
    });
  });
});

describe("the Scenario Comparison tab", () => {
  async function comparison() {
    const { runScenarioAction } = await import("../../src/actions");
    const book = MemoryWorkbook.fromSheets(sixSheets(CLOUD_UP));
    await runScenarioAction(book);
    return (await book.readSheets(["Scenario Comparison"]))[0]!.values;
  }
  const rowAfter = (values: SheetValue[][], title: string, label: string) => {
    const at = values.findIndex((r) => r[0] === title);
    expect(at).toBeGreaterThan(0);
    return values.slice(at).find((r) => r[0] === label)!;
  };

  test("the figure rows say what they measure; the payout–margin correlation is gone", async () => {
    const values = await comparison();
    const labels = values.map((r) => r[0]);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Incentive cost per gross-margin dollar",
        "Spearman: payout % of target vs gross margin %",
        "Reps at ≥ 100% weighted attainment",
      ])
    );
    expect(labels).not.toContain("Payout–margin correlation");
    expect(labels).not.toContain("Reps at or above quota");
    const perGm = values.find((r) => r[0] === "Incentive cost per gross-margin dollar")!;
    expect(perGm[1]).toBeCloseTo(774 / 1073, 12);
    expect(perGm[2]).toBeCloseTo(942.5 / 1322.5, 12);
  });

  test("profitability by plan, segment and territory", async () => {
    const values = await comparison();
    const ae = rowAfter(values, "Incentive cost per gross-margin dollar by plan", "AE");
    expect(ae[1]).toBeCloseTo(465 / 556, 12);
    expect(ae[2]).toBeCloseTo(545 / 663, 12);
    expect(
      rowAfter(values, "Spearman: payout % of target vs gross margin % by plan", "SE")[1]
    ).toBeCloseTo(0.5, 12);
    expect(rowAfter(values, "Incentive cost of sales by territory", "W")[1]).toBeCloseTo(
      264 / 630,
      12
    );
  });

  test("quota attainment by metric: share at ≥ 100% and median per scenario", async () => {
    const values = await comparison();
    const title = values.find(
      (r) => typeof r[0] === "string" && r[0].startsWith("Quota attainment by metric")
    )![0] as string;
    expect(rowAfter(values, title, "Metric")).toEqual([
      "Metric",
      "Reps",
      "Baseline: at ≥ 100% of quota",
      "Baseline: median attainment",
      "Cloud +50%: at ≥ 100% of quota",
      "Cloud +50%: median attainment",
    ]);
    const cloud = rowAfter(values, title, "Cloud: all reps");
    expect(cloud.slice(1, 4)).toEqual([6, 4 / 6, 1]);
    // ×1.5: 1.8, .75, 2.25, 1.5, 1.35, 1.5 → 5 of 6; median (1.5 + 1.5) / 2.
    expect(cloud.slice(4, 6)).toEqual([5 / 6, 1.5]);
    expect(rowAfter(values, title, "Core: plan SE").slice(1, 4)).toEqual([3, 2 / 3, 1.1]);
  });
});
