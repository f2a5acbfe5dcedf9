/**
 * Writes examples/commission-plan.xlsx: a small plan workbook that uses the COMP functions the
 * way Excel saves them (`_xldudf_COMP_…(` names, formulas filled down stored once as shared
 * formulas), for the README's quick start and the calc tests. Run: node scripts/make-example.js
 */
const path = require("node:path");
const ExcelJS = require("exceljs");

const REPS = [
  // Rep, Quota, Actual, Target Incentive, Gross margin %
  ["Avery Chen", 800000, 912000, 40000, 0.41],
  ["Blake Rivera", 750000, 540000, 36000, 0.38],
  ["Casey Morgan", 900000, 1215000, 45000, 0.47],
  ["Devon Patel", 650000, 663000, 30000, 0.33],
  ["Emerson Ito", 700000, 385000, 32000, 0.44],
  ["Finley Okafor", 850000, 1003000, 42000, 0.36],
  ["Gray Novak", 600000, 618000, 28000, 0.52],
  ["Harper Silva", 950000, 1330000, 48000, 0.4],
];

const EARNINGS = [3200, 4100, 6800, 9500, 2500, 7400, 5200, 8800, 11900, 4300, 6100, 9900];

function planSheet(wb) {
  const ws = wb.addWorksheet("Plan");
  ws.getRow(1).values = [
    "Attainment",
    "Payout rate",
    null,
    "Sales from",
    "Rate",
    null,
    "Margin from",
    "Multiplier",
  ];
  [
    [0.5, 0],
    [1, 1],
    [1.5, 2],
  ].forEach(
    (row, i) => (
      (ws.getRow(i + 2).getCell(1).value = row[0]),
      (ws.getRow(i + 2).getCell(2).value = row[1])
    )
  );
  [
    [0, 0.03],
    [300000, 0.05],
    [500000, 0.07],
  ].forEach(
    (row, i) => (
      (ws.getRow(i + 2).getCell(4).value = row[0]),
      (ws.getRow(i + 2).getCell(5).value = row[1])
    )
  );
  [
    [0, 0.9],
    [0.35, 1],
    [0.45, 1.1],
  ].forEach(
    (row, i) => (
      (ws.getRow(i + 2).getCell(7).value = row[0]),
      (ws.getRow(i + 2).getCell(8).value = row[1])
    )
  );
  ws.getColumn(1).numFmt = "0%";
  ws.getColumn(2).numFmt = "0%";
  ws.getColumn(4).numFmt = "#,##0";
  ws.getColumn(5).numFmt = "0.0%";
  ws.getColumn(7).numFmt = "0%";
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 13));
}

function repsSheet(wb) {
  const ws = wb.addWorksheet("Reps");
  ws.getRow(1).values = [
    "Rep",
    "Quota",
    "Actual",
    "Target Incentive",
    "Gross Margin %",
    "Attainment",
    "Payout",
    "Commission",
    "Payout after margin",
  ];
  REPS.forEach((rep, i) => (ws.getRow(i + 2).values = rep));
  const last = REPS.length + 1;
  ws.fillFormula(`F2:F${last}`, "_xldudf_COMP_ATTAINMENT(C2,B2)");
  ws.fillFormula(`G2:G${last}`, "_xldudf_COMP_PAYOUT(F2,Plan!$A$2:$B$4,D2)");
  ws.fillFormula(`H2:H${last}`, "_xldudf_COMP_COMMISSION(C2,Plan!$D$2:$E$4)");
  ws.fillFormula(`I2:I${last}`, "_xldudf_COMP_MODIFIER(G2,E2,Plan!$G$2:$H$4)");
  const total = last + 1;
  ws.getCell(`A${total}`).value = "Total";
  for (const col of ["D", "G", "H", "I"])
    ws.getCell(`${col}${total}`).value = { formula: `SUM(${col}2:${col}${last})` };
  ws.getCell(`A${total + 2}`).value = "Payout Gini";
  ws.getCell(`B${total + 2}`).value = { formula: `_xldudf_COMP_GINI(G2:G${last})` };
  ws.getCell(`A${total + 3}`).value = "Top 20% share";
  ws.getCell(`B${total + 3}`).value = { formula: `_xldudf_COMP_TOPSHARE(G2:G${last})` };
  ws.getCell(`A${total + 4}`).value = "Best single payout, at least 1,000";
  ws.getCell(`B${total + 4}`).value = { formula: `MAX(1000,MAX(G2:G${last}))` };
  ws.getColumn(2).numFmt = "#,##0";
  ws.getColumn(3).numFmt = "#,##0";
  ws.getColumn(4).numFmt = "#,##0";
  ws.getColumn(5).numFmt = "0%";
  ws.getColumn(6).numFmt = "0.0%";
  for (const col of [7, 8, 9]) ws.getColumn(col).numFmt = "#,##0";
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 16));
}

function drawSheet(wb) {
  const ws = wb.addWorksheet("Draw");
  ws.getRow(1).values = ["Month", "Earnings", "Paid (recoverable 5,000 draw)", "Unrecovered draw"];
  EARNINGS.forEach((e, i) => (ws.getRow(i + 2).values = [i + 1, e]));
  const last = EARNINGS.length + 1;
  ws.fillFormula(`C2:C${last}`, `INDEX(_xldudf_COMP_DRAW($B$2:$B$${last},5000),A2)`);
  ws.fillFormula(`D2:D${last}`, `INDEX(_xldudf_COMP_DRAW($B$2:$B$${last},5000,TRUE,"BALANCE"),A2)`);
  ws.getCell(`A${last + 1}`).value = "Total";
  ws.getCell(`B${last + 1}`).value = { formula: `SUM(B2:B${last})` };
  ws.getCell(`C${last + 1}`).value = { formula: `SUM(_xldudf_COMP_DRAW(B2:B${last},5000))` };
  for (const col of [2, 3, 4]) ws.getColumn(col).numFmt = "#,##0";
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
}

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CompAlign";
  planSheet(wb);
  repsSheet(wb);
  drawSheet(wb);
  const out = path.join(__dirname, "..", "examples", "commission-plan.xlsx");
  await wb.xlsx.writeFile(out);
  console.error(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
