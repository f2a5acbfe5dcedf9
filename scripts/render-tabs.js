#!/usr/bin/env node
/**
 * Renders every tab CompAlign writes for the built-in sample (Alignment View, one tab per
 * scenario, Scenario Comparison, Pulse Check, Plan pages) to PDF with LibreOffice, one tab per
 * file, and prints the pages each tab takes. Needs `npx tsc -p tsconfig.node.json` first (it
 * runs the compiled lib/) and LibreOffice's `soffice` on the PATH.
 *
 *   node scripts/render-tabs.js [OUT_DIR] [--png]
 *
 * With --png each tab's first pages are also rendered to PNG (pdftoppm) for a look.
 */
const { execFileSync } = require("node:child_process");
const { mkdirSync, mkdtempSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const actions = require("../lib/actions");
const { XlsxWorkbook } = require("../lib/workbook/xlsx");

const RUN_DATE = "2026-12-06";

/** A port that records every owned spec written through it. */
function recording(book, specs) {
  return new Proxy(book, {
    get(target, prop) {
      if (prop === "writeOwnedSheets")
        return async (list, ...rest) => {
          specs.push(...list);
          return target.writeOwnedSheets(list, ...rest);
        };
      const value = target[prop];
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function sampleSpecs() {
  const specs = [];
  const file = XlsxWorkbook.empty();
  file.runDate = RUN_DATE;
  const book = recording(file, specs);
  await actions.insertSampleData(book);
  await actions.writeAlignmentView(book);
  await actions.runScenarioAction(book);
  await actions.runPulseCheck(book, { today: RUN_DATE });
  await actions.writePlanPages(book);
  return specs;
}

function pages(pdf) {
  const info = execFileSync("pdfinfo", [pdf]).toString();
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

async function main() {
  const args = process.argv.slice(2);
  const png = args.includes("--png");
  const out = args.find((a) => !a.startsWith("--")) ?? mkdtempSync(join(tmpdir(), "tabs-"));
  mkdirSync(out, { recursive: true });
  const specs = await sampleSpecs();
  const rows = [];
  for (const [i, spec] of specs.entries()) {
    const file = XlsxWorkbook.empty();
    await file.writeOwnedSheets([spec]);
    const base = `tab${String(i + 1).padStart(2, "0")}`;
    writeFileSync(join(out, `${base}.xlsx`), await file.toBuffer());
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), "lo-"))}`,
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        join(out, `${base}.xlsx`),
      ],
      { stdio: "ignore" }
    );
    const n = pages(join(out, `${base}.pdf`));
    if (png)
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-l",
        "3",
        join(out, `${base}.pdf`),
        join(out, base),
      ]);
    rows.push([spec.name, n]);
  }
  for (const [name, n] of rows) console.log(`${String(n).padStart(4)}  ${name}`);
  console.log(`${String(rows.reduce((s, r) => s + r[1], 0)).padStart(4)}  total (${out})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
