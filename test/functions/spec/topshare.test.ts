/**
 * COMP.TOPSHARE(values, [top_fraction]): share of the total held by the top ceil(n × f) values
 * (default f = 0.2), guarding float error (n = 10, f = 0.3 → 3 values, although 10 × 0.3 =
 * 3.0000000000000004). f outside (0, 1] → #NUM!; total 0 → #DIV/0!; negative → #NUM!; none → #N/A.
 */
import { TOPSHARE, E, expectError, expectNumber } from "./kit";
import type { ErrorCode, Plain } from "./kit";

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]; // total 55
const ONE_TO_100 = Array.from({ length: 100 }, (_, i) => i + 1); // total 5,050

describe("COMP.TOPSHARE values", () => {
  test.each<[string, Plain, Plain, number]>([
    // default 0.2: ceil(10 × 0.2) = 2 → (10 + 9)/55 = 19/55
    ["default top 20%", ONE_TO_TEN, undefined, 19 / 55],
    ["blank fraction means the default", ONE_TO_TEN, null, 19 / 55],
    // ceil(10 × 0.3) = 3 (not 4): (10 + 9 + 8)/55 = 27/55
    ["float guard: n = 10, f = 0.3 → 3 values", ONE_TO_TEN, 0.3, 27 / 55],
    // 100 × 0.07 = 7.000000000000001 → 7 values: 100 + … + 94 = 679 → 679/5,050
    ["float guard: n = 100, f = 0.07 → 7 values", ONE_TO_100, 0.07, 679 / 5050],
    // ceil(10 × 0.25) = 3 → 27/55
    ["a fraction that rounds up", ONE_TO_TEN, 0.25, 27 / 55],
    // ceil(10 × 0.01) = 1 → 10/55
    ["a tiny fraction takes at least one value", ONE_TO_TEN, 0.01, 10 / 55],
    ["f = 1 takes everything", ONE_TO_TEN, 1, 1],
    // the guard must stay tight: 10 × 0.3001 = 3.001 → ceil 4 → (10 + 9 + 8 + 7)/55 = 34/55
    ["the guard is tight: f = 0.3001 → 4 values", ONE_TO_TEN, 0.3001, 34 / 55],
    // 10 × 0.30000001 = 3.0000001 → 4 values
    ["the guard is tight: f = 0.30000001 → 4 values", ONE_TO_TEN, 0.30000001, 34 / 55],
    // 7 × (3/7) is 3 up to rounding → 3 values: (7 + 6 + 5)/28 = 18/28
    ["float guard: n = 7, f = 3/7", [1, 2, 3, 4, 5, 6, 7], 3 / 7, 18 / 28],
    // n = 5, ceil(1) = 1: 10 / 20 = 0.5
    ["n = 5", [1, 2, 3, 4, 10], undefined, 0.5],
    // n = 3, ceil(0.6) = 1: 2 / 4 = 0.5
    ["n = 3", [1, 1, 2], undefined, 0.5],
    // ties: top 1 of five 5s = 5/25 = 0.2
    ["ties", [5, 5, 5, 5, 5], undefined, 0.2],
    // order does not matter; blanks skipped (n = 10)
    ["unsorted with blanks", [7, null, 3, 10, 1, 9, null, 2, 8, 4, 6, 5], 0.3, 27 / 55],
    ["a header row", ["Payout", ...ONE_TO_TEN], 0.2, 19 / 55],
    // zeros count in n: [0, 0, 0, 0, 10] → top 1 = 10/10 = 1
    ["zeros count as values", [0, 0, 0, 0, 10], undefined, 1],
    [
      "a 2-D range is flattened",
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
      ],
      0.3,
      27 / 55,
    ],
  ])("%s", (_name, values, fraction, expected) => {
    expectNumber(TOPSHARE(values, fraction), expected, 1e-12);
  });
});

describe("COMP.TOPSHARE errors", () => {
  test.each<[string, Plain, Plain, ErrorCode]>([
    ["f = 0", ONE_TO_TEN, 0, "#NUM!"],
    ["f < 0", ONE_TO_TEN, -0.1, "#NUM!"],
    ["f > 1", ONE_TO_TEN, 1.5, "#NUM!"],
    ["f text", ONE_TO_TEN, "20%", "#VALUE!"],
    ["f boolean", ONE_TO_TEN, true, "#VALUE!"],
    ["total 0", [0, 0, 0], 0.2, "#DIV/0!"],
    ["a negative value", [1, -2, 3], 0.2, "#NUM!"],
    ["text among values", [1, "x", 3], 0.2, "#VALUE!"],
    ["no values", [null, null], 0.2, "#N/A"],
    ["a header and nothing else", ["Payout", null], 0.2, "#N/A"],
    ["a row of numbers stored as text", [["10", "20", "30"]], 0.2, "#VALUE!"],
    ["a single text value", "Payout", 0.2, "#VALUE!"],
    ["an error value propagates", [1, E("#N/A"), 3], 0.2, "#N/A"],
  ])("%s → %s", (_name, values, fraction, code) => {
    expectError(TOPSHARE(values, fraction), code);
  });
});
