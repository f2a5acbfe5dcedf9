/**
 * `compalign scenarios` and `compalign demo` end to end through bin/compalign.js: the JSON
 * contract, original sheets unchanged value for value, the tabs and their charts in the file, the
 * exit codes, and (where LibreOffice is installed) that the written workbook opens in a second
 * spreadsheet application.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { compalign } from "./compiledCli";
import { editedCopy, sha, starterPlan, tempFolder } from "./helpers";
import { convertWithLibreOffice, HAS_SOFFICE } from "../helpers/libreOffice";

const { path, dir } = tempFolder("compalign-scenarios-", starterPlan);

async function sheetValues(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  });
  return out;
}

const FIGURE_KEYS = [
  "name",
  "totalPayout",
  "totalTargetIncentive",
  "payoutToTarget",
  "incentiveCostOfSales",
  "costOfSales",
  "incentiveCostPerGrossMarginDollar",
  "spearmanPayoutPctOfTargetVsGrossMarginPct",
  "shareAtOrAboveWeightedTarget",
  "attainmentByMetric",
  "payoutPctOfTarget",
  "gini",
  "realizedAlignmentIndex",
  "payoutByObjective",
  "payoutByPlan",
  "payoutBySegment",
  "payoutByTerritory",
  "profitabilityByPlan",
  "profitabilityBySegment",
  "profitabilityByTerritory",
  "deltaVsBaseline",
];

test("--json prints the contract's object; --out adds the tabs and leaves every original sheet unchanged", async () => {
  const before = sha(path("plan.xlsx"));
  const run = compalign("scenarios", path("plan.xlsx"), "--out", path("out.xlsx"), "--json");
  expect(run.status).toBe(0);
  expect(sha(path("plan.xlsx"))).toBe(before);
  const json = JSON.parse(run.stdout);
  expect(Object.keys(json)).toEqual(["assumption", "scenarios", "invalidScenarios", "dataIssues"]);
  expect(json.scenarios[0]).not.toHaveProperty("payoutMarginCorrelation");
  expect(json.scenarios[0]).not.toHaveProperty("shareAtOrAboveQuota");
  expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual([
    "Baseline",
    "Move 10% to multi-product deals",
    "Quotas up 10%",
    "Richer cloud curve",
  ]);
  for (const s of json.scenarios) expect(Object.keys(s).sort()).toEqual([...FIGURE_KEYS].sort());
  expect(json.scenarios[0].deltaVsBaseline).toBe(0);
  expect(json.scenarios[2].totalPayout).toBeLessThan(json.scenarios[0].totalPayout); // harder quotas pay less
  expect(json.invalidScenarios).toEqual([]);
  expect(json.dataIssues).toEqual([]);

  const original = await sheetValues(path("plan.xlsx"));
  const written = await sheetValues(path("out.xlsx"));
  for (const name of Object.keys(original)) expect(written[name]).toEqual(original[name]);
  expect(Object.keys(written)).toEqual([
    ...Object.keys(original),
    "Baseline",
    "Move 10% to multi-product deals",
    "Quotas up 10%",
    "Richer cloud curve",
    "Scenario Comparison",
  ]);

  const charts = (await chartsFromXlsx(readFileSync(path("out.xlsx")))).find(
    (s) => s.sheet === "Scenario Comparison"
  )!;
  expect(charts.charts.map((c) => c.title)).toEqual([
    "Priority share vs payout share by objective",
    "Payout by segment per scenario",
    "Distribution of payout % of target",
  ]);
});

test("invalid scenarios and data issues are reported in the JSON, not fatal", async () => {
  await editedCopy(path("plan.xlsx"), path("bad.xlsx"), (wb) => {
    wb.getWorksheet("Scenarios")!.getCell("F2").value = 0.9; // move 90% from Core Bookings, which has 35%
    wb.getWorksheet("Reps")!.getCell("I2").value = "n/a"; // Cloud ARR Quota
  });
  const run = compalign("scenarios", path("bad.xlsx"), "--json");
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(json.invalidScenarios).toEqual([
    {
      name: "Move 10% to multi-product deals",
      reason: expect.stringMatching(/cannot move 90% from Core Bookings, which has 35%/),
      cell: "Scenarios!A2",
    },
  ]);
  expect(json.dataIssues).toEqual([
    {
      rep: "Avery Chen",
      row: 2,
      message: expect.stringMatching(/^Cloud ARR Quota is text "n\/a"/),
      cell: "Reps!I2",
      cells: ["Reps!I2"],
    },
  ]);
  expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual([
    "Baseline",
    "Quotas up 10%",
    "Richer cloud curve",
  ]);
});

test("exit 2 with one line: unreadable file, no Reps sheet, --out equal to input, neither --out nor --json", async () => {
  await editedCopy(path("plan.xlsx"), path("noreps.xlsx"), (wb) =>
    wb.removeWorksheet(wb.getWorksheet("Reps")!.id)
  );
  writeFileSync(path("junk.xlsx"), "zip? no");
  const cases: [string[], RegExp][] = [
    [["scenarios", path("junk.xlsx"), "--json"], /cannot read .*junk\.xlsx as an \.xlsx workbook/],
    [["scenarios", path("noreps.xlsx"), "--json"], /has no Reps sheet/],
    [["scenarios", path("plan.xlsx"), "--out", path("plan.xlsx")], /is the input file/],
    [["scenarios", path("plan.xlsx")], /give --out OUT\.xlsx, --json, or both/],
  ];
  for (const [args, message] of cases) {
    const run = compalign(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  }
});

test("demo writes compalign-demo.xlsx with the alignment view, scenario tabs and comparison, and prints the table", () => {
  const run = spawnSync(
    process.execPath,
    [join(__dirname, "..", "..", "bin", "compalign.js"), "demo", "--out", path("demo.xlsx")],
    { encoding: "utf8" }
  );
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/360 reps on 3 plans, 6 scenarios/);
  expect(run.stdout).toMatch(/Total payout\s+\$[\d,]+\s+\$[\d,]+/);
  expect(run.stdout).toMatch(/Realized alignment index/);
  expect(run.stdout).toMatch(/Shift 20% to multi-product deals/);
  expect(statSync(path("demo.xlsx")).size).toBeGreaterThan(50_000);
});

const soffice = HAS_SOFFICE;
(soffice ? test : test.skip)(
  "the written workbook opens in LibreOffice (headless convert to PDF)",
  () => {
    const convert = convertWithLibreOffice(path("out.xlsx"), "pdf", dir());
    expect(convert.status).toBe(0);
    expect(existsSync(path("out.pdf"))).toBe(true);
    expect(statSync(path("out.pdf")).size).toBeGreaterThan(20_000);
  },
  200_000
);
