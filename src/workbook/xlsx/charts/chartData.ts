/**
 * What a chart plots, resolved from a ChartSpec: one series per column of the data range after
 * the first (series names in the range's first row, categories in its first column), each with
 * the absolute, sheet-qualified references Excel stores (`'Scenario Comparison'!$B$8:$B$11`)
 * and the cell values to cache next to them. Pure: cell values come from a lookup function.
 */
import { columnLetters, parseRange, type RangePosition } from "../../a1";
import { parseSheetRef, quoteSheetName } from "../../sheetRef";
import { WorkbookError, type ChartSpec, type SheetValue } from "../../port";

/** A cell's value on a sheet (zero-based row and column); null for a blank or missing cell. */
export type CellLookup = (sheet: string, row: number, col: number) => SheetValue;

/** A cell's number format code ("$#,##0", "0%", "General"). */
export type FormatLookup = (sheet: string, row: number, col: number) => string;

/** A reference and the values of its cells, in order. */
export interface DataRef {
  /** e.g. `'Scenario Comparison'!$B$8:$B$11` (no leading "="). */
  ref: string;
  values: SheetValue[];
  /** The number format of the first numeric cell (as Excel caches it); absent when unknown. */
  formatCode?: string;
}

export interface SeriesData {
  /** The header cell (one value). */
  name: DataRef;
  /** The category (or, for scatter, x) cells; absent when the range has a single column. */
  categories?: DataRef;
  /** The series' values (or, for scatter, y values). */
  values: DataRef;
}

export interface ChartData {
  /** The sheet the data is on (the chart's own sheet unless the data range names another). */
  sheet: string;
  series: SeriesData[];
}

/** `$B$8`, or `$B$8:$B$11` for more than one cell. */
function absolute(start: { row: number; col: number }, rows: number, cols: number): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const first = cell(start.row, start.col);
  return rows === 1 && cols === 1
    ? first
    : `${first}:${cell(start.row + rows - 1, start.col + cols - 1)}`;
}

/** The sheet and range a spec's dataRange names ("A7:C10" on the chart's sheet, or "Data!$A$1:$B$5"). */
export function dataRangeOf(
  spec: ChartSpec,
  hostSheet: string
): { sheet: string; range: RangePosition } {
  const parsed = parseSheetRef(spec.dataRange);
  const range = parsed && !parsed.deleted ? parseRange(parsed.ref.replace(/\$/g, "")) : undefined;
  if (!parsed || !range) {
    throw new WorkbookError(
      "shape",
      `chart "${spec.title}": data range "${spec.dataRange}" is not a range`
    );
  }
  if (range.rows < 2) {
    throw new WorkbookError(
      "shape",
      `chart "${spec.title}": data range "${spec.dataRange}" needs a header row and at least one row of data`
    );
  }
  return { sheet: parsed.sheet ?? hostSheet, range };
}

/**
 * The series of a chart. With two or more columns, each column after the first is a series over
 * the first column's categories; a single column is one series without categories (as Excel
 * does when charting one column).
 */
export function chartData(
  spec: ChartSpec,
  hostSheet: string,
  cells: CellLookup,
  formats?: FormatLookup
): ChartData {
  const { sheet, range } = dataRangeOf(spec, hostSheet);
  const { start, rows, cols } = range;
  const qualified = (ref: string) => `${quoteSheetName(sheet)}!${ref}`;
  const column = (col: number): DataRef => {
    const values = Array.from({ length: rows - 1 }, (_, r) => cells(sheet, start.row + 1 + r, col));
    const ref = qualified(absolute({ row: start.row + 1, col }, rows - 1, 1));
    const firstNumber = values.findIndex((v) => typeof v === "number");
    return formats && firstNumber >= 0
      ? { ref, values, formatCode: formats(sheet, start.row + 1 + firstNumber, col) }
      : { ref, values };
  };
  const categories = cols > 1 ? column(start.col) : undefined;
  const firstSeries = cols > 1 ? start.col + 1 : start.col;
  const series: SeriesData[] = [];
  for (let col = firstSeries; col < start.col + cols; col++) {
    series.push({
      name: {
        ref: qualified(absolute({ row: start.row, col }, 1, 1)),
        values: [cells(sheet, start.row, col)],
      },
      categories,
      values: column(col),
    });
  }
  return { sheet, series };
}
