/**
 * Adding a row to the user's Scenarios sheet from the pane. The Scenarios sheet belongs to the
 * user, and the workbook port (src/workbook/port.ts) can create a user sheet but has no way yet
 * to add rows to one, so the method this needs is declared here as a proposal for the port.
 * A workbook whose port does not have it gets an honest error, never a pretend success; the
 * pane only offers the form where the WorkbookAccess says it can append (`canAppendRows`).
 */
import { SCENARIOS_SHEET } from "../../model/readScenarios";
import type { SheetValue, WorkbookPort } from "../../workbook/port";
import type { ScenarioRow } from "./scenarioRow";

/**
 * Proposed for WorkbookPort: appends `rows` below the last row of a sheet the user owns and
 * asked CompAlign to edit (its Excel table, if it has one, grows to include them). Values are
 * placed by header, matched like the readers match them (case and extra spaces ignored, any
 * order); columns a row does not name are left blank; no existing cell is changed. Text is
 * written as text, never as a formula. Rejects with WorkbookError("invalid-name") when there is
 * no such sheet, and WorkbookError("shape") when a named column is not in its header row.
 * In Excel: one context.sync.
 */
export interface RowAppendingPort {
  appendRows(
    sheet: string,
    rows: readonly Readonly<Record<string, SheetValue>>[]
  ): Promise<{ sheet: string; range: string }>;
}

export const canAppendRows = (book: WorkbookPort): book is WorkbookPort & RowAppendingPort =>
  typeof (book as Partial<RowAppendingPort>).appendRows === "function";

/** Appends one row to the Scenarios sheet; the range it went to ("Scenarios!A8:G8"). */
export async function appendScenarioRow(book: WorkbookPort, row: ScenarioRow): Promise<string> {
  if (!canAppendRows(book)) {
    throw new Error(
      "This workbook cannot add rows from the pane yet, so nothing was added. Type the row into the Scenarios sheet instead."
    );
  }
  const written = await book.appendRows(SCENARIOS_SHEET, [row]);
  return `${written.sheet}!${written.range}`;
}
