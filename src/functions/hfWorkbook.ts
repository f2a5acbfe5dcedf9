/**
 * Evaluates a workbook's formulas (a formula book read from a file) with HyperFormula and the
 * COMP functions, and reports each formula's value: one cell, or every cell of its spill or of
 * the array range the file declares.
 */
import {
  CellType,
  DetailedCellError,
  ErrorType,
  type CellValue,
  type HyperFormula,
  type RawCellContent,
  type SerializedNamedExpression,
  type SimpleCellAddress,
} from "hyperformula";
import { formatA1 } from "../workbook/a1";
import {
  isErrorConstant,
  type ComputedFormula,
  type ComputedValue,
  type Constant,
  type DefinedName,
  type FormulaCell,
  type GridSheet,
} from "../workbook/formulaGrid";
import type { FormulaBook } from "../workbook/xlsxFormulas";
import { NAMESPACE } from "./catalog";
import { normalizeFormula } from "./formulaText";
import { createEmptyEngine, createEngine } from "./hyperformula";

type CalcValue = ComputedValue;
export type FormulaResult = ComputedFormula;

export interface BookResults {
  results: FormulaResult[];
  /** Formulas the engine cannot evaluate as written (parse errors, unknown functions). */
  warnings: string[];
}

/** Error values HyperFormula knows; any other Excel error constant is read as #VALUE!. */
const HF_ERRORS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#REF!", "#VALUE!", "#SPILL!"]);

function constantContent(value: Constant): RawCellContent {
  if (isErrorConstant(value))
    return HF_ERRORS.has(value.error.toUpperCase()) ? value.error : "#VALUE!";
  // A leading apostrophe keeps text as text: HyperFormula would read "12" or "TRUE" as values.
  if (typeof value === "string") return `'${value}`;
  return value;
}

function formulaContent(cell: FormulaCell): string {
  const formula = normalizeFormula(cell.formula.replace(/^=/, ""), NAMESPACE);
  return cell.array ? `=ARRAYFORMULA(${formula})` : `=${formula}`;
}

function sheetContent(sheet: GridSheet): RawCellContent[][] {
  const cells = [...sheet.constants, ...sheet.formulas];
  const rows = cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
  const cols = cells.reduce((n, c) => Math.max(n, c.col + 1), 0);
  const grid: RawCellContent[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  for (const c of sheet.constants) grid[c.row][c.col] = constantContent(c.value);
  for (const f of sheet.formulas) grid[f.row][f.col] = formulaContent(f);
  return grid;
}

/** Rows × columns the engine spilled from this cell (1×1 when it did not). */
function spillShape(hf: HyperFormula, at: SimpleCellAddress): { rows: number; cols: number } {
  if (hf.getCellType(at) !== CellType.ARRAYFORMULA) return { rows: 1, cols: 1 };
  // The array's size is only on the engine's array mapping (typed, marked internal).
  const vertex = hf.arrayMapping.getArrayByCorner(at);
  if (!vertex) return { rows: 1, cols: 1 };
  const rows = vertex.height;
  const cols = vertex.width;
  const corner = { sheet: at.sheet, row: at.row + rows - 1, col: at.col + cols - 1 };
  const placed = (rows === 1 && cols === 1) || hf.getCellType(corner) === CellType.ARRAY;
  return placed ? { rows, cols } : { rows: 1, cols: 1 };
}

function calcValue(value: unknown): CalcValue {
  if (value instanceof DetailedCellError)
    return value.message ? { error: value.value, message: value.message } : { error: value.value };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return 0; // a blank result shows as 0, as in Excel
}

function formulaResult(
  hf: HyperFormula,
  at: SimpleCellAddress,
  sheetName: string,
  cell: FormulaCell,
  anchor: CellValue
): FormulaResult {
  const spill = spillShape(hf, at);
  const rows = Math.max(spill.rows, cell.array?.rows ?? 1);
  const cols = Math.max(spill.cols, cell.array?.cols ?? 1);
  const isArray = rows * cols > 1 || cell.array !== undefined;
  if (!isArray)
    return {
      sheet: sheetName,
      row: cell.row,
      col: cell.col,
      formula: cell.formula,
      values: [[calcValue(anchor)]],
      isArray,
      declaredArray: false,
    };
  const computed = hf.getRangeValues({
    start: at,
    end: { sheet: at.sheet, row: at.row + spill.rows - 1, col: at.col + spill.cols - 1 },
  });
  // An array range declared bigger than the result repeats a single row or column across it
  // and shows #N/A where the result has no value, as Excel does.
  const values: CalcValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CalcValue[] = [];
    const rr = spill.rows === 1 ? 0 : r;
    for (let c = 0; c < cols; c++) {
      const cc = spill.cols === 1 ? 0 : c;
      row.push(
        rr < spill.rows && cc < spill.cols ? calcValue(computed[rr][cc]) : { error: "#N/A" }
      );
    }
    values.push(row);
  }
  return {
    sheet: sheetName,
    row: cell.row,
    col: cell.col,
    formula: cell.formula,
    values,
    isArray,
    declaredArray: cell.array !== undefined,
  };
}

/**
 * Why the engine could not evaluate this formula as written (a parse error, an unknown
 * function), or undefined. Cells that merely depend on such a formula are not reported.
 */
function problemWith(
  hf: HyperFormula,
  at: SimpleCellAddress,
  value: CellValue
): string | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  const parseError = value.type === ErrorType.ERROR && value.address === undefined;
  const unknownName =
    value.type === ErrorType.NAME &&
    value.address === hf.simpleCellAddressToString(at, { includeSheetName: true });
  return parseError || unknownName ? value.message.split("\n")[0] : undefined;
}

/** The defined names the engine accepts as named expressions; a warning for each it does not. */
function namedExpressions(names: DefinedName[], warnings: string[]): SerializedNamedExpression[] {
  const probe = createEmptyEngine();
  try {
    return names
      .map((n) => ({ name: n.name, expression: `=${n.ref}` }))
      .filter((n) => {
        const usable = probe.isItPossibleToAddNamedExpression(n.name, n.expression);
        if (!usable)
          warnings.push(
            `defined name ${n.name} (${n.expression.slice(1)}) cannot be used; formulas naming it give #NAME?`
          );
        return usable;
      });
  } finally {
    probe.destroy();
  }
}

/** Evaluates every formula of the book; the book is not changed. */
export function evaluateFormulaBook(book: FormulaBook): BookResults {
  const content: Record<string, RawCellContent[][]> = {};
  for (const sheet of book.sheets) content[sheet.name] = sheetContent(sheet);
  const warnings: string[] = [];
  const names = namedExpressions(book.names, warnings);
  const dates = book.date1904 ? { nullDate: { year: 1904, month: 1, day: 1 } } : {};
  const hf = createEngine(content, dates, names);
  try {
    const results: FormulaResult[] = [];
    for (const sheet of book.sheets) {
      const sheetId = hf.getSheetId(sheet.name)!;
      for (const cell of sheet.formulas) {
        const at = { sheet: sheetId, row: cell.row, col: cell.col };
        const anchor = hf.getCellValue(at);
        results.push(formulaResult(hf, at, sheet.name, cell, anchor));
        const problem = problemWith(hf, at, anchor);
        if (problem)
          warnings.push(
            `${sheet.name}!${formatA1(cell)}: cannot evaluate =${cell.formula}: ${problem}`
          );
      }
    }
    return { results, warnings };
  } finally {
    hf.destroy();
  }
}
