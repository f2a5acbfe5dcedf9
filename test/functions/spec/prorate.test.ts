/**
 * COMP.PRORATE(amount, period_start, period_end, active_start, [active_end], [basis]):
 * amount × the share of the period (inclusive dates, Excel serials) the person was active.
 * DAYS (default) or MONTHS (each calendar month of the period counts 1, a partial month by its
 * share of days). Blank active_end = still active. Decisions: blank active_start or period dates
 * → #VALUE!; period_end < period_start → #NUM!; active_end < active_start → #NUM!; no overlap → 0;
 * element-wise in amount and the dates; serial 1 = 1900-01-01, 61 = 1900-03-01, 45292 = 2024-01-01.
 */
import {
  PRORATE,
  col,
  E,
  expectError,
  expectMatrix,
  expectNumber,
  lists,
  num,
  serial,
  errorCases,
} from "./kit";

// Q1 2024 (a leap year): Jan 31 + Feb 29 + Mar 31 = 91 days
const Q1S = serial(2024, 1, 1);
const Q1E = serial(2024, 3, 31);

test("the serial helper agrees with Excel's anchors", () => {
  expect(serial(2024, 1, 1)).toBe(45292);
  expect(serial(1900, 3, 1)).toBe(61);
  expect(Q1E - Q1S + 1).toBe(91);
});

describe("COMP.PRORATE DAYS (default)", () => {
  test.each<[string, number, number | null, number]>([
    ["active the whole period", Q1S, null, 9100],
    // Feb 1 – Mar 31 = 29 + 31 = 60 days: 9,100 × 60/91 = 6,000
    ["joined Feb 1", serial(2024, 2, 1), null, 6000],
    ["joined before the period", serial(2023, 12, 1), null, 9100],
    ["joined after the period → 0", serial(2024, 4, 1), null, 0],
    ["left before the period → 0", serial(2023, 6, 1), serial(2023, 12, 31), 0],
    // Jan 1 – Jan 31 = 31 days: 9,100 × 31/91 = 3,100
    ["left Jan 31", Q1S, serial(2024, 1, 31), 3100],
    ["left on the last day", Q1S, Q1E, 9100],
    ["left after the period", Q1S, serial(2024, 6, 30), 9100],
    // inclusive: one day of 91 → 100
    ["joined on the last day", Q1E, null, 100],
    ["left on the first day", serial(2023, 1, 1), Q1S, 100],
    // Feb 10 – Feb 19 = 10 days → 9,100 × 10/91 = 1,000
    ["ten days in the middle", serial(2024, 2, 10), serial(2024, 2, 19), 1000],
    ["one active day, start = end", serial(2024, 2, 10), serial(2024, 2, 10), 100],
  ])("%s", (_name, activeStart, activeEnd, expected) => {
    expectNumber(PRORATE(9100, Q1S, Q1E, activeStart, activeEnd), expected);
    expectNumber(PRORATE(9100, Q1S, Q1E, activeStart, activeEnd, "DAYS"), expected);
    expectNumber(PRORATE(9100, Q1S, Q1E, activeStart, activeEnd, "days"), expected);
  });

  test("a one-day period", () => {
    expectNumber(PRORATE(500, Q1S, Q1S, Q1S), 500);
    expectNumber(PRORATE(500, Q1S, Q1S, Q1S + 1), 0);
  });

  test("blank amount counts as 0", () => {
    expectNumber(PRORATE(null, Q1S, Q1E, serial(2024, 2, 1)), 0);
  });
});

describe("COMP.PRORATE MONTHS", () => {
  test.each<[string, number, number | null, number, number]>([
    // Feb and March: 2 of 3 months → 9,000 × 2/3 = 6,000
    ["joined Feb 1", serial(2024, 2, 1), null, 9000, 6000],
    // Feb 15–29 = 15 of 29 days, + March: (15/29 + 1)/3 = 44/87 → 8,700 × 44/87 = 4,400
    ["joined Feb 15 (leap February)", serial(2024, 2, 15), null, 8700, 4400],
    // January only: 1/3 → 3,000
    ["left Jan 31", Q1S, serial(2024, 1, 31), 9000, 3000],
    // Jan 16–31 = 16/31, Feb 1–14 = 14/29: amount 3 → (16/31 + 14/29)/3 × 3
    ["partial months at both ends", serial(2024, 1, 16), serial(2024, 2, 14), 3, 16 / 31 + 14 / 29],
    ["active the whole period", Q1S, null, 9000, 9000],
    ["no overlap → 0", serial(2024, 5, 1), null, 9000, 0],
  ])("%s", (_name, activeStart, activeEnd, amount, expected) => {
    expectNumber(PRORATE(amount, Q1S, Q1E, activeStart, activeEnd, "MONTHS"), expected);
    expectNumber(PRORATE(amount, Q1S, Q1E, activeStart, activeEnd, "months"), expected);
  });

  test("DAYS and MONTHS differ where month lengths differ", () => {
    // DAYS: Feb 1 – Mar 31 = 60/91 ≈ 0.6593; MONTHS: 2/3 ≈ 0.6667
    expectNumber(PRORATE(1, Q1S, Q1E, serial(2024, 2, 1)), 60 / 91);
    expectNumber(PRORATE(1, Q1S, Q1E, serial(2024, 2, 1), null, "MONTHS"), 2 / 3);
  });

  test("a calendar year by months: joined Apr 16", () => {
    // April 16–30 = 15/30, May–Dec = 8 → 8.5/12 of 12,000 = 8,500
    expectNumber(
      PRORATE(12000, serial(2024, 1, 1), serial(2024, 12, 31), serial(2024, 4, 16), null, "MONTHS"),
      8500
    );
  });
});

describe("COMP.PRORATE Excel serial anchors", () => {
  test("serial 61 is 1900-03-01: March 1900, active from the 16th (serial 76)", () => {
    // March 1900 = serials 61..91 (31 days); 16–31 March = 16 days → 31 × 16/31 = 16
    expectNumber(PRORATE(31, 61, 91, 76), 16);
    // by months: March is one whole calendar month of the period; 16 of its 31 days → 16/31
    expectNumber(PRORATE(31, 61, 91, 76, null, "MONTHS"), 16);
  });

  test("serial 45292 is 2024-01-01: January 2024 by months", () => {
    // January 2024 = 45292..45322; active from Jan 16 (45307): 16/31 of the month → 16
    expectNumber(PRORATE(31, 45292, 45322, 45307, null, "MONTHS"), 16);
    // February 2024 = 45323..45351 (29 days): active the 1st–10th → 10/29 of one month
    expectNumber(PRORATE(29, 45323, 45351, 45323, 45332, "MONTHS"), 10);
  });
});

describe("COMP.PRORATE published worked examples", () => {
  /**
   * "Rules for Pro-ration of Bonus", People Centre,
   * https://peoplecentre.wordpress.com/2016/06/15/rules-for-pro-ration-of-bonus/
   * Method 1 (calendar days): joined 1 June → 30+31+31+30+31+30+31 = 214 days, bonus × 214/365.
   */
  test("People Centre: joined 1 June of a 365-day year → 214/365", () => {
    expectNumber(PRORATE(365, serial(2023, 1, 1), serial(2023, 12, 31), serial(2023, 6, 1)), 214);
  });

  /**
   * "How do you calculate a prorated bonus?", Zippia,
   * https://zippia.com/answers/how-do-you-calculate-a-prorated-bonus
   * A $1,500 year-end bonus for an employee hired November 1: 61 days / 365 ≈ 0.167 → $250.50
   * (the article multiplies the rounded 0.167; unrounded 1,500 × 61/365 = $250.68).
   */
  test("Zippia: hired November 1 → 61/365 ≈ 0.167 of $1,500 ≈ $250.50", () => {
    const share = num(PRORATE(1, serial(2023, 1, 1), serial(2023, 12, 31), serial(2023, 11, 1)));
    expect(share).toBeCloseTo(0.167, 3);
    const bonus = num(PRORATE(1500, serial(2023, 1, 1), serial(2023, 12, 31), serial(2023, 11, 1)));
    expect(Math.abs(bonus - 250.5)).toBeLessThan(0.25);
    expect(bonus).toBeCloseTo((1500 * 61) / 365, 9);
  });

  /**
   * "Prorated Bonus Calculator", bit1024.com, https://bit1024.com/tool/Prorated-Bonus-Calculator
   * $12,000 × 150 / 365 ≈ $4,931.51 (150 days worked of 365). The last 150 days of 2023 start
   * Aug 4 (Aug 4–31 = 28, Sep 30, Oct 31, Nov 30, Dec 31 → 150).
   */
  test("bit1024: 150 of 365 days of $12,000 → $4,931.51", () => {
    const bonus = num(PRORATE(12000, serial(2023, 1, 1), serial(2023, 12, 31), serial(2023, 8, 4)));
    expect(bonus).toBeCloseTo(4931.51, 2);
  });

  /**
   * "Prorated Bonus Calculation", PingCalculator, https://pingcalculator.com/Prorated-Bonus-Calculation.php
   * "Partial months are typically calculated as decimal values (e.g., 2.5 months for 2 months and
   * 15 days in a 30-day month)". April 16 – June 30: 15/30 of April + May + June = 2.5 months of 12.
   */
  test("PingCalculator: 2 months and 15 days of a 30-day month = 2.5 months", () => {
    expectNumber(
      PRORATE(
        12,
        serial(2023, 1, 1),
        serial(2023, 12, 31),
        serial(2023, 4, 16),
        serial(2023, 6, 30),
        "MONTHS"
      ),
      2.5
    );
  });
});

describe("COMP.PRORATE errors", () => {
  errorCases(PRORATE, [
    ["period_end before period_start", [100, Q1E, Q1S, Q1S], "#NUM!", undefined],
    [
      "active_end before active_start",
      [100, Q1S, Q1E, serial(2024, 2, 1), serial(2024, 1, 31)],
      "#NUM!",
      undefined,
    ],
    ["blank active_start", [100, Q1S, Q1E, null], "#VALUE!", /active_start|active start/i],
    ["blank period_start", [100, null, Q1E, Q1S], "#VALUE!", /period_start|period start/i],
    ["blank period_end", [100, Q1S, null, Q1S], "#VALUE!", /period_end|period end/i],
    ["text date", [100, "2024-01-01", Q1E, Q1S], "#VALUE!", /period_start|period start/i],
    ["boolean date", [100, Q1S, Q1E, true], "#VALUE!", /active_start|active start/i],
    ["text active_end", [100, Q1S, Q1E, Q1S, "never"], "#VALUE!", /active_end|active end/i],
    ["text amount", ["pay", Q1S, Q1E, Q1S], "#VALUE!", /amount/i],
    ["error active_start propagates", [100, Q1S, Q1E, E("#N/A")], "#N/A", undefined],
    ["unknown basis", [100, Q1S, Q1E, Q1S, null, "WEEKS"], "#VALUE!", lists("DAYS", "MONTHS")],
  ]);
});

describe("COMP.PRORATE element-wise", () => {
  test("a column of start dates", () => {
    // Jan 1 → 9,100; Feb 1 → 6,000; Apr 1 → 0; blank → #VALUE!; text → #VALUE!
    expectMatrix(
      PRORATE(9100, Q1S, Q1E, [Q1S, serial(2024, 2, 1), serial(2024, 4, 1), null, "x"]),
      col(9100, 6000, 0, "#VALUE!", "#VALUE!")
    );
  });

  test("amounts and start/end dates of the same shape pair up", () => {
    // 9,100 × 60/91 = 6,000; 910 × 31/91 = 310; 91 × (end < start) → #NUM!
    expectMatrix(
      PRORATE(
        [9100, 910, 91],
        Q1S,
        Q1E,
        [serial(2024, 2, 1), Q1S, serial(2024, 3, 1)],
        [null, serial(2024, 1, 31), serial(2024, 2, 1)]
      ),
      col(6000, 310, "#NUM!")
    );
  });

  test("a column of amounts", () => {
    expectMatrix(PRORATE([9100, 0, null], Q1S, Q1E, serial(2024, 2, 1)), col(6000, 0, 0));
  });

  test("mismatched shapes → #VALUE!", () => {
    expectError(PRORATE([100, 200], Q1S, Q1E, [Q1S, Q1S, Q1S]), "#VALUE!");
  });
});
