#!/usr/bin/env node
/*
 * `calc` conformance on real workbooks: for every .xlsx in a folder, recompute every formula the
 * way `compalign calc --json` does and compare each cell with the value Excel saved in the file.
 *
 *   node scripts/calc-conformance.js FOLDER [--timeout SECONDS] [--mismatches N]
 *
 * Per workbook and in total, it counts formula cells (as `calc --json` lists them):
 *   exact        the recomputed value equals Excel's saved value (numbers to 1e-9 relative)
 *   mismatched   a value was printed and it differs from Excel's (a silently wrong cell)
 *   unsupported  not recomputed, reported as {"unsupported": ...}; counted by cause
 *   no saved     the file holds no saved value to compare with
 * Only workbooks saved by Microsoft Excel count (docProps/app.xml; other writers' saved values
 * are not Excel's; --any-writer counts them too), and only those with formulas.
 * Each workbook runs in its own process, stopped after --timeout seconds (default 60). Uses the
 * compiled lib/ (`npm run prepare`). The workbooks are only read.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const { readdirSync, readFileSync } = require("node:fs");
const { join, basename } = require("node:path");
const { performance } = require("node:perf_hooks");

const LIB = join(__dirname, "..", "lib");

function same(computed, saved) {
  if (typeof computed === "number" && typeof saved === "number")
    return Math.abs(computed - saved) <= 1e-9 * Math.max(1, Math.abs(saved));
  if (typeof computed === "string" && typeof saved === "string") return computed === saved;
  return computed === saved;
}

function savedJson(value) {
  if (value === null || value === undefined) return null;
  return typeof value === "object" ? value.error : value;
}

/** The application that saved the file (docProps/app.xml), or "" when it does not say. */
async function savedBy(file) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const app = (await zip.file("docProps/app.xml")?.async("string")) ?? "";
  return (/<Application>([^<]*)</.exec(app) ?? ["", ""])[1];
}

/** Child: one workbook → counts as JSON on stdout. */
async function measure(file, keepMismatches) {
  const { loadXlsx, formulaBook } = require(join(LIB, "workbook/xlsx/xlsxFormulas"));
  const { evaluateFormulaBook } = require(join(LIB, "calc/hfWorkbook"));
  const { resultsJson } = require(join(LIB, "cli/calc"));
  const writer = await savedBy(file);
  const t0 = performance.now();
  const workbook = await loadXlsx(file);
  const book = formulaBook(workbook);
  const { results, unsupportedCounts } = evaluateFormulaBook(book);
  const json = resultsJson(results);
  const ms = performance.now() - t0;
  // Excel's saved value for each listed cell, from the loader's cached values.
  const saved = new Map();
  for (const sheet of book.sheets)
    for (const f of sheet.formulas) {
      const rows = f.cached ?? [[null]];
      rows.forEach((row, r) =>
        row.forEach((value, c) => saved.set(`${sheet.name}!${r},${c},${f.row},${f.col}`, value))
      );
    }
  const counts = { cells: 0, exact: 0, mismatched: 0, unsupported: 0, noSaved: 0 };
  const mismatches = [];
  for (const result of results) {
    const cells = result.declaredArray ? result.values : [[result.values[0][0]]];
    cells.forEach((row, r) =>
      row.forEach((_, c) => {
        counts.cells++;
        const { formatA1 } = require(join(LIB, "workbook/a1"));
        const key = `${result.sheet}!${formatA1({ row: result.row + r, col: result.col + c })}`;
        const value = json[key];
        const cached = savedJson(
          saved.get(`${result.sheet}!${r},${c},${result.row},${result.col}`)
        );
        if (value && typeof value === "object") counts.unsupported++;
        else if (cached === null) counts.noSaved++;
        else if (same(value, cached)) counts.exact++;
        else {
          counts.mismatched++;
          if (mismatches.length < keepMismatches)
            mismatches.push({ cell: key, formula: result.formula, computed: value, excel: cached });
        }
      })
    );
  }
  return { counts, causes: unsupportedCounts, ms: Math.round(ms), mismatches, writer };
}

function pct(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)}%` : "–";
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--one") {
    measure(args[1], Number(args[2] ?? 0)).then(
      (r) => process.stdout.write(JSON.stringify(r)),
      (e) => {
        process.stderr.write(String(e && e.stack ? e.stack : e));
        process.exit(1);
      }
    );
    return;
  }
  const folder = args.find((a) => !a.startsWith("--"));
  if (!folder) {
    process.stderr.write(
      "usage: node scripts/calc-conformance.js FOLDER [--timeout S] [--mismatches N]\n"
    );
    process.exit(2);
  }
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const timeout = option("--timeout", 60);
  const keep = option("--mismatches", 0);
  const files = readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith(".xlsx") && !f.startsWith("~$"))
    .sort();
  const total = { cells: 0, exact: 0, mismatched: 0, unsupported: 0, noSaved: 0 };
  const causes = new Map();
  const rows = [];
  const skipped = [];
  for (const file of files) {
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=4096", __filename, "--one", join(folder, file), String(keep)],
      { encoding: "utf8", timeout: timeout * 1000, maxBuffer: 64 * 1024 * 1024 }
    );
    if (run.error || run.status !== 0) {
      const why = run.error && run.error.code === "ETIMEDOUT" ? `over ${timeout} s` : "failed";
      rows.push(`| ${basename(file)} | ${why} | | | | | | |`);
      if (run.stderr) process.stderr.write(`${file}: ${run.stderr.split("\n")[0]}\n`);
      continue;
    }
    const r = JSON.parse(run.stdout);
    const c = r.counts;
    // Only Excel's saved values say what Excel computes; other writers' are not the reference.
    if (!/^Microsoft (Macintosh )?Excel$/.test(r.writer) && !args.includes("--any-writer")) {
      skipped.push(
        `${basename(file)} (saved by ${r.writer || "an application that does not say"})`
      );
      continue;
    }
    if (c.cells === 0) {
      skipped.push(`${basename(file)} (no formulas)`);
      continue;
    }
    for (const k of Object.keys(total)) total[k] += c[k];
    for (const [cause, n] of r.causes) causes.set(cause, (causes.get(cause) || 0) + n);
    const comparable = c.cells - c.noSaved;
    rows.push(
      `| ${basename(file)} | ${c.cells} | ${c.exact} (${pct(c.exact, comparable)}) | ${c.unsupported} | ${c.mismatched} | ${c.noSaved} | ${(r.ms / 1000).toFixed(1)} s | ${r.causes.map(([k, n]) => `${n} ${k}`).join("; ")} |`
    );
    for (const m of r.mismatches)
      process.stderr.write(
        `mismatch ${file} ${m.cell} =${m.formula}: calc ${JSON.stringify(m.computed)}, Excel ${JSON.stringify(m.excel)}\n`
      );
  }
  const comparable = total.cells - total.noSaved;
  const lines = [
    "| workbook | formula cells | exact (of comparable) | unsupported | mismatched | no saved value | time | unsupported by cause (formulas) |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows,
    `| **total** | ${total.cells} | ${total.exact} (${pct(total.exact, comparable)}) | ${total.unsupported} | ${total.mismatched} | ${total.noSaved} | | ${[
      ...causes,
    ]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${n} ${k}`)
      .join("; ")} |`,
  ];
  if (skipped.length) lines.push("", `Not counted: ${skipped.join("; ")}.`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
