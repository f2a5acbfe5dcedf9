/**
 * Table arguments read into engine structures, with errors that name the row a user must fix.
 */
import {
  makeCurve,
  curveProblem,
  type Curve,
  type CurveBeyond,
  type CurveMethod,
} from "../engine/curve";
import { makeTiers, tiersProblem, type Tiers } from "../engine/commission";
import { CompError, valueError } from "../engine/errors";
import {
  firstNegative,
  firstNonAscending,
  notAscending,
  type ColumnProblem,
} from "../engine/lookup";
import type { RateMatrix } from "../engine/matrix";
import type { StepTable } from "../engine/modifier";
import { fail, isBlank, tableArg, type NumberTable } from "./args";
import type { Arg, Cell } from "./values";

const column = (table: NumberTable, c: number) => table.rows.map((row) => row[c]);

/**
 * The two columns of a two-column table, checked by `problemOf`; a problem fails with a
 * #VALUE! that names the table's row ("curve_table row 3: ...").
 */
function checkedColumns(
  arg: Arg,
  name: string,
  problemOf: (first: number[], second: number[]) => ColumnProblem
): [number[], number[]] {
  const table = tableArg(arg, name, 2);
  const first = column(table, 0);
  const second = column(table, 1);
  const problem = problemOf(first, second);
  if (problem)
    fail(valueError(`${name} row ${table.rowNumbers[problem.index]}: ${problem.message}`));
  return [first, second];
}

export function curveArg(arg: Arg, name: string, method: CurveMethod, beyond: CurveBeyond): Curve {
  const [points, rates] = checkedColumns(arg, name, curveProblem);
  return makeCurve(points, rates, method, beyond);
}

export function tiersArg(arg: Arg, name: string, scale: number): Tiers {
  const [bounds, rates] = checkedColumns(arg, name, tiersProblem);
  return makeTiers(bounds, rates, scale);
}

/** (lower bound, value) rows with ascending bounds and non-negative values. */
export function stepTableArg(arg: Arg, name: string, valueName: string): StepTable {
  const [bounds, values] = checkedColumns(
    arg,
    name,
    (bounds, values) => notAscending(bounds, "lower bounds") ?? firstNegative(values, valueName)
  );
  return { bounds: Float64Array.from(bounds), values: Float64Array.from(values) };
}

function matrixNumber(cell: Cell, name: string, r: number, c: number): number {
  if (typeof cell === "number") return cell;
  if (cell instanceof CompError) fail(cell);
  return fail(
    valueError(
      `${name} row ${r + 1}, column ${c + 1} must be a number, not ${isBlank(cell) ? "blank" : `"${String(cell)}"`}`
    )
  );
}

/**
 * A rate matrix: top-left ignored, the rest of the first row column breakpoints, the rest of
 * the first column row breakpoints, the body rates. Fully blank rows are skipped, and so is a
 * first row of text (a title).
 */
export function rateMatrixArg(arg: Arg, name: string): RateMatrix {
  if (!arg || arg.length === 0) fail(valueError(`${name} is required`));
  const kept: number[] = [];
  arg.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const isTitle = kept.length === 0 && row.every((c) => isBlank(c) || typeof c === "string");
    if (!isTitle) kept.push(r);
  });
  const cols = arg[0].length;
  if (kept.length < 2 || cols < 2) {
    fail(
      valueError(
        `${name} needs a row of column breakpoints, a column of row breakpoints and at least one rate`
      )
    );
  }
  const [head, ...bodyRows] = kept;
  const colBreaks = arg[head].slice(1).map((cell, c) => matrixNumber(cell, name, head, c + 1));
  const badCol = firstNonAscending(colBreaks);
  if (badCol >= 0)
    fail(
      valueError(
        `${name} row ${head + 1}: column breakpoints must be strictly ascending (column ${badCol + 2})`
      )
    );
  const rowBreaks = bodyRows.map((r) => matrixNumber(arg[r][0], name, r, 0));
  const badRow = firstNonAscending(rowBreaks);
  if (badRow >= 0)
    fail(
      valueError(`${name} row ${bodyRows[badRow] + 1}: row breakpoints must be strictly ascending`)
    );
  const rates = new Float64Array(rowBreaks.length * colBreaks.length);
  bodyRows.forEach((r, i) => {
    for (let c = 1; c < cols; c++) {
      const rate = matrixNumber(arg[r][c], name, r, c);
      if (rate < 0)
        fail(valueError(`${name} row ${r + 1}, column ${c + 1}: rate ${rate} is negative`));
      rates[i * colBreaks.length + (c - 1)] = rate;
    }
  });
  return {
    rowBreaks: Float64Array.from(rowBreaks),
    colBreaks: Float64Array.from(colBreaks),
    rates,
  };
}
