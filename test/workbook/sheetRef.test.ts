import { cellAddress } from "../../src/model/sheetRows";
import { absoluteColumn } from "../../src/reports/range";
import { needsQuotes, parseSheetRef, quoteSheetName, sheetRef } from "../../src/workbook/sheetRef";

// Excel's rule: a plain identifier stays bare unless it reads as an A1 or R1C1 reference.
const CASES: [name: string, quoted: string][] = [
  ["Matrix", "Matrix"],
  ["Plan_2026", "Plan_2026"],
  ["_Hidden", "_Hidden"],
  ["Sheet1", "Sheet1"],
  ["Alignment View", "'Alignment View'"],
  ["Q1", "'Q1'"],
  ["q1", "'q1'"],
  ["XFD3", "'XFD3'"],
  ["R2C3", "'R2C3'"],
  ["RC", "'RC'"],
  ["R", "'R'"],
  ["C", "'C'"],
  ["C12", "'C12'"],
  ["Plan.A", "'Plan.A'"],
  ["O'Brien", "'O''Brien'"],
  ["2026 Plan", "'2026 Plan'"],
  ["1Q", "'1Q'"],
  ["Shift 20% to multi-product deals", "'Shift 20% to multi-product deals'"],
  ["Ré", "'Ré'"],
];

describe("quoteSheetName, Excel's one sheet-name quoting rule", () => {
  test.each(CASES)("%s → %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
    expect(needsQuotes(name)).toBe(quoted !== name);
  });

  test.each(CASES)("%s reads back from its reference", (name) => {
    expect(parseSheetRef(sheetRef(name, "$A$1"))).toEqual({
      sheet: name,
      ref: "$A$1",
      deleted: false,
    });
  });

  test("always quotes every name when asked (HyperFormula's input), apostrophes doubled", () => {
    expect(quoteSheetName("Data", true)).toBe("'Data'");
    expect(quoteSheetName("O'Brien", true)).toBe("'O''Brien'");
  });

  test.each(CASES)(
    "the model's cell address and the reports' validation source agree: %s",
    (name, quoted) => {
      expect(cellAddress(name, 3, 2)).toBe(`${quoted}!C4`);
      expect(absoluteColumn(name, 0, 1, 199)).toBe(`${quoted}!$A$2:$A$200`);
    }
  );
});
