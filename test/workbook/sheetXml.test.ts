/**
 * The package writer's sheet XML: every sheet-level setting comes from `sheetSettings` and sits
 * where CT_Worksheet wants it; cells carry their values, formulas and style indexes; text is
 * inline, escaped, never a formula.
 */
import { layoutSheet } from "../../src/workbook/sheetModel";
import { sheetSettings, writeSheetPart } from "../../src/workbook/xlsx/sheetXml";
import { StyleRegistry } from "../../src/workbook/xlsx/stylesXml";
import { inflateRawSync } from "node:zlib";

async function xmlOf(spec: Parameters<typeof layoutSheet>[0]) {
  const styles = new StyleRegistry(3);
  let table = 0;
  const written = writeSheetPart(layoutSheet(spec), {
    path: "xl/worksheets/sheet9.xml",
    styles,
    nextTablePath: () => `xl/tables/table${++table}.xml`,
    nextTableId: () => 40 + table,
    drawingRelId: "rId1",
  });
  if (written.sheet.kind !== "deflated") throw new Error("expected a new part");
  await written.sheet.ready;
  await Promise.all(
    written.tables.map((t) => (t.entry.kind === "deflated" ? t.entry.ready : undefined))
  );
  const xml = inflateRawSync(Buffer.concat(written.sheet.chunks)).toString("utf8");
  return { xml, written, styles };
}

describe("writeSheetPart", () => {
  const spec = {
    name: "View",
    blocks: [
      { at: "A1", values: [["Title"]], style: "title" as const },
      {
        at: "A3",
        values: [
          ["Name", "Share"],
          ["=cmd|' /C calc'!A0", 0.25],
          ["a < b & c", true],
        ],
        formulas: [
          [null, null],
          [null, "=B4*2"],
          [null, null],
        ],
        numberFormats: [null, "0%"],
      },
    ],
    tables: [{ name: "ViewTable", range: "A3:B5" }],
    columnWidths: [20, 9],
    freeze: { rows: 3, columns: 1 },
    tabColor: "#1f4e79",
    colorScales: [{ range: "B4:B5", minColor: "#ffffff", maxColor: "#63be7b" }],
    validations: [{ range: "A4:A5", list: ["x", "y"], errorMessage: "pick one" }],
  };

  it("writes the settings in CT_Worksheet's order, each once", async () => {
    const { xml } = await xmlOf(spec);
    const order = [
      "<sheetPr>",
      "<sheetViews>",
      "<sheetFormatPr",
      "<cols>",
      "<sheetData>",
      "<conditionalFormatting",
      "<dataValidations",
      "<pageMargins",
      "<drawing",
      "<tableParts",
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<tabColor rgb="FF1F4E79"/>');
    expect(xml).toContain(
      '<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>'
    );
    expect(xml).toContain(
      '<col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="9" customWidth="1"/>'
    );
  });

  it("writes values, formulas with their cached value, text as inline text (never a formula), and style indexes", async () => {
    const { xml, styles } = await xmlOf(spec);
    expect(xml).toContain('<c r="A1" s="3" t="inlineStr"><is><t>Title</t></is></c>');
    expect(xml).toContain(`<c r="A4" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c>`);
    expect(xml).toContain('<c r="B4" s="4"><f>B4*2</f><v>0.25</v></c>');
    expect(xml).toContain('<c r="A5" t="inlineStr"><is><t>a &lt; b &amp; c</t></is></c>');
    expect(xml).toContain('<c r="B5" s="4" t="b"><v>1</v></c>');
    expect(styles.size).toBe(2);
  });

  it("writes a table part per table with the header cells as column names", async () => {
    const { written } = await xmlOf(spec);
    expect(written.tables).toHaveLength(1);
    const table = written.tables[0];
    if (table.entry.kind !== "deflated") throw new Error("expected a new part");
    const xml = inflateRawSync(Buffer.concat(table.entry.chunks)).toString("utf8");
    expect(xml).toContain('id="41" name="ViewTable" displayName="ViewTable" ref="A3:B5"');
    expect(xml).toContain('<tableColumn id="1" name="Name"/><tableColumn id="2" name="Share"/>');
  });

  it("takes every sheet-level setting from sheetSettings (one place)", async () => {
    const settings = sheetSettings(layoutSheet(spec));
    expect(Object.keys(settings).sort()).toEqual(
      [
        "cols",
        "definedNames",
        "headerFooter",
        "pageMargins",
        "pageSetup",
        "printOptions",
        "rowBreaks",
        "sheetPr",
        "sheetViews",
      ].sort()
    );
    expect(settings.definedNames).toEqual([]);
  });
});

describe("StyleRegistry.patch", () => {
  const styles = `<?xml version="1.0"?><styleSheet xmlns="x"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill/><fill/></fills><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;

  it("appends formats after the workbook's own, adding number formats, fonts and the header fill", async () => {
    const registry = new StyleRegistry(1);
    expect(registry.index(null, null)).toBe(0);
    expect(registry.index("$#,##0.0", "header")).toBe(1);
    expect(registry.index("0%", null)).toBe(2);
    expect(registry.index("$#,##0.0", "header")).toBe(1);
    const xml = registry.patch(styles);
    expect(xml).toContain(
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="$#,##0.0"/></numFmts>'
    );
    expect(xml).toContain(
      '<fonts count="4"><font><sz val="10"/><name val="Arial"/></font><font><b/><sz val="14"/><name val="Arial"/></font><font><b/><sz val="10"/><name val="Arial"/></font>'
    );
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain(
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    );
  });
});
