/**
 * Reading a large sheet straight from its XML gives what reading it through exceljs gives: the
 * same values, the same used range, for every kind of cell.
 */
import { Workbook } from "exceljs";
import { readSheetXmlValues } from "../../src/workbook/xlsx/fastValues";
import { sharedStrings } from "../../src/workbook/xlsx/charts/cells";
import { readValues } from "../../src/workbook/xlsx/readValues";
import { LARGE_SHEET_BYTES, XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { entryText, readZip } from "../../src/workbook/xlsx/zipPackage";

async function tricky(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "Name";
  ws.getCell("B1").value = 1.5;
  ws.getCell("C1").value = true;
  ws.getCell("D1").value = { richText: [{ text: "ri" }, { text: "ch" }] } as never;
  ws.getCell("E1").value = { error: "#N/A" } as never;
  ws.getCell("A2").value = { formula: "B1*2", result: 3 } as never;
  ws.getCell("B2").value = { formula: 'A1&"x"', result: "Namex" } as never;
  ws.getCell("C2").value = { formula: "NOW()" } as never;
  ws.getCell("D2").value = new Date(Date.UTC(2025, 0, 1));
  ws.getCell("D2").numFmt = "yyyy-mm-dd";
  ws.getCell("E2").value = "";
  ws.getCell("A4").value = 'a < b & "c"';
  ws.getCell("F5").value = 0;
  ws.mergeCells("A6:B6");
  ws.getCell("A6").value = "merged";
  ws.getCell("G7").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readSheetXmlValues", () => {
  it("reads every kind of cell as exceljs + readValues does", async () => {
    const bytes = await tricky();
    const entries = readZip(bytes);
    const text = (name: string) => entryText(entries.find((e) => e.name === name)!);
    const strings = sharedStrings(text("xl/sharedStrings.xml"));
    const fast = readSheetXmlValues(text("xl/worksheets/sheet1.xml"), strings, false);
    const wb = new Workbook();
    await wb.xlsx.load(bytes as never);
    expect(fast).toEqual(readValues(wb.getWorksheet("S")!, false));
    expect(fast[1][3]).toBe(45658);
    expect(fast[6][6]).toBe("#DIV/0!");
  });

  it("reads inline strings, rows and cells without r, and an empty sheet", () => {
    const xml =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c><v>2</v></c></row>' +
      '<row r="3"><c r="B3" t="b"><v>0</v></c></row></sheetData></worksheet>';
    expect(readSheetXmlValues(xml, [], false)).toEqual([
      [" x ", 2],
      [null, null],
      [null, false],
    ]);
    expect(readSheetXmlValues("<worksheet><sheetData/></worksheet>", [], false)).toEqual([]);
  });
});

describe("XlsxWorkbook with a sheet too large for exceljs", () => {
  it("reads it from the XML, keeps its table, and writes it through untouched", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Big");
    const rows = Math.ceil(LARGE_SHEET_BYTES / 150) + 100;
    const values = Array.from({ length: rows }, (_, r) => [
      `Rep ${r}`,
      r * 1.5,
      r % 3 === 0,
      "Plan é",
    ]);
    ws.addTable({
      name: "BigTable",
      ref: "A1",
      headerRow: true,
      columns: ["Rep", "Quota", "Flag", "Plan"].map((name) => ({ name })),
      rows: values,
    });
    wb.addWorksheet("Small").getCell("A1").value = "hello";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const part = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(part.size).toBeGreaterThan(LARGE_SHEET_BYTES);

    const book = await XlsxWorkbook.fromBuffer(bytes);
    const [big, small] = await book.readSheets(["big", "Small"]);
    expect(big!.values.length).toBe(rows + 1);
    expect(big!.values[0]).toEqual(["Rep", "Quota", "Flag", "Plan"]);
    expect(big!.values[rows]).toEqual(values[rows - 1]);
    expect(small!.values).toEqual([["hello"]]);
    // Its table still counts: a new table may not take its name.
    await expect(
      book.writeOwnedSheets([
        {
          name: "R",
          blocks: [{ at: "A1", values: [["h"], [1]] }],
          tables: [{ name: "BigTable", range: "A1:A2" }],
        },
      ])
    ).rejects.toMatchObject({ kind: "exists" });
    await book.writeOwnedSheets([{ name: "R", blocks: [{ at: "A1", values: [["h"], [1]] }] }]);
    const out = readZip(await book.toBuffer());
    expect(Buffer.compare(out.find((e) => e.name === part.name)!.raw, part.raw)).toBe(0);
    const reopened = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect((await reopened.readSheets(["R"]))[0]!.values).toEqual([["h"], [1]]);
    await expect(book.appendRows("Small", [{ A: 1 }])).rejects.toMatchObject({ kind: "too-large" });
  }, 120000);
});
