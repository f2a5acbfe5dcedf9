/**
 * COMP.MATRIX(row_value, col_value, matrix_table, [method]): linked plan. Top-left cell ignored,
 * rest of the first row = ascending column breakpoints, rest of the first column = ascending row
 * breakpoints, body = rates. STEP (default): the cell at the highest breakpoints ≤ each value;
 * LINEAR: bilinear interpolation, held at the last breakpoints. Below either first breakpoint → 0.
 * Element-wise in row_value and col_value. Non-ascending breakpoints / non-numeric body → #VALUE!.
 */
import { compFn, col, E, expectError, expectMatrix, expectNumber, lists } from "../../helpers/comp";
import type { ErrorCode, Plain } from "../../helpers/comp";

const MATRIX = compFn("MATRIX");

//            col: 0.8  1.0  1.2
const M: Plain = [
  [null, 0.8, 1.0, 1.2],
  [0.8, 0.5, 0.7, 0.9], // row 0.8
  [1.0, 0.8, 1.0, 1.3], // row 1.0
  [1.2, 1.0, 1.4, 1.8], // row 1.2
];
/** The same table with a label in the (ignored) top-left cell. */
const ML: Plain = [["Revenue \\ Margin", 0.8, 1.0, 1.2], ...(M as (number | null)[][]).slice(1)];

describe("COMP.MATRIX STEP (default)", () => {
  test.each<[string, number, number, number]>([
    ["on the first breakpoints", 0.8, 0.8, 0.5],
    // row ≤ 1.1 → 1.0, col ≤ 1.1 → 1.0 → 1.0
    ["between breakpoints takes the lower ones", 1.1, 1.1, 1.0],
    // row ≤ 1.25 → 1.2, col ≤ 0.9 → 0.8 → 1.0
    ["row high, column low", 1.25, 0.9, 1.0],
    // orientation: row 1.0 × col 1.2 = 1.3, row 1.2 × col 1.0 = 1.4
    ["row value picks the row", 1.0, 1.2, 1.3],
    ["column value picks the column", 1.2, 1.0, 1.4],
    ["beyond the last breakpoints holds the corner", 5, 5, 1.8],
    ["below the first row breakpoint → 0", 0.7, 1.0, 0],
    ["below the first column breakpoint → 0", 1.0, 0.5, 0],
    ["below both → 0", 0, 0, 0],
  ])("%s: MATRIX(%p, %p) = %p", (_name, r, c, expected) => {
    expectNumber(MATRIX(r, c, M), expected);
    expectNumber(MATRIX(r, c, M, null), expected);
    expectNumber(MATRIX(r, c, M, "STEP"), expected);
    expectNumber(MATRIX(r, c, ML, "step"), expected);
  });
});

describe("COMP.MATRIX LINEAR", () => {
  test.each<[string, number, number, number]>([
    ["on a grid point", 1.0, 1.0, 1.0],
    // midway in both: (0.5 + 0.7 + 0.8 + 1.0) / 4 = 0.75
    ["centre of a cell", 0.9, 0.9, 0.75],
    // row midway 1.0–1.2 at col 1.0: (1.0 + 1.4) / 2 = 1.2
    ["along a column", 1.1, 1.0, 1.2],
    // col midway 1.0–1.2 at row 1.0: (1.0 + 1.3) / 2 = 1.15
    ["along a row", 1.0, 1.1, 1.15],
    // row t = 0.25, col u = 0.75: row 1.0: 1.0 + 0.75 × 0.3 = 1.225; row 1.2: 1.4 + 0.75 × 0.4 = 1.7;
    // 1.225 + 0.25 × (1.7 − 1.225) = 1.34375
    ["general bilinear point", 1.05, 1.15, 1.34375],
    ["held at the last breakpoints", 2, 2, 1.8],
    // row held at 1.2, col midway 0.8–1.0: (1.0 + 1.4) / 2 = 1.2
    ["row held, column interpolated", 2, 0.9, 1.2],
    // col held at 1.2, row midway 0.8–1.0: (0.9 + 1.3) / 2 = 1.1
    ["column held, row interpolated", 0.9, 2, 1.1],
    ["below the first row breakpoint → 0", 0.79, 1.0, 0],
    ["below the first column breakpoint → 0", 1.0, 0.79, 0],
  ])('%s: MATRIX(%p, %p, …, "LINEAR") = %p', (_name, r, c, expected) => {
    expectNumber(MATRIX(r, c, M, "LINEAR"), expected);
    expectNumber(MATRIX(r, c, ML, "linear"), expected);
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

describe("COMP.MATRIX errors", () => {
  test.each<[string, Plain[], ErrorCode, RegExp | RegExp[] | undefined]>([
    [
      "column breakpoints not ascending",
      [
        1,
        1,
        [
          [null, 1.0, 0.8],
          [0.8, 1, 2],
          [1.0, 3, 4],
        ],
      ],
      "#VALUE!",
      undefined,
    ],
    [
      "duplicate row breakpoints",
      [
        1,
        1,
        [
          [null, 0.8, 1.0],
          [1.0, 1, 2],
          [1.0, 3, 4],
        ],
      ],
      "#VALUE!",
      undefined,
    ],
    [
      "text in the body",
      [
        1,
        1,
        [
          [null, 0.8, 1.0],
          [0.8, 1, "two"],
          [1.0, 3, 4],
        ],
      ],
      "#VALUE!",
      undefined,
    ],
    [
      "a boolean in the body",
      [
        1,
        1,
        [
          [null, 0.8, 1.0],
          [0.8, 1, true],
          [1.0, 3, 4],
        ],
      ],
      "#VALUE!",
      undefined,
    ],
    [
      "text breakpoint",
      [
        1,
        1,
        [
          [null, "low", 1.0],
          [0.8, 1, 2],
          [1.0, 3, 4],
        ],
      ],
      "#VALUE!",
      undefined,
    ],
    ["a table of one row", [1, 1, [[null, 0.8, 1.0]]], "#VALUE!", undefined],
    ["a table of one column", [1, 1, [null, 0.8, 1.0]], "#VALUE!", undefined],
    ["text row value", ["high", 1, M], "#VALUE!", /row_value|row value/i],
    ["boolean column value", [1, false, M], "#VALUE!", /col_value|column value|col value/i],
    ["error row value propagates", [E("#DIV/0!"), 1, M], "#DIV/0!", undefined],
    ["unknown method", [1, 1, M, "BICUBIC"], "#VALUE!", lists("STEP", "LINEAR")],
  ])("%s → %s", (_name, args, code, message) => {
    expectError(MATRIX(...args), code, message);
  });
});
