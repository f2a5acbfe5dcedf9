/**
 * "Insert in selected cell" (the Functions tab): writes an example formula into the cell the user
 * has selected. The formula is written as a formula (the Office adapter sets `range.formulas`,
 * which takes the invariant, English form: `,` between arguments and `.` for decimals whatever
 * the user's locale), so a user whose Excel separates arguments with `;` gets a working formula,
 * which pasting the copied text would not give them.
 */

import type { SelectedCell } from "../workbook/port";

export type { SelectedCell };

export interface InsertedFormula {
  address: string;
  formula: string;
}

/** Writes one formula into the selected cell; rejects text that is not a single formula. */
export async function insertFormula(cell: SelectedCell, formula: string): Promise<InsertedFormula> {
  const text = formula.trim();
  if (!text.startsWith("=") || text.length < 2 || /[\r\n]/.test(text)) {
    throw new Error(`"${formula}" is not a formula: it must be one line starting with =`);
  }
  const address = await cell.writeFormula(text);
  return { address, formula: text };
}
