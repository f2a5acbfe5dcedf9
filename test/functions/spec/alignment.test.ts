/**
 * COMP.ALIGNMENT(priorities, pay): Σ_i min(p_i/Σp, q_i/Σq) over two ranges that, flattened,
 * have the same count (else #VALUE!); blanks count 0; negatives → #NUM!; a zero total → #DIV/0!;
 * result in [0, 1], exactly 1 when the shares are equal.
 */
import { ALIGNMENT, E, expectError, expectExactly, expectNumber } from "./kit";
import type { ErrorCode, Plain } from "./kit";

describe("COMP.ALIGNMENT values", () => {
  test.each<[string, Plain, Plain, number]>([
    // shares 0.5/0.3/0.2 on both sides → 1
    ["pay follows strategy", [0.5, 0.3, 0.2], [50000, 30000, 20000], 1],
    // min(0.5, 0) + min(0.5, 1) = 0.5
    ["half the priorities unpaid", [0.5, 0.5], [0, 100], 0.5],
    // min(1, 0) + min(0, 1) = 0
    ["pay entirely elsewhere", [1, 0], [0, 1], 0],
    // pay shares 0.6/0.2/0.2: min(.4,.6) + min(.4,.2) + min(.2,.2) = 0.4 + 0.2 + 0.2 = 0.8
    ["over-paying one objective", [0.4, 0.4, 0.2], [60, 20, 20], 0.8],
    // blank counts 0: p shares .5/0/.5, q shares .5/.1/.4 → .5 + 0 + .4 = 0.9
    ["a blank priority counts 0", [0.5, null, 0.5], [50, 10, 40], 0.9],
    // q shares 0.5/0/0.5 → 1
    ["a blank pay counts 0", [1, 0, 1], [10, null, 10], 1],
    // priorities as weights in percent: 40/30/30 vs pay 30/30/40 → .3 + .3 + .3 = 0.9
    ["priorities in points", [40, 30, 30], [300, 300, 400], 0.9],
    // a row against a column of the same count is fine (flattened): shares equal → 1
    ["a row against a column", [[0.5, 0.3, 0.2]], [5, 3, 2], 1],
    [
      "a 2×2 against a 4×1",
      [
        [1, 2],
        [3, 4],
      ],
      [1, 2, 3, 4],
      1,
    ],
    // ≈ 1 even when the shares are equal only up to float rounding (0.1 + 0.2 + 0.7 ≠ 1 in binary)
    ["decimal shares", [0.1, 0.2, 0.7], [10, 20, 70], 1],
  ])("%s → %p", (_name, priorities, pay, expected) => {
    expectNumber(ALIGNMENT(priorities, pay), expected, 1e-12);
  });

  test.each<[string, Plain, Plain]>([
    ["identical ranges", [0.37, 0.21, 0.42], [0.37, 0.21, 0.42]],
    ["pay = priorities × 1,024", [3, 5, 7, 11], [3072, 5120, 7168, 11264]],
    ["pay = priorities / 8", [0.3, 0.3, 0.4], [0.0375, 0.0375, 0.05]],
    ["pay = priorities × 3 (exact integers)", [1, 2, 3], [3, 6, 9]],
  ])("exactly 1 when the shares are equal: %s", (_name, priorities, pay) => {
    expectExactly(ALIGNMENT(priorities, pay), 1);
  });
});

describe("COMP.ALIGNMENT errors", () => {
  test.each<[string, Plain, Plain, ErrorCode]>([
    ["different counts", [0.5, 0.5, 0], [1, 1], "#VALUE!"],
    ["a negative priority", [0.5, -0.5, 1], [1, 1, 1], "#NUM!"],
    ["a negative pay", [0.5, 0.5], [1, -1], "#NUM!"],
    ["priorities all zero", [0, 0], [1, 1], "#DIV/0!"],
    ["pay all zero", [1, 1], [0, null], "#DIV/0!"],
    ["text priority", [0.5, "high"], [1, 1], "#VALUE!"],
    ["boolean pay", [0.5, 0.5], [1, true], "#VALUE!"],
    // a one-row range of text is data (numbers stored as text), not a header over nothing
    ["pay a row of numbers stored as text", [[50, 30, 20]], [["700", "200", "100"]], "#VALUE!"],
    ["an error value propagates", [0.5, E("#N/A")], [1, 1], "#N/A"],
  ])("%s → %s", (_name, priorities, pay, code) => {
    expectError(ALIGNMENT(priorities, pay), code);
  });

  test("a count mismatch says so", () => {
    expectError(ALIGNMENT([1, 2, 3], [1, 2]), "#VALUE!", /3|2|count|same|length|number/i);
  });
});
