/**
 * COMP.DRAW(earnings, draw, [recoverable], [output]): period earnings in order → "PAID" (default)
 * what is paid each period, or "BALANCE" the unrecovered draw after each period. Recoverable
 * (default TRUE, also 1/0): a shortfall below the draw is paid up to the draw and carried; only
 * earnings above the draw repay it. Non-recoverable: pay max(earnings, draw), nothing carried.
 * Decisions: earnings a column or a row (same orientation out); blank earnings → 0; a text or
 * negative earnings cell makes that row and every later row an error; negative draw → #NUM!.
 */
import { DRAW, col, E, expectMatrix, lists, errorCases } from "./kit";
import type { Plain } from "./kit";

// draw 1,500 a period; earnings 500, 3,000, 0, 1,000, 4,000
//   recoverable:  p1 500 < 1,500 → paid 1,500, balance 1,000
//                 p2 3,000: 1,500 above the draw repays the 1,000 → paid 2,000, balance 0
//                 p3 0 → paid 1,500, balance 1,500
//                 p4 1,000 → paid 1,500, balance 1,500 + 500 = 2,000
//                 p5 4,000: 2,500 above the draw repays 2,000 → paid 2,000, balance 0
//   non-recoverable: max(e, 1,500) = 1,500, 3,000, 1,500, 1,500, 4,000; balance always 0
const EARN = [500, 3000, 0, 1000, 4000];

describe("COMP.DRAW recoverable (default)", () => {
  test.each<[string, Plain[]]>([
    ["defaults", [EARN, 1500]],
    ["TRUE", [EARN, 1500, true]],
    ["1", [EARN, 1500, 1]],
    ["explicit PAID", [EARN, 1500, true, "PAID"]],
    ["lower-case paid", [EARN, 1500, null, "paid"]],
  ])("PAID (%s)", (_name, args) => {
    expectMatrix(DRAW(...args), col(1500, 2000, 1500, 1500, 2000));
  });

  test.each<[string, Plain[]]>([
    ["BALANCE", [EARN, 1500, true, "BALANCE"]],
    ["balance, recoverable omitted", [EARN, 1500, null, "balance"]],
  ])("%s", (_name, args) => {
    expectMatrix(DRAW(...args), col(1000, 0, 1500, 2000, 0));
  });

  test("a partial repayment carries the rest", () => {
    // draw 1,000: p1 0 → paid 1,000, bal 1,000; p2 1,300 → repays 300 → paid 1,000, bal 700;
    // p3 2,000 → repays 700 → paid 1,300, bal 0
    expectMatrix(DRAW([0, 1300, 2000], 1000), col(1000, 1000, 1300));
    expectMatrix(DRAW([0, 1300, 2000], 1000, true, "BALANCE"), col(1000, 700, 0));
  });

  test("blank earnings count as 0", () => {
    expectMatrix(DRAW([null, 3000], 1500), col(1500, 1500));
    expectMatrix(DRAW([null, 3000], 1500, true, "BALANCE"), col(1500, 0));
  });

  test("draw 0 pays the earnings", () => {
    expectMatrix(DRAW(EARN, 0), col(...EARN));
  });
});

describe("COMP.DRAW non-recoverable", () => {
  test.each<[string, Plain]>([
    ["FALSE", false],
    ["0", 0],
  ])("PAID (%s) = max(earnings, draw)", (_name, recoverable) => {
    expectMatrix(DRAW(EARN, 1500, recoverable), col(1500, 3000, 1500, 1500, 4000));
    expectMatrix(DRAW(EARN, 1500, recoverable, "PAID"), col(1500, 3000, 1500, 1500, 4000));
  });

  test("BALANCE is always 0", () => {
    expectMatrix(DRAW(EARN, 1500, false, "BALANCE"), col(0, 0, 0, 0, 0));
  });
});

describe("COMP.DRAW orientation", () => {
  test("a row of earnings gives a row", () => {
    expectMatrix(DRAW([EARN], 1500), [[1500, 2000, 1500, 1500, 2000]]);
    expectMatrix(DRAW([EARN], 1500, false), [[1500, 3000, 1500, 1500, 4000]]);
    expectMatrix(DRAW([EARN], 1500, true, "BALANCE"), [[1000, 0, 1500, 2000, 0]]);
  });

  test("a single period", () => {
    expectMatrix(DRAW([[500]], 1500), [[1500]]);
  });
});

describe("COMP.DRAW published worked examples", () => {
  /**
   * "Recoverable Draw Scenario", Siebel Incentive Compensation Administration Guide (Oracle),
   * https://docs.oracle.com/cd/E05553_01/books/InCompAdm/InCompAdmPlanDesign8.html
   * $2,000 recoverable draw; gross earnings 2,750, 3,000, 1,500, 2,375, 3,000, 2,750 → net
   * earnings paid 2,750, 3,000, 2,000, 2,000, 2,875, 2,750 (March: $500 advanced; April repays
   * $375, $125 still owed; May repays the $125).
   */
  test("Oracle Siebel recoverable draw scenario", () => {
    const gross = [2750, 3000, 1500, 2375, 3000, 2750];
    expectMatrix(DRAW(gross, 2000), col(2750, 3000, 2000, 2000, 2875, 2750));
    expectMatrix(DRAW(gross, 2000, true, "BALANCE"), col(0, 0, 500, 125, 0, 0));
  });

  /**
   * "The Non-Recoverable Draw Against Commission", Xactly, https://www.xactlycorp.com/blog/non-recoverable-draw/
   * $1,500 draw; August commissions $500 → paid $1,500 ($1,000 from the draw), balance $1,000;
   * September commissions $3,000 → recoverable: paid $2,000 after repaying $1,000, balance $0;
   * non-recoverable: the rep takes home the full $3,000.
   */
  test("Xactly recoverable vs non-recoverable", () => {
    expectMatrix(DRAW([500, 3000], 1500, true), col(1500, 2000));
    expectMatrix(DRAW([500, 3000], 1500, true, "BALANCE"), col(1000, 0));
    expectMatrix(DRAW([500, 3000], 1500, false), col(1500, 3000));
  });
});

describe("COMP.DRAW bad earnings poison that row and every later one", () => {
  test("text in row 3", () => {
    expectMatrix(DRAW([500, 3000, "x", 1000], 1500), col(1500, 2000, "#VALUE!", "#VALUE!"));
  });

  test("a negative in row 2", () => {
    expectMatrix(DRAW([500, -1, 1000, 1000], 1500), col(1500, "error", "error", "error"));
  });

  test("a negative in row 2 (balance)", () => {
    expectMatrix(DRAW([500, -1, 1000], 1500, true, "BALANCE"), col(1000, "error", "error"));
  });

  test("an error value in row 2 propagates to it and later rows", () => {
    expectMatrix(DRAW([500, E("#N/A"), 1000], 1500), col(1500, "#N/A", "error"));
  });

  test("a boolean in the last row", () => {
    expectMatrix(DRAW([500, 3000, true], 1500, false), col(1500, 3000, "#VALUE!"));
  });

  test("non-recoverable: the bad row and later rows are errors too", () => {
    expectMatrix(DRAW([500, "x", 3000], 1500, false), col(1500, "#VALUE!", "#VALUE!"));
  });
});

describe("COMP.DRAW errors", () => {
  errorCases(DRAW, [
    ["negative draw", [EARN, -1], "#NUM!", undefined],
    ["text draw", [EARN, "draw"], "#VALUE!", /draw/i],
    ["unknown output", [EARN, 1500, true, "NET"], "#VALUE!", lists("PAID", "BALANCE")],
    ["text recoverable", [EARN, 1500, "maybe"], "#VALUE!", /recoverable/i],
    [
      "a 2×2 block of earnings",
      [
        [
          [1, 2],
          [3, 4],
        ],
        1500,
      ],
      "#VALUE!",
      /earnings/i,
    ],
    ["error draw propagates", [EARN, E("#DIV/0!")], "#DIV/0!", undefined],
  ]);
});
