/**
 * Excel functions the headless engine adds to HyperFormula 3.5 (hfExcelFunctions.ts) and the
 * Excel behaviours it relies on HyperFormula for, each checked against the examples of
 * Microsoft's function documentation (the page is cited above each test; where the page shows
 * its data only as a picture, the data is ours and the rule checked is the page's text).
 */
import { DetailedCellError, type CellValue, type RawCellContent } from "hyperformula";
import { createEngine } from "../../src/functions/hyperformula";

/** Evaluates formulas on a sheet "S" that holds `cells` (row-major from A1); returns the sheet's values. */
function sheet(cells: RawCellContent[][]): CellValue[][] {
  const hf = createEngine({ S: cells });
  try {
    return hf.getSheetValues(hf.getSheetId("S")!);
  } finally {
    hf.destroy();
  }
}

/** The value of one formula over `data` (placed from A1; the formula goes below it). */
function value(formula: string, data: RawCellContent[][] = []): CellValue {
  const values = sheet([...data, [formula]]);
  return values[data.length][0];
}

const errorOf = (v: CellValue) => (v instanceof DetailedCellError ? v.value : v);

describe("LOOKUP", () => {
  // https://support.microsoft.com/kb/324986 ("How to use the LOOKUP function in Excel") and
  // https://support.microsoft.com/en-us/office/lookup-function-446d94af-663b-451d-8251-369d5e3864cb
  const frequencies: RawCellContent[][] = [
    ["Frequency", "Color"],
    [4.14, "red"],
    [4.19, "orange"],
    [5.17, "yellow"],
    [5.77, "green"],
    [6.39, "blue"],
  ];
  it.each([
    ["=LOOKUP(4.19,A2:A6,B2:B6)", "orange"],
    ["=LOOKUP(5.00,A2:A6,B2:B6)", "orange"],
    ["=LOOKUP(7.66,A2:A6,B2:B6)", "blue"],
  ])("vector form %s → %s", (formula, expected) => {
    expect(value(formula, frequencies)).toBe(expected);
  });

  it("vector form below the smallest value → #N/A", () => {
    expect(errorOf(value("=LOOKUP(0,A2:A6,B2:B6)", frequencies))).toBe("#N/A");
  });

  it("array form: more columns than rows searches the first row, answers from the last", () => {
    expect(value('=LOOKUP("C",{"a","b","c","d";1,2,3,4})')).toBe(3);
  });

  it("array form: more rows than columns searches the first column, answers from the last", () => {
    expect(value('=LOOKUP("bump",{"a",1;"b",2;"c",3})')).toBe(2);
  });

  it("finds the last match the binary search would (the LOOKUP(2,1/(...)) idiom)", () => {
    const data: RawCellContent[][] = [["x"], [null], ["y"], [null]];
    expect(value('=LOOKUP(2,1/(A1:A4<>""),A1:A4)', data)).toBe("y");
  });
});

describe("XMATCH", () => {
  // https://support.microsoft.com/en-us/office/xmatch-function-d966da31-7a6b-4a13-a1c6-5a33ed6a0312
  const fruit: RawCellContent[][] = [["Apple"], ["Grape"], ["Pear"], ["Banana"], ["Cherry"]];
  it("match_mode 1: exact or next larger item ('Gra' → Grape, position 2)", () => {
    expect(value('=XMATCH("Gra",A1:A5,1)', fruit)).toBe(2);
  });

  it("exact match is the default and is not case sensitive; none → #N/A", () => {
    expect(value('=XMATCH("pear",A1:A5)', fruit)).toBe(3);
    expect(errorOf(value('=XMATCH("Kiwi",A1:A5)', fruit))).toBe("#N/A");
  });

  it("match_mode -1 next smaller, 2 wildcards, search_mode -1 last to first", () => {
    expect(value("=XMATCH(5,{1,4,9},-1)")).toBe(2);
    expect(value("=XMATCH(5,{1,4,9},1)")).toBe(3);
    expect(value('=XMATCH("b*",A1:A5,2)', fruit)).toBe(4);
    expect(value('=XMATCH("?ear",A1:A5,2)', fruit)).toBe(3);
    expect(value("=XMATCH(4,{1,4,4,9},0,-1)")).toBe(3);
    expect(value("=XMATCH(4,{1,4,4,9},0,1)")).toBe(2);
  });

  it("a number never matches text", () => {
    expect(errorOf(value('=XMATCH(1,{"1",2})'))).toBe("#N/A");
  });
});

describe("INDEX", () => {
  // https://support.microsoft.com/en-us/office/index-function-a5dcf0dd-996d-40a4-a822-b56b061328bd
  const fruit: RawCellContent[][] = [
    ["Data", "Data"],
    ["Apples", "Lemons"],
    ["Bananas", "Pears"],
  ];
  it("row and column pick the cell at their intersection", () => {
    expect(value("=INDEX(A2:B3,2,2)", fruit)).toBe("Pears");
    expect(value("=INDEX(A2:B3,2,1)", fruit)).toBe("Bananas");
  });

  it("one index into a one-row array picks the column (the row argument is optional)", () => {
    expect(value("=INDEX({1,2,3},2)")).toBe(2);
    expect(value("=INDEX(A2:B2,2)", fruit)).toBe("Lemons");
    expect(value("=INDEX({10;20;30},3)")).toBe(30);
  });

  it("a 0 row returns the whole column: INDEX({1,2;3,4},0,2) is {2;4}", () => {
    const values = sheet([["=INDEX({1,2;3,4},0,2)"]]);
    expect(values.map((r) => r[0])).toEqual([2, 4]);
    expect(value("=SUM(INDEX({1,2;3,4},0,2))")).toBe(6);
  });

  it("an index outside the array → #REF!", () => {
    expect(errorOf(value("=INDEX(A2:B3,3,1)", fruit))).toBe("#REF!");
  });
});

describe("SORTBY", () => {
  // https://support.microsoft.com/en-us/office/sortby-function-cd2d7a62-1b93-435c-b561-d6a35134f28f
  // "=SORTBY(D2:E9,E2:E9) sorts a list of people's names by their age, in ascending order";
  // "sort a table by Region in ascending order, then by each person's age, in descending order".
  const people: RawCellContent[][] = [
    ["Tom", "West", 52],
    ["Fred", "East", 65],
    ["Amy", "West", 22],
    ["Sal", "East", 73],
    ["Fritz", "West", 19],
  ];
  it("sorts by a column outside the array, ascending", () => {
    const values = sheet([...people.map((r) => [r[0], r[2]]), ["=SORTBY(A1:A5,B1:B5)"]]);
    expect(values.slice(5).map((r) => r[0])).toEqual(["Fritz", "Amy", "Tom", "Fred", "Sal"]);
  });

  it("sorts by region ascending, then age descending", () => {
    const values = sheet([...people, ["=SORTBY(A1:C5,B1:B5,1,C1:C5,-1)"]]);
    expect(values.slice(5).map((r) => r[0])).toEqual(["Sal", "Fred", "Tom", "Amy", "Fritz"]);
  });
});

describe("XNPV", () => {
  // https://support.microsoft.com/en-us/office/xnpv-function-1b42bbf6-370f-4532-a0eb-d67c16b664b7
  const flows: RawCellContent[][] = [
    [-10000, "=DATE(2008,1,1)"],
    [2750, "=DATE(2008,3,1)"],
    [4250, "=DATE(2008,10,30)"],
    [3250, "=DATE(2009,2,15)"],
    [2750, "=DATE(2009,4,1)"],
  ];
  it("discounts at 9% to 2,086.65, with dates computed by DATE()", () => {
    expect(value("=XNPV(0.09,A1:A5,B1:B5)", flows)).toBeCloseTo(2086.65, 2);
  });

  it("a date before the first → #NUM!; text among the values → #VALUE!", () => {
    const early = flows.map((r, i) => (i === 2 ? [r[0], "=DATE(2007,1,1)"] : r));
    expect(errorOf(value("=XNPV(0.09,A1:A5,B1:B5)", early))).toBe("#NUM!");
    const text = flows.map((r, i) => (i === 1 ? ["x", r[1]] : r));
    expect(errorOf(value("=XNPV(0.09,A1:A5,B1:B5)", text))).toBe("#VALUE!");
  });
});

describe("RANK", () => {
  // https://support.microsoft.com/en-us/office/rank-function-6a2fc49d-1831-4a03-9d8c-c279cf99f723
  // and rank-eq-function-284858ce-8ef6-450e-b662-26245be04a40, rank-avg-function-bd406a6f-...
  const data: RawCellContent[][] = [[7], [3.5], [3.5], [1], [2]];
  it("RANK(A3,A2:A6,1) is 3 and RANK(A2,A2:A6,1) is 5 (ascending)", () => {
    const list: RawCellContent[][] = [["Data"], ...data];
    expect(value("=RANK(A3,A2:A6,1)", list)).toBe(3);
    expect(value("=RANK(A2,A2:A6,1)", list)).toBe(5);
    expect(value("=RANK.EQ(A2,A2:A6,1)", list)).toBe(5);
  });

  it("descending by default; RANK.AVG averages ties; a number not in the list → #N/A", () => {
    expect(value("=RANK(7,A1:A5)", data)).toBe(1);
    expect(value("=RANK(3.5,A1:A5)", data)).toBe(2);
    expect(value("=RANK.AVG(3.5,A1:A5)", data)).toBe(2.5);
    expect(errorOf(value("=RANK(4,A1:A5)", data))).toBe("#N/A");
  });
});

describe("CONCAT", () => {
  // https://support.microsoft.com/en-us/office/concat-function-9b1a9a3f-94ff-41af-9736-694cbd6b4ca2
  it("joins ranges and values: =CONCAT(B:B, C:C) style and text with numbers", () => {
    const data: RawCellContent[][] = [
      ["a1", "b1"],
      ["a2", "b2"],
    ];
    expect(value("=CONCAT(A1:B2)", data)).toBe("a1b1a2b2");
    expect(value('=CONCAT("The"," ","sun"," ","will"," ","come"," ","up"," ","tomorrow.")')).toBe(
      "The sun will come up tomorrow."
    );
  });
});

describe("functions HyperFormula has, as Microsoft documents them", () => {
  // Microsoft's example data for VSTACK and HSTACK: A2:C3 and E2:G3.
  const STACK_DATA = [
    ["Data"],
    ["A", "B", "C", null, "AA", "BB", "CC"],
    ["D", "E", "F", null, "DD", "EE", "FF"],
  ];

  // https://support.microsoft.com/en-us/office/vstack-function-a4b86897-be0f-48fc-adca-fcc10d795a9c
  it("VSTACK(A2:C3,E2:G3) appends the second array below the first", () => {
    const values = sheet([...STACK_DATA, ["=VSTACK(A2:C3,E2:G3)"]]);
    expect(values.slice(3).map((r) => r.slice(0, 3))).toEqual([
      ["A", "B", "C"],
      ["D", "E", "F"],
      ["AA", "BB", "CC"],
      ["DD", "EE", "FF"],
    ]);
  });

  // https://support.microsoft.com/en-us/office/hstack-function-98c4ab76-10fe-4b4f-8d5f-af1c125fe8c2
  it("HSTACK(A2:C3,E2:G3) appends the second array beside the first", () => {
    const values = sheet([...STACK_DATA, ["=HSTACK(A2:C3,E2:G3)"]]);
    expect(values.slice(3)).toEqual([
      ["A", "B", "C", "AA", "BB", "CC"],
      ["D", "E", "F", "DD", "EE", "FF"],
    ]);
  });

  // https://support.microsoft.com/en-us/office/filter-function-f4f7cb66-82eb-4767-8f7c-4877ad80c759
  // "=FILTER(A5:D20,C5:C20=H2,"")" returns the records for the product in H2; the third
  // argument is what to return when nothing is left.
  it("FILTER keeps the rows whose condition holds, if_empty when none", () => {
    const sales: RawCellContent[][] = [
      ["East", "Tom", "Apple", 6380],
      ["West", "Fred", "Grape", 5619],
      ["North", "Amy", "Pear", 4565],
      ["South", "Sal", "Apple", 2016],
    ];
    const values = sheet([...sales, ['=FILTER(A1:D4,C1:C4="Apple","")']]);
    expect(values.slice(4).map((r) => r.slice(0, 4))).toEqual([
      ["East", "Tom", "Apple", 6380],
      ["South", "Sal", "Apple", 2016],
    ]);
    expect(value('=FILTER(A1:D4,C1:C4="Kiwi","none")', sales)).toBe("none");
  });

  // https://support.microsoft.com/en-us/office/sort-function-22f63bd0-ccc8-492f-953d-c20e8e44b86c
  // "=SORT(A2:B17,2,-1)": sort by the second column, descending.
  it("SORT ascending by default, by a column and descending on request", () => {
    const data: RawCellContent[][] = [
      ["Tom", 52],
      ["Amy", 22],
      ["Sal", 73],
    ];
    const byName = sheet([...data, ["=SORT(A1:A3)"]]);
    expect(byName.slice(3).map((r) => r[0])).toEqual(["Amy", "Sal", "Tom"]);
    const byAge = sheet([...data, ["=SORT(A1:B3,2,-1)"]]);
    expect(byAge.slice(3).map((r) => r[0])).toEqual(["Sal", "Tom", "Amy"]);
  });

  // https://support.microsoft.com/en-us/office/unique-function-c5ab87fd-30a3-4ce9-9d1a-40204fb85e1e
  // "return a list of unique names"; exactly_once returns the ones that occur once.
  it("UNIQUE lists distinct values in order; exactly_once keeps those that occur once", () => {
    const names: RawCellContent[][] = [["Fritz"], ["Amy"], ["Fritz"], ["Sal"], ["Amy"]];
    const distinct = sheet([...names, ["=UNIQUE(A1:A5)"]]);
    expect(distinct.slice(5).map((r) => r[0])).toEqual(["Fritz", "Amy", "Sal"]);
    expect(value("=UNIQUE(A1:A5,FALSE(),TRUE())", names)).toBe("Sal");
  });

  // https://support.microsoft.com/en-us/office/sequence-function-57467a98-57e0-4817-9f14-2eb78519ca90
  it("SEQUENCE(4,5) fills 4 rows by 5 columns with 1..20", () => {
    const values = sheet([["=SEQUENCE(4,5)"]]);
    expect(values).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15],
      [16, 17, 18, 19, 20],
    ]);
  });

  // https://support.microsoft.com/en-us/office/xlookup-function-b7fd680e-6d10-43e6-84f9-88eae8bf5929
  it("XLOOKUP exact, next smaller (a tax-rate table) and if_not_found", () => {
    const rates: RawCellContent[][] = [
      [0, 0.1],
      [9701, 0.22],
      [39476, 0.24],
      [84201, 0.32],
    ];
    expect(value("=XLOOKUP(46523,A1:A4,B1:B4,0,-1)", rates)).toBe(0.24);
    expect(value("=XLOOKUP(9701,A1:A4,B1:B4)", rates)).toBe(0.22);
    expect(value('=XLOOKUP(5,A1:A4,B1:B4,"none")', rates)).toBe("none");
    // "If a valid match is not found, and [if_not_found] is missing, #N/A is returned": an
    // empty argument is a missing one.
    expect(errorOf(value("=XLOOKUP(5,A1:A4,B1:B4,,0)", rates))).toBe("#N/A");
    expect(errorOf(value("=XLOOKUP(5,A1:A4,B1:B4)", rates))).toBe("#N/A");
  });

  // https://support.microsoft.com/en-us/office/ifs-function-36329a26-37b2-467c-972b-4a39bd951d45
  it("IFS grades a score; SWITCH maps a weekday number", () => {
    expect(value('=IFS(A1>89,"A",A1>79,"B",A1>69,"C",A1>59,"D",TRUE(),"F")', [[73]])).toBe("C");
    // https://support.microsoft.com/en-us/office/switch-function-47ab33c0-28ce-4530-8a45-d532ec4aa25e
    expect(value('=SWITCH(A1,1,"Sunday",2,"Monday",3,"Tuesday","No match")', [[2]])).toBe("Monday");
    expect(value('=SWITCH(A1,1,"Sunday",2,"Monday",3,"Tuesday","No match")', [[99]])).toBe(
      "No match"
    );
  });
});
