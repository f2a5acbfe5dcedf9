import { alignmentIndex, alignmentOfShares } from "../../src/engine/alignment";

describe("alignmentOfShares: the one alignment-index formula", () => {
  test("Σ min(priority share, pay share)", () => {
    expect(
      alignmentOfShares([
        [0.5, 0.7],
        [0.3, 0.2],
        [0.2, 0.1],
      ])
    ).toBeCloseTo(0.8, 12);
  });

  test("shares that agree to rounding error are exactly 1; pay elsewhere is 0", () => {
    expect(
      alignmentOfShares([
        [0.1, 0.1 + 1e-15],
        [0.2, 0.2],
        [0.7 - 1e-15, 0.7],
      ])
    ).toBe(1);
    expect(
      alignmentOfShares([
        [1, 0],
        [0, 1],
      ])
    ).toBe(0);
  });

  test("pay shares that do not cover every objective count only where they overlap", () => {
    expect(
      alignmentOfShares([
        [0.6, 0.25],
        [0.4, 0],
      ])
    ).toBeCloseTo(0.25, 12);
  });

  test("kept in [0, 1] (a clawback's negative share lowers it to no less than 0)", () => {
    expect(
      alignmentOfShares([
        [0.5, -0.5],
        [0.5, -0.2],
      ])
    ).toBe(0);
  });

  test("the raw-values form is the share form on values divided by their totals", () => {
    expect(alignmentIndex([50, 30, 20], [700000, 200000, 100000])).toBe(
      alignmentOfShares([
        [0.5, 0.7],
        [0.3, 0.2],
        [0.2, 0.1],
      ])
    );
    expect(alignmentIndex([0, 0], [1, 1])).toBeNaN();
  });
});
