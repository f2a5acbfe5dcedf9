/**
 * Conversions between HyperFormula's values and the host-independent values COMP functions see
 * (values.ts): an argument in, a result out. Nothing else of HyperFormula leaks past this file
 * and the plugin that uses it.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import { CompError, type ErrorCode } from "../engine/errors";
import type { Shape } from "./spec";
import type { Arg, Cell, Result } from "./values";

/** What HyperFormula hands a plugin for one argument (scalar, range, or undefined when omitted). */
export type HfArgument = unknown;

const FROM_HF: Partial<Record<ErrorType, ErrorCode>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
};

const TO_HF: Record<ErrorCode, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

/** HyperFormula's own error text for the types COMP has no code for (#REF!, #NAME?, ...). */
const HF_ERROR_TEXT: Partial<Record<ErrorType, string>> = {
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};

function fromHfError(error: CellError): CompError {
  const code = FROM_HF[error.type];
  if (code) return new CompError(code, error.message ?? "");
  const text = HF_ERROR_TEXT[error.type] ?? error.type;
  return new CompError(
    "#VALUE!",
    error.message ? `${text} in an argument: ${error.message}` : `${text} in an argument`
  );
}

/** HyperFormula's rich numbers (dates, percents, currency) carry the plain number in `val`. */
function isRichNumber(value: unknown): value is { val: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number"
  );
}

/** One HyperFormula scalar as a COMP cell. */
export function toCell(value: unknown): Cell {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    default:
      if (value === EmptyValue || value === undefined || value === null) return null;
      if (value instanceof CellError) return fromHfError(value);
      if (isRichNumber(value)) return value.val;
      return new CompError("#VALUE!", `unsupported value ${String(value)}`);
  }
}

function rangeToMatrix(range: SimpleRangeValue): Cell[][] {
  const data = range.data;
  const out: Cell[][] = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const cells: Cell[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) cells[c] = toCell(row[c]);
    out[r] = cells;
  }
  return out;
}

/**
 * One argument as COMP expects it: a matrix, or null when omitted. `omitted` says the formula
 * leaves this optional argument out (`f(a,,c)`): its empty value is then null, as Excel passes
 * an omitted optional. A blank cell given to it stays a blank cell ([[null]]), which option
 * words and defaults read as their default but COMP.COMMISSION's quota does not take as absent.
 */
export function toArg(value: HfArgument, omitted: boolean): Arg {
  if (value === undefined) return null;
  if (value instanceof SimpleRangeValue) return rangeToMatrix(value);
  if (value === EmptyValue && omitted) return null;
  return [[toCell(value)]];
}

/** Rows × columns of an argument as HyperFormula passed it (undefined when omitted). */
export function argShape(value: HfArgument): Shape | undefined {
  if (value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) return { rows: value.height(), cols: value.width() };
  return { rows: 1, cols: 1 };
}

export function toHfError(error: CompError): CellError {
  return new CellError(TO_HF[error.code] ?? ErrorType.VALUE, error.message || undefined);
}

type HfScalar = number | string | boolean | CellError;

function toHfScalar(value: unknown, name: string): HfScalar {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value)
        ? value
        : new CellError(ErrorType.NUM, `${name} produced ${value}`);
    case "string":
    case "boolean":
      return value;
    default:
      if (value instanceof CompError) return toHfError(value);
      return new CellError(ErrorType.VALUE, `${name} produced no value`);
  }
}

function isRectangular(matrix: unknown[][]): boolean {
  const cols = matrix[0]?.length ?? 0;
  return cols > 0 && matrix.every((row) => Array.isArray(row) && row.length === cols);
}

/**
 * A COMP result as HyperFormula expects it: a scalar, or a range when it has more than one
 * cell. `limit` gives the largest shape the host sized for the result: a bigger matrix cannot
 * be placed and becomes #VALUE! rather than an engine failure.
 */
export function fromResult(
  result: Result,
  name: string,
  limit: () => Shape
): HfScalar | SimpleRangeValue {
  if (!Array.isArray(result)) return toHfScalar(result, name);
  if (!isRectangular(result))
    return new CellError(ErrorType.VALUE, `${name} produced a malformed result`);
  const rows = result.length;
  const cols = result[0].length;
  if (rows === 1 && cols === 1) return toHfScalar(result[0][0], name);
  const { rows: maxRows, cols: maxCols } = limit();
  if (rows > maxRows || cols > maxCols) {
    return new CellError(
      ErrorType.VALUE,
      `${name} produced ${rows}×${cols} values where ${maxRows}×${maxCols} were expected`
    );
  }
  return SimpleRangeValue.onlyValues(result.map((row) => row.map((v) => toHfScalar(v, name))));
}
