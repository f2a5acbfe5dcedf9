/**
 * A sheet's cells, stored sparsely by zero-based row and column: each cell that was ever given a
 * value, formula, number format or style holds all four. Rows are JavaScript arrays with holes,
 * so a large block costs one object per written cell and an untouched cell costs nothing.
 */
import type { SheetValue } from "./port";

/** How a cell looks, from the block that wrote it ("plain" blocks leave no style). */
export type CellStyle = "title" | "header" | "note";

export interface CellState {
  /** The value, or for a formula cell its result as last written (the memory workbook does not calculate). */
  value: SheetValue;
  /** The formula, starting with "=", or null. */
  formula: string | null;
  /** Excel number format, or null for General. */
  numberFormat: string | null;
  style: CellStyle | null;
}

export interface Extent {
  rows: number;
  cols: number;
}

const EMPTY: CellState = Object.freeze({
  value: null,
  formula: null,
  numberFormat: null,
  style: null,
});

export class CellStore {
  private readonly rows: CellState[][] = [];

  /** The cell at (row, col); an untouched cell reads as blank. */
  get(row: number, col: number): Readonly<CellState> {
    return this.rows[row]?.[col] ?? EMPTY;
  }

  /** True when the cell was ever written (value, formula, number format or style). */
  has(row: number, col: number): boolean {
    return this.rows[row]?.[col] !== undefined;
  }

  /** Changes some of a cell's fields, creating the cell when needed. */
  update(row: number, col: number, change: Partial<CellState>): void {
    const cells = this.rows[row] ?? (this.rows[row] = []);
    const cell = cells[col] ?? (cells[col] = { ...EMPTY });
    Object.assign(cell, change);
  }

  /**
   * What a block writes into one cell, in one step: the value and formula when `withValue`, the
   * number format and style when not null (as `update` with those fields, without the copies).
   */
  write(
    row: number,
    col: number,
    withValue: boolean,
    value: SheetValue,
    formula: string | null,
    numberFormat: string | null,
    style: CellStyle | null
  ): void {
    const cells = this.rows[row] ?? (this.rows[row] = []);
    const cell = cells[col];
    if (cell === undefined) {
      cells[col] = {
        value: withValue ? value : null,
        formula: withValue ? formula : null,
        numberFormat,
        style,
      };
      return;
    }
    if (withValue) {
      cell.value = value;
      cell.formula = formula;
    }
    if (numberFormat !== null) cell.numberFormat = numberFormat;
    if (style !== null) cell.style = style;
  }

  /** Every written cell, row by row, left to right. */
  forEach(visit: (cell: Readonly<CellState>, row: number, col: number) => void): void {
    this.rows.forEach((cells, row) => cells.forEach((cell, col) => visit(cell, row, col)));
  }

  /**
   * The smallest range from A1 holding every cell that matters: with `valuesOnly`, cells with a
   * value or a formula (Excel's used range for values); otherwise any written cell.
   */
  extent(valuesOnly: boolean): Extent {
    let rows = 0;
    let cols = 0;
    this.forEach((cell, row, col) => {
      if (valuesOnly && cell.value === null && cell.formula === null) return;
      rows = Math.max(rows, row + 1);
      cols = Math.max(cols, col + 1);
    });
    return { rows, cols };
  }

  /** One field of every cell in the extent, as a rectangle (blank cells give the field's empty value). */
  grid<K extends keyof CellState>(field: K, extent: Extent): CellState[K][][] {
    const out: CellState[K][][] = [];
    for (let r = 0; r < extent.rows; r++) {
      const row: CellState[K][] = new Array(extent.cols);
      for (let c = 0; c < extent.cols; c++) row[c] = this.get(r, c)[field];
      out.push(row);
    }
    return out;
  }

  /** The values of the used range from A1 (values and formulas), padded to a rectangle. */
  values(): SheetValue[][] {
    return this.grid("value", this.extent(true));
  }
}
