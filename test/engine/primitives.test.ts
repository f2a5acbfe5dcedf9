/**
 * Engine primitives below the COMP functions: lookups, date serials, proration by months,
 * statistics at the edges of the double range.
 */
import { alignmentIndex } from "../../src/engine/alignment";
import { curveRate, makeCurve } from "../../src/engine/curve";
import { dateToSerial, daysInMonth, serialOfYmd, serialToDate } from "../../src/engine/dates";
import { gini, topCount, topShare } from "../../src/engine/distribution";
import { fractionBetween, stepIndex } from "../../src/engine/lookup";
import { matrixRate } from "../../src/engine/matrix";
import { activeShare } from "../../src/engine/proration";
import { makeTiers, marginalCommission } from "../../src/engine/commission";

describe("stepIndex", () => {
  const points = [0.5, 1, 1.5];
  test.each([
    [0.49, -1],
    [0.5, 0],
    [0.99, 0],
    [1, 1],
    [1.49, 1],
    [1.5, 2],
    [99, 2],
  ])("%p → %p", (x, expected) => expect(stepIndex(points, x)).toBe(expected));
});

test("fractionBetween stays exact when the span overflows", () => {
  expect(fractionBetween(0, -1e308, 1e308)).toBe(0.5);
  expect(fractionBetween(1.25, 1, 2)).toBe(0.25);
  expect(curveRate(makeCurve([-1e308, 1e308], [0, 1]), 0)).toBe(0.5);
  const m = {
    rowBreaks: Float64Array.of(-1e308, 1e308),
    colBreaks: Float64Array.of(0),
    rates: Float64Array.of(0, 1),
  };
  expect(matrixRate(m, 0, 0, "LINEAR")).toBe(0.5);
});

test("marginal tiers precompute what each bound has earned", () => {
  const tiers = makeTiers([0, 300000, 500000], [0.03, 0.05, 0.07]);
  expect(Array.from(tiers.cumulative)).toEqual([0, 9000, 19000]);
  expect(marginalCommission(tiers, 600000)).toBeCloseTo(26000, 9);
  expect(() => makeTiers([0, 0], [0.1, 0.2])).toThrow(/strictly ascending/);
});

describe("Excel date serials (1900 system)", () => {
  test.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [2958465, "9999-12-31"],
  ])("serial %p is %p", (serial, iso) => {
    expect(serialToDate(serial).toISOString().slice(0, 10)).toBe(iso);
    expect(dateToSerial(new Date(`${iso}T00:00:00Z`))).toBe(serial);
  });
  test("a time of day is dropped", () =>
    expect(serialToDate(45292.75).toISOString().slice(0, 10)).toBe("2024-01-01"));
  test("days in month", () => {
    expect(daysInMonth(2024, 1)).toBe(29);
    expect(daysInMonth(2025, 1)).toBe(28);
    expect(daysInMonth(2025, 11)).toBe(31);
  });
});

describe("activeShare", () => {
  const jan1 = serialOfYmd(2025, 0, 1);
  const dec31 = serialOfYmd(2025, 11, 31);
  test("MONTHS: joining on 15 Feb is 10 full months plus 14 of February's 28 days", () => {
    expect(activeShare(jan1, dec31, serialOfYmd(2025, 1, 15), dec31, "MONTHS")).toBeCloseTo(
      10.5 / 12,
      12
    );
  });
  test("DAYS: the same join is 320 of 365 days", () => {
    expect(activeShare(jan1, dec31, serialOfYmd(2025, 1, 15), dec31, "DAYS")).toBeCloseTo(
      320 / 365,
      12
    );
  });
  test("MONTHS over a period that starts mid-month counts that month by its share", () => {
    // Period 16 Jan – 15 Mar 2025: Jan 16/31, Feb 1, Mar 15/31. Active from 1 Feb: Feb 1 + Mar 15/31.
    const share = activeShare(
      serialOfYmd(2025, 0, 16),
      serialOfYmd(2025, 2, 15),
      serialOfYmd(2025, 1, 1),
      dec31,
      "MONTHS"
    );
    expect(share).toBeCloseTo((1 + 15 / 31) / (16 / 31 + 1 + 15 / 31), 12);
  });
  test("no overlap is 0, whole period is 1", () => {
    expect(activeShare(jan1, dec31, dec31 + 1, dec31 + 10, "DAYS")).toBe(0);
    expect(activeShare(jan1, dec31, jan1 - 100, dec31 + 100, "MONTHS")).toBe(1);
  });
});

describe("statistics", () => {
  test("Gini of 10,20,30,40 is 0.25 (mean absolute difference 12.5 / (2 × 25))", () => {
    expect(gini([10, 20, 30, 40])).toBeCloseTo(0.25, 12);
  });
  test("Gini and top share do not overflow near the largest double", () => {
    expect(gini([0, 1e308, 1e308])).toBeCloseTo(1 / 3, 12);
    expect(topShare([1e308, 1e308, 1e308, 1e308], 0.5)).toBeCloseTo(0.5, 12);
  });
  test("topCount is immune to 10 × 0.3 = 3.0000000000000004", () => {
    expect(topCount(10, 0.3)).toBe(3);
    expect(topCount(10, 0.31)).toBe(4);
    expect(topCount(3, 0.01)).toBe(1);
  });
  test("alignment index", () => {
    expect(alignmentIndex([50, 30, 20], [700000, 200000, 100000])).toBeCloseTo(0.8, 12);
    expect(alignmentIndex([1, 0], [0, 1])).toBe(0);
    expect(alignmentIndex([0.1, 0.2, 0.7], [1, 2, 7])).toBe(1);
    expect(alignmentIndex([1e308, 1e308], [1, 1])).toBe(1);
  });
});

describe("sortNonNegative (radix sort for payout statistics)", () => {
  const fc = require("fast-check") as typeof import("fast-check");
  const { sortNonNegative } =
    require("../../src/engine/distribution") as typeof import("../../src/engine/distribution");
  test("sorts like TypedArray#sort for non-negative doubles, any length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e300, noNaN: true }), { maxLength: 2000 }),
        (xs) => {
          expect(Array.from(sortNonNegative(xs))).toEqual(Array.from(Float64Array.from(xs).sort()));
        }
      ),
      { numRuns: 200 }
    );
  });
  test("-0 sorts as 0; negatives and NaN fall back to the built-in sort", () => {
    const many = Array.from({ length: 300 }, (_, i) => (i === 7 ? -0 : 300 - i));
    expect(sortNonNegative(many)[0]).toBe(0);
    expect(Array.from(sortNonNegative([3, -1, 2]))).toEqual([-1, 2, 3]);
  });
});
