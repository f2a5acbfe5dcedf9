/**
 * Test helpers for the COMP catalogue: call a function by name with plain JS values, and
 * compare results (numbers, CompErrors, or matrices of them) with hand-computed expectations.
 *
 * Conversions done by `comp(name, ...args)`:
 *   number | string | boolean | null | CompError  → [[v]]   (a single cell)
 *   1-D array                                      → a COLUMN ([[a], [b], ...])
 *   2-D array                                      → as is
 *   undefined                                      → null     (an omitted optional argument)
 */
import { catalog } from "../../src/functions/catalog";
import type { FunctionSpec } from "../../src/functions/spec";
import type { Arg, Cell, Result } from "../../src/functions/values";
import { CompError } from "../../src/engine/errors";
import type { ErrorCode } from "../../src/engine/errors";

export { CompError };
export type { ErrorCode };

export type PlainCell = Cell;
export type Plain = PlainCell | undefined | PlainCell[] | PlainCell[][];

/** Every element of a result: a number or an error. */
export type Element = number | CompError;

export function specOf(name: string): FunctionSpec {
  const spec = catalog.find((s) => s.name === name);
  if (!spec) throw new Error(`COMP.${name} is not in the catalogue`);
  return spec;
}

export function toArg(value: Plain): Arg {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((row) => Array.isArray(row))) return value as Cell[][];
    if (value.some((row) => Array.isArray(row))) throw new Error("mixed 1-D/2-D test argument");
    return (value as Cell[]).map((v) => [v]);
  }
  return [[value]];
}

/** Calls COMP.<name> the way the host adapters do: every argument a matrix, omitted → null. */
export function comp(name: string, ...args: Plain[]): Result {
  return specOf(name).impl(...args.map(toArg));
}

/** COMP.<name> as a function of plain arguments: `const CURVE = compFn("CURVE")`. */
export const compFn =
  (name: string) =>
  (...args: Plain[]): Result =>
    comp(name, ...args);

/** docs/domain.md's commission tiers: 3% from 0, 5% from 300k, 7% from 500k. */
export const DOMAIN_TIERS: Plain = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
];

/** A payout curve: 50% at 50% attainment, 100% at target, 200% at 150%. */
export const CURVE_TABLE: Plain = [
  [0.5, 0.5],
  [1.0, 1.0],
  [1.5, 2.0],
];

/** A CompError standing for an error value in an input cell. */
export const E = (code: ErrorCode, message = "from the sheet"): CompError =>
  new CompError(code, message);

export function isError(value: unknown): value is CompError {
  return value instanceof CompError;
}

/** Unwraps a 1×1 matrix to its element; anything else is returned as is. */
export function single(result: Result): Result {
  if (
    Array.isArray(result) &&
    result.length === 1 &&
    Array.isArray(result[0]) &&
    result[0].length === 1
  ) {
    return result[0][0];
  }
  return result;
}

function describe(value: unknown): string {
  if (value instanceof CompError)
    return `CompError(${value.code}, ${JSON.stringify(value.message)})`;
  if (Array.isArray(value)) return `[${value.map(describe).join(", ")}]`;
  return JSON.stringify(value) ?? String(value);
}

/** Relative/absolute closeness: |a − b| ≤ tol · max(1, |b|). */
export function close(actual: number, expected: number, tol = 1e-9): boolean {
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

/** The result is a single number (or a 1×1 matrix holding one) close to `expected`. */
export function expectNumber(result: Result, expected: number, tol = 1e-9): void {
  const value = single(result);
  if (typeof value !== "number" || !Number.isFinite(value) || !close(value, expected, tol)) {
    throw new Error(`expected the number ${expected} (±${tol} relative), got ${describe(result)}`);
  }
}

/** The result is exactly `expected` (a single number or a 1×1 matrix holding it). */
export function expectExactly(result: Result, expected: number): void {
  const value = single(result);
  if (value !== expected) throw new Error(`expected exactly ${expected}, got ${describe(result)}`);
}

/** The result is a single error (or a 1×1 matrix holding one) of `code`, message matching `message`. */
export function expectError(result: Result, code: ErrorCode, message?: RegExp | RegExp[]): void {
  const value = single(result);
  if (!(value instanceof CompError)) throw new Error(`expected ${code}, got ${describe(result)}`);
  checkError(value, code, message, describe(result));
}

function checkError(
  value: CompError,
  code: ErrorCode,
  message: RegExp | RegExp[] | undefined,
  whole: string
) {
  if (value.code !== code) throw new Error(`expected ${code}, got ${whole}`);
  for (const re of message === undefined ? [] : Array.isArray(message) ? message : [message]) {
    if (!re.test(value.message))
      throw new Error(`expected the ${code} message to match ${re}, got ${whole}`);
  }
}

/** The result is any error (a single one or in a 1×1 matrix). */
export function expectSomeError(result: Result): CompError {
  const value = single(result);
  if (!(value instanceof CompError)) throw new Error(`expected an error, got ${describe(result)}`);
  return value;
}

/**
 * Expected matrix element: a number (compared with tolerance), an error code string such as
 * "#VALUE!" (the element must be a CompError with that code), or "error" (any CompError).
 */
export type Expected = number | ErrorCode | "error";

/** The result is a matrix of exactly this shape whose elements match `expected`. */
export function expectMatrix(result: Result, expected: Expected[][], tol = 1e-9): void {
  const whole = describe(result);
  if (!Array.isArray(result))
    throw new Error(`expected a ${expected.length}×${expected[0].length} matrix, got ${whole}`);
  const rows = result.length;
  const cols = rows > 0 && Array.isArray(result[0]) ? result[0].length : -1;
  if (
    rows !== expected.length ||
    result.some((row) => !Array.isArray(row) || row.length !== expected[0].length)
  ) {
    throw new Error(
      `expected a ${expected.length}×${expected[0].length} matrix, got ${rows}×${cols}: ${whole}`
    );
  }
  expected.forEach((row, i) =>
    row.forEach((want, j) => {
      const got = result[i][j];
      if (typeof want === "number") {
        if (typeof got !== "number" || !Number.isFinite(got) || !close(got, want, tol)) {
          throw new Error(
            `element [${i}][${j}]: expected ${want}, got ${describe(got)} in ${whole}`
          );
        }
      } else if (!(got instanceof CompError) || (want !== "error" && got.code !== want)) {
        throw new Error(`element [${i}][${j}]: expected ${want}, got ${describe(got)} in ${whole}`);
      }
    })
  );
}

/** A column of expected values, for readability: col(1, 2, "#VALUE!") → [[1], [2], ["#VALUE!"]]. */
export const col = (...values: Expected[]): Expected[][] => values.map((v) => [v]);

/** The result as a matrix of elements (a single value becomes 1×1). */
export function asMatrix(result: Result): Element[][] {
  if (Array.isArray(result)) return result;
  if (typeof result === "number" || result instanceof CompError) return [[result]];
  throw new Error(
    `a COMP result must be a number, a CompError or a matrix, got ${describe(result)}`
  );
}

/** The numeric value of a single-value result, or NaN when it is an error (for properties). */
export function num(result: Result): number {
  const value = single(result);
  return typeof value === "number" ? value : NaN;
}

/** Excel serial number of a date (1900 date system, valid from 1900-03-01 = 61 on). */
export function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Regexes asserting that a message lists every accepted word (case-insensitively). */
export const lists = (...words: string[]): RegExp[] =>
  words.map((w) => new RegExp(`\\b${w}\\b`, "i"));

/** A regex asserting that a message names row `n` ("row 3", "Row 3:", "row #3", ...). */
export const row = (n: number): RegExp => new RegExp(`row\\s*#?\\s*${n}(?!\\d)`, "i");
