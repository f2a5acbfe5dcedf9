/**
 * COMP.CURVE(attainment, curve_table, [beyond], [method]): payout rate from a 2-column table of
 * (attainment point, payout rate). Below the first point → 0; LINEAR (default) interpolates,
 * STEP takes the rate of the highest point ≤ attainment; CAP (default) holds the last rate,
 * EXTEND continues the last segment's slope (LINEAR only; with STEP, EXTEND behaves like CAP;
 * a one-point curve extends flat). Element-wise in attainment.
 */
import {
  CURVE,
  col,
  E,
  expectError,
  expectMatrix,
  expectNumber,
  expectSomeError,
  lists,
  row,
  CURVE_TABLE as C,
} from "./kit";
import type { ErrorCode, Plain } from "./kit";

// C = CURVE_TABLE: Threshold 50% pays 0.5 (a cliff), target 100% pays 1.0, excellence 150% pays 2.0.

describe("COMP.CURVE LINEAR (default) with CAP (default)", () => {
  test.each<[string, Plain, number]>([
    ["below the first point pays 0 (the cliff)", 0.4, 0],
    ["just below the first point pays 0", 0.4999, 0],
    ["at the first point pays its rate", 0.5, 0.5],
    // 0.5 + (0.75 − 0.5)/(1 − 0.5) × (1 − 0.5) = 0.5 + 0.5 × 0.5 = 0.75
    ["between threshold and target", 0.75, 0.75],
    ["at target", 1.0, 1.0],
    // 1 + (1.2 − 1)/(1.5 − 1) × (2 − 1) = 1 + 0.4 = 1.4
    ["between target and excellence", 1.2, 1.4],
    ["at excellence", 1.5, 2.0],
    // CAP: stays at the last rate 2.0
    ["above the last point is capped", 2.0, 2.0],
    ["far above the last point is capped", 100, 2.0],
    ["negative attainment pays 0", -1, 0],
    // blank attainment counts as 0, which is below 0.5 → 0
    ["blank attainment counts as 0", null, 0],
  ])("%s: CURVE(%p) = %p", (_name, attainment, expected) => {
    expectNumber(CURVE(attainment, C), expected);
    expectNumber(CURVE(attainment, C, null, null), expected);
    expectNumber(CURVE(attainment, C, "CAP", "LINEAR"), expected);
  });

  test("a ramp that starts at 0", () => {
    // points (0,0), (1,1): 0.3 → 0.3; 0 → 0 (at the first point, rate 0)
    expectNumber(
      CURVE(0.3, [
        [0, 0],
        [1, 1],
      ]),
      0.3
    );
    expectNumber(
      CURVE(0, [
        [0, 0],
        [1, 1],
      ]),
      0
    );
  });
});

describe("COMP.CURVE EXTEND", () => {
  test.each<[string, Plain, Plain, number]>([
    // last segment (1, 1)–(1.5, 2) has slope 2: 2 + (2 − 1.5) × 2 = 3
    ["continues the last slope", 2.0, C, 3],
    // 2 + (1.6 − 1.5) × 2 = 2.2
    ["just beyond the last point", 1.6, C, 2.2],
    ["inside the table it is plain LINEAR", 1.2, C, 1.4],
    ["below the first point it still pays 0", 0.4, C, 0],
    // a flat last segment (1, 1)–(2, 1) extends flat: 5 → 1
    [
      "a flat last segment extends flat",
      5,
      [
        [0.5, 0.5],
        [1, 1],
        [2, 1],
      ],
      1,
    ],
    // a one-point curve has no slope: it extends flat at its rate
    ["a one-point curve extends flat", 3, [[1, 1]], 1],
    ["a one-point curve: below it pays 0", 0.9, [[1, 1]], 0],
    ["a one-point curve: at it pays its rate", 1, [[1, 1]], 1],
  ])('%s: CURVE(%p, …, "EXTEND") = %p', (_name, attainment, table, expected) => {
    expectNumber(CURVE(attainment, table, "EXTEND"), expected);
    expectNumber(CURVE(attainment, table, "EXTEND", "LINEAR"), expected);
  });
});

describe("COMP.CURVE STEP", () => {
  test.each<[string, Plain, number]>([
    ["below the first point pays 0", 0.49, 0],
    ["at the first point", 0.5, 0.5],
    // highest point ≤ 0.75 is 0.5 → 0.5
    ["between points takes the lower point's rate", 0.75, 0.5],
    ["at target", 1.0, 1.0],
    // highest point ≤ 1.49 is 1.0 → 1.0
    ["just below excellence", 1.49, 1.0],
    ["at excellence", 1.5, 2.0],
    ["beyond the last point holds the last rate", 3, 2.0],
  ])('%s: CURVE(%p, …, , "STEP") = %p', (_name, attainment, expected) => {
    expectNumber(CURVE(attainment, C, null, "STEP"), expected);
    expectNumber(CURVE(attainment, C, "CAP", "STEP"), expected);
    // with STEP, EXTEND behaves like CAP
    expectNumber(CURVE(attainment, C, "EXTEND", "STEP"), expected);
  });
});

describe("COMP.CURVE words", () => {
  test.each<[Plain, Plain, number]>([
    ["extend", "linear", 3],
    ["Extend", "Linear", 3],
    ["cap", "step", 2],
    ["EXTEND", "step", 2],
  ])(
    "beyond %p / method %p are case-insensitive (CURVE(2, C) = %p)",
    (beyond, method, expected) => {
      expectNumber(CURVE(2, C, beyond, method), expected);
    }
  );

  test("an unknown beyond word → #VALUE! listing CAP and EXTEND", () => {
    expectError(CURVE(1.2, C, "CLAMP"), "#VALUE!", lists("CAP", "EXTEND"));
  });

  test("an unknown method word → #VALUE! listing LINEAR and STEP", () => {
    expectError(CURVE(1.2, C, null, "CUBIC"), "#VALUE!", lists("LINEAR", "STEP"));
  });

  test("a method word in the beyond slot is rejected", () => {
    expectError(CURVE(1.2, C, "STEP"), "#VALUE!", lists("CAP", "EXTEND"));
  });
});

describe("COMP.CURVE tables", () => {
  test("a one-row table of text is numbers stored as text, named, not a header over nothing", () => {
    expectError(CURVE(1, [["1", "1"]]), "#VALUE!", /curve_table row 1, column 1 .*text "1"/);
  });

  test("a header row (all text) is skipped", () => {
    // same as C after the header: 0.75 → 0.75
    expectNumber(
      CURVE(0.75, [
        ["Attainment", "Payout rate"],
        [0.5, 0.5],
        [1, 1],
        [1.5, 2],
      ]),
      0.75
    );
  });

  test("fully blank rows are skipped", () => {
    expectNumber(
      CURVE(1.2, [
        [null, null],
        [0.5, 0.5],
        [null, null],
        [1, 1],
        [1.5, 2],
        [null, null],
      ]),
      1.4
    );
  });

  test("header plus blank rows", () => {
    expectNumber(
      CURVE(1.2, [
        ["Att", "Rate"],
        [null, null],
        [0.5, 0.5],
        [1, 1],
        [1.5, 2],
      ]),
      1.4
    );
  });

  test.each<[string, Plain, RegExp[]]>([
    [
      "points out of order (row 2 < row 1)",
      [
        [1, 1],
        [0.5, 0.5],
      ],
      [row(2)],
    ],
    [
      "duplicate points",
      [
        [0.5, 0.5],
        [1, 1],
        [1, 1.5],
      ],
      [row(3)],
    ],
    // header counts: the header is row 1, so the duplicate is row 3
    [
      "duplicate after a header",
      [
        ["Att", "Rate"],
        [0.5, 0.5],
        [0.5, 1],
      ],
      [row(3)],
    ],
    // a blank row still counts in the numbering: the unsorted point is row 3 of the range
    [
      "unsorted after a blank row",
      [
        [1, 1],
        [null, null],
        [0.5, 0.5],
      ],
      [row(3)],
    ],
    [
      "text in the body",
      [
        [0.5, 0.5],
        [1, "one"],
      ],
      [row(2)],
    ],
    [
      "a boolean in the body",
      [
        [0.5, 0.5],
        [true, 1],
      ],
      [row(2)],
    ],
    [
      "a partly blank row",
      [
        [0.5, 0.5],
        [1, null],
      ],
      [row(2)],
    ],
    [
      "a negative rate",
      [
        [0.5, -0.1],
        [1, 1],
      ],
      [row(1)],
    ],
    [
      "a negative rate after a header",
      [
        ["Att", "Rate"],
        [0.5, 0.5],
        [1, -1],
      ],
      [row(3)],
    ],
  ])("%s → #VALUE! naming the row", (_name, table, message) => {
    expectError(CURVE(1, table), "#VALUE!", message);
  });

  test.each<[string, Plain]>([
    [
      "three columns",
      [
        [0.5, 0.5, 1],
        [1, 1, 1],
      ],
    ],
    ["one column", [0.5, 1, 1.5]],
    ["only a header", [["Att", "Rate"]]],
    [
      "only blank rows",
      [
        [null, null],
        [null, null],
      ],
    ],
    ["a single blank cell", null],
  ])("%s → #VALUE!", (_name, table) => {
    expectError(CURVE(1, table), "#VALUE!");
  });

  test("an error value inside the table gives an error", () => {
    // the contract does not say which code (the #N/A itself or #VALUE!); it must not be a number
    expectSomeError(
      CURVE(1, [
        [0.5, 0.5],
        [1, E("#N/A")],
      ])
    );
  });
});

describe("COMP.CURVE attainment errors and element-wise", () => {
  test.each<[string, Plain, ErrorCode, RegExp | undefined]>([
    ["text attainment", "abc", "#VALUE!", /attainment/i],
    ["boolean attainment", true, "#VALUE!", /attainment/i],
    ["error attainment propagates", E("#DIV/0!"), "#DIV/0!", undefined],
    ["#N/A attainment propagates", E("#N/A"), "#N/A", undefined],
  ])("%s → %s", (_name, attainment, code, message) => {
    expectError(CURVE(attainment, C), code, message);
  });

  test("a column of attainments spills a column; a bad element fails alone", () => {
    // 0.4 → 0; 0.75 → 0.75; "x" → #VALUE!; 2 → 2 (cap); blank → 0; #N/A propagates
    expectMatrix(
      CURVE([0.4, 0.75, "x", 2, null, E("#N/A")], C),
      col(0, 0.75, "#VALUE!", 2, 0, "#N/A")
    );
  });

  test("a 2×2 block of attainments spills a 2×2 block", () => {
    expectMatrix(
      CURVE(
        [
          [0.5, 1],
          [1.2, 2],
        ],
        C,
        "EXTEND"
      ),
      [
        [0.5, 1],
        [1.4, 3],
      ]
    );
  });

  test("a row of attainments spills a row (STEP)", () => {
    expectMatrix(CURVE([[0.4, 0.75, 1.2]], C, null, "STEP"), [[0, 0.5, 1]]);
  });
});
