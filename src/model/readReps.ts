/**
 * The Reps sheet (docs/workbook.md) read into column arrays for the scenario engine. Values
 * that are blank or not numbers become NaN, and `describe` says what the cell held, so the
 * engine can list them as data issues instead of counting them as zero. So do numbers too large
 * to compute with (over 1e15 in size), text that only looks like a number ("1,200"), dates and
 * formulas saved without their result: `describe` says which, and `cell` gives the input cell's
 * address separately (the message never carries it, so a caller can point at it without parsing).
 */
import type { RepTable } from "../engine/reps";
import type { SheetData } from "../workbook/port";
import { describeValue, normaliseHeader, numberCell, sheetRows, text } from "./sheetRows";
import { nameKey } from "../engine/nameKey";

export function readReps(data: SheetData, metrics: string[]): RepTable {
  const sheet = sheetRows(data);
  const rows = sheet.rows;
  // Why a cell was read as NaN, by "rep index|normalised header" (the address is `cell`'s).
  const problems = new Map<string, string>();
  const column = (header: string) =>
    Float64Array.from(rows, (r, i) => {
      const read = numberCell(r, header);
      if ("problem" in read && read.problem.rule === "invalid-value") return NaN;
      const why =
        "problem" in read ? read.problem.text : read.date !== null ? `the date ${read.date}` : null;
      if (why === null) return (read as { value: number }).value;
      problems.set(`${i}|${normaliseHeader(header)}`, why);
      return NaN;
    });
  const optional = (header: string) => (sheet.has(header) ? column(header) : null);
  const quota = new Map<string, Float64Array>();
  const actual = new Map<string, Float64Array>();
  for (const metric of metrics) {
    const k = nameKey(metric);
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
      const problem = problems.get(`${i}|${normaliseHeader(header)}`);
      if (problem) return problem;
      if (!sheet.has(header)) return `blank: Reps has no "${header}" column in row 1`;
      const value = rows[i].raw.get(normaliseHeader(header));
      return describeValue(
        value === undefined || (typeof value === "string" && value.trim() === "") ? null : value
      );
    },
    cell: (i, header) => (sheet.has(header) ? rows[i].cell(header) : null),
  };
}
