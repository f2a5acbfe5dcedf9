/**
 * The chart writer for .xlsx files (src/workbook/xlsx/charts): a workbook written by exceljs
 * gets native charts added, and the result is checked as a package (parts, relationships,
 * content types, element order), reopened with exceljs, checked against the chart schema's
 * element order, and converted by LibreOffice where it is installed.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
  mkdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import type { ChartSpec, SheetValue } from "../../src/workbook/port";
import { addCharts, chartsFromXlsx, type SheetCharts } from "../../src/workbook/xlsx/charts";
import {
  cellKey,
  readSheetCells,
  sharedStrings,
  styleFormats,
} from "../../src/workbook/xlsx/charts/cells";
import { chartData } from "../../src/workbook/xlsx/charts/chartData";
import { AXIS_IDS, chartSpaceXml, titleXml } from "../../src/workbook/xlsx/charts/chartXml";
import { anchorOf } from "../../src/workbook/xlsx/charts/drawingXml";
import {
  addOverride,
  addRelationship,
  insertDrawing,
  parseRels,
  relativeTarget,
  resolveTarget,
} from "../../src/workbook/xlsx/charts/opc";
import { escapeAttr, escapeText, scanRoot, unescapeXml } from "../../src/workbook/xlsx/charts/xml";
import { convertWithLibreOffice } from "../helpers/libreOffice";

// ----- a strict XML parser (sax, already a dev dependency) into a small tree ------------------

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
interface SaxParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}

const sax = require("sax") as { parser(strict: boolean): SaxParser };

/** Parses strictly (throws on anything not well-formed) into a tree. */
function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true);
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.onopentag = (tag) => {
    const node = { name: tag.name, attrs: tag.attributes, children: [], text: "" };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    stack[stack.length - 1].text += text;
  };
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
const childNames = (node: XmlNode) => node.children.map((c) => c.name);
function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}

// ----- the workbook under test -----------------------------------------------------------------

const COMPARISON = "Scenario Comparison";
const DETAIL = "Rep's Plan";

const segments: SheetValue[][] = [
  ["Segment", "Baseline", "Shift 20% to multi-product"],
  ["Enterprise", 1_250_000, 1_310_000],
  ["Mid-Market", 840_000, 905_000],
  ["SMB", 410_000, 388_000],
  ["Public Sector", 300_000, 296_500],
];
const attainment: SheetValue[][] = [
  ["Attainment", "Payout % of TI"],
  [0.45, 0.2],
  [0.7, 0.55],
  [0.85, 0.78],
  [0.95, 0.93],
  [1.0, 1.0],
  [1.08, 1.16],
  [1.2, 1.45],
  [1.35, 1.8],
];
const months: SheetValue[][] = [
  ["Month", "Plan A", "Plan B"],
  ["Jan", 100, 90],
  ["Feb", 120, 118],
  ["Mar", 90, 130],
  ["Apr", 140, 150],
  ["May", 135, 128],
  ["Jun", 160, 171],
];

/** A 1×1 PNG, so the second sheet has an exceljs drawing the charts must join. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64"
);

/**
 * "Scenario Comparison": a title with a hyperlink (A1), an Excel table A3:C7 (segments), the
 * attainment block A10:B18, a data bar (so exceljs writes a sheet-level extLst). "Rep's Plan":
 * months A1:C7 and an image. "Notes": plain.
 */
async function exceljsWorkbook(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(COMPARISON);
  ws.getCell("A1").value = {
    text: "Scenario comparison (docs)",
    hyperlink: "https://example.com/docs",
  };
  ws.addTable({
    name: "SegmentPayout",
    ref: "A3",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: (segments[0] as string[]).map((name) => ({ name, filterButton: true })),
    rows: segments.slice(1),
  });
  for (let r = 4; r <= 7; r++) for (const c of ["B", "C"]) ws.getCell(`${c}${r}`).numFmt = "$#,##0";
  attainment.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(10 + r, 1 + c);
      cell.value = v;
      if (r > 0) cell.numFmt = "0%";
    })
  );
  ws.addConditionalFormatting({
    ref: "B11:B18",
    rules: [
      {
        type: "dataBar",
        priority: 1,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: "FF638EC6" },
      } as never,
    ],
  });
  ws.columns = [{ width: 16 }, { width: 14 }, { width: 26 }];

  const detail = wb.addWorksheet(DETAIL);
  months.forEach((row, r) => row.forEach((v, c) => (detail.getCell(1 + r, 1 + c).value = v)));
  detail.addImage(wb.addImage({ buffer: PNG, extension: "png" } as never), "A10:B12");

  wb.addWorksheet("Notes").getCell("A1").value = "No charts here.";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const column: ChartSpec = {
  type: "column",
  title: "Payout by segment per scenario",
  dataRange: "A3:C7",
  at: "E3",
  xAxisTitle: "Segment",
  yAxisTitle: "Payout ($)",
};
const bar: ChartSpec = {
  type: "bar",
  title: 'Priority <share> & "pay" share',
  dataRange: "A3:C7",
  at: "E20",
  widthCells: 6,
  heightCells: 12,
};
const scatter: ChartSpec = {
  type: "scatter",
  title: "Payout % of TI by attainment",
  dataRange: "A10:B18",
  at: "N3",
  xAxisTitle: "Attainment",
  yAxisTitle: "Payout % of TI",
};
const line: ChartSpec = {
  type: "line",
  title: "Bookings by month",
  dataRange: "A1:C7",
  at: "E2",
  xAxisTitle: "Month",
  yAxisTitle: "Bookings",
};
const pie: ChartSpec = {
  type: "pie",
  title: "Baseline payout share",
  dataRange: `'${COMPARISON}'!A3:B7`,
  at: "E20",
  widthCells: 6,
  heightCells: 12,
};

const comparisonValues: SheetValue[][] = (() => {
  const grid: SheetValue[][] = [];
  const put = (top: number, block: SheetValue[][]) =>
    block.forEach((row, r) => row.forEach((v, c) => ((grid[top + r] ??= [])[c] = v)));
  put(0, [["Scenario comparison (docs)"]]);
  put(2, segments);
  put(9, attainment);
  return grid;
})();

const CHARTS: SheetCharts[] = [
  { sheet: COMPARISON, charts: [column, bar, scatter], values: comparisonValues },
  // No values: the caches come from the file's own cells (and, for the pie, another sheet's).
  { sheet: DETAIL, charts: [line, pie] },
];

let input: Uint8Array;
let output: Uint8Array;
let zip: JSZip;
const part = async (path: string) => {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async("string");
};

beforeAll(async () => {
  input = await exceljsWorkbook();
  output = await addCharts(input, CHARTS);
  zip = await JSZip.loadAsync(output);
});

// ----- (1) the package ------------------------------------------------------------------------

describe("the package addCharts writes", () => {
  it("adds one drawing per sheet with charts and one chart part per chart", async () => {
    const names = Object.keys(zip.files);
    // exceljs wrote drawing1 for the image on "Rep's Plan"; the comparison sheet gets the next.
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/drawings/drawing1.xml",
        "xl/drawings/drawing2.xml",
        "xl/drawings/_rels/drawing2.xml.rels",
        ...[1, 2, 3, 4, 5].map((k) => `xl/charts/chart${k}.xml`),
      ])
    );
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(5);
    expect(names).not.toContain("xl/drawings/drawing3.xml");
    // Every part is well-formed XML.
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) parseXml(await part(name));
  });

  it("merges the sheet relationships with the table's and the hyperlink's", async () => {
    const rels = parseRels(await part("xl/worksheets/_rels/sheet1.xml.rels"));
    const types = rels.map((r) => r.type.split("/").pop());
    expect(types.sort()).toEqual(["drawing", "hyperlink", "table"]);
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
    const drawing = rels.find((r) => r.type.endsWith("/drawing"))!;
    expect(resolveTarget("xl/worksheets/sheet1.xml", drawing.target)).toBe(
      "xl/drawings/drawing2.xml"
    );
    const table = rels.find((r) => r.type.endsWith("/table"))!;
    expect(zip.file(resolveTarget("xl/worksheets/sheet1.xml", table.target))).not.toBeNull();
  });

  it("inserts <drawing> where CT_Worksheet wants it: before tableParts and extLst", async () => {
    const sheet = parseXml(await part("xl/worksheets/sheet1.xml"));
    const names = childNames(sheet);
    const drawingAt = names.indexOf("drawing");
    expect(drawingAt).toBeGreaterThan(names.indexOf("pageSetup"));
    expect(drawingAt).toBeLessThan(names.indexOf("tableParts"));
    expect(names.indexOf("tableParts")).toBeLessThan(names.indexOf("extLst"));
    expect(names.filter((n) => n === "drawing")).toHaveLength(1);
    const relId = child(sheet, "drawing")!.attrs["r:id"];
    const rels = parseRels(await part("xl/worksheets/_rels/sheet1.xml.rels"));
    expect(rels.find((r) => r.id === relId)?.type).toMatch(/\/drawing$/);
  });

  it("joins the drawing exceljs wrote for an image instead of adding a second one", async () => {
    const sheet = parseXml(await part("xl/worksheets/sheet2.xml"));
    expect(childNames(sheet).filter((n) => n === "drawing")).toHaveLength(1);
    const drawing = parseXml(await part("xl/drawings/drawing1.xml"));
    const anchors = drawing.children.filter((c) => c.name === "xdr:twoCellAnchor");
    expect(anchors.map((a) => (child(a, "xdr:pic") ? "picture" : "chart"))).toEqual([
      "picture",
      "chart",
      "chart",
    ]);
    const ids = descendants(drawing, "xdr:cNvPr").map((n) => Number(n.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    const rels = parseRels(await part("xl/drawings/_rels/drawing1.xml.rels"));
    expect(rels.map((r) => r.type.split("/").pop())).toEqual(["image", "chart", "chart"]);
    expect(new Set(rels.map((r) => r.id)).size).toBe(3);
  });

  it("declares every new part in [Content_Types].xml", async () => {
    const types = parseXml(await part("[Content_Types].xml"));
    const overrides = new Map(
      types.children
        .filter((c) => c.name === "Override")
        .map((c) => [c.attrs.PartName, c.attrs.ContentType])
    );
    for (const k of [1, 2, 3, 4, 5]) {
      expect(overrides.get(`/xl/charts/chart${k}.xml`)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
      );
    }
    for (const n of [1, 2]) {
      expect(overrides.get(`/xl/drawings/drawing${n}.xml`)).toBe(
        "application/vnd.openxmlformats-officedocument.drawing+xml"
      );
    }
    // No duplicates (drawing1 was already declared by exceljs).
    const names = types.children.filter((c) => c.name === "Override").map((c) => c.attrs.PartName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("lists what it wrote: types, titles, anchors, quoted references and cached values", async () => {
    const sheets = await chartsFromXlsx(output);
    expect(sheets.map((s) => [s.sheet, s.charts.map((c) => c.type)])).toEqual([
      [COMPARISON, ["column", "bar", "scatter"]],
      [DETAIL, ["line", "pie"]],
      ["Notes", []],
    ]);
    const [columnChart, barChart, scatterChart] = sheets[0].charts;
    expect(columnChart.title).toBe(column.title);
    expect(barChart.title).toBe(bar.title);
    expect(columnChart.xAxisTitle).toBe("Segment");
    expect(columnChart.yAxisTitle).toBe("Payout ($)");
    expect(columnChart.anchor).toEqual({ from: { col: 4, row: 2 }, to: { col: 12, row: 17 } });
    expect(barChart.anchor).toEqual({ from: { col: 4, row: 19 }, to: { col: 10, row: 31 } });
    expect(columnChart.series).toEqual([
      {
        name: "Baseline",
        nameRef: "'Scenario Comparison'!$B$3",
        categoriesRef: "'Scenario Comparison'!$A$4:$A$7",
        valuesRef: "'Scenario Comparison'!$B$4:$B$7",
        categories: ["Enterprise", "Mid-Market", "SMB", "Public Sector"],
        values: [1_250_000, 840_000, 410_000, 300_000],
      },
      {
        name: "Shift 20% to multi-product",
        nameRef: "'Scenario Comparison'!$C$3",
        categoriesRef: "'Scenario Comparison'!$A$4:$A$7",
        valuesRef: "'Scenario Comparison'!$C$4:$C$7",
        categories: ["Enterprise", "Mid-Market", "SMB", "Public Sector"],
        values: [1_310_000, 905_000, 388_000, 296_500],
      },
    ]);
    expect(scatterChart.series).toHaveLength(1);
    expect(scatterChart.series[0]).toMatchObject({
      name: "Payout % of TI",
      categoriesRef: "'Scenario Comparison'!$A$11:$A$18",
      valuesRef: "'Scenario Comparison'!$B$11:$B$18",
      values: attainment.slice(1).map((r) => r[1]),
    });
    const [lineChart, pieChart] = sheets[1].charts;
    // Read from the file (shared strings and numbers), the apostrophe doubled in the reference.
    expect(lineChart.series.map((s) => [s.name, s.valuesRef, s.values])).toEqual([
      ["Plan A", "'Rep''s Plan'!$B$2:$B$7", [100, 120, 90, 140, 135, 160]],
      ["Plan B", "'Rep''s Plan'!$C$2:$C$7", [90, 118, 130, 150, 128, 171]],
    ]);
    expect(lineChart.series[0].categories).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun"]);
    // A data range on another sheet.
    expect(pieChart.series).toHaveLength(1);
    expect(pieChart.series[0]).toMatchObject({
      name: "Baseline",
      categoriesRef: "'Scenario Comparison'!$A$4:$A$7",
      values: [1_250_000, 840_000, 410_000, 300_000],
    });
  });

  it("writes the scatter's x values as numbers and its points as markers only", async () => {
    const chart = parseXml(await part(await chartPartOf(COMPARISON, 2)));
    const ser = descendants(chart, "c:ser")[0];
    const xVal = child(ser, "c:xVal")!;
    expect(childNames(xVal)).toEqual(["c:numRef"]);
    const style = descendants(chart, "c:scatterStyle")[0];
    expect(style.attrs.val).toBe("marker");
    expect(descendants(child(ser, "c:spPr")!, "a:noFill")).toHaveLength(1);
  });

  it("caches the cells' number formats, and gives them to the value axis", async () => {
    const column = parseXml(await part(await chartPartOf(COMPARISON, 0)));
    const formats = descendants(column, "c:numCache").map((n) => child(n, "c:formatCode")!.text);
    expect(formats).toEqual(["$#,##0", "$#,##0"]);
    const valAx = descendants(column, "c:valAx")[0];
    expect(child(valAx, "c:numFmt")!.attrs).toEqual({ formatCode: "$#,##0", sourceLinked: "1" });
    const scatter = parseXml(await part(await chartPartOf(COMPARISON, 2)));
    expect(
      descendants(scatter, "c:valAx").map((a) => child(a, "c:numFmt")!.attrs.formatCode)
    ).toEqual(["0%", "0%"]);
    // Unformatted cells on the other sheet: General.
    const line = parseXml(await part(await chartPartOf(DETAIL, 0)));
    expect(descendants(line, "c:formatCode").map((n) => n.text)).toEqual(["General", "General"]);
  });

  it("leaves the input bytes as they were", async () => {
    const copy = input.slice();
    await addCharts(input, CHARTS);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
    expect((await JSZip.loadAsync(input)).file("xl/charts/chart1.xml")).toBeNull();
  });
});

async function chartPartOf(sheet: string, index: number): Promise<string> {
  return (await chartsFromXlsx(output)).find((s) => s.sheet === sheet)!.charts[index].part;
}

// ----- (2) exceljs still reads it ----------------------------------------------------------------

describe("reopened with exceljs", () => {
  it("parses, with the values, the table and the hyperlink intact", async () => {
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(output) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([COMPARISON, DETAIL, "Notes"]);
    const ws = wb.getWorksheet(COMPARISON)!;
    expect(ws.getCell("A1").value).toMatchObject({ hyperlink: "https://example.com/docs" });
    expect(ws.getCell("A4").value).toBe("Enterprise");
    expect(ws.getCell("C7").value).toBe(296_500);
    expect(ws.getCell("B18").value).toBe(1.8);
    const table = (
      ws as unknown as { getTable(name: string): { table: { tableRef: string } } }
    ).getTable("SegmentPayout");
    expect(table.table.tableRef).toBe("A3:C7");
    expect(wb.getWorksheet(DETAIL)!.getCell("C7").value).toBe(171);
    expect(wb.getWorksheet(DETAIL)!.getImages()).toHaveLength(1);
  });
});

// ----- (4) the chart XML against the schema's element order -------------------------------------

/**
 * The child order of the CT_ types the writer uses (ECMA-376 part 1, dml-chart.xsd), as
 * sequences: a child's position in the list must never go down. Only the elements a writer of
 * these chart types can meet are listed; any other child fails the check.
 */
const SER_SHARED = ["c:idx", "c:order", "c:tx", "c:spPr"];
// prettier-ignore
const AX_SHARED = [
  "c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title",
  "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx",
  "c:crosses|c:crossesAt",
];
const PLOTS = ["c:barChart", "c:lineChart", "c:scatterChart", "c:pieChart"];
// prettier-ignore
const SEQUENCES: Record<string, string[]> = {
  "c:chartSpace": [
    "c:date1904", "c:lang", "c:roundedCorners", "c:style", "c:clrMapOvr", "c:pivotSource",
    "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings",
    "c:userShapes", "c:extLst",
  ],
  "c:chart": [
    "c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall",
    "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax",
    "c:extLst",
  ],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:rich": ["a:bodyPr", "a:lstStyle", "a:p"],
  "c:plotArea": ["c:layout", PLOTS.join("|"), "c:valAx|c:catAx|c:dateAx|c:serAx", "c:dTable", "c:spPr", "c:extLst"],
  "c:barChart": [
    "c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap",
    "c:serLines", "c:axId", "c:extLst",
  ],
  "c:lineChart": [
    "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:dropLines", "c:hiLowLines", "c:upDownBars",
    "c:marker", "c:smooth", "c:axId", "c:extLst",
  ],
  "c:scatterChart": ["c:scatterStyle", "c:varyColors", "c:ser", "c:dLbls", "c:axId", "c:extLst"],
  "c:pieChart": ["c:varyColors", "c:ser", "c:dLbls", "c:firstSliceAng", "c:extLst"],
  "c:barChart/c:ser": [
    ...SER_SHARED, "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline",
    "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst",
  ],
  "c:lineChart/c:ser": [
    ...SER_SHARED, "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val",
    "c:smooth", "c:extLst",
  ],
  "c:scatterChart/c:ser": [
    ...SER_SHARED, "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:xVal", "c:yVal",
    "c:smooth", "c:extLst",
  ],
  "c:pieChart/c:ser": [...SER_SHARED, "c:explosion", "c:dPt", "c:dLbls", "c:cat", "c:val", "c:extLst"],
  "c:marker": ["c:symbol", "c:size", "c:spPr", "c:extLst"],
  "c:tx": ["c:strRef|c:rich|c:v"],
  "c:strRef": ["c:f", "c:strCache", "c:extLst"],
  "c:numRef": ["c:f", "c:numCache", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
  "c:cat": ["c:multiLvlStrRef|c:numRef|c:numLit|c:strRef|c:strLit"],
  "c:xVal": ["c:multiLvlStrRef|c:numRef|c:numLit|c:strRef|c:strLit"],
  "c:val": ["c:numRef|c:numLit"],
  "c:yVal": ["c:numRef|c:numLit"],
  "c:catAx": [...AX_SHARED, "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
  "c:valAx": [...AX_SHARED, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
};

/** Order problems in a chart tree, as "path: message" lines (empty when it follows the schema). */
function orderProblems(node: XmlNode, parent = "", path = node.name): string[] {
  const sequence = SEQUENCES[`${parent}/${node.name}`] ?? SEQUENCES[node.name];
  const problems: string[] = [];
  if (sequence) {
    const slot = (name: string) => sequence.findIndex((s) => s.split("|").includes(name));
    let last = -1;
    for (const c of node.children) {
      const at = slot(c.name);
      if (at < 0) problems.push(`${path}: unexpected child ${c.name}`);
      else if (at < last) problems.push(`${path}: ${c.name} comes after ${sequence[last]}`);
      else last = at;
    }
  }
  for (const c of node.children) problems.push(...orderProblems(c, node.name, `${path}/${c.name}`));
  return problems;
}

describe("the chart XML follows the schema Excel enforces", () => {
  it("has its elements in CT_ order in every chart part", async () => {
    const sheets = await chartsFromXlsx(output);
    const parts = sheets.flatMap((s) => s.charts.map((c) => c.part));
    expect(parts).toHaveLength(5);
    for (const path of parts)
      expect([path, orderProblems(parseXml(await part(path)))]).toEqual([path, []]);
  });

  it("has the required skeleton: chartSpace > chart > plotArea > layout, plot, axes; legend; plotVisOnly", async () => {
    for (const sheet of await chartsFromXlsx(output)) {
      for (const written of sheet.charts) {
        const space = parseXml(await part(written.part));
        expect(space.name).toBe("c:chartSpace");
        expect(space.attrs["xmlns:c"]).toBe(
          "http://schemas.openxmlformats.org/drawingml/2006/chart"
        );
        const chart = child(space, "c:chart")!;
        expect(childNames(chart)).toEqual(
          expect.arrayContaining([
            "c:title",
            "c:autoTitleDeleted",
            "c:plotArea",
            "c:legend",
            "c:plotVisOnly",
          ])
        );
        const plotArea = child(chart, "c:plotArea")!;
        expect(plotArea.children[0].name).toBe("c:layout");
        const plot = plotArea.children[1];
        expect(PLOTS).toContain(plot.name);
        const axes = plotArea.children.filter((c) => c.name.endsWith("Ax"));
        if (written.type === "pie") {
          expect(axes).toHaveLength(0);
          continue;
        }
        // Two axes, each crossing the other, with the ids the plot names.
        expect(axes).toHaveLength(2);
        const plotIds = plot.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val);
        const axisIds = axes.map((a) => child(a, "c:axId")!.attrs.val);
        expect(plotIds).toEqual(axisIds);
        expect(new Set(axisIds).size).toBe(2);
        expect(child(axes[0], "c:crossAx")!.attrs.val).toBe(axisIds[1]);
        expect(child(axes[1], "c:crossAx")!.attrs.val).toBe(axisIds[0]);
        expect(axes.map((a) => a.name)).toEqual(
          written.type === "scatter" ? ["c:valAx", "c:valAx"] : ["c:catAx", "c:valAx"]
        );
        // Visible axes (LibreOffice hides an axis without c:delete).
        for (const axis of axes) expect(child(axis, "c:delete")!.attrs.val).toBe("0");
        const positions = axes.map((a) => child(a, "c:axPos")!.attrs.val);
        expect(positions).toEqual(written.type === "bar" ? ["l", "b"] : ["b", "l"]);
      }
    }
  });

  it("puts one c:ser per data column with a strRef name, categories and a numRef", async () => {
    const chart = parseXml(await part(await chartPartOf(COMPARISON, 0)));
    const bar = descendants(chart, "c:barChart")[0];
    expect(child(bar, "c:barDir")!.attrs.val).toBe("col");
    expect(child(bar, "c:grouping")!.attrs.val).toBe("clustered");
    const series = bar.children.filter((c) => c.name === "c:ser");
    expect(series).toHaveLength(2);
    for (const ser of series) {
      expect(childNames(child(ser, "c:tx")!)).toEqual(["c:strRef"]);
      expect(childNames(child(ser, "c:cat")!)).toEqual(["c:strRef"]);
      expect(childNames(child(ser, "c:val")!)).toEqual(["c:numRef"]);
    }
    const barChart = parseXml(await part(await chartPartOf(COMPARISON, 1)));
    expect(descendants(barChart, "c:barDir")[0].attrs.val).toBe("bar");
  });
});

// ----- the small builders ------------------------------------------------------------------------

describe("the builders", () => {
  it("escape titles and sheet names", () => {
    expect(escapeText(`a < b & c > "d" 'e'`)).toBe(`a &lt; b &amp; c &gt; "d" 'e'`);
    expect(escapeAttr(`"R&D's"`)).toBe("&quot;R&amp;D&apos;s&quot;");
    expect(escapeText("bell\u0007 tab\t")).toBe("bell tab\t");
    expect(unescapeXml("&lt;&amp;&#65;&#x42;&apos;")).toBe("<&AB'");
    const title = titleXml(`Pay <vs> "priority" & more`);
    expect(title).toContain('<a:t>Pay &lt;vs&gt; "priority" &amp; more</a:t>');
    parseXml(`<r xmlns:c="c" xmlns:a="a">${title}</r>`);
  });

  it("quotes sheet names in references, doubling apostrophes, and escapes them in XML", () => {
    const spec: ChartSpec = { type: "column", title: "t", dataRange: "B2:C4", at: "E1" };
    const cells = (_s: string, r: number, c: number) => (r === 1 ? `h${c}` : r * 10 + c);
    expect(chartData(spec, "Data", cells).series[0].values.ref).toBe("Data!$C$3:$C$4");
    expect(chartData(spec, "R&D's plan", cells).series[0].name.ref).toBe("'R&D''s plan'!$C$2");
    expect(chartData(spec, "A1", cells).series[0].name.ref).toBe("'A1'!$C$2");
    const xml = chartSpaceXml(spec, chartData(spec, "R&D's plan", cells));
    expect(xml).toContain("<c:f>'R&amp;D''s plan'!$C$3:$C$4</c:f>");
    parseXml(xml);
    // A range on another sheet; a single column is one series without categories.
    const other = chartData({ ...spec, dataRange: "'Q1 Data'!$D$1:$D$3" }, "Host", cells);
    expect(other.sheet).toBe("Q1 Data");
    expect(other.series).toHaveLength(1);
    expect(other.series[0].categories).toBeUndefined();
    expect(other.series[0].values.ref).toBe("'Q1 Data'!$D$2:$D$3");
    expect(() => chartData({ ...spec, dataRange: "B2:C2" }, "S", cells)).toThrow(
      /header row and at least one row/
    );
    expect(() => chartData({ ...spec, dataRange: "nope" }, "S", cells)).toThrow(/is not a range/);
  });

  it("writes sparse caches: blank and non-numeric cells have no point", () => {
    const spec: ChartSpec = { type: "line", title: "", dataRange: "A1:B4", at: "D1" };
    const grid: SheetValue[][] = [
      ["k", "v"],
      ["a", 1],
      [null, "n/a"],
      ["c", true],
    ];
    const xml = chartSpaceXml(
      spec,
      chartData(spec, "S", (_s, r, c) => grid[r]?.[c] ?? null)
    );
    expect(xml).toContain(
      `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>`
    );
    expect(xml).toContain(
      `<c:ptCount val="3"/><c:pt idx="0"><c:v>a</c:v></c:pt><c:pt idx="2"><c:v>c</c:v></c:pt>`
    );
    // No title: Excel must not invent one from the series name.
    expect(xml).toContain(`<c:autoTitleDeleted val="1"/>`);
    expect(xml).not.toContain("<c:title>");
  });

  it("anchors a chart over widthCells × heightCells cells from its top-left cell (default 8 × 15)", () => {
    expect(anchorOf({ at: "B3", title: "" })).toEqual({
      from: { row: 2, col: 1 },
      to: { row: 17, col: 9 },
    });
    expect(anchorOf({ at: "$AA$10", widthCells: 4, heightCells: 2, title: "" })).toEqual({
      from: { row: 9, col: 26 },
      to: { row: 11, col: 30 },
    });
    expect(() => anchorOf({ at: "nowhere", title: "x" })).toThrow(/not a cell/);
  });

  it("places <drawing> by CT_Worksheet order, ignoring a nested extLst", () => {
    const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    const cf = `<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>`;
    const cases: [string, string][] = [
      [
        `<sheetData/>${cf}<pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/>`,
        "tableParts",
      ],
      [
        `<sheetData/>${cf}<pageMargins/><legacyDrawing r:id="rId1"/><tableParts count="0"/>`,
        "legacyDrawing",
      ],
      [`<sheetData/><pageMargins/><pageSetup/><headerFooter/><rowBreaks/><ignoredErrors/>`, "END"],
      [
        `<sheetData/><extLst><ext uri="y"><x14:tag xmlns:x14="z">a &gt; b</x14:tag></ext></extLst>`,
        "extLst",
      ],
    ];
    for (const [body, before] of cases) {
      const xml = insertDrawing(
        `<?xml version="1.0"?>\n<worksheet ${ns}>${body}</worksheet>`,
        "rId9"
      );
      const names = childNames(parseXml(xml));
      const at = names.indexOf("drawing");
      expect(names[at + 1] ?? "END").toBe(before);
      expect(child(parseXml(xml), "drawing")!.attrs["r:id"]).toBe("rId9");
    }
    // No r namespace yet, and a prefixed main namespace.
    const bare = insertDrawing(
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>`,
      "rId1"
    );
    const root = parseXml(bare);
    expect(root.attrs["xmlns:r"]).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    );
    expect(childNames(root)).toEqual(["x:sheetData", "x:drawing"]);
    expect(() => insertDrawing(bare, "rId2")).toThrow(/already has a drawing/);
  });

  it("adds relationships under fresh ids, to an existing, empty or missing rels part", () => {
    const existing = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a"/><Relationship Id="rId3" Type="t" Target="b"/></Relationships>`;
    const added = addRelationship(existing, { type: "d", target: "../drawings/drawing1.xml" });
    expect(added.id).toBe("rId4");
    expect(parseRels(added.xml).map((r) => r.id)).toEqual(["rId1", "rId3", "rId4"]);
    const fresh = addRelationship(undefined, { type: "c", target: "../charts/chart1.xml" });
    expect(fresh.id).toBe("rId1");
    expect(parseRels(fresh.xml)).toEqual([
      { id: "rId1", type: "c", target: "../charts/chart1.xml", targetMode: undefined },
    ]);
    const empty = addRelationship(`<Relationships xmlns="x"/>`, { type: "c", target: "t" });
    expect(childNames(parseXml(empty.xml))).toEqual(["Relationship"]);
  });

  it("resolves and relativises part paths, and adds each content-type override once", () => {
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing2.xml")).toBe(
      "../drawings/drawing2.xml"
    );
    expect(relativeTarget("xl/drawings/drawing2.xml", "xl/charts/chart3.xml")).toBe(
      "../charts/chart3.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe(
      "xl/worksheets/sheet2.xml"
    );
    expect(resolveTarget("xl/drawings/drawing1.xml", "../charts/chart1.xml")).toBe(
      "xl/charts/chart1.xml"
    );
    const types = `<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/></Types>`;
    const once = addOverride(types, "xl/charts/chart1.xml", "c");
    expect(addOverride(once, "xl/charts/chart1.xml", "c")).toBe(once);
    expect(once).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>`);
  });

  it("reads cell values from a sheet part for the caches", () => {
    const strings = sharedStrings(
      `<sst><si><t>Plain &amp; simple</t></si><si><r><t>Ri</t></r><r><rPr/><t xml:space="preserve">ch</t></r><rPh><t>x</t></rPh></si><si/></sst>`
    );
    expect(strings).toEqual(["Plain & simple", "Rich", ""]);
    const cells = readSheetCells(
      `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/>` +
        `<c r="D1"><v>2.5</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="str"><f>A1</f><v>x</v></c>` +
        `<c r="G1" t="inlineStr"><is><t>inline</t></is></c><c r="H1"><f>1/0</f></c><c r="I1" t="e"><v>#N/A</v></c></row></sheetData>` +
        `<cols><col min="1" max="2"/></cols></worksheet>`,
      strings
    );
    const at = (col: number) => cells.values.get(cellKey(0, col)) ?? null;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(at)).toEqual([
      "Plain & simple",
      "Rich",
      null,
      2.5,
      true,
      "x",
      "inline",
      null,
      "#N/A",
    ]);
    expect([...cells.styles]).toEqual([[cellKey(0, 2), 2]]);
  });

  it("finds a style's number format: custom, built-in, or General", () => {
    const format = styleFormats(
      `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0"/></numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs>` +
        `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="9"/></cellXfs></styleSheet>`
    );
    expect([0, 1, 2, 3].map(format)).toEqual(["General", '"$"#,##0', "0%", "General"]);
    expect(styleFormats(undefined)(1)).toBe("General");
  });

  it("scans a root's children past comments and attribute values with >", () => {
    const scan = scanRoot(
      `<?xml version="1.0"?><!-- <x> --><root a="1>2"><b/><c d='>'><c/></c><![CDATA[<e>]]></root>`
    );
    expect(scan.children.map((c) => c.name)).toEqual(["b", "c"]);
  });
});

describe("addCharts", () => {
  it("uses the caller's values for the cache when it is given them", async () => {
    // values[r][c] is the cell in row r+1, column c+1.
    const values: SheetValue[][] = [
      [],
      [],
      ["Segment", "Baseline"],
      ["A", 7],
      ["B", 8],
      ["C", 9],
      ["D", 10],
    ];
    const bytes = await addCharts(input, [
      { sheet: COMPARISON, charts: [{ ...pie, dataRange: "A3:B7" }], values },
    ]);
    const [written] = (await chartsFromXlsx(bytes))[0].charts;
    expect(written.series[0].values).toEqual([7, 8, 9, 10]);
  });

  it("adds to a sheet that already has charts (a second call) and finds the sheet ignoring case", async () => {
    const again = await addCharts(output, [
      { sheet: "scenario comparison", charts: [{ ...line, dataRange: "A10:B18", at: "N20" }] },
    ]);
    const sheets = await chartsFromXlsx(again);
    expect(sheets[0].charts.map((c) => c.type)).toEqual(["column", "bar", "scatter", "line"]);
    expect(sheets[0].charts[3].part).toBe("xl/charts/chart6.xml");
    const z = await JSZip.loadAsync(again);
    const sheet = parseXml(await z.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(childNames(sheet).filter((n) => n === "drawing")).toHaveLength(1);
  });

  it("returns the bytes unchanged when there is nothing to add", async () => {
    expect(await addCharts(input, [{ sheet: COMPARISON, charts: [] }])).toBe(input);
  });

  it("rejects an unknown sheet, a bad range or anchor, and bytes that are not a zip", async () => {
    await expect(addCharts(input, [{ sheet: "Nope", charts: [column] }])).rejects.toMatchObject({
      kind: "invalid-name",
    });
    await expect(
      addCharts(input, [{ sheet: COMPARISON, charts: [{ ...column, dataRange: "'Gone'!A1:B3" }] }])
    ).rejects.toMatchObject({ kind: "invalid-name" });
    await expect(
      addCharts(input, [{ sheet: COMPARISON, charts: [{ ...column, at: "here" }] }])
    ).rejects.toMatchObject({
      kind: "shape",
    });
    await expect(
      addCharts(new Uint8Array([1, 2, 3]), [{ sheet: COMPARISON, charts: [column] }])
    ).rejects.toMatchObject({
      kind: "unreadable",
    });
  });

  it("keeps axis ids unique within a chart", () => {
    expect(AXIS_IDS.category).not.toBe(AXIS_IDS.value);
  });
});

// ----- (3) LibreOffice ---------------------------------------------------------------------------

const has = (command: string) => spawnSync("which", [command], { encoding: "utf8" }).status === 0;
/** `test` where the command is installed, `test.skip` otherwise. */
const withCommand = (command: string) => (has(command) ? test : test.skip);

describe("LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "compalign-charts-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  withCommand("soffice")(
    "converts the workbook with its charts to PDF",
    () => {
      const file = join(dir, "charts.xlsx");
      writeFileSync(file, output);
      const run = convertWithLibreOffice(file, "pdf", dir, 120_000);
      expect(run.status).toBe(0);
      const pdf = join(dir, "charts.pdf");
      expect(existsSync(pdf)).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
      // The chart titles and axis titles are text in the PDF: LibreOffice read the charts.
      if (has("pdftotext")) {
        const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
        for (const title of [
          column.title,
          scatter.title,
          line.title,
          pie.title,
          "Payout ($)",
          "Attainment",
        ]) {
          expect(text).toContain(title);
        }
        expect(text).toContain(bar.title);
      }
      // For a look at the rendering: XLSX_CHARTS_OUT=/some/dir keeps the xlsx and the PDF.
      const keep = process.env.XLSX_CHARTS_OUT;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(file, join(keep, "charts.xlsx"));
        copyFileSync(pdf, join(keep, "charts.pdf"));
      }
    },
    150_000
  );

  withCommand("soffice")(
    "keeps the series references when it saves the file again as .xlsx",
    () => {
      const file = join(dir, "again.xlsx");
      writeFileSync(file, output);
      const outDir = join(dir, "resaved");
      const run = convertWithLibreOffice(file, "xlsx:Calc MS Excel 2007 XML", outDir, 120_000);
      expect(run.status).toBe(0);
      return chartsFromXlsx(new Uint8Array(readFileSync(join(outDir, "again.xlsx")))).then(
        (sheets) => {
          const comparison = sheets.find((s) => s.sheet === COMPARISON)!;
          expect(comparison.charts.map((c) => c.type).sort()).toEqual(["bar", "column", "scatter"]);
          const columnChart = comparison.charts.find((c) => c.type === "column")!;
          expect(columnChart.series.map((s) => s.valuesRef)).toEqual([
            "'Scenario Comparison'!$B$4:$B$7",
            "'Scenario Comparison'!$C$4:$C$7",
          ]);
          const detail = sheets.find((s) => s.sheet === DETAIL)!;
          expect(detail.charts.map((c) => c.type).sort()).toEqual(["line", "pie"]);
        }
      );
    },
    150_000
  );
});
