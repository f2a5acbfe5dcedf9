/**
 * COMP.MATRIX(row_value, col_value, matrix_table, [method]): linked plan. Top-left cell ignored,
 * rest of the first row = ascending column breakpoints, rest of the first column = ascending row
 * breakpoints, body = rates. STEP (default): the cell at the highest breakpoints ≤ each value;
 * LINEAR: bilinear interpolation, held at the last breakpoints. Below either first breakpoint → 0.
 * Element-wise in row_value and col_value. Non-ascending breakpoints / non-numeric body → #VALUE!.
 */
import { MATRIX, col, E, expectError, expectMatrix, expectNumber, lists, errorCases } from "./kit";
import type { Plain, PlainCell } from "./kit";

//            col: 0.8  1.0  1.2
const M: Plain = [
  [null, 0.8, 1.0, 1.2],
  [0.8, 0.5, 0.7, 0.9], // row 0.8
  [1.0, 0.8, 1.0, 1.3], // row 1.0
  [1.2, 1.0, 1.4, 1.8], // row 1.2
];
/** The same table with a label in the (ignored) top-left cell. */
const ML: Plain = [["Revenue \\ Margin", 0.8, 1.0, 1.2], ...(M as (number | null)[][]).slice(1)];

describe("COMP.MATRIX STEP (default) and LINEAR", () => {
  // STEP: the cell at the highest breakpoints ≤ each value; LINEAR: bilinear, held at the last
  test.each<[string, number, number, number, number]>([
    ["on the first breakpoints", 0.8, 0.8, 0.5, 0.5],
    ["on a grid point", 1.0, 1.0, 1.0, 1.0],
    // STEP: row ≤ 1.1 → 1.0, col ≤ 1.1 → 1.0 → 1.0; LINEAR: (1.0 + 1.3 + 1.4 + 1.8) / 4 = 1.375
    ["between breakpoints", 1.1, 1.1, 1.0, 1.375],
    // STEP: row 0.8, col 0.8 → 0.5; LINEAR midway in both: (0.5 + 0.7 + 0.8 + 1.0) / 4 = 0.75
    ["centre of a cell", 0.9, 0.9, 0.5, 0.75],
    // STEP: row ≤ 1.25 → 1.2, col ≤ 0.9 → 0.8 → 1.0; LINEAR: row held at 1.2, (1.0 + 1.4) / 2 = 1.2
    ["row high, column low", 1.25, 0.9, 1.0, 1.2],
    // orientation: row 1.0 × col 1.2 = 1.3, row 1.2 × col 1.0 = 1.4
    ["row value picks the row", 1.0, 1.2, 1.3, 1.3],
    ["column value picks the column", 1.2, 1.0, 1.4, 1.4],
    // LINEAR: row midway 1.0–1.2 at col 1.0: (1.0 + 1.4) / 2 = 1.2; STEP: row 1.0 → 1.0
    ["along a column", 1.1, 1.0, 1.0, 1.2],
    // LINEAR: col midway 1.0–1.2 at row 1.0: (1.0 + 1.3) / 2 = 1.15; STEP: col 1.0 → 1.0
    ["along a row", 1.0, 1.1, 1.0, 1.15],
    // LINEAR: row t = 0.25, col u = 0.75: row 1.0: 1.0 + 0.75 × 0.3 = 1.225; row 1.2: 1.4 + 0.75 × 0.4
    // = 1.7; 1.225 + 0.25 × (1.7 − 1.225) = 1.34375. STEP: row 1.0, col 1.0 → 1.0
    ["general bilinear point", 1.05, 1.15, 1.0, 1.34375],
    ["held at the last breakpoints", 2, 2, 1.8, 1.8],
    ["beyond the last breakpoints holds the corner", 5, 5, 1.8, 1.8],
    // LINEAR: row held at 1.2, col midway 0.8–1.0: (1.0 + 1.4) / 2 = 1.2; STEP: row 1.2, col 0.8
    ["row held, column interpolated", 2, 0.9, 1.0, 1.2],
    // LINEAR: col held at 1.2, row midway 0.8–1.0: (0.9 + 1.3) / 2 = 1.1; STEP: row 0.8, col 1.2
    ["column held, row interpolated", 0.9, 2, 0.9, 1.1],
    ["below the first row breakpoint → 0", 0.7, 1.0, 0, 0],
    ["just below the first row breakpoint → 0", 0.79, 1.0, 0, 0],
    ["below the first column breakpoint → 0", 1.0, 0.5, 0, 0],
    ["just below the first column breakpoint → 0", 1.0, 0.79, 0, 0],
    ["below both → 0", 0, 0, 0, 0],
  ])("%s: MATRIX(%p, %p) = %p STEP, %p LINEAR", (_name, r, c, step, linear) => {
    expectNumber(MATRIX(r, c, M), step);
    expectNumber(MATRIX(r, c, M, null), step);
    expectNumber(MATRIX(r, c, M, "STEP"), step);
    expectNumber(MATRIX(r, c, ML, "step"), step);
    expectNumber(MATRIX(r, c, M, "LINEAR"), linear);
    expectNumber(MATRIX(r, c, ML, "linear"), linear);
  });
});

describe("COMP.MATRIX element-wise", () => {
  test("a column of row values with one column value", () => {
    // col 1.0: rows 0.8 → 0.7, 1.0 → 1.0, 1.2 → 1.4, 0.5 → 0, "x" → #VALUE!
    expectMatrix(MATRIX([0.8, 1.0, 1.2, 0.5, "x"], 1.0, M), col(0.7, 1.0, 1.4, 0, "#VALUE!"));
  });

  test("one row value with a row of column values", () => {
    // row 1.0: cols 0.8 → 0.8, 1.0 → 1.0, 1.2 → 1.3
    expectMatrix(MATRIX(1.0, [[0.8, 1.0, 1.2]], M), [[0.8, 1.0, 1.3]]);
  });

  test("row and column values of the same shape pair up", () => {
    // (0.8, 1.2) → 0.9; (1.2, 0.8) → 1.0; (#N/A, 1) → #N/A
    expectMatrix(MATRIX([0.8, 1.2, E("#N/A")], [1.2, 0.8, 1], M), col(0.9, 1.0, "#N/A"));
  });

  test("mismatched shapes → #VALUE!", () => {
    expectError(MATRIX([0.8, 1.2], [1, 1, 1], M), "#VALUE!");
  });
});

/**
 * A small valid table — columns 0.8, 1.0; rows 0.8, 1.0; body 1, 2 / 3, 4 — with the given
 * [row, column, value] cells replaced, so that each bad table shows only what is wrong with it.
 */
function small(...cells: [number, number, PlainCell][]): PlainCell[][] {
  const table: PlainCell[][] = [
    [null, 0.8, 1.0],
    [0.8, 1, 2],
    [1.0, 3, 4],
  ];
  for (const [r, c, value] of cells) table[r][c] = value;
  return table;
}

describe("COMP.MATRIX errors", () => {
  errorCases(MATRIX, [
    [
      "column breakpoints not ascending",
      [1, 1, small([0, 1, 1.0], [0, 2, 0.8])],
      "#VALUE!",
      undefined,
    ],
    ["duplicate row breakpoints", [1, 1, small([1, 0, 1.0])], "#VALUE!", undefined],
    ["text in the body", [1, 1, small([1, 2, "two"])], "#VALUE!", undefined],
    ["a boolean in the body", [1, 1, small([1, 2, true])], "#VALUE!", undefined],
    ["text breakpoint", [1, 1, small([0, 1, "low"])], "#VALUE!", undefined],
    ["a table of one row", [1, 1, [[null, 0.8, 1.0]]], "#VALUE!", undefined],
    ["a table of one column", [1, 1, [null, 0.8, 1.0]], "#VALUE!", undefined],
    ["text row value", ["high", 1, M], "#VALUE!", /row_value|row value/i],
    ["boolean column value", [1, false, M], "#VALUE!", /col_value|column value|col value/i],
    ["error row value propagates", [E("#DIV/0!"), 1, M], "#DIV/0!", undefined],
    ["unknown method", [1, 1, M, "BICUBIC"], "#VALUE!", lists("STEP", "LINEAR")],
  ]);
});
