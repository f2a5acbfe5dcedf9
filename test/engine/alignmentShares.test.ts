import { alignmentIndex, alignmentOfShares } from "../../src/engine/alignment";

type Shares = [number, number][];

const PRIORITY_VS_PAY: Shares = [
  [0.5, 0.7],
  [0.3, 0.2],
  [0.2, 0.1],
];

describe("alignmentOfShares: the one alignment-index formula", () => {
  // [case, (priority share, pay share) per objective, the index]
  test.each<[string, Shares, number]>([
    ["Σ min(priority share, pay share)", PRIORITY_VS_PAY, 0.8],
    [
      "pay shares that do not cover every objective count only where they overlap",
      [
        [0.6, 0.25],
        [0.4, 0],
      ],
      0.25,
    ],
  ])("%s", (_, shares, index) => {
    expect(alignmentOfShares(shares)).toBeCloseTo(index, 12);
  });

  // Exact, not close: the edges are clamped, not left at rounding error.
  test.each<[string, Shares, number]>([
    [
      "shares that agree to rounding error are exactly 1",
      [
        [0.1, 0.1 + 1e-15],
        [0.2, 0.2],
        [0.7 - 1e-15, 0.7],
      ],
      1,
    ],
    [
      "pay elsewhere is exactly 0",
      [
        [1, 0],
        [0, 1],
      ],
      0,
    ],
    [
      "kept in [0, 1] (a clawback's negative share lowers it to no less than 0)",
      [
        [0.5, -0.5],
        [0.5, -0.2],
      ],
      0,
    ],
  ])("%s", (_, shares, index) => {
    expect(alignmentOfShares(shares)).toBe(index);
  });

  test("the raw-values form is the share form on values divided by their totals", () => {
    expect(alignmentIndex([50, 30, 20], [700000, 200000, 100000])).toBe(
      alignmentOfShares(PRIORITY_VS_PAY)
    );
    expect(alignmentIndex([0, 0], [1, 1])).toBeNaN();
  });
});
