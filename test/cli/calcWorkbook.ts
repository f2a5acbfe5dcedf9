/**
 * A workbook for the `calc` end-to-end tests, built with exceljs the way Excel stores things:
 * a formula filled down stored once (shared formula), add-in functions under both names,
 * cross-sheet ranges with a quoted sheet name, dates, rich text, a hyperlink, a cached error.
 *
 * Expected values are worked by hand in EXPECTED below.
 */
import { Workbook } from "exceljs";

export const TABLES = "Rate Tables";
export const REPS = "Reps";

/** Sales, quota and target incentive per rep (rows 2..5). */
const REP_ROWS: [string, number | null, number, number][] = [
  ["Ana", 600000, 500000, 20000],
  ["Ben", 100000, 200000, 10000],
  ["Cy", 400000, 400000, 15000],
  ["Di", null, 0, 12000],
];

function addTables(workbook: Workbook): void {
  const ws = workbook.addWorksheet(TABLES);
  // Commission tiers (lower bound, rate) with a header row; payout curve (attainment, rate).
  ws.addRows([
    ["Bound", "Rate", null, "Attainment", "Payout rate"],
    [0, 0.03, null, 0.5, 0],
    [300000, 0.05, null, 1, 1],
    [500000, 0.07, null, 1.5, 2],
  ]);
}

function addReps(workbook: Workbook): void {
  const ws = workbook.addWorksheet(REPS);
  ws.addRow(["Rep", "Sales", "Quota", "Attainment", "Commission", "Payout", "Target", "Floor"]);
  REP_ROWS.forEach(([name, sales, quota, target]) =>
    ws.addRow([name, sales, quota, null, null, null, target])
  );
  // Filled down and stored once: a master with its range, the other cells pointing at it.
  ws.getCell("D2").value = {
    formula: "_xldudf_COMP_ATTAINMENT(B2,C2)",
    shareType: "shared",
    ref: "D2:D5",
    result: 0,
  } as never;
  ws.getCell("E2").value = {
    formula: `COMP.COMMISSION(B2,'${TABLES}'!$A$1:$B$4)`,
    shareType: "shared",
    ref: "E2:E5",
    result: 0,
  } as never;
  for (const row of [3, 4, 5]) {
    ws.getCell(`D${row}`).value = { sharedFormula: "D2", result: 0 } as never;
    ws.getCell(`E${row}`).value = { sharedFormula: "E2", result: 0 } as never;
  }
  for (const row of [2, 3, 4, 5]) {
    ws.getCell(`F${row}`).value = {
      formula: `_xldudf_COMP_PAYOUT(D${row},'${TABLES}'!$D$2:$E$4,G${row})`,
    };
    ws.getCell(`H${row}`).value = {
      formula: `MAX(1000,COMP.COMMISSION(B${row},'${TABLES}'!$A$2:$B$4))`,
    };
  }
  ws.getCell("E2").font = { bold: true };
  ws.getCell("E2").numFmt = "#,##0.00";
}

function addChecks(workbook: Workbook): void {
  const ws = workbook.addWorksheet("Checks");
  ws.getCell("A1").value = { formula: "SUM(COMP.DRAW({3000;8000;12000},5000))" };
  ws.getCell("A2").value = { formula: "INDEX(_xldudf_COMP_DRAW({3000;8000;12000},5000),3)" };
  ws.getCell("A3").value = { formula: "COMP.ATTAINMENT(1,0)" };
  ws.getCell("A4").value = { formula: 'COMP.CURVE(1,{1,2;1,3},"CAP")' };
  ws.getCell("A5").value = { formula: "COMP.PAYOUT(1.2,{0.5,0;1,1;1.5,2},20000)" };
  // A spill: three periods of draw.
  ws.getCell("C1").value = { formula: "COMP.DRAW({3000;8000;12000},5000)" };
  // Dates: prorate 12,000 over 2025 for someone active from 1 July (184 of 365 days).
  ws.getCell("E1").value = new Date(Date.UTC(2025, 0, 1));
  ws.getCell("F1").value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell("G1").value = new Date(Date.UTC(2025, 6, 1));
  ws.getCell("H1").value = { formula: "COMP.PRORATE(12000,E1,F1,G1)" };
  ws.getCell("E2").value = { richText: [{ text: "ab", font: { bold: true } }, { text: "c" }] };
  ws.getCell("F2").value = { text: "site", hyperlink: "https://example.com" };
  ws.getCell("G2").value = { error: "#N/A" };
  ws.getCell("H2").value = "123";
  ws.getCell("I2").value = { formula: 'LEN(E2)&"/"&LEN(F2)&"/"&ISNA(G2)&"/"&ISTEXT(H2)' };
  ws.getCell("I3").value = { formula: "_xlfn.DAYS(F1,E1)" };
  // Array formulas as Excel stores them: the formula on the first cell with the range, stale
  // cached values in the others. K1:K3 is one row taller than the result.
  ws.getCell("L1").value = 1;
  ws.getCell("L2").value = 2;
  /** An array formula over `ref` in column `col`, rows 1..rows, every cached value 0. */
  const arrayFormula = (col: string, rows: number, formula: string) => {
    const ref = `${col}1:${col}${rows}`;
    ws.getCell(`${col}1`).value = { formula, shareType: "array", ref, result: 0 } as never;
    for (let row = 2; row <= rows; row++) ws.getCell(`${col}${row}`).value = 0;
  };
  arrayFormula("K", 3, "L1:L2*2");
  arrayFormula("M", 2, "_xldudf_COMP_ATTAINMENT(L1:L2,4)");
  // A single value in an array range fills it, as Excel does.
  arrayFormula("N", 2, "SUM(L1:L2)");
  // Logical constants as Excel writes them (a bare TRUE): the draw balance after period 1.
  ws.getCell("A7").value = {
    formula: 'INDEX(_xldudf_COMP_DRAW({3000;8000;12000},5000,TRUE,"BALANCE"),1)',
  };
  // A defined name for the tier table.
  ws.getCell("A6").value = { formula: "COMP.COMMISSION(400000,Tiers)" };
}

export function buildCalcWorkbook(): Workbook {
  const workbook = new Workbook();
  addTables(workbook);
  addReps(workbook);
  addChecks(workbook);
  workbook.definedNames.add(`'${TABLES}'!$A$2:$B$4`, "Tiers");
  return workbook;
}

/** Hand-worked results. Tiers 3% to 300k, 5% to 500k, 7% above (marginal); curve 0.5→0, 1→1, 1.5→2. */
export const EXPECTED: Record<string, number | string | boolean> = {
  // Attainment = sales / quota; Di's quota is 0.
  "Reps!D2": 1.2,
  "Reps!D3": 0.5,
  "Reps!D4": 1,
  "Reps!D5": "#DIV/0!",
  // 600k: 300k×3% + 200k×5% + 100k×7% = 9,000 + 10,000 + 7,000.
  "Reps!E2": 26000,
  "Reps!E3": 3000,
  // 400k: 9,000 + 100k×5%.
  "Reps!E4": 14000,
  "Reps!E5": 0,
  // 1.2 on the curve: 1 + 0.2/0.5 × (2 − 1) = 1.4 × 20,000; 0.5 → 0; 1 → 1 × 15,000; an error attainment stays an error.
  "Reps!F2": 28000,
  "Reps!F3": 0,
  "Reps!F4": 15000,
  "Reps!F5": "#DIV/0!",
  "Reps!H2": 26000,
  "Reps!H3": 3000,
  "Reps!H4": 14000,
  "Reps!H5": 1000,
  // Recoverable draw of 5,000 on 3,000 / 8,000 / 12,000: paid 5,000, 6,000 (2,000 repaid), 12,000.
  "Checks!A1": 23000,
  "Checks!A2": 12000,
  "Checks!A3": "#DIV/0!",
  "Checks!A4": "#VALUE!",
  "Checks!A5": 28000,
  "Checks!A6": 14000,
  "Checks!A7": 2000,
  // C1 holds the formula; its result spills to C2:C3 (6,000 and 12,000, checked in --out), which
  // hold no formula of their own, so --json lists C1 only.
  "Checks!C1": 5000,
  "Checks!H1": (12000 * 184) / 365,
  "Checks!I2": "3/4/TRUE/TRUE",
  "Checks!I3": 364,
  "Checks!K1": 2,
  "Checks!K2": 4,
  "Checks!K3": "#N/A",
  "Checks!M1": 0.25,
  "Checks!M2": 0.5,
  "Checks!N1": 3,
  "Checks!N2": 3,
};
