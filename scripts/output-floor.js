/**
 * node scripts/output-floor.js IN.xlsx OUT.xlsx: the output floor of scripts/bench-write.js.
 *
 * The I/O floor (read IN with the CLI's reader), then the least work any writer must do for
 * what `scenarios --out` writes on the demo sample: four rep-detail tabs (one row a rep, 16
 * columns: 4 text, 12 numbers), each turned into SpreadsheetML by the tightest loop (one
 * template per cell: no styles, no layout, no engine) and deflated at zlib's fastest level on
 * its thread pool, with the input's parts copied raw. The numbers are the input's own full
 * doubles, as real payouts are. What `scenarios --out` costs above this is the engine, the
 * comparison tab and CompAlign's layout; what this costs above the I/O floor is the size of
 * the output.
 */
const path = require("node:path");
const { readFileSync, writeFileSync } = require("node:fs");
const { deflateRaw, crc32, constants } = require("node:zlib");
const lib = (p) => require(path.join(__dirname, "..", "lib", p));
const { XlsxWorkbook } = lib("workbook/xlsx");
const { readZip, writeZip } = lib("workbook/xlsx/zipPackage");

const TABS = 4;
const LETTERS = "ABCDEFGHIJKLMNOP";
const escape = (v) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One part deflated in ~1 MB blocks on zlib's thread pool, as the CLI's writer does. */
function partWriter(name) {
  const pending = [];
  let crc = 0;
  let size = 0;
  let texts = [];
  let length = 0;
  const flush = (last) => {
    const bytes = Buffer.from(texts.join(""), "utf8");
    texts = [];
    length = 0;
    crc = crc32(bytes, crc);
    size += bytes.length;
    const options = {
      level: 1,
      finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
    };
    pending.push(
      new Promise((resolve, reject) =>
        deflateRaw(bytes, options, (error, out) => (error ? reject(error) : resolve(out)))
      )
    );
  };
  return {
    write(text) {
      texts.push(text);
      length += text.length;
      if (length >= 1 << 20) flush(false);
    },
    async finish() {
      flush(true);
      return { kind: "deflated", name, chunks: await Promise.all(pending), crc, size };
    },
  };
}

(async () => {
  const [input, output] = process.argv.slice(2);
  const book = await XlsxWorkbook.fromFile(input);
  const sheets = await book.readSheets(["Objectives", "Matrix", "Curves", "Reps", "Scenarios"]);
  const rows = sheets[3].values.slice(1);
  const columnsOf = (type) => rows[0].flatMap((value, c) => (typeof value === type ? [c] : []));
  const text = columnsOf("string").slice(0, 4);
  const numbers = columnsOf("number");
  const parts = [];
  for (let tab = 0; tab < TABS; tab++) {
    const part = partWriter(`xl/worksheets/detail${tab + 1}.xml`);
    part.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    );
    for (let i = 0; i < rows.length; i++) {
      const r = String(i + 2);
      const row = rows[i];
      const cells = [];
      for (let c = 0; c < 4; c++) {
        cells.push(
          `<c r="${LETTERS[c]}${r}" t="inlineStr"><is><t>${escape(row[text[c]])}</t></is></c>`
        );
      }
      for (let c = 0; c < 12; c++) {
        const value = row[numbers[c % numbers.length]] * (1 + tab / 7);
        cells.push(`<c r="${LETTERS[c + 4]}${r}" s="1"><v>${value}</v></c>`);
      }
      part.write(`<row r="${r}">${cells.join("")}</row>`);
    }
    part.write("</sheetData></worksheet>");
    parts.push(part.finish());
  }
  const kept = readZip(readFileSync(input)).map((entry) => ({ kind: "raw", entry }));
  writeFileSync(output, Buffer.concat(writeZip([...kept, ...(await Promise.all(parts))])));
})().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
