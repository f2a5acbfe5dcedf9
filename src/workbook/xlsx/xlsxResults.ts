/**
 * The xlsx adapter's writing side for formula evaluation: computed values stored as each
 * formula's cached result, so Excel, LibreOffice and file viewers show them. Formulas, styles
 * and other sheets stay as they are; a result that fills a range is written as an array
 * formula over that range with the values in its cells.
 */
import type { Worksheet } from "exceljs";
import { formatRange } from "../a1";
import { writeFileAtomic } from "../atomicFile";
import { isErrorConstant, type ComputedFormula, type ComputedValue } from "../formulaGrid";
import { DATA_TABLE, type FormulaWorkbook } from "./xlsxFormulas";

/** Error values an .xlsx file may hold; the engine's own (#CYCLE!, #ERROR!, ...) are written as #VALUE!. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
]);

type CachedValue = number | string | boolean | { error: string };

function cached(value: ComputedValue): CachedValue {
  if (!isErrorConstant(value)) return value;
  return { error: EXCEL_ERRORS.has(value.error) ? value.error : "#VALUE!" };
}

function writeArray(worksheet: Worksheet, result: ComputedFormula): void {
  const rows = result.values.length;
  const cols = result.values[0].length;
  const ref = formatRange({ start: result, rows, cols });
  result.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = worksheet.getCell(result.row + r + 1, result.col + c + 1);
      if (r === 0 && c === 0) {
        cell.value = {
          formula: result.formula,
          result: cached(value),
          shareType: "array",
          ref,
        } as never;
      } else {
        cell.value = cached(value) as never;
      }
    })
  );
}

/**
 * A formula with its value. A cell of a fill (a shared formula) is written with its own
 * formula text: LibreOffice recalculates shared formulas on load instead of showing their
 * values, and it cannot compute COMP functions.
 */
function writeSingle(worksheet: Worksheet, result: ComputedFormula): void {
  const cell = worksheet.getCell(result.row + 1, result.col + 1);
  cell.value = { formula: result.formula, result: cached(result.values[0][0]) } as never;
}

/**
 * A formula the engine could not recompute keeps the value Excel saved, written with its own
 * formula text (a cell of a fill may have lost its master, rewritten above).
 */
function writeUnsupported(worksheet: Worksheet, result: ComputedFormula): void {
  const saved = result.cached ?? [[null]];
  if (result.formula === DATA_TABLE) {
    // exceljs cannot write a data table back (it writes an empty formula): its saved values.
    saved.forEach((row, r) =>
      row.forEach((value, c) => {
        worksheet.getCell(result.row + r + 1, result.col + c + 1).value = value as never;
      })
    );
    return;
  }
  saved.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = worksheet.getCell(result.row + r + 1, result.col + c + 1);
      if (r === 0 && c === 0) {
        const base = result.declaredArray
          ? {
              formula: result.formula,
              shareType: "array",
              ref: formatRange({ start: result, rows: saved.length, cols: row.length }),
            }
          : { formula: result.formula };
        cell.value = (value === null ? base : { ...base, result: value }) as never;
      } else if (value !== null) {
        cell.value = value as never;
      }
    })
  );
}

/**
 * Sets every result as its formula's cached value in the workbook (in memory); a formula not
 * recomputed keeps Excel's saved value.
 */
export function applyResults(workbook: FormulaWorkbook, results: readonly ComputedFormula[]): void {
  for (const result of results) {
    const worksheet = workbook.getWorksheet(result.sheet);
    if (!worksheet) throw new Error(`sheet "${result.sheet}" is not in the workbook`);
    if (result.unsupported !== undefined) writeUnsupported(worksheet, result);
    else if (result.isArray) writeArray(worksheet, result);
    else writeSingle(worksheet, result);
  }
}

/** Writes the workbook to `path` atomically; nothing is written if serialising fails. */
export async function saveXlsx(workbook: FormulaWorkbook, path: string): Promise<void> {
  const bytes = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(bytes as ArrayBuffer));
}
