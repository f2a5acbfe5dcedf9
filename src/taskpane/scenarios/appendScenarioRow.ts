/**
 * Adding a row to the user's Scenarios sheet from the pane. The Scenarios sheet belongs to the
 * user; the row goes in only because the user asked for it in the "add a scenario change" form,
 * through the one port method that edits a user's sheet (`WorkbookPort.appendRows`: below the
 * last row, by header, text kept as text, the sheet's table grown to include it).
 */
import { SCENARIOS_SHEET } from "../../model/readScenarios";
import type { WorkbookPort } from "../../workbook/port";
import { sheetRef } from "../../workbook/sheetRef";
import type { ScenarioRow } from "./scenarioRow";

/** Appends one row to the Scenarios sheet; the range it went to ("Scenarios!A8:G8"). */
export async function appendScenarioRow(book: WorkbookPort, row: ScenarioRow): Promise<string> {
  const written = await book.appendRows(SCENARIOS_SHEET, [row]);
  return sheetRef(written.sheet, written.range);
}
