/**
 * The Reps sheet (docs/workbook.md) read into column arrays for the scenario engine. Values
 * that are blank or not numbers become NaN, and `describe` says what the cell held, so the
 * engine can list them as data issues instead of counting them as zero.
 */
import type { RepTable } from "../engine/reps";
import type { SheetData } from "../workbook/port";
import { describeValue, normaliseHeader, sheetRows, text } from "./sheetRows";

const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : NaN);

export function readReps(data: SheetData, metrics: string[]): RepTable {
  const sheet = sheetRows(data);
  const rows = sheet.rows;
  const column = (header: string) => Float64Array.from(rows, (r) => number(r.get(header)));
  const optional = (header: string) => (sheet.has(header) ? column(header) : null);
  const quota = new Map<string, Float64Array>();
  const actual = new Map<string, Float64Array>();
  for (const metric of metrics) {
    const k = metric.trim().toLowerCase();
    if (sheet.has(`${metric} Quota`)) quota.set(k, column(`${metric} Quota`));
    if (sheet.has(`${metric} Actual`)) actual.set(k, column(`${metric} Actual`));
  }
  return {
    count: rows.length,
    names: rows.map((r) => text(r.get("Rep"))),
    rows: rows.map((r) => r.index + 1),
    plans: rows.map((r) => text(r.get("Plan"))),
    segments: rows.map((r) => text(r.get("Segment"))),
    territories: rows.map((r) => text(r.get("Territory"))),
    targetIncentive: column("Target Incentive"),
    baseSalary: optional("Base Salary"),
    revenue: optional("Revenue"),
    grossMargin: optional("Gross Margin"),
    hasSegment: sheet.has("Segment"),
    hasTerritory: sheet.has("Territory"),
    quota,
    actual,
    describe: (i, header) => {
      const value = rows[i].raw.get(normaliseHeader(header));
      return describeValue(
        value === undefined || (typeof value === "string" && value.trim() === "") ? null : value
      );
    },
  };
}
