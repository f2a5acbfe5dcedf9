#!/usr/bin/env node
/*
 * Benchmark: `calc` on an extract of N rows (default 22,000) where every row sums its rep's
 * amounts with a whole-column SUMIFS (=SUMIFS(B:B,A:A,A2), 500 reps), plus a 500-row summary
 * sheet doing the same across sheets: the case that did not finish in 60 s. Prints the time of
 * the full `calc` path (exceljs load + evaluate) and checks one value against a direct sum.
 * Uses the compiled lib/ (`npm run prepare`).
 *
 *   node scripts/bench-calc-columns.js [ROWS]
 */
"use strict";

const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { Workbook } = require("exceljs");

const LIB = join(__dirname, "..", "lib");

async function main() {
  const rows = Number(process.argv[2] || 22000);
  const { loadXlsx, formulaBook } = require(join(LIB, "workbook/xlsx/xlsxFormulas"));
  const { evaluateFormulaBook } = require(join(LIB, "calc/hfWorkbook"));
  const dir = mkdtempSync(join(tmpdir(), "compalign-bench-columns-"));
  try {
    const file = join(dir, "extract.xlsx");
    const workbook = new Workbook();
    const extract = workbook.addWorksheet("Extract");
    for (let r = 1; r <= rows; r++) {
      extract.getCell(r, 1).value = `rep${r % 500}`;
      extract.getCell(r, 2).value = r % 97;
      extract.getCell(r, 3).value = { formula: `SUMIFS(B:B,A:A,A${r})` };
    }
    const summary = workbook.addWorksheet("Summary");
    for (let r = 1; r <= 500; r++) {
      summary.getCell(r, 1).value = `rep${r % 500}`;
      summary.getCell(r, 2).value = { formula: `SUMIFS(Extract!B:B,Extract!A:A,A${r})` };
    }
    await workbook.xlsx.writeFile(file);
    const t0 = performance.now();
    const { results, unsupportedCounts } = evaluateFormulaBook(formulaBook(await loadXlsx(file)));
    const ms = performance.now() - t0;
    let expected = 0;
    for (let r = 5; r <= rows; r += 500) expected += r % 97;
    const got = results.find((x) => x.sheet === "Summary" && x.row === 4).values[0][0];
    if (got !== expected || unsupportedCounts.length)
      throw new Error(`Summary!B5 is ${got}, expected ${expected}`);
    process.stdout.write(
      `${rows} rows, ${results.length} whole-column SUMIFS: calc (load + evaluate) ${(ms / 1000).toFixed(1)} s\n`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
