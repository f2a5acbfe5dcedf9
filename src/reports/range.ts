/** Range addresses for sheet specs. */
import { columnLetters } from "../workbook/a1";
import { sheetRef } from "../workbook/sheetRef";

/** "A1:H9" for a block of `rows` × `cols` whose top-left is (row, col), 0-based. */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetters(col)}${row + 1}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** "$A$2:$A$200" on a sheet, for data-validation sources. */
export function absoluteColumn(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = columnLetters(col);
  return sheetRef(sheet, `$${c}$${fromRow + 1}:$${c}$${toRow + 1}`);
}
