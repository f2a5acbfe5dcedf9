/** Spearman rank correlation with average ranks for ties (src/engine/distribution.ts). */
import { averageRanks, pearson, spearman } from "../../src/engine/distribution";

test("average ranks: ties share the mean of the ranks they span", () => {
  expect(Array.from(averageRanks([30, 10, 20, 20, 20, 5]))).toEqual([6, 2, 4, 4, 4, 1]);
  expect(Array.from(averageRanks([]))).toEqual([]);
});

test("ties in x: x = 1, 2, 2, 3 and y = 1, 3, 2, 4", () => {
  // Ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4; both means 2.5.
  // dx: -1.5, 0, 0, 1.5; dy: -1.5, 0.5, -0.5, 1.5 → Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5.
  expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
});

test("monotone but not linear is a perfect 1; reversed is -1; clamped to [-1, 1]", () => {
  const x = [1, 2, 3, 4, 5];
  expect(spearman(x, [1, 4, 9, 16, 1000])).toBe(1);
  expect(spearman(x, [5, 4, 3, 2, 1])).toBe(-1);
  expect(pearson(x, [1, 4, 9, 16, 1000])!).toBeLessThan(1);
});

test("null with fewer than two values or every value tied on one side", () => {
  expect(spearman([1], [2])).toBeNull();
  expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  expect(() => spearman([1, 2], [1])).toThrow(RangeError);
});
