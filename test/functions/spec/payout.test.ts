/**
 * COMP.PAYOUT(attainment, curve_table, target_incentive, [beyond], [method]):
 * target_incentive × COMP.CURVE(...), element-wise in attainment and target_incentive.
 * Decisions: negative target_incentive → #NUM!; blank target_incentive → 0.
 */
import {
  PAYOUT,
  col,
  E,
  expectError,
  expectMatrix,
  lists,
  row,
  CURVE_TABLE as C,
  errorCases,
  valueCases,
} from "./kit";
import type { Plain } from "./kit";

describe("COMP.PAYOUT values", () => {
  valueCases(PAYOUT, [
    // CURVE(1.2) = 1.4 → 10,000 × 1.4 = 14,000
    ["LINEAR/CAP default", [1.2, C, 10000], 14000],
    ["below threshold pays 0", [0.4, C, 10000], 0],
    // CURVE(0.75) = 0.75 → 7,500
    ["threshold to target", [0.75, C, 10000], 7500],
    ["capped at 2.0", [3, C, 10000], 20000],
    // EXTEND: CURVE(2) = 2 + 0.5 × 2 = 3 → 30,000
    ["EXTEND", [2, C, 10000, "EXTEND"], 30000],
    // STEP: CURVE(0.75) = 0.5 → 5,000
    ["STEP", [0.75, C, 10000, null, "STEP"], 5000],
    ["STEP ignores EXTEND", [2, C, 10000, "extend", "step"], 20000],
    ["zero target incentive", [1.2, C, 0], 0],
    // blank target incentive counts as 0
    ["blank target incentive", [1.2, C, null], 0],
    // blank attainment counts as 0 → below threshold
    ["blank attainment", [null, C, 10000], 0],
  ]);

  /**
   * Published example: "Bonus payout curve explained (with formula)", bonuspaycalc.com,
   * https://bonuspaycalc.com/guides/bonus-payout-curve-explained.html
   * Threshold 70%, £10,000 target bonus at 100%, 2× accelerator above 100%, cap 200%:
   * 85% attainment → ~50% of target → ~£5,000; 120% attainment → £10,000 + 20% × 2 × £10,000
   * = ~£14,000. As a curve table: (0.7, 0), (1.0, 1.0), (1.5, 2.0) — slope 2 above target
   * reaches the 200% cap at 150%.
   */
  const BONUSPAYCALC: Plain = [
    [0.7, 0],
    [1.0, 1.0],
    [1.5, 2.0],
  ];
  valueCases(PAYOUT, [
    ["bonuspaycalc.com worked example: attainment 0.85 → £5000", [0.85, BONUSPAYCALC, 10000], 5000],
    ["bonuspaycalc.com worked example: attainment 1.2 → £14000", [1.2, BONUSPAYCALC, 10000], 14000],
    ["bonuspaycalc.com worked example: attainment 2 → £20000", [2.0, BONUSPAYCALC, 10000], 20000],
    ["bonuspaycalc.com worked example: attainment 0.69 → £0", [0.69, BONUSPAYCALC, 10000], 0],
  ]);
});

describe("COMP.PAYOUT errors", () => {
  errorCases(PAYOUT, [
    ["negative target incentive", [1.2, C, -1], "#NUM!", undefined],
    ["negative target incentive below threshold", [0.1, C, -1], "#NUM!", undefined],
    ["text target incentive", [1.2, C, "ten"], "#VALUE!", /target_incentive|target incentive/i],
    ["boolean target incentive", [1.2, C, true], "#VALUE!", /target_incentive|target incentive/i],
    ["text attainment", ["high", C, 100], "#VALUE!", /attainment/i],
    ["error target incentive propagates", [1.2, C, E("#N/A")], "#N/A", undefined],
    ["error attainment propagates", [E("#DIV/0!"), C, 100], "#DIV/0!", undefined],
    [
      "unsorted table",
      [
        1.2,
        [
          [1, 1],
          [0.5, 0.5],
        ],
        100,
      ],
      "#VALUE!",
      row(2),
    ],
    [
      "negative rate",
      [
        1.2,
        [
          [0.5, 0.5],
          [1, -1],
        ],
        100,
      ],
      "#VALUE!",
      row(2),
    ],
    ["unknown beyond", [1.2, C, 100, "MAX"], "#VALUE!", lists("CAP", "EXTEND")],
    ["unknown method", [1.2, C, 100, null, "SPLINE"], "#VALUE!", lists("LINEAR", "STEP")],
  ]);
});

describe("COMP.PAYOUT element-wise", () => {
  test("a column of attainments with one target incentive", () => {
    // 10,000 × [0, 0.75, 1.4, 2] ; "x" → #VALUE!
    expectMatrix(PAYOUT([0.4, 0.75, 1.2, 2, "x"], C, 10000), col(0, 7500, 14000, 20000, "#VALUE!"));
  });

  test("one attainment with a column of target incentives", () => {
    // CURVE(1.2) = 1.4 × [10,000; 20,000; −5 → #NUM!; blank → 0]
    expectMatrix(PAYOUT(1.2, C, [10000, 20000, -5, null]), col(14000, 28000, "#NUM!", 0));
  });

  test("attainment and target incentive columns of the same shape pair up", () => {
    // 100 × CURVE(1) = 100; 200 × CURVE(1.2) = 280; 300 × CURVE(0.2) = 0
    expectMatrix(PAYOUT([1, 1.2, 0.2], C, [100, 200, 300]), col(100, 280, 0));
  });

  test("mismatched shapes → #VALUE!", () => {
    expectError(PAYOUT([1, 1.2], C, [100, 200, 300]), "#VALUE!");
  });
});
