/**
 * The Plan Cost at Risk sentences' amounts and chances, at the edges where rounding changes the
 * unit or the meaning: an amount that rounds up to the next unit takes that unit ("$1M", not
 * "$1000K"), and a chance short of certain never reads "100%".
 */
import { chance, money } from "../../src/reports/riskSheet";

test("money: the unit follows the rounded amount", () => {
  expect(money(420)).toBe("$420");
  expect(money(9_999)).toBe("$9,999");
  expect(money(850_000)).toBe("$850K");
  expect(money(999_499)).toBe("$999K");
  expect(money(999_960)).toBe("$1M");
  expect(money(1_000_000)).toBe("$1M");
  expect(money(24_143_649)).toBe("$24.1M");
  expect(money(25_959_363)).toBe("$26M");
  expect(money(999_960_000)).toBe("$1B");
  expect(money(1_250_000_000)).toBe("$1.25B");
  expect(money(-999_960)).toBe("-$1M");
  expect(money(999_960, { currency: "EUR", locale: "de-DE" })).toBe("1M €");
});

test("chance: short of certain is never 100%, above nothing is never 0%", () => {
  expect(chance(0)).toBe("0%");
  expect(chance(0.0001)).toBe("less than 1%");
  expect(chance(0.282)).toBe("28%");
  expect(chance(0.994)).toBe("99%");
  expect(chance(0.995)).toBe("more than 99%");
  expect(chance(0.9999)).toBe("more than 99%");
  expect(chance(1)).toBe("100%");
});
