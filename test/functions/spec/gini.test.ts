/**
 * COMP.GINI(values): Gini coefficient of non-negative values, population form
 * (mean absolute difference / 2·mean = Σ_i Σ_j |x_i − x_j| / (2 n² μ)); blanks skipped; a header
 * row skipped; text elsewhere → #VALUE!; negative → #NUM!; all zero → 0; none → #N/A.
 */
import { GINI, E, expectError, expectNumber } from "./kit";
import type { ErrorCode, Plain } from "./kit";

describe("COMP.GINI values", () => {
  test.each<[string, Plain, number]>([
    ["equal values", [5, 5, 5, 5], 0],
    ["a single value", [42], 0],
    ["all zero", [0, 0, 0], 0],
    // sorted form Σ(2i − n − 1)x_i / (n² μ): (−3·0 −1·0 +1·0 +3·1) / (16 × 0.25) = 3/4
    ["one holds everything (n = 4)", [0, 0, 0, 1], 0.75],
    // (−4·1 −2·2 +0·3 +2·4 +4·5) / (25 × 3) = 20/75 = 4/15
    ["1..5", [1, 2, 3, 4, 5], 4 / 15],
    // order does not matter
    ["5..1", [5, 4, 3, 2, 1], 4 / 15],
    // (−4·10 −2·20 +0 +2·40 +4·100) / (25 × 40) = 400/1000 = 0.4
    ["10, 20, 30, 40, 100", [10, 20, 30, 40, 100], 0.4],
    // (−1·1 + 1·3) / (4 × 2) = 2/8 = 0.25
    ["two values 1 and 3", [1, 3], 0.25],
    // blanks skipped: same as 1..5
    ["blanks skipped", [1, null, 2, 3, null, 4, 5], 4 / 15],
    // a 2-D range is flattened: 1, 2, 3, 4 → (−3 −2 +3 +12) / (16 × 2.5) = 10/40 = 0.25
    [
      "a 2×2 range",
      [
        [1, 2],
        [3, 4],
      ],
      0.25,
    ],
    ["a row", [[1, 2, 3, 4, 5]], 4 / 15],
    // header row (all text) skipped
    ["a header row", ["Payout", 1, 2, 3, 4, 5], 4 / 15],
    [
      "a 2-column header",
      [
        ["Q1", "Q2"],
        [1, 2],
        [3, 4],
      ],
      0.25,
    ],
    ["zeros and blanks mixed", [0, null, 0], 0],
  ])("%s → %p", (_name, values, expected) => {
    expectNumber(GINI(values), expected, 1e-12);
  });

  /**
   * Published example: "GINI" spreadsheet, docstoc, http://www.docstoc.com/docs/10699438/GINI
   * 20 people with incomes 1,000 … 38,000 (sum 320,000) → gini 0.38625.
   */
  test("docstoc GINI worksheet: 20 incomes → 0.38625", () => {
    const incomes = [1, 3, 4, 5, 6, 8, 8, 9, 11, 12, 14, 17, 19, 21, 23, 27, 29, 32, 33, 38].map(
      (k) => k * 1000
    );
    expectNumber(GINI(incomes), 0.38625, 1e-12);
  });
});

describe("COMP.GINI errors", () => {
  test.each<[string, Plain, ErrorCode]>([
    ["text below the first row", [1, "x", 3], "#VALUE!"],
    ["text in a later row after a header", ["Pay", 1, "n/a", 3], "#VALUE!"],
    ["a boolean", [1, true, 3], "#VALUE!"],
    // a first row with a number and text is not a header
    [
      "a mixed first row",
      [
        ["Rep", 5],
        [1, 2],
      ],
      "#VALUE!",
    ],
    ["a negative value", [1, -2, 3], "#NUM!"],
    ["no values at all", [null, null], "#N/A"],
    ["a single blank", null, "#N/A"],
    ["a header and nothing else", ["Payout", null], "#N/A"],
    ["an error value propagates", [1, E("#DIV/0!"), 3], "#DIV/0!"],
  ])("%s → %s", (_name, values, code) => {
    expectError(GINI(values), code);
  });

  test("#N/A says why", () => {
    expectError(GINI([null, null]), "#N/A", /./);
  });

  // A one-row range has nothing under its first row: all text there is data (numbers stored as
  // text, the usual import accident), not a header, and is named, not reported as "no numbers".
  test.each<[string, Plain]>([
    ["a row of numbers stored as text", [["100", "200", "300"]]],
    ["a single text value", "100"],
  ])("%s → #VALUE! naming the text", (_name, values) => {
    expectError(GINI(values), "#VALUE!", [/values/, /row 1, column 1/, /text "100"/]);
  });
});
