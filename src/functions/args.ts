/**
 * Reading COMP function arguments: single values, option words, tables and element-wise
 * ranges, with the error an Excel user needs when one is wrong. Validation failures are thrown
 * as ArgError inside an implementation and turned into a returned error value by `guarded`, so
 * no exception ever escapes to the host.
 */
import { CompError, valueError } from "../engine/errors";
import type { Shape } from "./spec";
import type { Arg, Cell, Result } from "./values";

export class ArgError extends Error {
  constructor(readonly error: CompError) {
    super(error.message);
  }
}

export function fail(error: CompError): never {
  throw new ArgError(error);
}

/** Wraps an implementation so that it returns errors instead of throwing, whatever happens. */
export function guarded<A extends Arg[]>(impl: (...args: A) => Result): (...args: A) => Result {
  return (...args: A) => {
    try {
      return impl(...args);
    } catch (e) {
      if (e instanceof ArgError) return e.error;
      return valueError(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export const isBlank = (cell: Cell | undefined): cell is null | "" | undefined =>
  cell === null || cell === "" || cell === undefined;

export function shapeOf(arg: Arg): Shape {
  if (!arg || arg.length === 0) return { rows: 0, cols: 0 };
  return { rows: arg.length, cols: arg[0].length };
}

export function isAbsent(arg: Arg): arg is null | undefined {
  return (
    !arg || arg.length === 0 || (arg.length === 1 && arg[0].length === 1 && isBlank(arg[0][0]))
  );
}

function describe(cell: Cell): string {
  if (typeof cell === "string")
    return `text "${cell.length > 30 ? `${cell.slice(0, 30)}…` : cell}"`;
  if (typeof cell === "boolean") return `the logical value ${cell ? "TRUE" : "FALSE"}`;
  return String(cell);
}

export function notANumber(name: string, cell: Cell, where = ""): CompError {
  return valueError(`${name}${where} must be a number, not ${describe(cell)}`);
}

/** The one value of an argument that must be a single cell (blank → null). */
export function single(arg: Arg, name: string): Cell {
  if (!arg || arg.length === 0) return null;
  if (arg.length !== 1 || arg[0].length !== 1) {
    fail(valueError(`${name} must be a single value, not a ${arg.length}×${arg[0].length} range`));
  }
  return arg[0][0];
}

/** A single number; `fallback` when omitted or blank (undefined fallback: required). */
export function numberArg(arg: Arg, name: string, fallback?: number): number {
  const cell = single(arg, name);
  if (isBlank(cell)) {
    if (fallback === undefined) fail(valueError(`${name} is required`));
    return fallback;
  }
  if (cell instanceof CompError) fail(cell);
  if (typeof cell !== "number") fail(notANumber(name, cell));
  return cell;
}

/** A single TRUE/FALSE (1/0 accepted); `fallback` when omitted or blank. */
export function booleanArg(arg: Arg, name: string, fallback: boolean): boolean {
  const cell = single(arg, name);
  if (isBlank(cell)) return fallback;
  if (cell instanceof CompError) fail(cell);
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  if (typeof cell === "string" && /^(true|false)$/i.test(cell.trim()))
    return cell.trim().toUpperCase() === "TRUE";
  return fail(valueError(`${name} must be TRUE or FALSE, not ${describe(cell)}`));
}

/**
 * An option word, case-insensitive, `fallback` when omitted or blank. `aliases` maps extra
 * accepted words to canonical ones (RETRO → RETROACTIVE).
 */
export function wordArg<W extends string>(
  arg: Arg,
  name: string,
  words: readonly W[],
  fallback: W,
  aliases: Record<string, W> = {}
): W {
  const cell = single(arg, name);
  if (isBlank(cell)) return fallback;
  if (cell instanceof CompError) fail(cell);
  const word = String(cell).trim().toUpperCase();
  if ((words as readonly string[]).includes(word)) return word as W;
  if (word in aliases) return aliases[word];
  const accepted = [...words, ...Object.keys(aliases)].map((w) => `"${w}"`).join(", ");
  return fail(valueError(`${name} must be one of ${accepted}, not ${describe(cell)}`));
}

/** A table read as numbers, row by row, with the 1-based row of each within the range given. */
export interface NumberTable {
  rows: number[][];
  rowNumbers: number[];
}

const rowIsBlank = (row: Cell[]) => row.every(isBlank);
const rowIsHeader = (row: Cell[]) =>
  row.some((c) => !isBlank(c)) && row.every((c) => isBlank(c) || typeof c === "string");

/**
 * Reads a table argument: fully blank rows skipped, a first row of text a header (not in a
 * table of one row, where it is numbers stored as text); every kept cell must be a number.
 * `cols` fixes the column count.
 */
export function tableArg(arg: Arg, name: string, cols: number): NumberTable {
  if (!arg || arg.length === 0) fail(valueError(`${name} is required`));
  const width = arg[0].length;
  if (width !== cols) fail(valueError(`${name} must have ${cols} columns, not ${width}`));
  const rows: number[][] = [];
  const rowNumbers: number[] = [];
  const header = arg.length > 1 ? firstNonBlankRow(arg) : -1;
  for (let r = 0; r < arg.length; r++) {
    const row = arg[r];
    if (rowIsBlank(row)) continue;
    if (r === header && rowIsHeader(row)) continue;
    const values = row.map((cell, c) => {
      if (cell instanceof CompError) fail(cell);
      if (typeof cell !== "number") {
        fail(
          valueError(
            `${name} row ${r + 1}, column ${c + 1} must be a number, not ${isBlank(cell) ? "blank" : describe(cell)}`
          )
        );
      }
      return cell;
    });
    rows.push(values);
    rowNumbers.push(r + 1);
  }
  if (rows.length === 0) fail(valueError(`${name} has no rows of numbers`));
  return { rows, rowNumbers };
}

function firstNonBlankRow(arg: Cell[][]): number {
  for (let r = 0; r < arg.length; r++) if (!rowIsBlank(arg[r])) return r;
  return -1;
}

/** Columns c0..c0+width-1 of a matrix, for tables given side by side. */
export function columns(arg: Cell[][], c0: number, width: number): Cell[][] {
  return arg.map((row) => row.slice(c0, c0 + width));
}

/**
 * All the numbers of a range, in reading order: blanks skipped (or counted as `blankAs`), a
 * first row of text skipped as a header; any other non-number is an error naming its cell. A
 * range of one row has nothing under a header: its text is data (numbers stored as text), an
 * error, not a header leaving "no numbers".
 */
export function numbersArg(arg: Arg, name: string, blankAs?: number): number[] {
  if (!arg || arg.length === 0) return [];
  const out: number[] = [];
  const header = arg.length > 1 ? firstNonBlankRow(arg) : -1;
  for (let r = 0; r < arg.length; r++) {
    const row = arg[r];
    if (r === header && rowIsHeader(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number") out.push(cell);
      else if (isBlank(cell)) {
        if (blankAs !== undefined) out.push(blankAs);
      } else if (cell instanceof CompError) fail(cell);
      else fail(notANumber(name, cell, ` (row ${r + 1}, column ${c + 1})`));
    }
  }
  return out;
}
