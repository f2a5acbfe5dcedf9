/**
 * "Run pulse check" through the port: the Pulse Check tab on the in-memory workbook (layout,
 * table, number formats, charts, ownership, re-runs, several periods, a user's sheet of the same
 * name, missing sheets) and through the exceljs adapter (reopened with exceljs, charts read back
 * from the file).
 */
import { problemLine } from "../../src/engine/problem";
import ExcelJS from "exceljs";
import { ActionError } from "../../src/actions/errors";
import { computePulse, runPulseCheck } from "../../src/actions/pulseCheck";
import { PULSE_CHECK_INFO, type PulseCheckId } from "../../src/engine/pulseChecks";
import { pulseTableName, pulseTabName } from "../../src/reports/pulseSheet";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { SETTINGS, TINY_HISTOGRAM, tinySheets } from "./fixture";

/** The status table's header (a contract: the Pulse Trend tab reads earlier tabs by it). */
const STATUS_HEADER = ["Check", "Status", "Value", "Band", "What to do", "Id"];

const TODAY = { today: "2026-04-02" };
const TAB = "Pulse Check Q1 2026";

/** The status table's rows, worst first: [title, status] (ties keep the stable id order). */
const STATUS_IDS: [PulseCheckId, string][] = [
  ["leverage-p90", "Act"],
  ["concentration", "Act"],
  ["threshold-reach", "Act"],
  ["share-at-quota", "Watch"],
  ["cost-of-sales", "Watch"],
  ["excellence-reach", "Watch"],
  ["capped-reps", "Watch"],
  ["priority-payout", "Watch"],
  ["pay-for-outcomes", "Not set"],
  ["pay-mix", "Not set"],
  ["pay-for-performance", "OK"],
  ["leverage-p10", "OK"],
  ["payout-to-target", "OK"],
  ["alignment-drift", "OK"],
];
const STATUS_ROWS = STATUS_IDS.map(([id, status]) => [PULSE_CHECK_INFO[id].title, status]);

/** Rows of a sheet whose first cell is `text`. */
const rowOf = (values: SheetValue[][], text: string) => values.findIndex((r) => r[0] === text);

describe("on the in-memory workbook", () => {
  test("reads the five sheets in one round trip and writes the owned tab", async () => {
    const book = MemoryWorkbook.fromSheets(tinySheets());
    const before = book.syncCount;
    const computed = await computePulse(book, TODAY);
    expect(book.syncCount - before).toBe(1);
    expect(computed.tabName).toBe(TAB);
    expect(computed.warnings).toEqual([]);

    const result = await runPulseCheck(book, TODAY);
    expect(result.sheet).toEqual({ name: TAB, action: "created" });
    expect(result.trend).toEqual({ name: "Pulse Trend", action: "created" });
    expect(result.periods).toEqual(["Q1 2026"]);
    expect(await book.ownedSheets()).toEqual([TAB, "Pulse Trend"]);

    const sheet = book.snapshot(TAB);
    expect(sheet.values[0][0]).toBe(TAB);
    expect(sheet.values[1].slice(0, 2)).toEqual(["Period", "Q1 2026"]);
    expect(sheet.values[5][0]).toMatch(/Summary: 3 Act, 5 Watch, 2 Not set, 4 OK\.$/);
    // The status table: header on row 8 (after the title, the period, four notes and a gap),
    // fourteen checks below, worst first, an Excel table over them.
    const top = rowOf(sheet.values, "Check");
    expect(top).toBe(7);
    expect(sheet.values[top].slice(0, 6)).toEqual([...STATUS_HEADER]);
    expect(sheet.values.slice(top + 1, top + 15).map((r) => [r[0], r[1]])).toEqual(STATUS_ROWS);
    expect(sheet.values.slice(top + 1, top + 15).map((r) => r[5])).toEqual(
      STATUS_IDS.map(([id]) => id)
    );
    expect(sheet.tables).toEqual([
      { name: "CompAlignPulse_Q1_2026", range: "A8:F22", style: "TableStyleMedium2" },
    ]);
    // Values with their own number format per row: leverage-p90 (SDR's 99%), concentration
    // (SDR's Gini 0.5), …, cost of sales, alignment drift.
    expect(sheet.values[top + 1][2]).toBeCloseTo(0.99, 12);
    expect(sheet.numberFormats[top + 1][2]).toBe("0.0%");
    expect(sheet.numberFormats[top + 2][2]).toBe("0.00");
    expect(sheet.numberFormats[top + 5][2]).toBe("0.00%");
    expect(sheet.numberFormats[top + 14][2]).toBe("0.00");
    expect(sheet.values[top + 3][4]).toMatch(/^SDR \/ Meetings: 50% of reps reach the threshold/);
  });

  test("the per-plan table: checks as rows worst first, the company and each plan as columns", async () => {
    const book = MemoryWorkbook.fromSheets(tinySheets());
    await runPulseCheck(book, TODAY);
    const { values } = book.snapshot(TAB);
    const at = values.findIndex((r) => String(r[0]).startsWith("Checks by plan (status · value"));
    // The Company column says whose value it shows: a worst plan's value is not a company figure.
    expect(values[at][0]).toMatch(
      /Company: for payout to target, .*priority payout, the company's totals; for every other check, the worst plan's status and that plan's value \(the largest plan's when every plan is OK\), not a company-wide figure\.$/
    );
    expect(values[at + 1].slice(0, 4)).toEqual(["Check", "Company", "AE", "SDR"]);
    expect(values[at + 2].slice(0, 4)).toEqual(["Computed reps", 10, 8, 2]);
    const rows = values.slice(at + 3, at + 17);
    expect(rows.map((r) => r[0])).toEqual(STATUS_ROWS.map((r) => r[0]));
    // share-at-quota: AE 5 of 8, SDR 1 of 2 drives the company.
    expect(rows[3].slice(1, 4)).toEqual(["Watch · 50.0%", "OK · 62.5%", "Watch · 50.0%"]);
    // pay-mix: no Base Salary column anywhere.
    expect(rows[9].slice(1, 4)).toEqual(["Not set · n/a", "Not set · n/a", "Not set · n/a"]);
  });

  test("metric health, objective shares, histogram and scatter blocks with native charts", async () => {
    const book = MemoryWorkbook.fromSheets(tinySheets());
    await runPulseCheck(book, TODAY);
    const { values, charts, numberFormats } = book.snapshot(TAB);

    const health = rowOf(values, "Plan");
    expect(values.slice(health, health + 4).map((r) => r.slice(0, 11))).toEqual([
      [
        "Plan",
        "Metric",
        "Curve",
        "Reps",
        "Threshold",
        "Paid above 0",
        "Excellence",
        "Reach excellence",
        "Cap",
        "Held at cap",
        "Status",
      ],
      ["AE", "Cloud", "Acc", 8, 0.5, 7 / 8, 1.25, 0.25, 1.5, 0.25, "Watch"],
      ["AE", "Core", "Ramp", 8, 0, 1, 1.5, 1 / 8, "not capped", null, "OK"],
      ["SDR", "Meetings", "Acc", 2, 0.5, 0.5, 1.25, 0, 1.5, 0, "Act"],
    ]);

    const objectives = rowOf(values, "Objective");
    expect(values[objectives + 1][0]).toBe("Cloud");
    expect(values[objectives + 1][3]).toBeCloseTo(400 / 940, 12);
    expect(numberFormats[objectives + 1][3]).toBe("0.0%");

    const bins = rowOf(values, "Weighted attainment");
    expect(values.slice(bins, bins + 7).map((r) => r.slice(0, 2))).toEqual([
      ["Weighted attainment", "Reps"],
      ...TINY_HISTOGRAM,
    ]);

    const issues = rowOf(values, "Data issues (reps left out of every check)");
    expect(values[issues + 2].slice(0, 3)).toEqual([
      "r9",
      12,
      // The cell as the findings print it (problemLine), never twice.
      'Reps!G12: Core Quota is text "n/a" (must be a number above 0)',
    ]);

    // The last "Rep" header (the data issues block has one too).
    const points = values.map((r) => r[0]).lastIndexOf("Rep");
    expect(values[points].slice(0, 4)).toEqual([
      "Rep",
      "Plan",
      "Weighted attainment",
      "Payout % of target",
    ]);
    expect(values.slice(points + 1).filter((r) => r[0] !== null)).toHaveLength(10);

    expect(charts).toEqual([
      {
        type: "column",
        title: "Reps by weighted attainment",
        dataRange: `A${bins + 1}:B${bins + 7}`,
        // Placed by the layout pass (reportLayout.ts; test/reports/reportLayout.test.ts).
        at: expect.any(String),
        widthCells: expect.any(Number),
        heightCells: expect.any(Number),
        xAxisTitle: "Weighted attainment",
        yAxisTitle: "Reps",
      },
      {
        type: "scatter",
        title: "Payout % of target vs weighted attainment",
        dataRange: `C${points + 1}:D${points + 11}`,
        at: expect.any(String),
        widthCells: expect.any(Number),
        heightCells: expect.any(Number),
        xAxisTitle: "Weighted attainment",
        yAxisTitle: "Payout % of target",
      },
    ]);
  });

  test("a re-run replaces the period's tab in place; another period adds its own tab and table", async () => {
    const book = MemoryWorkbook.fromSheets(tinySheets());
    await runPulseCheck(book, TODAY);
    const again = await runPulseCheck(book, TODAY);
    expect(again.sheet).toEqual({ name: TAB, action: "replaced" });
    expect(await book.sheetNames()).toEqual([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
      "Pulse Settings",
      TAB,
      "Pulse Trend",
    ]);

    // Without Period the label is today's; a label that maps to the same table name gets _2.
    const next = MemoryWorkbook.fromSheets(tinySheets({ settings: null }));
    await runPulseCheck(next, { today: "Q1 2026" });
    const other = await runPulseCheck(next, { today: "Q1-2026" });
    expect(other.sheet.name).toBe("Pulse Check Q1-2026");
    expect(next.snapshot("Pulse Check Q1-2026").tables[0].name).toBe("CompAlignPulse_Q1_2026_2");
    expect(await next.ownedSheets()).toEqual([
      "Pulse Check Q1 2026",
      "Pulse Trend",
      "Pulse Check Q1-2026",
    ]);
  });

  test("a user's sheet of that name is left alone; CompAlign's tab gets a suffix", async () => {
    const book = MemoryWorkbook.fromSheets([...tinySheets(), { name: TAB, values: [["mine"]] }]);
    const { sheet } = await runPulseCheck(book, TODAY);
    expect(sheet).toEqual({ name: `${TAB} (2)`, action: "created" });
    expect(book.snapshot(TAB).values).toEqual([["mine"]]);
  });

  test("Pulse Settings warnings are returned and listed on the tab", async () => {
    const settings = [...SETTINGS, ["Quota Bias", 1]];
    const book = MemoryWorkbook.fromSheets(tinySheets({ settings }));
    const { warnings } = await runPulseCheck(book, TODAY);
    expect(warnings.map(problemLine)).toEqual([
      `'Pulse Settings'!A6: "Quota Bias" is not a pulse setting (see docs/workbook.md for the names), so it is not used.`,
    ]);
    const { values } = book.snapshot(TAB);
    const at = rowOf(values, "Pulse Settings warnings (defaults used instead)");
    expect(values[at + 1][0]).toBe(problemLine(warnings[0]));
  });

  test("no Matrix or no Reps sheet is an ActionError, and nothing is written", async () => {
    const noMatrix = MemoryWorkbook.fromSheets(tinySheets().filter((s) => s.name !== "Matrix"));
    await expect(runPulseCheck(noMatrix, TODAY)).rejects.toMatchObject({ kind: "no-matrix" });
    const noReps = MemoryWorkbook.fromSheets(tinySheets().filter((s) => s.name !== "Reps"));
    const error = await runPulseCheck(noReps, TODAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ kind: "no-reps" });
    expect(await noReps.ownedSheets()).toEqual([]);
  });
});

test("tab and table names: forbidden characters, the 31-character limit", () => {
  expect(pulseTabName("3/31/2026")).toBe("Pulse Check 3-31-2026");
  expect(pulseTabName("Q1 2026")).toBe(TAB);
  const long = pulseTabName("Fiscal year 2026, first quarter (preliminary)");
  expect(long).toBe("Pulse Check Fiscal year 2026,…");
  expect(long.length).toBeLessThanOrEqual(31);
  expect(pulseTabName(" ' ")).toBe("Pulse Check");
  expect(pulseTableName("Pulse Check 3-31-2026")).toBe("CompAlignPulse_3_31_2026");
  expect(pulseTableName("Pulse Check")).toBe("CompAlignPulse");
  expect(pulseTableName(long, 3)).toBe("CompAlignPulse_Fiscal_year_2026_3");
});

describe("through the exceljs adapter", () => {
  test("the tab, its table and both native charts are in the file", async () => {
    const book = XlsxWorkbook.empty();
    for (const { name, values } of tinySheets())
      await book.createSheet({ name, blocks: [{ at: "A1", values }] });
    await runPulseCheck(book, TODAY);
    const bytes = await book.toBuffer();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(TAB)!;
    expect(ws).toBeDefined();
    // exceljs keeps loaded tables in an internal map (its typings leave it out).
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> })
        .tables
    );
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([
      ["CompAlignPulse_Q1_2026", "A8:F22"],
    ]);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(8).getCell(c).value)).toEqual([
      ...STATUS_HEADER,
    ]);
    const rows: unknown[][] = [];
    for (let r = 9; r <= 22; r++) rows.push([ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value]);
    expect(rows).toEqual(STATUS_ROWS);
    expect(ws.getCell("C9").value).toBeCloseTo(0.99, 12);
    expect(ws.getCell("C9").numFmt).toBe("0.0%");

    const charts = (await chartsFromXlsx(bytes)).find((s) => s.sheet === TAB)!;
    expect(charts.charts.map((c) => [c.type, c.title, c.xAxisTitle, c.yAxisTitle])).toEqual([
      ["column", "Reps by weighted attainment", "Weighted attainment", "Reps"],
      [
        "scatter",
        "Payout % of target vs weighted attainment",
        "Weighted attainment",
        "Payout % of target",
      ],
    ]);
    const [histogram, scatter] = charts.charts;
    expect(histogram.series[0].categories).toEqual([
      "<50%",
      "50%–75%",
      "75%–100%",
      "100%–125%",
      "125%–150%",
      "≥150%",
    ]);
    expect(histogram.series[0].values).toEqual([1, 2, 1, 4, 1, 1]);
    expect(scatter.series).toHaveLength(1);
    expect(scatter.series[0].values).toHaveLength(10);
    expect(scatter.series[0].values[6]).toBeCloseTo(1.55, 12);
  });
});
