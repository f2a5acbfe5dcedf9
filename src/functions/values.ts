/**
 * The values COMP functions see and return, independent of the host (Excel or HyperFormula).
 * Host adapters convert to and from these.
 */
import { CompError } from "../engine/errors";

export { CompError };

/** One cell: a number, text, a boolean, blank (null) or an error that came in from the sheet. */
export type Cell = number | string | boolean | null | CompError;

/** An argument: absent (null/undefined), or a matrix of cells (a single value is a 1×1 matrix). */
export type Arg = Cell[][] | null | undefined;

/** A function result: one value, or a matrix that spills. Errors may be elements of a matrix. */
export type Result = number | string | boolean | CompError | (number | CompError)[][];

export function isError(value: unknown): value is CompError {
  return value instanceof CompError;
}
