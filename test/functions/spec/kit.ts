/**
 * The spec tests' shared kit: everything from test/helpers/comp (call helpers, fixtures,
 * expectations) plus table helpers for the two shapes every COMP spec has — a table of
 * argument lists with the number each must give, and a table of argument lists with the
 * error each must give.
 */
import { compFn, expectError, expectNumber } from "../../helpers/comp";
import type { ErrorCode, Plain } from "../../helpers/comp";
import type { Result } from "../../../src/functions/values";
import { catalog } from "../../../src/functions/catalog";

export * from "../../helpers/comp";

/** A COMP function called with plain arguments (see `compFn`). */
export type CompCall = (...args: Plain[]) => Result;

/** [name, arguments, expected number, relative tolerance (default: the table's)]. */
export type ValueCase = [string, Plain[], number, number?];

/** [name, arguments, error code, regexes the message must match (or undefined)]. */
export type ErrorCase = [string, Plain[], ErrorCode, RegExp | RegExp[] | undefined];

/** One test per case: `fn(...args)` is the number `expected` (±`tol` relative). */
export function valueCases(fn: CompCall, cases: ValueCase[], tol = 1e-9): void {
  // a rest parameter: jest would pass `done` to a callback declaring more parameters than a row has
  test.each<ValueCase>(cases)("%s", (...[, args, expected, caseTol]) => {
    expectNumber(fn(...args), expected, caseTol ?? tol);
  });
}

/** One test per case: `fn(...args)` is the error `code`, its message matching `message`. */
export function errorCases(fn: CompCall, cases: ErrorCase[]): void {
  test.each<ErrorCase>(cases)("%s → %s", (_name, args, code, message) => {
    expectError(fn(...args), code, message);
  });
}

/** COMP.<name> for every function in the catalogue, as a caller of plain arguments. */
const callers: Record<string, CompCall> = Object.fromEntries(
  catalog.map((spec) => [spec.name, compFn(spec.name)])
);

export const { ALIGNMENT, ATTAINMENT, COMMISSION, CURVE, DRAW, GINI, MATRIX } = callers;
export const { MODIFIER, PAYOUT, PRORATE, TOPSHARE, WEIGHTED } = callers;
