/**
 * The spec tests' shared kit: everything from test/helpers/comp (call helpers, fixtures,
 * expectations) plus table helpers for the two shapes every COMP spec has — a table of
 * argument lists with the number each must give, and a table of argument lists with the
 * error each must give.
 */
import { compFn, expectError, expectNumber } from "../../helpers/comp";
import type { ErrorCode, Plain } from "../../helpers/comp";
import type { Result } from "../../../src/functions/values";

export * from "../../helpers/comp";

/** A COMP function called with plain arguments (see `compFn`). */
export type CompCall = (...args: Plain[]) => Result;

/** [name, arguments, expected number]. */
export type ValueCase = [string, Plain[], number];

/** [name, arguments, error code, regexes the message must match (or undefined)]. */
export type ErrorCase = [string, Plain[], ErrorCode, RegExp | RegExp[] | undefined];

/** One test per case: `fn(...args)` is the number `expected` (±`tol` relative). */
export function valueCases(fn: CompCall, cases: ValueCase[], tol = 1e-9): void {
  test.each<ValueCase>(cases)("%s", (_name, args, expected) => {
    expectNumber(fn(...args), expected, tol);
  });
}

/** One test per case: `fn(...args)` is the error `code`, its message matching `message`. */
export function errorCases(fn: CompCall, cases: ErrorCase[]): void {
  test.each<ErrorCase>(cases)("%s → %s", (_name, args, code, message) => {
    expectError(fn(...args), code, message);
  });
}

/** The catalogue's functions as callers of plain arguments. */
export const ALIGNMENT = compFn("ALIGNMENT");
export const ATTAINMENT = compFn("ATTAINMENT");
export const COMMISSION = compFn("COMMISSION");
export const CURVE = compFn("CURVE");
export const DRAW = compFn("DRAW");
export const GINI = compFn("GINI");
export const MATRIX = compFn("MATRIX");
export const MODIFIER = compFn("MODIFIER");
export const PAYOUT = compFn("PAYOUT");
export const PRORATE = compFn("PRORATE");
export const TOPSHARE = compFn("TOPSHARE");
export const WEIGHTED = compFn("WEIGHTED");
