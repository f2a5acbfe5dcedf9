/**
 * A workbook seen as what a formula engine needs: per sheet, the constant cells and the
 * formula cells. Produced by the xlsx reader (xlsxFormulas.ts), consumed by the headless
 * evaluator; positions are zero-based.
 */
import type { CellPosition } from "./a1";

/** An error value as Excel writes it, e.g. "#N/A". */
export interface ErrorConstant {
  error: string;
}

/** A constant cell: dates are Excel serial numbers, rich text and hyperlinks their text. */
export type Constant = number | string | boolean | ErrorConstant;

export interface FormulaCell extends CellPosition {
  /** Formula text as the file has it, without "=" (shared formulas already moved to this cell). */
  formula: string;
  /** An array formula's range (rows × columns from this cell), as the file declares it. */
  array?: { rows: number; cols: number };
  /**
   * The values Excel saved with the formula (rows × columns of its array range, 1×1 otherwise),
   * null where the file holds none.
   */
  cached?: (Constant | null)[][];
}

export interface ConstantCell extends CellPosition {
  value: Constant;
}

export interface GridSheet {
  name: string;
  constants: ConstantCell[];
  formulas: FormulaCell[];
}

/** A workbook-level defined name for one range, e.g. Tiers → 'Rate Tables'!$A$1:$B$4. */
export interface DefinedName {
  name: string;
  /** The range with its sheet, as Excel writes it. */
  ref: string;
}

export function isErrorConstant(value: unknown): value is ErrorConstant {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorConstant).error === "string"
  );
}

/** A computed value: a number, text, a logical, or an error (Excel's text, with a message). */
export type ComputedValue = number | string | boolean | (ErrorConstant & { message?: string });

/** A formula cell's computed result: 1×1, or the range it fills from its cell. */
export interface ComputedFormula extends CellPosition {
  sheet: string;
  /** Formula text as the file has it (a filled-down formula moved to this cell). */
  formula: string;
  values: ComputedValue[][];
  /** True when the result fills a range (a spill, or an array formula in the file). */
  isArray: boolean;
  /** True when the file declares the formula over a range (an array formula): each of its cells holds it. */
  declaredArray: boolean;
  /**
   * Why the engine cannot recompute this formula faithfully (an unsupported function or
   * construct, or a precedent that is itself unsupported); its value is then the one Excel saved
   * (`cached`), never the engine's.
   */
  unsupported?: string;
  /** The values Excel saved with the formula, as on FormulaCell. */
  cached?: (Constant | null)[][];
}

/** An Excel table as the file defines it; positions zero-based. */
export interface TableDef {
  name: string;
  sheet: string;
  /** Top-left cell of the table (its header row when it has one). */
  row: number;
  col: number;
  /** Rows including the header and totals rows. */
  rows: number;
  columns: string[];
  headerRow: boolean;
  totalsRow: boolean;
}

/** The engine's name for sheet `sheet` of linked workbook [book] (formulas write [1]Sheet1!A1). */
export function externalSheetName(book: number, sheet: string): string {
  return `XLEXT${book} ${sheet}`;
}
