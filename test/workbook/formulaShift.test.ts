import {
  columnIndex,
  columnLetters,
  formatRange,
  parseA1,
  parseRange,
} from "../../src/workbook/a1";
import { shiftFormula } from "../../src/workbook/formulaShift";

describe("shiftFormula (moving a filled-down or filled-across formula)", () => {
  it.each([
    // [formula, rows, cols, expected]
    ["B2*C2", 1, 0, "B3*C3"],
    ["B2*C2", 0, 2, "D2*E2"],
    ["$B$2*C2", 3, 1, "$B$2*D5"],
    ["$B2+B$2", 2, 2, "$B4+D$2"],
    [
      "COMP.COMMISSION(B2,'Rate Tables'!$A$1:$B$4)",
      5,
      0,
      "COMP.COMMISSION(B7,'Rate Tables'!$A$1:$B$4)",
    ],
    [
      "_xldudf_COMP_PAYOUT(D2,Tables!$D$2:$E$4,G2)",
      1,
      0,
      "_xldudf_COMP_PAYOUT(D3,Tables!$D$2:$E$4,G3)",
    ],
    ["SUM(A2:A10)", 1, 0, "SUM(A3:A11)"],
    ["'Q1 2024'!B2+'it''s'!C3", 1, 0, "'Q1 2024'!B3+'it''s'!C4"],
    ['IF(A2="B2","C3",D4)', 1, 1, 'IF(B3="B2","C3",E5)'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["SUM(A:A)+SUM($B:C)", 0, 1, "SUM(B:B)+SUM($B:D)"],
    ["SUM(2:2)+SUM($3:4)", 1, 0, "SUM(3:3)+SUM($3:5)"],
    ["Table1[[#This Row],[Q1]]*A1", 1, 0, "Table1[[#This Row],[Q1]]*A2"],
    ["A1*1.5E3+0.25", 1, 0, "A2*1.5E3+0.25"],
    ["COMP.CURVE(A2,{0.5,0;1,1})", 1, 0, "COMP.CURVE(A3,{0.5,0;1,1})"],
    ["TRUE+A1", 1, 0, "TRUE+A2"],
    ["A2-A1", -1, 0, "A1-#REF!"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
    ["Rates", 4, 4, "Rates"],
    ["Sheet2!A1", 1, 1, "Sheet2!B2"],
  ])("%s moved (%i, %i) → %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula as string, rows as number, cols as number)).toBe(expected);
  });

  it("returns the text unchanged for a zero move", () => {
    expect(shiftFormula("A1 + 'x'!B2", 0, 0)).toBe("A1 + 'x'!B2");
  });
});

describe("A1 addresses", () => {
  it.each([
    ["A", 0],
    ["Z", 25],
    ["AA", 26],
    ["XFD", 16383],
  ])("column %s is %i and back", (letters, index) => {
    expect(columnIndex(letters as string)).toBe(index);
    expect(columnLetters(index as number)).toBe(letters);
  });

  it("parses cells and ranges", () => {
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("XFE1")).toBeUndefined();
    expect(parseA1("A0")).toBeUndefined();
    expect(parseRange("B2:C5")).toEqual({ start: { row: 1, col: 1 }, rows: 4, cols: 2 });
    expect(parseRange("C5:B2")).toEqual({ start: { row: 1, col: 1 }, rows: 4, cols: 2 });
    expect(formatRange({ start: { row: 1, col: 1 }, rows: 4, cols: 2 })).toBe("B2:C5");
    expect(formatRange({ start: { row: 0, col: 0 }, rows: 1, cols: 1 })).toBe("A1");
  });
});
