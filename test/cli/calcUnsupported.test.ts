/**
 * `compalign calc` is honest about what it cannot recompute: a formula using a function or
 * construct the engine lacks, and every formula depending on one, is never given a value. In
 * --json it is {"unsupported": what, "cached": Excel's saved value}; in --out it keeps the saved
 * value; stderr ends with the count by cause. The real `node bin/compalign.js` on a workbook
 * built here with exceljs, with saved values as Excel would have written them.
 */
import { Workbook } from "exceljs";
import { compalign, ensureCompiledCli } from "./compiledCli";
import { tempFolder } from "./helpers";

let input: string;

function build(): Workbook {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("S");
  ws.addRows([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  const set = (address: string, value: unknown) => (ws.getCell(address).value = value as never);
  // Saved results are the values Excel shows for these formulas.
  set("C1", { formula: "_xlfn.FORECAST.ETS(4,B1:B3,A1:A3)", result: 40 });
  set("C2", { formula: "C1*2", result: 80 });
  set("C3", { formula: "IFERROR(C2,0)+1E5", result: 100080 });
  set("C4", { formula: "SUM(Table1[Amount])", result: 60 });
  set("C5", { formula: "OFFSET(A1,B1/10,0)", result: 2 });
  set("C6", { formula: "C7+1", result: 0 });
  set("C7", { formula: "C6+1", result: 0 });
  set("C8", { formula: "SUM(A1:B3)", result: 66 });
  set("C9", { formula: "SUM(C8,1E5)", result: 100066 });
  set("D1", { formula: 'GETPIVOTDATA("Amount",$A$1)', result: 5 });
  set("D2", { formula: "[1]Other!A1*2", result: 14 });
  // An array formula over E1:E2 whose function the engine lacks; F1 sums its cells.
  set("E1", {
    formula: "_xlfn.FORECAST.ETS(A1:A2+3,B1:B3,A1:A3)",
    shareType: "array",
    ref: "E1:E2",
    result: 40,
  });
  set("E2", 50);
  set("F1", { formula: "SUM(E1:E2)", result: 90 });
  // A filled-down formula (one master, one follower) depending on an unsupported cell.
  set("G1", { formula: "C1+A1", shareType: "shared", ref: "G1:G2", result: 41 });
  set("G2", { sharedFormula: "G1", result: 82 });
  // A range over an unsupported cell: the dependency goes through the range.
  set("H1", { formula: "SUM(C1:C3)", result: 100200 });
  // No saved value at all.
  set("H2", { formula: "_xlfn.FORECAST.ETS(5,B1:B3,A1:A3)" });
  return workbook;
}

const { path } = tempFolder("compalign-calc-unsupported-", async ({ path }) => {
  ensureCompiledCli();
  input = path("model.xlsx");
  await build().xlsx.writeFile(input);
});

const unsupported = (what: string | RegExp, cached: unknown) => ({
  unsupported: typeof what === "string" ? what : expect.stringMatching(what),
  cached,
});

describe("calc --json on formulas it cannot recompute", () => {
  let json: Record<string, unknown>;
  let stderr: string;

  beforeAll(() => {
    const run = compalign("calc", input, "--json");
    expect(run.status).toBe(0);
    json = JSON.parse(run.stdout);
    stderr = run.stderr;
  });

  it("reports a function the engine lacks, with Excel's saved value", () => {
    expect(json["S!C1"]).toEqual(unsupported("function FORECAST.ETS", 40));
    expect(json["S!H2"]).toEqual(unsupported("function FORECAST.ETS", null));
  });

  it("reports every cell depending on one, directly, through IFERROR, a range or a fill", () => {
    expect(json["S!C2"]).toEqual(unsupported("depends on unsupported cell S!C1", 80));
    expect(json["S!C3"]).toEqual(unsupported("depends on unsupported cell S!C1", 100080));
    expect(json["S!G1"]).toEqual(unsupported("depends on unsupported cell S!C1", 41));
    expect(json["S!G2"]).toEqual(unsupported("depends on unsupported cell S!C1", 82));
    expect(json["S!H1"]).toEqual(unsupported(/^depends on unsupported cell S!C[12]$/, 100200));
    expect(json["S!F1"]).toEqual(unsupported("depends on unsupported cell S!E1", 90));
  });

  it("lists each cell of an unsupported array formula with its saved value", () => {
    expect(json["S!E1"]).toEqual(unsupported("function FORECAST.ETS", 40));
    expect(json["S!E2"]).toEqual(unsupported("function FORECAST.ETS", 50));
  });

  it("names structured references, data from pivots, other workbooks, OFFSET and cycles", () => {
    expect(json["S!C4"]).toEqual(unsupported(/^structured reference Table1\[Amount\]/, 60));
    expect(json["S!D1"]).toEqual(unsupported("GETPIVOTDATA (reads a pivot table)", 5));
    expect(json["S!D2"]).toEqual(unsupported("reference to another workbook", 14));
    expect(json["S!C5"]).toEqual(unsupported(/^OFFSET: .*not a static number/, 2));
    const cycle = "circular reference (the file does not enable iterative calculation)";
    expect(json["S!C6"]).toEqual(unsupported(cycle, 0));
    expect(json["S!C7"]).toEqual(unsupported(cycle, 0));
  });

  it("still computes what it can (an upper-case exponent included)", () => {
    expect(json["S!C8"]).toBe(66);
    expect(json["S!C9"]).toBe(100066);
  });

  it("ends stderr with one line counting them by cause", () => {
    const last = stderr.trimEnd().split("\n").pop();
    expect(last).toBe(
      "compalign calc: 15 of 17 formulas not recomputed (Excel's saved value kept): " +
        "6 depends on an unsupported cell, 3 function FORECAST.ETS, 2 circular reference, " +
        "1 GETPIVOTDATA, 1 OFFSET with computed arguments, 1 reference to another workbook, " +
        "1 structured reference to a table"
    );
  });
});

describe("calc --out on formulas it cannot recompute", () => {
  let written: Workbook;

  beforeAll(async () => {
    const out = path("out.xlsx");
    const run = compalign("calc", input, "--out", out);
    expect(run.status).toBe(0);
    expect(run.stderr.trimEnd().split("\n").pop()).toMatch(
      /^compalign calc: 15 of 17 formulas not recomputed/
    );
    written = new Workbook();
    await written.xlsx.readFile(out);
  });

  const cell = (address: string) => written.getWorksheet("S")!.getCell(address);

  it("keeps Excel's saved values and the formulas", () => {
    expect(cell("C1").value).toEqual({ formula: "_xlfn.FORECAST.ETS(4,B1:B3,A1:A3)", result: 40 });
    expect(cell("C3").value).toEqual({ formula: "IFERROR(C2,0)+1E5", result: 100080 });
    expect(cell("G2").value).toEqual({ formula: "C2+A2", result: 82 });
    expect(cell("G2").result).toBe(82);
    expect(cell("E1").value).toMatchObject({ shareType: "array", ref: "E1:E2", result: 40 });
    expect(cell("E2").value).toBe(50);
    expect(cell("H2").value).toEqual({ formula: "_xlfn.FORECAST.ETS(5,B1:B3,A1:A3)" });
  });

  it("writes computed values where it could compute them", () => {
    expect(cell("C8").value).toEqual({ formula: "SUM(A1:B3)", result: 66 });
    expect(cell("C9").value).toEqual({ formula: "SUM(C8,1E5)", result: 100066 });
  });
});
