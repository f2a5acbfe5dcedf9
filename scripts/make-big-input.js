/**
 * Builds a large CompAlign input workbook for the write benchmarks: the demo sample (Objectives,
 * Matrix, Curves, Reps, Scenarios) with its Reps rows repeated until the sheet holds REPS reps
 * (each copy's names get a " #k" suffix, so every rep id is unique), as formatted tables, saved
 * by exceljs. Uses the compiled lib/ (npm run prepare).
 *
 *   node scripts/make-big-input.js REPS OUT.xlsx
 */
const path = require("node:path");

const lib = (p) => require(path.join(__dirname, "..", "lib", p));
const { sampleSheets } = lib("reports/sampleWorkbook");
const { setupWorkbookFrom } = lib("actions/setupWorkbook");
const { XlsxWorkbook } = lib("workbook/xlsx");

/** The sample's sheet specs with `reps` rep rows (the sample's rows repeated, names suffixed). */
function scaledSampleSheets(reps) {
  return sampleSheets().map((spec) => {
    if (spec.name !== "Reps") return spec;
    const [block] = spec.blocks;
    const [header, ...rows] = block.values;
    const out = [header];
    for (let i = 0; out.length <= reps; i++) {
      const row = rows[i % rows.length];
      const copy = Math.floor(i / rows.length);
      out.push(copy === 0 ? row : [`${row[0]} #${copy + 1}`, ...row.slice(1)]);
    }
    const last = out.length;
    return {
      ...spec,
      blocks: [{ ...block, values: out }, ...spec.blocks.slice(1)],
      tables: (spec.tables ?? []).map((t) => ({
        ...t,
        range: t.range.replace(/\d+$/, String(last)),
      })),
    };
  });
}

async function makeBigInput(reps, out) {
  const book = XlsxWorkbook.empty();
  await setupWorkbookFrom(book, scaledSampleSheets(reps));
  // Written by exceljs itself (shared strings, as Excel and most tools write a file), so the
  // input is the same whatever version of CompAlign's writer builds it.
  await book.workbook.xlsx.writeFile(out);
}

module.exports = { makeBigInput, scaledSampleSheets };

if (require.main === module) {
  const [reps, out] = process.argv.slice(2);
  if (!reps || !out) {
    console.error("usage: node scripts/make-big-input.js REPS OUT.xlsx");
    process.exit(2);
  }
  makeBigInput(Number(reps), out).catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
