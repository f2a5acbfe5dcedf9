/**
 * COMP.MODIFIER(value, measure, modifier_table): value × multiplier, the multiplier being the step
 * lookup of measure in a 2-column table (lower bound, multiplier); below the first bound the
 * multiplier is 0 (so a one-row table is a gate). Element-wise in value and measure.
 * Decisions: blank value → 0; negative multiplier → #VALUE!.
 */
import { MODIFIER, col, E, expectError, expectMatrix, expectNumber, row, errorCases } from "./kit";
import type { Plain } from "./kit";

/** Gross-margin modifier: < 30% → 0, 30% → ×0.8, 40% → ×1.0, 50% → ×1.2. */
const GM: Plain = [
  [0.3, 0.8],
  [0.4, 1.0],
  [0.5, 1.2],
];

describe("COMP.MODIFIER values", () => {
  test.each<[string, Plain, Plain, Plain, number]>([
    // 45% → band 40% → ×1.0 → 10,000
    ["inside a band", 10000, 0.45, GM, 10000],
    // 55% → band 50% → ×1.2 → 12,000
    ["top band", 10000, 0.55, GM, 12000],
    // exactly on a bound takes that bound's multiplier: 30% → ×0.8 → 8,000
    ["on a bound", 10000, 0.3, GM, 8000],
    ["on the middle bound", 10000, 0.4, GM, 10000],
    // 25% is below 30% → multiplier 0
    ["below the first bound → 0", 10000, 0.25, GM, 0],
    ["negative measure → 0", 10000, -0.1, GM, 0],
    ["value 0", 0, 0.45, GM, 0],
    ["blank value counts as 0", null, 0.45, GM, 0],
    // gate: one row (1.0, 1): pays only from 100%
    ["a one-row gate, closed", 5000, 0.99, [[1, 1]], 0],
    ["a one-row gate, open", 5000, 1.0, [[1, 1]], 5000],
    ["a one-row gate, well past", 5000, 3, [[1, 1]], 5000],
    // a hurdle with a header: (0.9, 1) under "Measure"/"Multiplier"
    [
      "header row skipped",
      700,
      0.95,
      [
        ["Measure", "Multiplier"],
        [0.9, 1],
      ],
      700,
    ],
    [
      "blank rows skipped",
      700,
      0.55,
      [
        [0.3, 0.8],
        [null, null],
        [0.5, 1.2],
      ],
      840,
    ],
    // a multiplier of 0 inside the table is allowed (a "no pay" band): 0.35 → ×0
    [
      "a zero multiplier band",
      100,
      0.35,
      [
        [0.3, 0],
        [0.4, 1],
      ],
      0,
    ],
  ])("%s: MODIFIER(%p, %p) = %p", (_name, value, measure, table, expected) => {
    expectNumber(MODIFIER(value, measure, table), expected);
  });
});

describe("COMP.MODIFIER element-wise", () => {
  test("a column of values with one measure", () => {
    // ×1.2: 100 → 120, 200 → 240, blank → 0, "x" → #VALUE!
    expectMatrix(MODIFIER([100, 200, null, "x"], 0.5, GM), col(120, 240, 0, "#VALUE!"));
  });

  test("one value with a column of measures", () => {
    // 1,000 × [0, 0.8, 1.0, 1.2]; "gm" → #VALUE!; #N/A propagates
    expectMatrix(
      MODIFIER(1000, [0.2, 0.35, 0.45, 0.6, "gm", E("#N/A")], GM),
      col(0, 800, 1000, 1200, "#VALUE!", "#N/A")
    );
  });

  test("values and measures of the same shape pair up", () => {
    // 100 × 0.8 = 80; 200 × 1.2 = 240
    expectMatrix(MODIFIER([[100, 200]], [[0.35, 0.5]], GM), [[80, 240]]);
  });

  test("mismatched shapes → #VALUE!", () => {
    expectError(MODIFIER([100, 200], [0.35, 0.5, 0.6], GM), "#VALUE!");
  });
});

describe("COMP.MODIFIER errors", () => {
  errorCases(MODIFIER, [
    [
      "a negative multiplier",
      [
        100,
        0.5,
        [
          [0.3, 0.8],
          [0.5, -1],
        ],
      ],
      "#VALUE!",
      row(2),
    ],
    [
      "bounds not ascending",
      [
        100,
        0.5,
        [
          [0.5, 1.2],
          [0.3, 0.8],
        ],
      ],
      "#VALUE!",
      row(2),
    ],
    [
      "duplicate bounds after a header",
      [
        100,
        0.5,
        [
          ["M", "X"],
          [0.3, 0.8],
          [0.3, 1],
        ],
      ],
      "#VALUE!",
      row(3),
    ],
    ["text multiplier", [100, 0.5, [[0.3, "high"]]], "#VALUE!", row(1)],
    ["three columns", [100, 0.5, [[0.3, 0.8, 1]]], "#VALUE!", undefined],
    ["only a header", [100, 0.5, [["M", "X"]]], "#VALUE!", undefined],
    ["text value", ["pay", 0.5, GM], "#VALUE!", /value/i],
    ["boolean value", [true, 0.5, GM], "#VALUE!", /value/i],
    ["text measure", [100, "gm", GM], "#VALUE!", /measure/i],
    ["error value propagates", [E("#NUM!"), 0.5, GM], "#NUM!", undefined],
  ]);
});
