#!/usr/bin/env node
/*
 * Benchmark: COMP.COMMISSION in HyperFormula against the same commissions written as native
 * formulas, on a sheet of N rows (default 10,000), and the full `calc` path (exceljs load +
 * HyperFormula) on an N-row .xlsx file. Uses the compiled lib/ (`npm run prepare`).
 *
 *   COMP:   =COMP.COMMISSION(A2,$E$2:$F$4)                       tiers (bound, rate)
 *   native: =SUMPRODUCT((A2>$E$2:$E$4)*(A2-$E$2:$E$4)*$G$2:$G$4)  G = each tier's rate minus the one below
 *
 * Each timing is the best of several runs after a warm-up: building the engine (which
 * evaluates every formula) plus one full recalculation forced by changing a tier rate.
 * Run directly to print the figures; `require` it for `benchCalc({ rows })`.
 */
"use strict";

const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");

const LIB = join(__dirname, "..", "lib");

function requireLib(path) {
  try {
    return require(join(LIB, path));
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND") {
      throw new Error(
        "bench-calc needs the compiled lib/: run `npm run prepare` (or `npm ci`) first"
      );
    }
    throw error;
  }
}

const TIERS = [
  [0, 0.03],
  [300000, 0.05],
  [500000, 0.07],
];
const RUNS = 5;
const TOLERANCE = 1e-9;

/** Deterministic amounts in [0, 1,000,000), rounded to cents. */
function amounts(rows) {
  let seed = 12345;
  return Array.from({ length: rows }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.round((seed / 2147483648) * 100000000) / 100;
  });
}

/** Rows of [amount, formula, , , bound, rate, differential rate]; row 1 is a header. */
function sheet(values, formula) {
  const rows = [["Amount", "Commission", null, null, "Bound", "Rate", "Rate step"]];
  values.forEach((amount, i) => {
    const row = [amount, formula(i + 2)];
    if (i < TIERS.length) {
      const [bound, rate] = TIERS[i];
      row.push(
        null,
        null,
        bound,
        rate,
        i === 0 ? rate : Math.round((rate - TIERS[i - 1][1]) * 1e12) / 1e12
      );
    }
    rows.push(row);
  });
  return rows;
}

const compFormula = (r) => `=COMP.COMMISSION(A${r},$E$2:$F$4)`;
const nativeFormula = (r) => `=SUMPRODUCT((A${r}>$E$2:$E$4)*(A${r}-$E$2:$E$4)*$G$2:$G$4)`;

/** Builds the engine and forces one full recalculation; returns times and the commissions. */
function runOnce(createEngine, rows) {
  const t0 = performance.now();
  const hf = createEngine({ Sheet1: rows });
  const t1 = performance.now();
  // Raising the middle tier's rate to 6% (F3; its steps G3:G4 for the native formula) makes
  // every commission recompute, once, in one batch.
  hf.batch(() => {
    hf.setCellContents({ sheet: 0, row: 2, col: 5 }, [[0.06, 0.03]]);
    hf.setCellContents({ sheet: 0, row: 3, col: 6 }, [[0.01]]);
  });
  const t2 = performance.now();
  const commissions = hf
    .getSheetValues(0)
    .slice(1)
    .map((row) => row[1]);
  hf.destroy();
  return { buildMs: t1 - t0, recalcMs: t2 - t1, totalMs: t2 - t0, commissions };
}

function best(createEngine, rows) {
  runOnce(createEngine, rows); // warm-up
  let fastest;
  for (let i = 0; i < RUNS; i++) {
    const run = runOnce(createEngine, rows);
    if (!fastest || run.totalMs < fastest.totalMs) fastest = run;
  }
  return fastest;
}

function checkAgreement(comp, native) {
  comp.forEach((value, i) => {
    if (
      typeof value !== "number" ||
      typeof native[i] !== "number" ||
      Math.abs(value - native[i]) > TOLERANCE
    ) {
      throw new Error(
        `row ${i + 2}: COMP.COMMISSION gives ${value}, the native formula ${native[i]}`
      );
    }
  });
}

async function writeCalcFile(path, values) {
  const { Workbook } = require("exceljs");
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Sheet1");
  sheet(values, () => null).forEach((row) => ws.addRow(row));
  const last = values.length + 1;
  ws.getCell("B2").value = {
    formula: "_xldudf_COMP_COMMISSION(A2,$E$2:$F$4)",
    shareType: "shared",
    ref: `B2:B${last}`,
  };
  for (let r = 3; r <= last; r++) ws.getCell(`B${r}`).value = { sharedFormula: "B2" };
  await workbook.xlsx.writeFile(path);
}

/** The `calc` path (load the file, read formulas, evaluate) on an N-row file, best of a few runs. */
async function benchCalcFile(values) {
  const { loadXlsx, formulaBook } = requireLib("workbook/xlsx/xlsxFormulas");
  const { evaluateFormulaBook } = requireLib("calc/hfWorkbook");
  const dir = mkdtempSync(join(tmpdir(), "compalign-bench-"));
  try {
    const file = join(dir, "commissions.xlsx");
    await writeCalcFile(file, values);
    let fastest;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const workbook = await loadXlsx(file);
      const t1 = performance.now();
      const { results } = evaluateFormulaBook(formulaBook(workbook));
      const t2 = performance.now();
      if (results.length !== values.length)
        throw new Error(`calc found ${results.length} formulas, expected ${values.length}`);
      if (!fastest || t2 - t0 < fastest.totalMs)
        fastest = { loadMs: t1 - t0, evaluateMs: t2 - t1, totalMs: t2 - t0 };
    }
    return fastest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (ms) => Math.round(ms * 10) / 10;

async function benchCalc({ rows = 10000, file = true } = {}) {
  const { createEngine } = requireLib("functions/hyperformula");
  const values = amounts(rows);
  const comp = best(createEngine, sheet(values, compFormula));
  const native = best(createEngine, sheet(values, nativeFormula));
  checkAgreement(comp.commissions, native.commissions);
  const result = {
    rows,
    compMs: round(comp.totalMs),
    nativeMs: round(native.totalMs),
    ratio: Math.round((native.totalMs / comp.totalMs) * 100) / 100,
    comp: { buildMs: round(comp.buildMs), recalcMs: round(comp.recalcMs) },
    native: { buildMs: round(native.buildMs), recalcMs: round(native.recalcMs) },
  };
  if (file) {
    const calc = await benchCalcFile(values);
    result.fileMs = round(calc.totalMs);
    result.calcFile = {
      loadMs: round(calc.loadMs),
      evaluateMs: round(calc.evaluateMs),
      totalMs: round(calc.totalMs),
    };
  }
  return result;
}

module.exports = { benchCalc };

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 10000);
  benchCalc({ rows }).then(
    (r) => {
      console.log(
        `calc benchmark, ${r.rows} rows of commissions on a 3-tier table (best of ${RUNS}, build + full recalculation)`
      );
      console.log(
        `  COMP.COMMISSION        ${r.compMs} ms  (build ${r.comp.buildMs}, recalc ${r.comp.recalcMs})`
      );
      console.log(
        `  native SUMPRODUCT      ${r.nativeMs} ms  (build ${r.native.buildMs}, recalc ${r.native.recalcMs})`
      );
      console.log(
        `  native / COMP          ${r.ratio}×  (target ≥ 1: COMP at least as fast); results agree to ${TOLERANCE}`
      );
      if (r.calcFile) {
        console.log(
          `  calc on an .xlsx file  ${r.calcFile.totalMs} ms  (exceljs load ${r.calcFile.loadMs}, evaluate ${r.calcFile.evaluateMs})`
        );
      }
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(`bench-calc: ${error.message}`);
      process.exitCode = 1;
    }
  );
}
