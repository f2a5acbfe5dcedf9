/**
 * Builds the lossless round-trip fixtures in test/fixtures/lossless/ (committed; rerun only to
 * change them): a workbook with the CompAlign input sheets (the demo sample's Objectives, Matrix,
 * Curves, Reps, Scenarios) and the user's own content CompAlign must carry through untouched:
 * a native chart, a pivot table with its cache, an image, a comment (with its VML drawing), a
 * colour-scale conditional format, a data validation, a defined name, a hidden sheet, an
 * external link; the .xlsm copy adds a VBA project part.
 *
 * The workbook is written as flat OpenDocument (.fods) and saved as .xlsx by LibreOffice
 * headless (so the chart, pivot, comment and image parts are a real application's); the external
 * link and the VBA project are then added as parts (LibreOffice writes neither from a .fods).
 * Uses the compiled lib/ (npm run prepare) and soffice.
 *
 *   node scripts/make-lossless-fixtures.js
 */
const { execFileSync } = require("node:child_process");
const { mkdtempSync, readFileSync, writeFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const lib = (p) => require(path.join(__dirname, "..", "lib", p));
const { sampleSheets } = lib("reports/sampleWorkbook");
const { readZip, writeZip, deflatedEntry } = lib("workbook/xlsx/zipPackage");

const OUT = path.join(__dirname, "..", "test", "fixtures", "lossless");
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n<office:automatic-styles>\n <style:style style:name="ta_hidden" style:family="table"><style:table-properties table:display="false"/></style:style>\n <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>\n</office:automatic-styles>\n<office:body><office:spreadsheet>\n<table:content-validations>\n <table:content-validation table:name="val1" table:condition="of:cell-content-is-in-list(&quot;East&quot;;&quot;West&quot;)" table:allow-empty-cell="true" table:base-cell-address="Data.A2"/>\n</table:content-validations>\n';
const USER_SHEETS =
  '<table:table table:name="Data" table:style-name="ta1">\n <table:table-row><table:table-cell office:value-type="string"><text:p>Region</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Sales</text:p></table:table-cell></table:table-row>\n <table:table-row><table:table-cell table:content-validation-name="val1" office:value-type="string"><text:p>East</text:p><office:annotation><dc:creator>Ana</dc:creator><text:p>check this</text:p></office:annotation></table:table-cell><table:table-cell office:value-type="float" office:value="10"><text:p>10</text:p></table:table-cell></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>West</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="20"><text:p>20</text:p></table:table-cell></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell>\n <table:table-cell><draw:frame draw:name="Chart1" svg:width="10cm" svg:height="6cm" svg:x="1cm" svg:y="0cm" table:end-cell-address="Data.H20" table:end-x="0cm" table:end-y="0cm"><draw:object>\n  <office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3"><office:body><office:chart>\n   <chart:chart chart:class="chart:bar" svg:width="10cm" svg:height="6cm"><chart:title><text:p>Sales by row</text:p></chart:title>\n    <chart:plot-area table:cell-range-address="Data.A1:Data.B4" chart:data-source-has-labels="both">\n     <chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="Data.A2:Data.A4"/></chart:axis>\n     <chart:axis chart:dimension="y" chart:name="primary-y"/>\n     <chart:series chart:values-cell-range-address="Data.B2:Data.B4" chart:label-cell-address="Data.B1" chart:class="chart:bar"/>\n    </chart:plot-area>\n    <table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns><table:table-columns><table:table-column/></table:table-columns>\n     <table:table-header-rows><table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>Sales</text:p></table:table-cell></table:table-row></table:table-header-rows>\n     <table:table-rows>\n      <table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="10"/></table:table-row>\n      <table:table-row><table:table-cell office:value-type="string"><text:p>West</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="20"/></table:table-row>\n      <table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"/></table:table-row>\n     </table:table-rows></table:table>\n   </chart:chart></office:chart></office:body></office:document>\n </draw:object></draw:frame></table:table-cell>\n </table:table-row>\n<calcext:conditional-formats><calcext:conditional-format calcext:target-range-address="Data.B2:Data.B4"><calcext:color-scale><calcext:color-scale-entry calcext:value="0" calcext:type="minimum" calcext:color="#f8696b"/><calcext:color-scale-entry calcext:value="0" calcext:type="maximum" calcext:color="#63be7b"/></calcext:color-scale></calcext:conditional-format></calcext:conditional-formats>\n</table:table>\n<table:table table:name="Pivot" table:style-name="ta1">\n <table:table-row><table:table-cell office:value-type="string"><text:p>Sum - Sales</text:p></table:table-cell><table:table-cell/></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>Region</text:p></table:table-cell><table:table-cell/></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="15"/></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>West</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="20"/></table:table-row>\n <table:table-row><table:table-cell office:value-type="string"><text:p>Total Result</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="35"/></table:table-row>\n<table:table-row><table:table-cell/><table:table-cell/><table:table-cell><draw:frame draw:name="Logo" svg:width="2cm" svg:height="2cm" svg:x="0cm" svg:y="0cm"><draw:image><office:binary-data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC</office:binary-data></draw:image></draw:frame></table:table-cell><table:table-cell table:formula="of:=[\'file:///tmp/b13/fods/rates.ods\'#$Rates.A1]" office:value-type="float" office:value="0.05"/></table:table-row>\n</table:table>\n<table:table table:name="Secret" table:style-name="ta_hidden"><table:table-row><table:table-cell office:value-type="float" office:value="42"/></table:table-row></table:table>\n';
const TAIL =
  '<table:named-expressions><table:named-range table:name="SalesRange" table:base-cell-address="$Data.$B$2" table:cell-range-address="$Data.$B$2:.$B$4"/></table:named-expressions>\n<table:data-pilot-tables>\n <table:data-pilot-table table:name="DataPilot1" table:target-range-address="Pivot.A1:Pivot.B5" table:buttons="Pivot.A2">\n  <table:source-cell-range table:cell-range-address="Data.A1:Data.B4"/>\n  <table:data-pilot-field table:source-field-name="Region" table:orientation="row"><table:data-pilot-level/></table:data-pilot-field>\n  <table:data-pilot-field table:source-field-name="Sales" table:orientation="data" table:function="sum"/>\n </table:data-pilot-table>\n</table:data-pilot-tables>\n</office:spreadsheet></office:body></office:document>\n';

const esc = (t) =>
  String(t)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

function cell(value) {
  if (value === null || value === undefined || value === "") return "<table:table-cell/>";
  if (typeof value === "number")
    return `<table:table-cell office:value-type="float" office:value="${value}"/>`;
  if (typeof value === "boolean")
    return `<table:table-cell office:value-type="boolean" office:boolean-value="${value}"/>`;
  return `<table:table-cell office:value-type="string"><text:p>${esc(value)}</text:p></table:table-cell>`;
}

function inputSheets() {
  return sampleSheets()
    .map((spec) => {
      const rows = spec.blocks[0].values.map(
        (row) => `<table:table-row>${row.map(cell).join("")}</table:table-row>`
      );
      return `<table:table table:name="${esc(spec.name)}" table:style-name="ta1">${rows.join("\n")}</table:table>`;
    })
    .join("\n");
}

const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Adds an external link part (to C:\\finance\\rates.xlsx) and, for .xlsm, a VBA project. */
function addParts(xlsx, macro) {
  const entries = readZip(xlsx);
  const text = (name) =>
    Buffer.from(
      require("node:zlib").inflateRawSync(entries.find((e) => e.name === name).raw)
    ).toString();
  let types = text("[Content_Types].xml");
  let workbook = text("xl/workbook.xml");
  let rels = text("xl/_rels/workbook.xml.rels");
  const extra = [];
  extra.push(
    deflatedEntry(
      "xl/externalLinks/externalLink1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RELS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Rates"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>0.05</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`
    ),
    deflatedEntry(
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/externalLinkPath" Target="file:///C:/finance/rates.xlsx" TargetMode="External"/></Relationships>`
    )
  );
  types = types.replace(
    "</Types>",
    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
  );
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rIdExt1" Type="${RELS}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`
  );
  workbook = workbook.replace(
    "</sheets>",
    '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
  );
  if (macro) {
    // Not a VBA project Excel could run: bytes standing for one (a compound-file signature).
    const vba = Buffer.concat([
      Buffer.from("d0cf11e0a1b11ae1", "hex"),
      Buffer.from("CompAlign lossless fixture: stands for a VBA project\n".repeat(40)),
    ]);
    extra.push(deflatedEntry("xl/vbaProject.bin", vba));
    types = types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "<Default ",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default '
      );
    rels = rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
    );
  }
  const changed = {
    "[Content_Types].xml": types,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": rels,
  };
  const out = entries.map((entry) =>
    changed[entry.name] !== undefined
      ? deflatedEntry(entry.name, changed[entry.name])
      : { kind: "raw", entry }
  );
  return Buffer.concat(writeZip([...out, ...extra]));
}

function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "compalign-fixture-"));
  try {
    const fods = path.join(dir, "lossless.fods");
    writeFileSync(fods, HEAD + USER_SHEETS + inputSheets() + TAIL);
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "xlsx",
        "--outdir",
        dir,
        fods,
      ],
      { stdio: "ignore", timeout: 180000 }
    );
    const xlsx = readFileSync(path.join(dir, "lossless.xlsx"));
    writeFileSync(path.join(OUT, "user-content.xlsx"), addParts(xlsx, false));
    writeFileSync(path.join(OUT, "user-content.xlsm"), addParts(xlsx, true));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
