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
import { quoteSheetName } from "../workbook/sheetRef";
import {
  isErrorConstant,
  type ComputedFormula,
  type ComputedValue,
  type Constant,
  externalSheetName,
  type DefinedName,
  type FormulaCell,
  type GridSheet,
} from "../workbook/formulaGrid";
import type { FormulaBook } from "../workbook/xlsx/xlsxFormulas";
import { NAMESPACE } from "../functions/catalog";
import { normalizeFormula } from "../functions/formulaText";
import { keepCriterionCaches } from "./hfCriteriaCache";
import {
  blankCriteriaAsZero,
  clipWholeColumns,
  expandLet,
  resolveStructuredRefs,
} from "./structuredRefs";
import { staticProblem, propagate, valueProblem, type Unsupported } from "./hfSupport";
import { createEmptyEngine, createEngine } from "../functions/hyperformula";

type CalcValue = ComputedValue;
export type FormulaResult = ComputedFormula;

export interface BookResults {
  /** Every formula; those the engine cannot recompute faithfully carry `unsupported`. */
  results: FormulaResult[];
  /** Defined names the engine cannot use. */
  warnings: string[];
  /** Formulas not recomputed, counted by cause (e.g. "function XMATCH": 3), largest first. */
  unsupportedCounts: [string, number][];
}

/** Causes of dependents: one group, whatever cell they depend on. */
export const DEPENDS_CAUSE = "depends on an unsupported cell";

/** Error values HyperFormula knows; any other Excel error constant is read as #VALUE!. */
const HF_ERRORS = new Set(["#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#REF!", "#VALUE!", "#SPILL!"]);

function constantContent(value: Constant): RawCellContent {
  if (isErrorConstant(value))
    return HF_ERRORS.has(value.error.toUpperCase()) ? value.error : "#VALUE!";
  // A leading apostrophe keeps text as text: HyperFormula would read "12" or "TRUE" as values.
  if (typeof value === "string") return `'${value}`;
  return value;
}

/** What a formula's text is rewritten against: the file's tables and the rows it uses. */
interface Context {
  tables: FormulaBook["tables"];
  rows: number;
  /** Names of the sheets holding linked workbooks' saved values. */
  externals: Set<string>;
  /** Whole-column ranges (clipped, sheet written out) → the named expression standing for each. */
  columns: Map<string, string>;
}

/** The engine's name for a clipped whole-column range (one per distinct range). */
function columnName(context: Context, range: string): string {
  let name = context.columns.get(range);
  if (!name) {
    name = `CompAlign_Columns_${context.columns.size + 1}`;
    context.columns.set(range, name);
  }
  return name;
}

/**
 * [1]Sheet1!A1 and '[1]My Sheet'!A1 (a sheet of a linked workbook) → the sheet holding the
 * values the file saved for it, when the file has them; otherwise left as written (reported).
 */
function linkedSheets(formula: string, externals: Set<string>): string {
  if (externals.size === 0 || !formula.includes("[")) return formula;
  const target = (book: string, sheet: string, whole: string) => {
    const name = externalSheetName(Number(book), sheet);
    return externals.has(name) ? `${quoteSheetName(name, true)}!` : whole;
  };
  return formula
    .replace(/'\[(\d+)\]((?:[^']|'')+)'!/g, (whole, book: string, sheet: string) =>
      target(book, sheet.replace(/''/g, "'"), whole)
    )
    .replace(/(?<![\w.'\]])\[(\d+)\]([A-Za-z_][\w.]*)!/g, (whole, book: string, sheet: string) =>
      target(book, sheet, whole)
    );
}

/**
 * The formula as the engine gets it, without "=": structured references resolved to ranges,
 * Excel's prefixes and spellings normalised, whole columns clipped to the rows in use.
 */
function engineFormula(sheet: string, cell: FormulaCell, context: Context): string {
  const linked = linkedSheets(cell.formula.replace(/^=/, ""), context.externals);
  // A LET that cannot be read stays as written: reported as function LET.
  const text = blankCriteriaAsZero(expandLet(linked) ?? linked);
  const resolved = resolveStructuredRefs(text, context.tables, { sheet, ...cell });
  return clipWholeColumns(
    normalizeFormula(resolved, NAMESPACE),
    context.rows,
    (range) => columnName(context, range),
    sheet
  );
}

function sheetContent(sheet: GridSheet, formulas: Map<FormulaCell, string>): RawCellContent[][] {
  const cells = [...sheet.constants, ...sheet.formulas];
  const rows = cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
  const cols = cells.reduce((n, c) => Math.max(n, c.col + 1), 0);
  const grid: RawCellContent[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  for (const c of sheet.constants) grid[c.row][c.col] = constantContent(c.value);
  for (const f of sheet.formulas) {
    const formula = formulas.get(f)!;
    grid[f.row][f.col] = f.array ? `=ARRAYFORMULA(${formula})` : `=${formula}`;
  }
  return grid;
}

/** Rows the workbook uses (the last row holding anything, array ranges included), at least 1. */
function usedRows(book: FormulaBook): number {
  let rows = 1;
  for (const sheet of book.sheets) {
    for (const c of sheet.constants) rows = Math.max(rows, c.row + 1);
    for (const f of sheet.formulas) rows = Math.max(rows, f.row + (f.array?.rows ?? 1));
  }
  return rows;
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
  keepCriterionCaches();
  const externals = book.externals ?? [];
  const context: Context = {
    tables: book.tables ?? [],
    rows: usedRows(book),
    externals: new Set(externals.map((e) => e.name)),
    columns: new Map(),
  };
  const prepared = new Map<FormulaCell, string>();
  const content: Record<string, RawCellContent[][]> = {};
  for (const sheet of book.sheets) {
    for (const cell of sheet.formulas) prepared.set(cell, engineFormula(sheet.name, cell, context));
    content[sheet.name] = sheetContent(sheet, prepared);
  }
  for (const sheet of externals)
    if (!(sheet.name in content)) content[sheet.name] = sheetContent(sheet, prepared);
  const warnings: string[] = [];
  const names = [
    ...namedExpressions(book.names, warnings),
    ...[...context.columns].map(([range, name]) => ({ name, expression: `=${range}` })),
  ];
  const dates = book.date1904 ? { nullDate: { year: 1904, month: 1, day: 1 } } : {};
  const hf = createEngine(content, dates, names);
  try {
    if (book.iterate) iterateCycles(hf, book, prepared, book.iterate);
    const results: FormulaResult[] = [];
    const byKey = new Map<string, { result: FormulaResult; cell: FormulaCell }>();
    const origins: { at: SimpleCellAddress; label: string }[] = [];
    const problems = new Map<FormulaResult, Unsupported>();
    for (const sheet of book.sheets) {
      const sheetId = hf.getSheetId(sheet.name)!;
      for (const cell of sheet.formulas) {
        const at = { sheet: sheetId, row: cell.row, col: cell.col };
        const anchor = hf.getCellValue(at);
        const result = formulaResult(hf, at, sheet.name, cell, anchor);
        results.push(result);
        byKey.set(`${sheetId}:${cell.row},${cell.col}`, { result, cell });
        const problem =
          staticProblem(prepared.get(cell)!) ??
          valueProblem(hf, at, anchor, book.iterate !== undefined, prepared.get(cell));
        if (problem) {
          problems.set(result, problem);
          origins.push({ at, label: `${sheet.name}!${formatA1(cell)}` });
        }
      }
    }
    propagate(
      hf,
      origins,
      (key) => byKey.has(key),
      (key, origin) => {
        const { result } = byKey.get(key)!;
        if (!problems.has(result))
          problems.set(result, {
            cause: DEPENDS_CAUSE,
            what: `depends on unsupported cell ${origin}`,
          });
      }
    );
    const counts = new Map<string, number>();
    for (const { result, cell } of byKey.values()) {
      const problem = problems.get(result);
      if (!problem) continue;
      markUnsupported(result, cell, problem.what);
      counts.set(problem.cause, (counts.get(problem.cause) ?? 0) + 1);
    }
    const unsupportedCounts = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { results, warnings, unsupportedCounts };
  } finally {
    hf.destroy();
  }
}

/** A value as cell content the engine reads back as the same value. */
function asContent(value: CellValue): RawCellContent {
  if (value instanceof DetailedCellError)
    return HF_ERRORS.has(value.value) ? value.value : "#VALUE!";
  if (typeof value === "string") return `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

function scalarOf(value: CellValue | CellValue[][]): CellValue {
  return Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
}

/**
 * Iterative calculation, as Excel does it when the file enables it: the formulas of a circular
 * reference are computed again and again from the values they hold (Excel's saved values to
 * start with, as Excel starts from the cells' current values), until no value changes by more
 * than `delta` or `count` rounds have run. Each round computes every formula of the cycle from
 * the previous round's values; the engine then holds the results as the cells' values and
 * computes everything depending on them as usual. A cycle through an array formula is left as
 * it is (reported unsupported).
 */
function iterateCycles(
  hf: HyperFormula,
  book: FormulaBook,
  prepared: Map<FormulaCell, string>,
  iterate: { count: number; delta: number }
): void {
  const members: { at: SimpleCellAddress; formula: string }[] = [];
  let start: CellValue[] = [];
  for (const sheet of book.sheets) {
    const sheetId = hf.getSheetId(sheet.name)!;
    for (const cell of sheet.formulas) {
      const at = { sheet: sheetId, row: cell.row, col: cell.col };
      const value = hf.getCellValue(at);
      const own = hf.simpleCellAddressToString(at, { includeSheetName: true });
      if (!(value instanceof DetailedCellError) || value.type !== ErrorType.CYCLE) continue;
      if (value.address !== own || cell.array) continue;
      members.push({ at, formula: `=${prepared.get(cell)!}` });
      const saved = cell.cached?.[0]?.[0];
      start.push(saved === null || saved === undefined || isErrorConstant(saved) ? 0 : saved);
    }
  }
  if (members.length === 0) return;
  const place = (values: CellValue[]) =>
    hf.batch(() => members.forEach((m, i) => hf.setCellContents(m.at, [[asContent(values[i])]])));
  place(start);
  for (let round = 0; round < iterate.count; round++) {
    const next = members.map((m) => scalarOf(hf.calculateFormula(m.formula, m.at.sheet)));
    let change = 0;
    next.forEach((value, i) => {
      const before = start[i];
      if (typeof value === "number" && typeof before === "number")
        change = Math.max(change, Math.abs(value - before));
      else if (value !== before) change = Infinity;
    });
    place(next);
    start = next;
    if (change <= iterate.delta) break;
  }
}

/** An unsupported formula keeps the shape the file gives it and Excel's saved values. */
function markUnsupported(result: FormulaResult, cell: FormulaCell, what: string): void {
  const rows = cell.array?.rows ?? 1;
  const cols = cell.array?.cols ?? 1;
  const cached = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => cell.cached?.[r]?.[c] ?? null)
  );
  result.unsupported = what;
  result.cached = cached;
  result.isArray = cell.array !== undefined;
  result.values = cached.map((row) => row.map((v) => v ?? 0));
}
