/**
 * Structured references to Excel tables rewritten to A1 ranges from the table definitions, and
 * whole-column references clipped to the rows in use (structuredRefs.ts).
 */
import {
  blankCriteriaAsZero,
  clipWholeColumns,
  expandLet,
  resolveStructuredRefs,
  type TableDef,
} from "../../src/calc/structuredRefs";

// Sales on sheet "Data" at B2:D6: header row 2, data rows 3..5, totals row 6.
const SALES: TableDef = {
  name: "Sales",
  sheet: "Data",
  row: 1,
  col: 1,
  rows: 5,
  columns: ["Rep", "Amount", "Rate %"],
  headerRow: true,
  totalsRow: true,
};
const inTable = { sheet: "Data", row: 3, col: 4 }; // a cell beside row 4 of the table
const elsewhere = { sheet: "Calc", row: 0, col: 0 };

describe("resolveStructuredRefs", () => {
  it.each([
    ["SUM(Sales[Amount])", "SUM('Data'!$C$3:$C$5)"],
    ["SUM(sales[amount])", "SUM('Data'!$C$3:$C$5)"],
    ["Sales[#All]", "'Data'!$B$2:$D$6"],
    ["Sales[#Data]", "'Data'!$B$3:$D$5"],
    ["Sales[]", "'Data'!$B$3:$D$5"],
    ["ROWS(Sales)", "ROWS('Data'!$B$3:$D$5)"],
    ["Sales[[#Headers],[Amount]]", "'Data'!$C$2"],
    ["Sales[[#Totals],[Amount]]", "'Data'!$C$6"],
    ["Sales[[#Headers],[#Data],[Amount]]", "'Data'!$C$2:$C$5"],
    ["Sales[[Rep]:[Amount]]", "'Data'!$B$3:$C$5"],
    ["Sales[[#All],[Rep]:[Amount]]", "'Data'!$B$2:$C$6"],
    ["Sales[Rate %]", "'Data'!$D$3:$D$5"],
  ])("%s → %s", (formula, expected) => {
    expect(resolveStructuredRefs(formula, [SALES], elsewhere)).toBe(expected);
  });

  it("resolves this-row references from the formula's row, with or without the table name", () => {
    expect(resolveStructuredRefs("Sales[@Amount]*2", [SALES], inTable)).toBe("'Data'!$C$4*2");
    expect(resolveStructuredRefs("Sales[[#This Row],[Amount]]", [SALES], inTable)).toBe(
      "'Data'!$C$4"
    );
    const own = { sheet: "Data", row: 2, col: 2 };
    expect(resolveStructuredRefs("[@Rep]&[@[Rate %]]", [SALES], own)).toBe(
      "'Data'!$B$3&'Data'!$D$3"
    );
  });

  it("leaves what it cannot resolve as written (then reported unsupported)", () => {
    expect(resolveStructuredRefs("Sales[Bonus]", [SALES], elsewhere)).toBe("Sales[Bonus]");
    expect(resolveStructuredRefs("Other[Amount]", [SALES], elsewhere)).toBe("Other[Amount]");
    expect(resolveStructuredRefs("Sales[@Amount]", [SALES], elsewhere)).toBe("Sales[@Amount]");
  });

  it("leaves text, sheet names and function names alone", () => {
    const formula = `"Sales[Amount]"&SALESTAX(1)&'Sales'!A1`;
    expect(resolveStructuredRefs(formula, [SALES], elsewhere)).toBe(formula);
  });
});

describe("clipWholeColumns", () => {
  it.each([
    ["SUM(A:A)", "SUM($A$1:$A$500)"],
    ["SUMIFS(Data!$C:$C,Data!b:b,A2)", "SUMIFS(Data!$C$1:$C$500,Data!$B$1:$B$500,A2)"],
    ["COUNTA('My Sheet'!A:C)", "COUNTA('My Sheet'!$A$1:$C$500)"],
    ["SUM(A1:B2)+A1", "SUM(A1:B2)+A1"],
    ['"A:A"&TEXT(A1,"h:mm")', '"A:A"&TEXT(A1,"h:mm")'],
  ])("%s → %s", (formula, expected) => {
    expect(clipWholeColumns(formula, 500)).toBe(expected);
  });
});

describe("expandLet", () => {
  it.each([
    ["LET(x, 5, SUM(x, 1))", "(SUM((5), 1))"],
    ["_xlfn.LET(_xlpm.x,5,SUM(_xlpm.x,1))", "(SUM((5),1))"],
    ["LET(a,1,b,a+1,a*b)", "((1)*((1)+1))"],
    ['LET(x,2,"x"&x&xy)', '("x"&(2)&xy)'],
    ["1+LET(x,LET(y,2,y*3),x+1)", "1+((((2)*3))+1)"],
    ["SUM(A1:A3)", "SUM(A1:A3)"],
  ])("%s → %s", (formula, expected) => {
    expect(expandLet(formula)).toBe(expected);
  });

  it("gives up on a LET it cannot read", () => {
    expect(expandLet("LET(x,1)")).toBeUndefined();
    expect(expandLet("LET(1,2,3)")).toBeUndefined();
  });
});

describe("blankCriteriaAsZero", () => {
  // https://support.microsoft.com/en-us/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
  // "If the criteria argument is a reference to an empty cell, the COUNTIFS function treats the
  // empty cell as a 0 value."
  it.each([
    [
      "SUMIFS(D5:D9,B5:B9,E2,C5:C9,Model!$C58)",
      "SUMIFS(D5:D9,B5:B9,IF(ISBLANK(E2),0,E2),C5:C9,IF(ISBLANK(Model!$C58),0,Model!$C58))",
    ],
    ["COUNTIF(A1:A9,B1)", "COUNTIF(A1:A9,IF(ISBLANK(B1),0,B1))"],
    ['COUNTIFS(A1:A9,">5",B1:B9,C1)', 'COUNTIFS(A1:A9,">5",B1:B9,IF(ISBLANK(C1),0,C1))'],
    ['SUMIF(A1:A9,B1&"x",C1:C9)', 'SUMIF(A1:A9,B1&"x",C1:C9)'],
    [
      "SUM(SUMIF(A:A,'My Sheet'!B1,C:C),1)",
      "SUM(SUMIF(A:A,IF(ISBLANK('My Sheet'!B1),0,'My Sheet'!B1),C:C),1)",
    ],
    ["SUMIF(A1:A9,SUMIF(B1:B9,C1),D1:D9)", "SUMIF(A1:A9,SUMIF(B1:B9,IF(ISBLANK(C1),0,C1)),D1:D9)"],
  ])("%s", (formula, expected) => {
    expect(blankCriteriaAsZero(formula)).toBe(expected);
  });
});
