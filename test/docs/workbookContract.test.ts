/**
 * docs/workbook.md's column tables name the columns the readers read: Objectives, Matrix, Curves,
 * Reps (src/model/readPlan.ts), Matrix's Revenue (readRevenueMetrics.ts) and Scenarios
 * (readScenarios.ts), and the Settings and Risk Settings sheets' two columns.
 */
import fs from "node:fs";
import path from "node:path";
import { COLUMNS, SHEETS } from "../../src/model/readPlan";
import { REVENUE_COLUMN } from "../../src/model/readRevenueMetrics";
import { SCENARIO_COLUMNS, SCENARIOS_SHEET } from "../../src/model/readScenarios";
import { PULSE_SETTINGS_COLUMNS, PULSE_SETTINGS_SHEET } from "../../src/model/readPulseSettings";
import {
  RISK_SETTINGS,
  RISK_SETTINGS_COLUMNS,
  RISK_SETTINGS_SHEET,
} from "../../src/model/readRiskSettings";
import { DEFAULT_RISK_SETTINGS } from "../../src/engine/costAtRisk";
import { SETTINGS_COLUMNS, SETTINGS_SHEET } from "../../src/model/readWorkbookSettings";

const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "workbook.md"), "utf8");

/** The first column of the first table under the `## <sheet>` heading: "`A`, `B`" gives A and B. */
function documentedColumns(sheet: string): string[] {
  const start = doc.search(new RegExp(`^## ${sheet}\\b`, "m"));
  expect(start).toBeGreaterThan(0);
  const rest = doc.slice(start);
  const table = rest.slice(rest.indexOf("\n|")).split("\n\n")[0];
  return table
    .split("\n")
    .slice(3) // the blank line's end, the header and the |---| row
    .flatMap((line) => line.split("|")[1].split(/,|\//))
    .map((cell) => cell.trim().replace(/^`|`$/g, ""));
}

test.each([
  [SHEETS.objectives, [...COLUMNS.objectives]],
  [SHEETS.matrix, [...COLUMNS.matrix, REVENUE_COLUMN]],
  [SHEETS.curves, [...COLUMNS.curves]],
  [SHEETS.reps, [...COLUMNS.reps, "<Metric> Quota", "<Metric> Actual"]],
  [SCENARIOS_SHEET, [...SCENARIO_COLUMNS]],
])("docs/workbook.md lists the %s columns the reader reads", (sheet, columns) => {
  expect(documentedColumns(sheet).sort()).toEqual([...columns].sort());
});

test.each([
  [SETTINGS_SHEET, SETTINGS_COLUMNS],
  [PULSE_SETTINGS_SHEET, PULSE_SETTINGS_COLUMNS],
  [RISK_SETTINGS_SHEET, RISK_SETTINGS_COLUMNS],
])("docs/workbook.md gives the %s sheet the reader's columns", (sheet, columns) => {
  const start = doc.search(new RegExp(`^## ${sheet}\\b`, "m"));
  expect(start).toBeGreaterThan(0);
  expect(columns).toEqual(["Setting", "Value"]);
  expect(doc.slice(start, start + 600)).toMatch(/two columns, `Setting` and `Value`/i);
});

test("docs/workbook.md lists every Risk Settings row with the reader's name and default", () => {
  const start = doc.indexOf("## Risk Settings");
  const table = doc.slice(doc.indexOf("| Setting |", start)).split("\n\n")[0];
  const rows = table
    .split("\n")
    .slice(2)
    .map((line) => line.split("|").map((cell) => cell.trim()));
  expect(rows.map((r) => r[1].replace(/`/g, ""))).toEqual(RISK_SETTINGS.map((s) => s.name));
  RISK_SETTINGS.forEach((setting, i) => {
    const value = DEFAULT_RISK_SETTINGS[setting.field];
    expect(rows[i][2]).toBe(value === null ? "not set" : value.toLocaleString("en-US"));
  });
});
