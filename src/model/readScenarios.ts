/**
 * The Scenarios sheet: `Scenario`, `Change`, `Plan`, `Metric`, `To`, `Value`, `Segment`. Rows
 * of one scenario apply in sheet order; scenarios come in the order they first appear.
 */
import type { Problem } from "../engine/problem";
import type { ScenarioDefinition } from "../engine/scenarioChanges";
import type { SheetData } from "../workbook/port";
import { sheetRows, text } from "./sheetRows";

export const SCENARIOS_SHEET = "Scenarios";
export const SCENARIO_COLUMNS = [
  "Scenario",
  "Change",
  "Plan",
  "Metric",
  "To",
  "Value",
  "Segment",
] as const;

export function readScenarios(data: SheetData | null): {
  scenarios: ScenarioDefinition[];
  /** Rows and headers that cannot be read, each with its cell. */
  problems: Problem[];
} {
  if (!data) return { scenarios: [], problems: [] };
  const sheet = sheetRows(data);
  const missing = sheet.missing(["Scenario", "Change"]);
  if (missing.length > 0)
    return {
      scenarios: [],
      problems: [
        {
          message: `Scenarios has no ${missing.map((m) => `"${m}"`).join(", ")} column in row 1`,
          cell: sheet.headerCell(missing[0]),
        },
      ],
    };
  const byName = new Map<string, ScenarioDefinition>();
  const problems: Problem[] = [];
  for (const row of sheet.rows) {
    const name = text(row.get("Scenario"));
    if (!name) {
      problems.push({
        message: `Scenarios row ${row.index + 1}: Scenario is blank; the row is left out`,
        cell: row.cell("Scenario"),
      });
      continue;
    }
    const k = name.toLowerCase();
    if (!byName.has(k)) byName.set(k, { name, changes: [] });
    const value = row.get("Value");
    byName.get(k)!.changes.push({
      change: text(row.get("Change")),
      plan: text(row.get("Plan")),
      metric: text(row.get("Metric")),
      to: text(row.get("To")),
      value: typeof value === "number" ? value : value === null ? null : NaN,
      segment: text(row.get("Segment")),
      row: row.index + 1,
      cell: row.cell("Scenario"),
    });
  }
  return { scenarios: [...byName.values()], problems };
}
