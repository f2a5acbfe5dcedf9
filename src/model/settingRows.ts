/**
 * The rows of a two-column `Setting` | `Value` sheet (Pulse Settings, Risk Settings), each
 * matched to its setting: the rules both readers share. A row with a value but no name, a name
 * that is not a setting, or a setting given again is a warning at its cell and is not yielded;
 * a blank row (no name, no value) is skipped silently.
 */
import type { Problem } from "../engine/problem";
import type { SheetValue } from "../workbook/port";
import { normaliseHeader, text, type SheetRows } from "./sheetRows";

export interface SettingRow<S> {
  spec: S;
  /** The Value cell's content (null: not set, the default stands). */
  value: SheetValue;
  /** The Value cell, e.g. "Risk Settings!B3", for a warning about the value. */
  valueCell: string;
}

export function* settingRows<S extends { name: string }>(
  sheet: SheetRows,
  byName: ReadonlyMap<string, S>,
  /** The warning for a name that is not a setting ("… is not a risk setting …"). */
  unknown: (typed: string) => string,
  warnings: Problem[]
): Generator<SettingRow<S>> {
  const seen = new Map<string, string>();
  for (const row of sheet.rows) {
    const raw = row.get("Setting");
    const name = normaliseHeader(raw);
    const cell = row.cell("Setting");
    const valueCell = row.cell("Value");
    const value = row.get("Value");
    if (!name) {
      if (value === null) continue; // A note in another column.
      warnings.push({
        message: "the row has a value but no Setting name, so it is not used.",
        cell: valueCell,
      });
      continue;
    }
    const spec = byName.get(name);
    if (!spec) {
      warnings.push({ message: unknown(text(raw)), cell });
      continue;
    }
    const first = seen.get(name);
    if (first) {
      warnings.push({
        message: `${spec.name} is given twice (first at ${first}); the first is used.`,
        cell,
      });
      continue;
    }
    seen.set(name, cell);
    yield { spec, value, valueCell };
  }
}
