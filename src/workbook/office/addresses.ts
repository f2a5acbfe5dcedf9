/**
 * Addresses as the Office.js adapter needs them: the range a block covers, offsets of a used
 * range, a chart's end cell, and Excel's column-width units. Pure: no Office.js here.
 * Sheet-qualified references are parsed by ../sheetRef.ts, shared by all adapters.
 */
import { formatRange, parseA1, parseRange, type RangePosition } from "../a1";
import { parseSheetRef } from "../sheetRef";

/** The rectangle a block of `rows` × `cols` anchored at `at` covers; undefined when it cannot be one. */
export function blockRange(at: string, rows: number, cols: number): RangePosition | undefined {
  const start = parseA1(at);
  if (!start || rows < 1 || cols < 1) return undefined;
  return { start, rows, cols };
}

/** The cell `rowsDown` rows below and `colsRight` columns right of a cell ("B2", 14, 7 → "I16"). */
export function offsetCell(at: string, rowsDown: number, colsRight: number): string {
  const start = parseA1(at);
  if (!start) throw new RangeError(`"${at}" is not a cell address`);
  return formatRange({
    start: { row: start.row + rowsDown, col: start.col + colsRight },
    rows: 1,
    cols: 1,
  });
}

/**
 * Where a used range starts ("Sheet1!C3:E7" → row 2, column 2), so its values can be placed in a
 * grid that starts at A1. Undefined when the address cannot be read.
 */
export function usedRangeStart(address: string): { row: number; col: number } | undefined {
  const ref = parseSheetRef(address)?.ref;
  const range = ref === undefined ? undefined : parseRange(ref.replace(/\$/g, ""));
  return range ? range.start : undefined;
}

/**
 * Column width in characters (what SheetSpec.columnWidths and Excel's UI use: widths of the
 * digit "0" in the default font) → points (what Office.js `format.columnWidth` takes).
 *
 * Excel's default font (Calibri 11) has a 7-pixel maximum digit width and adds 5 pixels of
 * padding, so `chars` characters are `chars × 7 + 5` pixels, rounded to whole pixels; at 96
 * pixels per inch a pixel is 0.75 point. Excel's default 8.43 characters → 64 px → 48 pt,
 * 10 → 75 px → 56.25 pt. A workbook whose Normal style uses another font shows slightly
 * different widths; 0 hides the column.
 */
export function columnWidthPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round(chars * 7 + 5) * 0.75;
}
