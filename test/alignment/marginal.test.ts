/**
 * Marginal alignment on the 6-rep world (test/scenarios/sixReps.ts), by hand:
 * AE (median TI of 100, 200, 100 = 100): Cloud 50% on Lin (slope 1), Core 50% on Acc (slope 1
 * below 100%, 2 above); median quotas Cloud 100, Core 100.
 * SE (median TI of 100, 50, 150 = 100): Cloud 60% and Core 40% on Lin; median quotas 100, 100.
 */
import { runAlignmentCheck, writeAlignmentView } from "../../src/actions";
import { checkJson } from "../../src/cli/check";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { SIX, sixSheets } from "../scenarios/sixReps";

const book = (matrix: SheetValue[][] = SIX.matrix) =>
  MemoryWorkbook.fromSheets(sixSheets([], matrix));

test("dollars per point at 100% and cents per quota dollar at target, below and above quota", async () => {
  const { marginal } = await runAlignmentCheck(book());
  const close = (v: number) => expect.closeTo(v, 9);
  expect(marginal.map((m) => [m.plan, m.metric])).toEqual([
    ["AE", "Cloud"],
    ["AE", "Core"],
    ["SE", "Cloud"],
    ["SE", "Core"],
  ]);
  // AE Cloud: 100 × 50% × 1% = $0.50 per point; 100 × 100 × 50% ÷ 100 = 50¢ per quota dollar, × slope 1.
  expect(marginal[0]).toMatchObject({
    sharePerPoint: close(0.005),
    medianTargetIncentive: 100,
    medianQuota: 100,
    dollarsPerPoint: close(0.5),
    centsPerQuotaUnitAtTarget: close(50),
    centsPerQuotaUnitBelow: close(50),
    centsPerQuotaUnitAbove: close(50),
  });
  // AE Core on Acc: slope 2 above quota → $1.00 per point and 100¢ per quota dollar above.
  expect(marginal[1]).toMatchObject({
    sharePerPoint: close(0.01),
    dollarsPerPoint: close(1),
    centsPerQuotaUnitBelow: close(50),
    centsPerQuotaUnitAbove: close(100),
  });
  expect(marginal[2]).toMatchObject({
    dollarsPerPoint: close(0.6),
    centsPerQuotaUnitAtTarget: close(60),
    centsPerQuotaUnitAbove: close(60),
  });
  expect(marginal[3]).toMatchObject({
    dollarsPerPoint: close(0.4),
    centsPerQuotaUnitAtTarget: close(40),
    centsPerQuotaUnitBelow: close(40),
  });
});

describe("marginal-misaligned", () => {
  test("fires on AE: Core pays most per point, but the plan funds Cloud (priority 60)", async () => {
    const { report } = await runAlignmentCheck(book());
    const found = report.findings.filter((f) => f.rule === "marginal-misaligned");
    expect(found).toEqual([
      {
        severity: "warning",
        rule: "marginal-misaligned",
        plan: "AE",
        metric: "Core",
        objective: "Core",
        message:
          'AE: one more point at 100% pays most on Core (1% of target incentive per point), which serves "Core", not the plan\'s top-priority objective "Cloud" (Cloud: 0.5% per point); reps chase what pays at the margin.',
        cell: "Matrix!E3",
      },
    ]);
  });

  test.each([
    [
      "Core on Lin: a tie at 0.5% per point includes Cloud",
      (m: SheetValue[][]) => (m[2][5] = "Lin"),
    ],
    ["Cloud on Acc as well: Cloud leads the tie", (m: SheetValue[][]) => (m[1][5] = "Acc")],
    [
      "Cloud weight 70%: 0.7% per point beats Core's 0.6%",
      (m: SheetValue[][]) => ((m[1][4] = 0.7), (m[2][4] = 0.3)),
    ],
  ])("does not fire when %s", async (_, change) => {
    const matrix = SIX.matrix.map((r) => [...r]);
    change(matrix);
    const { report } = await runAlignmentCheck(book(matrix));
    expect(report.findings.filter((f) => f.rule === "marginal-misaligned")).toEqual([]);
  });

  test("a metric with no weight does not count (tracked, not paid)", async () => {
    const matrix = SIX.matrix.map((r) => [...r]);
    matrix[1][4] = 0;
    matrix[2][4] = 1;
    const { report } = await runAlignmentCheck(book(matrix));
    expect(report.findings.filter((f) => f.rule === "marginal-misaligned")).toEqual([]);
  });
});

test("check --json gains marginal per plan and metric; the Alignment View shows it", async () => {
  const b = book();
  const check = await writeAlignmentView(b);
  const json = checkJson(check);
  expect(json.marginal[1]).toEqual({
    plan: "AE",
    metric: "Core",
    objective: "Core",
    weight: 0.5,
    sharePerPoint: expect.closeTo(0.01, 12),
    medianTargetIncentive: 100,
    medianQuota: 100,
    dollarsPerPoint: expect.closeTo(1, 9),
    centsPerQuotaUnitAtTarget: expect.closeTo(50, 9),
    centsPerQuotaUnitBelow: expect.closeTo(50, 9),
    centsPerQuotaUnitAbove: expect.closeTo(100, 9),
  });
  const [view] = await b.readSheets(["Alignment View"]);
  const header = view!.values.findIndex((r) => r[0] === "Plan" && r[1] === "Metric");
  expect(view!.values[header].slice(0, 9)).toEqual([
    "Plan",
    "Metric",
    "Objective",
    "Weight",
    "% of TI per point",
    "$ per point (median TI)",
    "$ per quota unit at target",
    "$ per quota unit below quota",
    "$ per quota unit above quota",
  ]);
  expect(view!.values[header + 2].slice(0, 2)).toEqual(["AE", "Core"]);
  expect(view!.values[header + 2][5]).toBeCloseTo(1, 9);
  // Per quota unit in money, not cents: 100¢ per quota dollar above quota is $1.000 a unit, 50¢
  // at target $0.500, under the three-decimal money format the pane's figures also use.
  expect(view!.values[header + 2][6]).toBeCloseTo(0.5, 9);
  expect(view!.values[header + 2][8]).toBeCloseTo(1, 9);
  expect(b.snapshot("Alignment View").numberFormats[header + 2][8]).toBe("$#,##0.000");
});

test("without a Reps sheet: the per-point share, no dollar or cent figures", async () => {
  const b = MemoryWorkbook.fromSheets(sixSheets().filter((s) => s.name !== "Reps"));
  const { marginal } = await runAlignmentCheck(b);
  expect(marginal[1]).toMatchObject({
    sharePerPoint: expect.closeTo(0.01, 12),
    dollarsPerPoint: null,
    centsPerQuotaUnitAbove: null,
  });
});

test("a STEP curve: the step's rise over its width below and above quota, no extra pay for one more point", async () => {
  const matrix = SIX.matrix.map((r) => [...r]);
  matrix[4][5] = "Steps";
  const curves = [
    ...SIX.curves,
    ["Steps", 0.5, 0.5, "STEP", "CAP"],
    ["Steps", 1, 1, null, null],
    ["Steps", 1.5, 2, null, null],
  ];
  const b = MemoryWorkbook.fromSheets(
    sixSheets([], matrix).map((s) => (s.name === "Curves" ? { ...s, values: curves } : s))
  );
  const { marginal } = await runAlignmentCheck(b);
  // SE Core: 40¢ at target; below (1 − 0.5) ÷ (1 − 0.5) = 1 → 40¢; above (2 − 1) ÷ (1.5 − 1) = 2 → 80¢.
  expect(marginal[3]).toMatchObject({
    metric: "Core",
    sharePerPoint: 0,
    dollarsPerPoint: 0,
    centsPerQuotaUnitAtTarget: expect.closeTo(40, 9),
    centsPerQuotaUnitBelow: expect.closeTo(40, 9),
    centsPerQuotaUnitAbove: expect.closeTo(80, 9),
  });
});
