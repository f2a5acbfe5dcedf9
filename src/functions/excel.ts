/**
 * Excel's side of the COMP functions: registers every catalogue function with
 * CustomFunctions.associate under the ids of the generated functions.json. Excel passes
 * scalar parameters as plain values, matrix parameters as 2-D arrays, omitted optional
 * arguments as null, and blank cells as null or ""; the catalogue's values already are these,
 * so the only work per call is wrapping scalars and turning error values into
 * CustomFunctions.Error objects.
 */
import { catalog } from "./catalog";
import type { FunctionSpec } from "./spec";
import type { Arg, Result } from "./values";
import { CompError } from "./values";

type ExcelValue = number | string | boolean | CustomFunctions.Error;

// Looked up when needed: outside Office, office.js defines CustomFunctions without ErrorCode.
const ERROR_CODE_KEYS: Record<CompError["code"], keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
};

/** Excel shows a custom message only on #VALUE! and #N/A. */
export function toExcelError(error: CompError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[ERROR_CODE_KEYS[error.code]];
  const withMessage = error.code === "#VALUE!" || error.code === "#N/A";
  return withMessage && error.message
    ? new CustomFunctions.Error(code, error.message)
    : new CustomFunctions.Error(code);
}

export function toExcelResult(result: Result): ExcelValue | ExcelValue[][] {
  if (result instanceof CompError) return toExcelError(result);
  if (!Array.isArray(result)) return result;
  // Errors are rare: convert in place rather than copying a possibly million-cell result.
  const matrix = result as ExcelValue[][];
  for (const row of matrix) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value instanceof CompError) row[c] = toExcelError(value);
    }
  }
  return matrix;
}

/** The function Excel calls for one catalogue entry. */
export function excelFunction(
  spec: FunctionSpec
): (...args: unknown[]) => ExcelValue | ExcelValue[][] {
  const scalar = spec.params.map((p) => p.dimensionality === "scalar");
  return (...args: unknown[]) => {
    const normalised: Arg[] = spec.params.map((_, i) => {
      const value = args[i];
      if (value === null || value === undefined) return null;
      return (scalar[i] ? [[value]] : value) as Arg;
    });
    return toExcelResult(spec.impl(...normalised));
  };
}

export function registerCustomFunctions(): void {
  for (const spec of catalog) CustomFunctions.associate(spec.name, excelFunction(spec));
}

if (typeof CustomFunctions !== "undefined") registerCustomFunctions();
