/**
 * `compalign calc` on what Excel files hold beyond plain A1 formulas: structured references to
 * tables (resolved from the file's table definitions), whole-column references, iterative
 * calculation when the file enables it, and the functions added for the engine. The real
 * `node bin/compalign.js` on workbooks built here with exceljs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { compalign, ensureCompiledCli } from "./compiledCli";

let dir: string;

function tablesBook(): Workbook {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Data");
  // Sales at A1:B5: header row, three reps, a totals row.
  ws.addTable({
    name: "Sales",
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    columns: [{ name: "Rep" }, { name: "Amount", totalsRowFunction: "sum" }],
    rows: [
      ["Ana", 100],
      ["Ben", 250],
      ["Cy", 400],
    ],
  });
  const set = (address: string, formula: string) =>
    (ws.getCell(address).value = { formula, result: 0 } as never);
  set("D1", "SUM(Sales[Amount])");
  set("D2", "Sales[[#This Row],[Amount]]*2");
  set("D3", "Sales[@Amount]*2");
  set("D4", "Sales[[#Headers],[Amount]]");
  set("D5", "ROWS(Sales[#All])");
  set("D6", "ROWS(Sales)");
  set("D7", 'SUMIFS(B:B,A:A,"Ben")+COUNTA(Data!A:A)');
  set("D8", 'XLOOKUP("Cy",Sales[Rep],Sales[Amount])');
  set("D9", "INDEX(Sales[[#Headers],[Rep]:[Amount]],2)");
  set("D10", "Sales[Bonus]");
  // LET as Excel saves it; the first is the example of Microsoft's LET page (returns 6):
  // https://support.microsoft.com/en-us/office/let-function-34842dd8-b92b-4d3f-b325-b8b8f9908999
  set("D11", "_xlfn.LET(_xlpm.x,5,SUM(_xlpm.x,1))");
  set(
    "D12",
    "_xlfn.LET(_xlpm.total,SUM(Sales[Amount]),_xlpm.n,COUNT(Sales[Amount]),_xlpm.total/_xlpm.n)"
  );
  return workbook;
}

async function withIterate(path: string, count: number, delta: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const calcPr = `<calcPr calcId="191029" iterate="1" iterateCount="${count}" iterateDelta="${delta}"/>`;
  const patched = /<calcPr\b[^>]*\/>/.test(xml)
    ? xml.replace(/<calcPr\b[^>]*\/>/, calcPr)
    : xml.replace("</workbook>", `${calcPr}</workbook>`);
  zip.file("xl/workbook.xml", patched);
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
}

/** Interest on the average balance: a circular reference finance models iterate on purpose. */
function circularBook(): Workbook {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Model");
  ws.getCell("A1").value = 1000;
  ws.getCell("B1").value = { formula: "A1+B2", result: 0 } as never; // closing balance
  ws.getCell("B2").value = { formula: "B1*0.1", result: 0 } as never; // interest on it
  ws.getCell("C1").value = { formula: "B1*2", result: 0 } as never; // depends on the cycle
  return workbook;
}

function calcJson(path: string): { json: Record<string, unknown>; stderr: string } {
  const run = compalign("calc", path, "--json");
  expect(run.status).toBe(0);
  return { json: JSON.parse(run.stdout), stderr: run.stderr };
}

beforeAll(() => {
  ensureCompiledCli();
  dir = mkdtempSync(join(tmpdir(), "compalign-calc-excel-"));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("structured references and whole columns", () => {
  let json: Record<string, unknown>;
  let stderr: string;

  beforeAll(async () => {
    const path = join(dir, "tables.xlsx");
    await tablesBook().xlsx.writeFile(path);
    ({ json, stderr } = calcJson(path));
  });

  it("resolves a column, this row, headers, #All and a bare table name", () => {
    expect(json["Data!D1"]).toBe(750);
    expect(json["Data!B5"]).toBe(750); // the totals row: SUBTOTAL(109,Sales[Amount])
    expect(json["Data!D2"]).toBe(200); // row 2 is Ana's
    expect(json["Data!D3"]).toBe(500); // row 3 is Ben's
    expect(json["Data!D4"]).toBe("Amount");
    expect(json["Data!D5"]).toBe(5);
    expect(json["Data!D6"]).toBe(3);
    expect(json["Data!D8"]).toBe(400);
    expect(json["Data!D9"]).toBe("Amount");
  });

  it("computes LET, names defined from earlier names included", () => {
    expect(json["Data!D11"]).toBe(6);
    expect(json["Data!D12"]).toBe(250);
  });

  it("computes whole-column references over the rows in use", () => {
    // Ben's 250, and A1:A5 holds the header, three reps and the totals label "Total".
    expect(json["Data!D7"]).toBe(250 + 5);
  });

  it("reports a column the table does not have as unsupported", () => {
    expect(json["Data!D10"]).toEqual({
      unsupported: expect.stringMatching(/^structured reference Sales\[Bonus\]/),
      cached: 0,
    });
    expect(stderr.trimEnd().split("\n").pop()).toBe(
      "compalign calc: 1 of 13 formulas not recomputed (Excel's saved value kept): 1 structured reference to a table"
    );
  });
});

describe("circular references", () => {
  it("iterates when the file enables iterative calculation, to its delta", async () => {
    const path = join(dir, "iterate.xlsx");
    await circularBook().xlsx.writeFile(path);
    await withIterate(path, 100, 0.001);
    const { json, stderr } = calcJson(path);
    // Fixed point: B1 = 1000 + 0.1 × B1 → 1000 / 0.9.
    expect(json["Model!B1"]).toBeCloseTo(1000 / 0.9, 2);
    expect(json["Model!B2"]).toBeCloseTo(100 / 0.9, 2);
    expect(json["Model!C1"]).toBeCloseTo(2000 / 0.9, 2);
    expect(stderr).toMatch(/all 3 formulas recomputed, none unsupported\n?$/);
  });

  it("stops after the file's iteration count", async () => {
    const path = join(dir, "iterate-once.xlsx");
    await circularBook().xlsx.writeFile(path);
    await withIterate(path, 1, 0.001);
    const { json } = calcJson(path);
    // One round from the saved values (0, 0): B1 = 1000 + 0, B2 = 0 × 0.1.
    expect(json["Model!B1"]).toBe(1000);
    expect(json["Model!B2"]).toBe(0);
    expect(json["Model!C1"]).toBe(2000);
  });

  it("reports the cycle as unsupported when the file does not enable iteration", async () => {
    const path = join(dir, "no-iterate.xlsx");
    await circularBook().xlsx.writeFile(path);
    const { json } = calcJson(path);
    expect(json["Model!B1"]).toEqual({
      unsupported: "circular reference (the file does not enable iterative calculation)",
      cached: 0,
    });
    expect(json["Model!C1"]).toEqual({
      unsupported: expect.stringMatching(/^depends on unsupported cell Model!B[12]$/),
      cached: 0,
    });
  });
});

/**
 * A link to another workbook as Excel saves it: formulas say [1]Rates!$B$2, and the file keeps
 * the values it last read from that workbook in xl/externalLinks/externalLink1.xml.
 */
async function withExternalLink(path: string, keepValues: boolean): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const cached = keepValues
    ? '<sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>0.05</v></cell>' +
      '<cell r="C2" t="str"><v>Base</v></cell></row></sheetData><sheetData sheetId="1">' +
      '<row r="1"><cell r="A1"><v>1200</v></cell></row></sheetData></sheetDataSet>'
    : "";
  zip.file(
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1">' +
      `<sheetNames><sheetName val="Rates"/><sheetName val="Head Count"/></sheetNames>${cached}` +
      "</externalBook></externalLink>"
  );
  zip.file(
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="rates.xlsx" TargetMode="External"/>' +
      "</Relationships>"
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'
    )
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
    )
  );
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    xml.replace(
      "</sheets>",
      '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
    )
  );
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
}

function linkedBook(): Workbook {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Plan");
  ws.getCell("A1").value = 20000;
  ws.getCell("B1").value = { formula: "A1*[1]Rates!$B$2", result: 1000 } as never;
  ws.getCell("B2").value = { formula: "'[1]Head Count'!A1/12", result: 100 } as never;
  ws.getCell("B3").value = { formula: '[1]Rates!C2&" plan"', result: "Base plan" } as never;
  ws.getCell("B4").value = { formula: "B1+B2", result: 1100 } as never;
  return workbook;
}

describe("links to other workbooks", () => {
  it("computes with the values the file keeps for the linked workbook, as Excel does", async () => {
    const path = join(dir, "linked.xlsx");
    await linkedBook().xlsx.writeFile(path);
    await withExternalLink(path, true);
    const { json, stderr } = calcJson(path);
    expect(json["Plan!B1"]).toBe(1000);
    expect(json["Plan!B2"]).toBe(100);
    expect(json["Plan!B3"]).toBe("Base plan");
    expect(json["Plan!B4"]).toBe(1100);
    expect(stderr).toMatch(/all 4 formulas recomputed, none unsupported\n?$/);
  });

  it("reports a linked reference the file keeps no value for as unsupported", async () => {
    const path = join(dir, "linked-empty.xlsx");
    await linkedBook().xlsx.writeFile(path);
    await withExternalLink(path, false);
    const { json } = calcJson(path);
    expect(json["Plan!B1"]).toEqual({ unsupported: "reference to another workbook", cached: 1000 });
    expect(json["Plan!B4"]).toEqual({
      unsupported: expect.stringMatching(/^depends on unsupported cell Plan!B[12]$/),
      cached: 1100,
    });
  });
});

describe("what-if data tables", () => {
  it("reports each cell of a data table, and what depends on it, with Excel's saved values", async () => {
    const path = join(dir, "data-table.xlsx");
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("S");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*10", result: 20 } as never;
    ws.getCell("C2").value = 7;
    ws.getCell("C3").value = 9;
    ws.getCell("D2").value = 70;
    ws.getCell("D3").value = 90;
    ws.getCell("E1").value = { formula: "SUM(D2:D3)", result: 160 } as never;
    await workbook.xlsx.writeFile(path);
    // D2:D3 as Excel saves a one-variable data table over input cell A1.
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheet = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(sheet)!.async("string");
    zip.file(
      sheet,
      xml.replace(
        /<c r="D2"([^>]*)><v>70<\/v><\/c>/,
        '<c r="D2"$1><f t="dataTable" ref="D2:D3" dt2D="0" dtr="0" r1="A1"/><v>70</v></c>'
      )
    );
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    const { json, stderr } = calcJson(path);
    const table = "what-if data table (TABLE)";
    expect(json["S!D2"]).toEqual({ unsupported: table, cached: 70 });
    expect(json["S!D3"]).toEqual({ unsupported: table, cached: 90 });
    expect(json["S!E1"]).toEqual({ unsupported: "depends on unsupported cell S!D2", cached: 160 });
    expect(json["S!B1"]).toBe(20);
    expect(stderr).toMatch(/1 depends on an unsupported cell, 1 what-if data table\n?$/);

    // --out (written through exceljs, which cannot write a data table) keeps its values.
    const out = join(dir, "data-table-out.xlsx");
    expect(compalign("calc", path, "--out", out).status).toBe(0);
    const written = new Workbook();
    await written.xlsx.readFile(out);
    const cell = (a: string) => written.getWorksheet("S")!.getCell(a).value;
    expect([cell("D2"), cell("D3")]).toEqual([70, 90]);
    expect(cell("E1")).toEqual({ formula: "SUM(D2:D3)", result: 160 });
  });
});

describe("FILTER results whose size the engine cannot know", () => {
  it("computes a FILTER that fits, reports one blocked by the input's reserved size or left empty", async () => {
    const path = join(dir, "filter.xlsx");
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("S");
    ws.addRows([
      ["Ana", 100],
      ["Ben", 250],
      ["Cy", 400],
      ["Di", 50],
    ]);
    // Excel: one row (Cy) fits in D1; the engine reserves 4 rows and D3 holds a note.
    ws.getCell("D1").value = {
      formula: "_xlfn._xlws.FILTER(A1:A4,B1:B4>300)",
      result: "Cy",
    } as never;
    ws.getCell("D3").value = "note";
    ws.getCell("F1").value = {
      formula: 'ROWS(_xlfn._xlws.FILTER(A1:B4,B1:B4>90,""))',
      result: 3,
    } as never;
    ws.getCell("G1").value = {
      formula: "COUNTA(_xlfn._xlws.FILTER(A1:A4,B1:B4>900))",
      result: 1,
    } as never;
    ws.getCell("H1").value = { formula: "SUM(_xlfn._xlws.FILTER(B1:B4,B1:B4>900))" } as never;
    await workbook.xlsx.writeFile(path);
    const { json } = calcJson(path);
    expect(json["S!D1"]).toEqual({
      unsupported: expect.stringMatching(/^FILTER\/UNIQUE: the engine reserves/),
      cached: "Cy",
    });
    expect(json["S!F1"]).toBe(3);
    expect(json["S!G1"]).toBe(1);
    expect(json["S!H1"]).toEqual({
      unsupported: expect.stringMatching(/^FILTER left nothing/),
      cached: null,
    });
  });
});
