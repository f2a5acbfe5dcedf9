/**
 * COMP.ATTAINMENT(actual, quota): actual / quota, element-wise.
 * Contract (issue 2 §2): quota 0 or blank → #DIV/0!, quota < 0 → #NUM!, text → #VALUE!;
 * decisions: actual blank → 0, negative actual allowed, text/boolean → #VALUE! naming the argument,
 * an error in an input cell propagates to that element.
 */
import { ATTAINMENT as A, col, E, expectError, expectMatrix, valueCases } from "./kit";
import type { ErrorCode, Plain } from "./kit";

describe("COMP.ATTAINMENT values", () => {
  valueCases(A, [
    // 120,000 / 100,000 = 1.2
    ["over quota", [120000, 100000], 1.2],
    // 75,000 / 100,000 = 0.75
    ["under quota", [75000, 100000], 0.75],
    ["exactly quota", [100000, 100000], 1],
    ["zero actual", [0, 100000], 0],
    // blank actual counts as 0 → 0 / 100,000 = 0
    ["blank actual counts as 0", [null, 100000], 0],
    // returns/credits can make actual negative: −50 / 100 = −0.5
    ["negative actual allowed", [-50, 100], -0.5],
    // 1 / 3 = 0.333…
    ["non-terminating fraction", [1, 3], 1 / 3],
    // 250,000 / 0.5 = 500,000 (tiny quota is still > 0)
    ["fractional quota", [250000, 0.5], 500000],
  ]);
});

describe("COMP.ATTAINMENT errors", () => {
  test.each<[string, Plain, Plain, ErrorCode, RegExp | undefined]>([
    ["quota 0", 50, 0, "#DIV/0!", undefined],
    ["quota blank", 50, null, "#DIV/0!", undefined],
    ["quota negative", 50, -100, "#NUM!", undefined],
    ["actual text", "abc", 100, "#VALUE!", /actual/i],
    ["actual numeric-looking text is still text", "100", 100, "#VALUE!", /actual/i],
    ["quota text", 50, "abc", "#VALUE!", /quota/i],
    ["actual boolean", true, 100, "#VALUE!", /actual/i],
    ["quota boolean", 50, false, "#VALUE!", /quota/i],
    ["formula text is text", "=1+1", 100, "#VALUE!", /actual/i],
  ])("%s → %s", (_name, actual, quota, code, message) => {
    expectError(A(actual, quota), code, message);
  });

  test.each<[ErrorCode]>([["#N/A"], ["#DIV/0!"], ["#VALUE!"], ["#NUM!"]])(
    "an %s in the actual cell propagates",
    (code) => {
      expectError(A(E(code), 100), code);
    }
  );

  test("an error in the quota cell propagates", () => {
    expectError(A(100, E("#N/A")), "#N/A");
  });
});

describe("COMP.ATTAINMENT element-wise", () => {
  test("a column of actuals against one quota spills a column; bad elements fail alone", () => {
    // 100/200 = 0.5; 200/200 = 1; blank → 0/200 = 0; "x" → #VALUE!; −20/200 = −0.1; #N/A propagates
    expectMatrix(
      A([100, 200, null, "x", -20, E("#N/A")], 200),
      col(0.5, 1, 0, "#VALUE!", -0.1, "#N/A")
    );
  });

  test("a row of actuals spills a row", () => {
    // 1/2, 2/2, 3/2
    expectMatrix(A([[1, 2, 3]], 2), [[0.5, 1, 1.5]]);
  });

  test("one actual against a column of quotas: quota errors stay in their element", () => {
    // 100/50 = 2; 100/0 → #DIV/0!; 100/blank → #DIV/0!; 100/−1 → #NUM!; 100/"q" → #VALUE!
    expectMatrix(A(100, [50, 0, null, -1, "q"]), col(2, "#DIV/0!", "#DIV/0!", "#NUM!", "#VALUE!"));
  });

  test("two ranges of the same shape pair up element by element", () => {
    // [1/1, 2/2; 3/0, 4/−1] = [1, 1; #DIV/0!, #NUM!]
    expectMatrix(
      A(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [0, -1],
        ]
      ),
      [
        [1, 1],
        ["#DIV/0!", "#NUM!"],
      ]
    );
  });

  test.each<[string, Plain, Plain]>([
    ["3×1 against 2×1", [1, 2, 3], [1, 2]],
    ["1×3 against 3×1", [[1, 2, 3]], [1, 2, 3]],
    [
      "2×2 against 1×2",
      [
        [1, 2],
        [3, 4],
      ],
      [[1, 2]],
    ],
  ])("mismatched shapes (%s) → #VALUE!", (_name, actual, quota) => {
    expectError(A(actual, quota), "#VALUE!");
  });
});
