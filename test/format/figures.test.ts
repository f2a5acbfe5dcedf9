import {
  COUNT_FORMAT,
  INDEX_FORMAT,
  PERCENT_FORMAT,
  figures,
  isCurrencyCode,
  moneyFormatCode,
  pct,
} from "../../src/engine/figures";
import { FORMATS } from "../../src/reports/format";
import { PULSE_VALUE_FORMATS, formatPulseValue } from "../../src/reports/pulseSheet";
import { formatIndex, formatShare } from "../../src/taskpane/alignment/format";
import { formatMoney, formatPercent } from "../../src/taskpane/scenarios/format";
import { readWorkbookSettings } from "../../src/model/readWorkbookSettings";

describe("one formatter", () => {
  it("formats percent, money, index and counts (default USD, en-US)", () => {
    const f = figures();
    expect(f.percent(0.6193)).toBe("61.9%");
    expect(f.percent(0.6)).toBe("60.0%");
    expect(f.money(22814229.6)).toBe("$22,814,230");
    expect(f.signedMoney(-792589)).toBe("-$792,589");
    expect(f.signedMoney(1200)).toBe("+$1,200");
    expect(f.signedMoney(0.2)).toBe("$0");
    expect(f.index(0.6813)).toBe("0.68");
    expect(f.count(1204)).toBe("1,204");
    expect(f.percent(null)).toBe("n/a");
    expect(f.money(NaN)).toBe("n/a");
    expect(f.moneyFormat).toBe("$#,##0");
  });

  it("keeps the pane and the sheets' number formats on the same digits", () => {
    expect(FORMATS.percent1).toBe(PERCENT_FORMAT);
    expect(PERCENT_FORMAT).toBe("0.0%");
    expect(FORMATS.index).toBe(INDEX_FORMAT);
    expect(FORMATS.decimal).toBe(INDEX_FORMAT);
    expect(INDEX_FORMAT).toBe("0.00");
    expect(FORMATS.number).toBe(COUNT_FORMAT);
    expect(FORMATS.currency).toBe("$#,##0");
    // The same figure in the Alignment tab, the Scenarios tab and the pulse: same text.
    expect(formatShare(0.6193)).toBe("61.9%");
    expect(formatPercent(0.6193)).toBe("61.9%");
    expect(formatPulseValue("share-at-quota", 0.6193)).toBe("61.9%");
    expect(formatIndex(0.681)).toBe("0.68");
    expect(formatPulseValue("alignment-drift", 0.681)).toBe("0.68");
    expect(PULSE_VALUE_FORMATS["alignment-drift"]).toBe("0.00");
    expect(formatMoney(1234.5)).toBe("$1,235");
  });

  it("writes shares in sentences with the figure's digits, more only where 0% or 100% would mislead", () => {
    expect(pct(0.4)).toBe("40%");
    expect(pct(0.125)).toBe("12.5%");
    expect(pct(0.61934)).toBe("61.9%");
    expect(pct(0.9998)).toBe("99.98%");
    expect(pct(1)).toBe("100%");
    expect(pct(0.0004)).toBe("0.04%");
    expect(pct(0.0325, 2)).toBe("3.25%");
  });

  it("formats a EUR workbook in its currency and locale, on the pane and in the sheet format", () => {
    const eur = figures({ currency: "EUR", locale: "de-DE" });
    expect(eur.money(22814229.6).replace(/\s/g, " ")).toBe("22.814.230 €");
    expect(eur.percent(0.6193).replace(/\s/g, " ")).toBe("61,9 %");
    expect(eur.index(0.681)).toBe("0,68");
    expect(eur.moneyFormat).toBe('#,##0 "€"');
    expect(moneyFormatCode({ currency: "EUR", locale: "en-US" })).toBe('"€"#,##0');
    expect(figures({ currency: "EUR", locale: "en-US" }).money(1000)).toBe("€1,000");
  });

  it("knows currency codes", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(true);
    expect(isCurrencyCode("EURO")).toBe(false);
    expect(isCurrencyCode("$")).toBe(false);
  });
});

describe("Settings sheet", () => {
  const sheet = (rows: (string | number | null)[][]) => ({
    name: "Settings",
    values: [["Setting", "Value"], ...rows],
  });

  it("defaults to USD and en-US without a Settings sheet", () => {
    expect(readWorkbookSettings(null)).toEqual({
      figures: { currency: "USD", locale: "en-US" },
      warnings: [],
    });
  });

  it("reads Currency and Locale (any case, extra spaces)", () => {
    const read = readWorkbookSettings(
      sheet([
        [" currency ", "eur"],
        ["Locale", "de-DE"],
      ])
    );
    expect(read.figures).toEqual({ currency: "EUR", locale: "de-DE" });
    expect(read.warnings).toEqual([]);
  });

  it("warns, naming the cell, on a bad code, an unknown setting or a repeat; defaults stand", () => {
    const read = readWorkbookSettings(
      sheet([
        ["Currency", "Euro"],
        ["Colour", "blue"],
        ["Currency", "GBP"],
      ])
    );
    expect(read.figures.currency).toBe("USD");
    expect(read.warnings).toEqual([
      {
        rule: "invalid-value",
        cell: "Settings!B2",
        message:
          'Currency must be a three-letter ISO 4217 code such as USD or EUR (it is text "Euro"); USD is used.',
      },
      {
        rule: "invalid-value",
        cell: "Settings!A3",
        message:
          'Unknown setting "Colour" on the Settings sheet: it is ignored (known: Currency, Locale).',
      },
      {
        rule: "invalid-value",
        cell: "Settings!A4",
        message: "Currency is given twice; the first one counts.",
      },
    ]);
  });
});
