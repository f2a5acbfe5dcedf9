/// <reference types="office-js" />
/**
 * The selected cell through Office.js: one Excel.run, one sync. `workbook.getActiveCell()`
 * (ExcelApi 1.7) is the cell the user selected (the top-left one of a selected range);
 * `range.formulas` takes the formula in its invariant, English form.
 */
import type { SelectedCell } from "../port";
import { toWorkbookError } from "./officeErrors";

export function runOnSelectedCell<T>(action: (cell: SelectedCell) => Promise<T>): Promise<T> {
  return Excel.run((context) =>
    action({
      async writeFormula(formula) {
        const cell = context.workbook.getActiveCell();
        cell.formulas = [[formula]];
        cell.load("address");
        try {
          await context.sync();
        } catch (error) {
          throw toWorkbookError(error, "writing the formula into the selected cell");
        }
        return cell.address;
      },
    })
  );
}
