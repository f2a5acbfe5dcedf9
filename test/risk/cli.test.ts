/**
 * `compalign risk` end to end through bin/compalign.js: the JSON contract, byte-identical output
 * for the same seed and different draws for another, Risk Settings read (and a bad value warned
 * about with its cell), the refusal of a plan with error findings (exit 1, the error object),
 * exit 2 cases, the tab in the written copy with its chart, and (where LibreOffice is installed)
 * that the copy opens in a second spreadsheet application.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { compalign } from "../cli/compiledCli";
import { editedCopy, starterPlan, tempFolder } from "../cli/helpers";
import { convertWithLibreOffice, HAS_SOFFICE } from "../helpers/libreOffice";

const { path, dir } = tempFolder("compalign-risk-", starterPlan);

const variant = (name: string, edit: (wb: ExcelJS.Workbook) => void) =>
  editedCopy(path("plan.xlsx"), path(name), edit);

/** A copy of the sample plan with a Risk Settings sheet of these rows. */
const withRiskSettings = (name: string, rows: [string, unknown][]) =>
  variant(name, withSettings(rows));

function withSettings(rows: [string, unknown][]) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Risk Settings");
    ws.addRow(["Setting", "Value"]);
    for (const row of rows) ws.addRow(row);
  };
}

test("--json prints the contract's object, the same bytes on every run with the same seed", async () => {
  const file = await withRiskSettings("small.xlsx", [
    ["Trials", 2000],
    ["Seed", 7],
    ["Budget", 500000],
  ]);
  const a = compalign("risk", file, "--json");
  const b = compalign("risk", file, "--json");
  expect(a.status).toBe(0);
  expect(a.stdout).toBe(b.stdout);
  const json = JSON.parse(a.stdout);
  expect(Object.keys(json)).toEqual(["settings", "scenarios", "invalidScenarios", "dataIssues"]);
  expect(json.settings).toEqual({
    trials: 2000,
    seed: 7,
    commonVolatility: 0.1,
    individualVolatility: 0.2,
    metricCorrelation: 0.5,
    budget: 500000,
  });
  expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual([
    "Baseline",
    "Move 10% to multi-product deals",
    "Quotas up 10%",
    "Richer cloud curve",
  ]);
  for (const s of json.scenarios) {
    expect(Object.keys(s)).toEqual([
      "name",
      "deterministicTotalPayout",
      "totalPayout",
      "payoutToTarget",
      "incentiveCostOfSales",
      "probabilityOverBudget",
      "byPlan",
    ]);
    expect(Object.keys(s.totalPayout)).toEqual(["mean", "p10", "p50", "p90", "p95"]);
    expect(s.totalPayout.p10).toBeLessThanOrEqual(s.totalPayout.p50);
    expect(s.totalPayout.p50).toBeLessThan(s.totalPayout.p90);
    expect(s.totalPayout.p90).toBeLessThanOrEqual(s.totalPayout.p95);
    expect(Object.keys(s.payoutToTarget)).toEqual(["p50", "p90"]);
    expect(s.probabilityOverBudget).toBeGreaterThanOrEqual(0);
    expect(s.probabilityOverBudget).toBeLessThanOrEqual(1);
    for (const p of s.byPlan) expect(Object.keys(p)).toEqual(["plan", "p50", "p90"]);
  }
  // Same shapes as `scenarios` for the last two keys; the deterministic total is the scenario engine's.
  const scenarios = JSON.parse(compalign("scenarios", file, "--json").stdout);
  expect(json.dataIssues).toEqual(scenarios.dataIssues);
  expect(json.invalidScenarios).toEqual(scenarios.invalidScenarios);
  json.scenarios.forEach((s: { deterministicTotalPayout: number }, k: number) =>
    expect(s.deterministicTotalPayout).toBe(scenarios.scenarios[k].totalPayout)
  );

  const other = JSON.parse(
    compalign(
      "risk",
      await withRiskSettings("seed8.xlsx", [
        ["Trials", 2000],
        ["Seed", 8],
      ]),
      "--json"
    ).stdout
  );
  expect(other.scenarios[0].totalPayout.p50).not.toBe(json.scenarios[0].totalPayout.p50);
  expect(other.scenarios[0].probabilityOverBudget).toBeNull();
});

test("a bad Risk Settings value is a warning naming its cell, and the default is used", async () => {
  const file = await withRiskSettings("badsettings.xlsx", [
    ["Trials", 5],
    ["common volatility", "high"],
  ]);
  const run = compalign("risk", file, "--json");
  expect(run.status).toBe(0);
  expect(run.stderr).toMatch(
    /'Risk Settings'!B2: Trials must be a whole number from 100 to 1,000,000, not 5; the default 10000 is used/
  );
  expect(run.stderr).toMatch(
    /'Risk Settings'!B3: Common volatility must be a number from 0 to 1 \(10% is 0\.1\), not text "high"/
  );
  expect(JSON.parse(run.stdout).settings.trials).toBe(10000);
});

test("a plan with error findings is refused: exit 1, the findings as JSON, nothing simulated", async () => {
  const file = await variant("errors.xlsx", (wb) => {
    wb.getWorksheet("Matrix")!.getCell("E2").value = 0.99; // the plan's weights no longer sum to 100%
  });
  const run = compalign("risk", file, "--json", "--out", path("never.xlsx"));
  expect(run.status).toBe(1);
  const json = JSON.parse(run.stdout);
  expect(Object.keys(json)).toEqual(["error", "findings"]);
  expect(json.error).toBe("plan-has-errors");
  expect(
    json.findings.some(
      (f: { rule: string; severity: string }) => f.rule === "weights-sum" && f.severity === "error"
    )
  ).toBe(true);
  expect(run.stderr).toMatch(/the plan has 1 error; nothing was computed/);
  expect(existsSync(path("never.xlsx"))).toBe(false);
  const plain = compalign("risk", file);
  expect(plain.status).toBe(1);
  expect(plain.stdout).toBe("");
});

test("exit 2 with one line: unreadable file, no Reps sheet, --out equal to input", async () => {
  const noReps = await variant("noreps.xlsx", (wb) =>
    wb.removeWorksheet(wb.getWorksheet("Reps")!.id)
  );
  const cases: [string[], RegExp][] = [
    [["risk", path("missing.xlsx")], /no such file/],
    [["risk", noReps, "--json"], /has no Reps sheet/],
    [["risk", path("plan.xlsx"), "--out", path("plan.xlsx")], /is the input file/],
  ];
  for (const [args, message] of cases) {
    const run = compalign(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  }
});

test("--out adds the Plan Cost at Risk tab with its histogram chart", async () => {
  const file = await withRiskSettings("out-in.xlsx", [
    ["Trials", 1000],
    ["Budget", 450000],
  ]);
  const run = compalign("risk", file, "--out", path("risk.xlsx"));
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Baseline\s+\$[\d.]+K?\s+\$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path("risk.xlsx"));
  const ws = wb.getWorksheet("Plan Cost at Risk")!;
  expect(ws.getCell("A1").value).toBe("Plan Cost at Risk");
  const charts = (await chartsFromXlsx(readFileSync(path("risk.xlsx")))).find(
    (s) => s.sheet === "Plan Cost at Risk"
  )!;
  expect(charts.charts.map((c) => c.title)).toEqual([
    "Total payout across simulated years, per scenario",
  ]);
});

const soffice = HAS_SOFFICE;
(soffice ? test : test.skip)(
  "the written copy opens in LibreOffice (headless convert to PDF)",
  () => {
    expect(existsSync(path("risk.xlsx"))).toBe(true);
    const convert = convertWithLibreOffice(path("risk.xlsx"), "pdf", dir());
    expect(convert.status).toBe(0);
    expect(statSync(path("risk.pdf")).size).toBeGreaterThan(20_000);
  },
  240_000
);
