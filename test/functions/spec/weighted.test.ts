/**
 * COMP.WEIGHTED(attainments, weights, curve_tables, target_incentive, [beyond], [method]):
 * Σ_j weight_j × target_incentive × curve_j(attainment_j).
 * attainments: one row of k (or n rows → n×1); weights: one row of k, each ≥ 0, summing to
 * 1 ± 1e-6 (else #VALUE! saying what they sum to); curve_tables: 2 columns (shared) or 2k
 * columns (a pair per measure); target_incentive: one value or n×1. Result n×1 (1×1 when n = 1).
 */
import {
  WEIGHTED,
  col,
  E,
  expectMatrix,
  expectNumber,
  lists,
  CURVE_TABLE as C,
  errorCases,
  valueCases,
} from "./kit";
import type { Plain } from "./kit";

// C = CURVE_TABLE: Shared curve: (0.5, 0.5), (1, 1), (1.5, 2).
/** Two curves side by side: measure 1 uses C, measure 2 the ramp (0,0), (1,1), (2,3). */
const C2: Plain = [
  [0.5, 0.5, 0, 0],
  [1.0, 1.0, 1, 1],
  [1.5, 2.0, 2, 3],
];
const W: Plain = [[0.6, 0.4]];

describe("COMP.WEIGHTED values", () => {
  valueCases(
    WEIGHTED,
    [
      // C(1.2) = 1.4, C(0.75) = 0.75 → 10,000 × (0.6 × 1.4 + 0.4 × 0.75) = 10,000 × 1.14 = 11,400
      ["shared curve", [[[1.2, 0.75]], W, C, 10000], 11400],
      // C(1.2) = 1.4, ramp(1.5) = 1 + 0.5 × 2 = 2 → 10,000 × (0.84 + 0.8) = 16,400
      ["a curve per measure", [[[1.2, 1.5]], W, C2, 10000], 16400],
      // C(0.4) = 0, C(1) = 1 → 10,000 × 0.4 = 4,000
      ["one measure below threshold", [[[0.4, 1]], W, C, 10000], 4000],
      // blank attainment counts as 0: 10,000 × 0.6 × 1.4 = 8,400
      ["a blank attainment counts as 0", [[[1.2, null]], W, C, 10000], 8400],
      // CAP: C(2) = 2, C(1) = 1 → 10,000 × (1.2 + 0.4) = 16,000
      ["CAP (default)", [[[2, 1]], W, C, 10000], 16000],
      // EXTEND: C(2) = 3 → 10,000 × (1.8 + 0.4) = 22,000
      ["EXTEND", [[[2, 1]], W, C, 10000, "EXTEND"], 22000],
      // STEP: C(1.2) = 1, C(0.75) = 0.5 → 10,000 × (0.6 + 0.2) = 8,000
      ["STEP", [[[1.2, 0.75]], W, C, 10000, null, "STEP"], 8000],
      ["words are case-insensitive", [[[1.2, 0.75]], W, C, 10000, "cap", "step"], 8000],
      // k = 1: 100 × 1 × 1.4 = 140
      ["a single measure", [[[1.2]], [[1]], C, 100], 140],
      // three measures, weights 0.5/0.3/0.2, all at target → 1,000 × 1 = 1,000
      ["three measures at target", [[[1, 1, 1]], [[0.5, 0.3, 0.2]], C, 1000], 1000],
      // weights may be 0 (a measure switched off): 1,000 × 1 × C(1.2) = 1,400
      ["a zero weight", [[[0.1, 1.2]], [[0, 1]], C, 1000], 1400],
      // blank target incentive counts as 0
      ["blank target incentive", [[[1.2, 0.75]], W, C, null], 0],
      // a header row on the shared table is skipped
      [
        "a header row on the curve table",
        [
          [[1.2, 0.75]],
          W,
          [
            ["Att", "Rate"],
            [0.5, 0.5],
            [1, 1],
            [1.5, 2],
          ],
          10000,
        ],
        11400,
      ],
    ],
    1e-8
  );
});

test("weights within 1e-6 of 1 are accepted", () => {
  // 0.6000001 + 0.4 = 1.0000001: accepted; 1,000 × (0.6000001 + 0.4) = 1,000.0001 (or 1,000 if the
  // implementation renormalises; either is within 1e-6)
  expectNumber(WEIGHTED([[1, 1]], [[0.6000001, 0.4]], C, 1000), 1000, 1e-6);
  expectNumber(WEIGHTED([[1, 1]], [[0.5, 0.4999995]], C, 1000), 1000, 1e-6);
});

describe("COMP.WEIGHTED n reps", () => {
  test("n rows of attainments spill n×1", () => {
    // row 1 as above: 11,400; row 2: C(0.4) = 0, C(1) = 1 → 10,000 × 0.4 = 4,000
    expectMatrix(
      WEIGHTED(
        [
          [1.2, 0.75],
          [0.4, 1],
        ],
        W,
        C,
        10000
      ),
      col(11400, 4000)
    );
  });

  test("a target incentive per rep (n×1)", () => {
    // 10,000 × 1.14 = 11,400; 20,000 × 0.4 = 8,000
    expectMatrix(
      WEIGHTED(
        [
          [1.2, 0.75],
          [0.4, 1],
        ],
        W,
        C,
        [10000, 20000]
      ),
      col(11400, 8000)
    );
  });

  test("a bad attainment fails its row only", () => {
    // row 2 has text → #VALUE!; row 3: 10,000 × (0.6 × 1 + 0.4 × 1) = 10,000
    expectMatrix(
      WEIGHTED(
        [
          [1.2, 0.75],
          ["x", 1],
          [1, 1],
        ],
        W,
        C,
        10000
      ),
      col(11400, "#VALUE!", 10000)
    );
  });

  test("a negative target incentive fails its row only", () => {
    expectMatrix(
      WEIGHTED(
        [
          [1.2, 0.75],
          [1, 1],
        ],
        W,
        C,
        [-1, 100]
      ),
      col("#NUM!", 100)
    );
  });

  test("an error attainment propagates to its row", () => {
    expectMatrix(
      WEIGHTED(
        [
          [1.2, 0.75],
          [E("#N/A"), 1],
        ],
        W,
        C,
        10000
      ),
      col(11400, "#N/A")
    );
  });
});

describe("COMP.WEIGHTED errors", () => {
  errorCases(WEIGHTED, [
    // 0.5 + 0.4 = 0.9: the message says what they sum to
    ["weights sum to 0.9", [[[1, 1]], [[0.5, 0.4]], C, 1000], "#VALUE!", /0\.9(?!\d)|90\s*%/],
    ["weights sum to 1.1", [[[1, 1]], [[0.7, 0.4]], C, 1000], "#VALUE!", /1\.1(?!\d)|110\s*%/],
    // 0.6 + 0.400002 = 1.000002, 2e-6 away from 1
    [
      "weights just outside tolerance",
      [[[1, 1]], [[0.6, 0.400002]], C, 1000],
      "#VALUE!",
      undefined,
    ],
    ["a negative weight (sum still 1)", [[[1, 1]], [[1.2, -0.2]], C, 1000], "#VALUE!", undefined],
    ["a text weight", [[[1, 1]], [[0.6, "x"]], C, 1000], "#VALUE!", /weight/i],
    ["fewer weights than measures", [[[1, 1]], [[1]], C, 1000], "#VALUE!", undefined],
    ["more weights than measures", [[[1, 1]], [[0.5, 0.3, 0.2]], C, 1000], "#VALUE!", undefined],
    // curve_tables must be 2 or 2k = 4 columns for k = 2
    [
      "curve tables with 3 columns",
      [
        [[1, 1]],
        W,
        [
          [0.5, 0.5, 1],
          [1, 1, 1],
        ],
        1000,
      ],
      "#VALUE!",
      undefined,
    ],
    // k = 3 → 2 or 6 columns, 4 is neither
    [
      "curve tables with 2(k−1) columns",
      [[[1, 1, 1]], [[0.5, 0.3, 0.2]], C2, 1000],
      "#VALUE!",
      undefined,
    ],
    [
      "target incentive rows ≠ attainment rows",
      [
        [
          [1, 1],
          [1, 1],
        ],
        W,
        C,
        [100, 200, 300],
      ],
      "#VALUE!",
      undefined,
    ],
    [
      "target incentive a row of 2",
      [
        [
          [1, 1],
          [1, 1],
        ],
        W,
        C,
        [[100, 200]],
      ],
      "#VALUE!",
      undefined,
    ],
    ["negative target incentive", [[[1, 1]], W, C, -1], "#NUM!", undefined],
    [
      "text target incentive",
      [[[1, 1]], W, C, "TI"],
      "#VALUE!",
      /target_incentive|target incentive/i,
    ],
    [
      "unsorted curve",
      [
        [[1, 1]],
        W,
        [
          [1, 1],
          [0.5, 0.5],
        ],
        1000,
      ],
      "#VALUE!",
      /row\s*#?\s*2/i,
    ],
    ["unknown beyond", [[[1, 1]], W, C, 1000, "UP"], "#VALUE!", lists("CAP", "EXTEND")],
    ["unknown method", [[[1, 1]], W, C, 1000, null, "SMOOTH"], "#VALUE!", lists("LINEAR", "STEP")],
  ]);
});
