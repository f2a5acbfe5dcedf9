/**
 * "Download .xlsx" without a browser: the in-memory workbook written through the exceljs
 * adapter keeps every sheet in order, its values, formulas, number formats, styles, tables,
 * drop-downs, charts and which sheets CompAlign owns.
 */
import JSZip from "jszip";
import { writeAlignmentView } from "../../src/actions/checkAlignment";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { insertSampleData, setupWorkbook } from "../../src/actions/setupWorkbook";
import { specOf, workbookToXlsx } from "../../src/taskpane/playground/exportXlsx";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { layoutSheet } from "../../src/workbook/sheetModel";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

describe("the playground's Download .xlsx", () => {
  it("lays a sheet out again exactly as it is", async () => {
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    await writeAlignmentView(book);
    for (const name of await book.sheetNames()) {
      const sheet = book.sheet(name)!;
      const again = layoutSheet(specOf(sheet));
      const before = book.snapshot(name);
      const copy = new MemoryWorkbook();
      await copy.createSheet(specOf(sheet));
      const after = copy.snapshot(name);
      expect({ ...after, owned: before.owned }).toEqual(before);
      expect(again.tables).toEqual(sheet.tables);
    }
  });

  it("writes every sheet, the reports owned, the charts native", async () => {
    const book = new MemoryWorkbook();
    await insertSampleData(book);
    await writeAlignmentView(book);
    await runScenarioAction(book, { only: ["Cloud weight 40% + accelerator"] });
    const bytes = await workbookToXlsx(book);
    const file = await XlsxWorkbook.fromBuffer(bytes);
    expect(await file.sheetNames()).toEqual(await book.sheetNames());
    expect((await file.ownedSheets()).sort()).toEqual((await book.ownedSheets()).sort());
    for (const name of await book.sheetNames()) {
      const [mine, theirs] = [
        (await book.readSheets([name]))[0]!,
        (await file.readSheets([name]))[0]!,
      ];
      expect(theirs.values).toEqual(mine.values);
    }
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    let expected = 0;
    for (const name of await book.sheetNames()) expected += book.snapshot(name).charts.length;
    expect(book.snapshot("Scenario Comparison").charts.length).toBeGreaterThan(0);
    expect(charts).toHaveLength(expected);
    const matrix = file.workbook.getWorksheet("Matrix")!;
    expect(matrix.getCell("E2").numFmt).toBe("0%");
  });
});
