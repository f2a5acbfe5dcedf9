/**
 * Excel's side of the COMP functions: registers every catalogue function with
 * CustomFunctions.associate under the ids of the generated functions.json. Excel passes
 * scalar parameters as plain values, matrix parameters as 2-D arrays, omitted optional
 * arguments as null, and blank cells as null or ""; the catalogue's values already are these.
 * Element-wise parameters set `allowErrorForDataTypeAny` (metadata.ts), so Excel passes error
 * cells in as CustomFunctions.Error objects: they become CompErrors, exactly as the headless
 * engine turns its error cells into CompErrors (hfValues.ts), and the function puts them in
 * the elements they belong to. Results' CompErrors become CustomFunctions.Error objects.
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

const COMP_CODES = new Set<string>(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);

/** An error value Excel passed in (a CustomFunctions.Error: `code` is the error's text). */
function incomingError(value: unknown): CompError | null {
  if (typeof value !== "object" || value === null || value instanceof CompError) return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("#")) return null;
  const message = (value as { message?: unknown }).message;
  const text = typeof message === "string" ? message : "";
  if (COMP_CODES.has(code)) return new CompError(code as CompError["code"], text);
  // #REF!, #NAME?, #NULL!, #SPILL!, …: COMP has no such code; as in the headless engine.
  return new CompError(
    "#VALUE!",
    text ? `${code} in an argument: ${text}` : `${code} in an argument`
  );
}

/** An argument with Excel's error objects turned into CompErrors (copied only when it has one). */
export function fromExcelArg(value: unknown): unknown {
  if (!Array.isArray(value)) return incomingError(value) ?? value;
  let out: unknown[][] | null = null;
  for (let r = 0; r < value.length; r++) {
    const row = value[r] as unknown[];
    for (let c = 0; c < row.length; c++) {
      const error = incomingError(row[c]);
      if (!error) continue;
      out ??= value.map((cells: unknown[]) => cells.slice());
      out[r][c] = error;
    }
  }
  return out ?? value;
}

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
      const cells = fromExcelArg(value);
      return (scalar[i] ? [[cells]] : cells) as Arg;
    });
    return toExcelResult(spec.impl(...normalised));
  };
}

export function registerCustomFunctions(): void {
  for (const spec of catalog) CustomFunctions.associate(spec.name, excelFunction(spec));
}

if (typeof CustomFunctions !== "undefined") registerCustomFunctions();
