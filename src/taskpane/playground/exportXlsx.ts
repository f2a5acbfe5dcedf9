/**
 * "Download .xlsx": the in-memory workbook written through the exceljs adapter. Each sheet goes
 * back to the spec form the port takes (cells as row blocks with their formulas, number formats
 * and styles; tables, drop-downs, colour scales, charts, widths, freeze panes, tab colour) and
 * through the same port calls the actions use: the user's sheets with `createSheet`, CompAlign's
 * reports with `writeOwnedSheets` (so the file marks them owned, as Excel would). Charts are
 * written as native chart parts by XlsxWorkbook.toBuffer. Loaded on demand (exceljs is large).
 */
import { columnLetters } from "../../workbook/a1";
import type { MemoryWorkbook } from "../../workbook/memory";
import type { Block, SheetSpec, SheetValue } from "../../workbook/port";
import type { SheetModel } from "../../workbook/sheetModel";
import { XlsxWorkbook } from "../../workbook/xlsx";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Cells as blocks: one per run of written cells of a row that share a style. */
function blocksOf(sheet: Readonly<SheetModel>): Block[] {
  const blocks: Block[] = [];
  const extent = sheet.cells.extent(false);
  for (let row = 0; row < extent.rows; row++) {
    let col = 0;
    while (col < extent.cols) {
      if (!sheet.cells.has(row, col)) {
        col++;
        continue;
      }
      const style = sheet.cells.get(row, col).style;
      const start = col;
      const values: SheetValue[] = [];
      const formulas: (string | null)[] = [];
      const formats: (string | null)[] = [];
      while (
        col < extent.cols &&
        sheet.cells.has(row, col) &&
        sheet.cells.get(row, col).style === style
      ) {
        const cell = sheet.cells.get(row, col);
        values.push(cell.value);
        formulas.push(cell.formula);
        formats.push(cell.numberFormat);
        col++;
      }
      blocks.push({
        at: `${columnLetters(start)}${row + 1}`,
        values: [values],
        ...(formulas.some((f) => f !== null) ? { formulas: [formulas] } : {}),
        ...(formats.some((f) => f !== null) ? { numberFormats: formats } : {}),
        ...(style ? { style } : {}),
      });
    }
  }
  return blocks;
}

/** The spec that lays out this sheet as it is. */
export function specOf(sheet: Readonly<SheetModel>): SheetSpec {
  return {
    name: sheet.name,
    blocks: blocksOf(sheet),
    tables: sheet.tables.map((t) => ({ ...t })),
    validations: sheet.validations.map((v) => ({
      ...v,
      list: Array.isArray(v.list) ? [...v.list] : { ...v.list },
    })),
    colorScales: sheet.colorScales.map((c) => ({ ...c })),
    charts: sheet.charts.map((c) => ({ ...c })),
    columnWidths: [...sheet.columnWidths],
    ...(sheet.freeze ? { freeze: { ...sheet.freeze } } : {}),
    ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
    ...(sheet.wrap.length > 0 ? { wrap: [...sheet.wrap] } : {}),
    ...(sheet.rowHeights.length > 0 ? { rowHeights: sheet.rowHeights.map((h) => ({ ...h })) } : {}),
    ...(sheet.valueColors.length > 0
      ? { valueColors: sheet.valueColors.map((v) => ({ ...v })) }
      : {}),
    // Already laid out: a spec with its print setup is written as it is.
    ...(sheet.print ? { print: structuredClone(sheet.print) } : {}),
  };
}

/** The workbook as .xlsx bytes, charts included. */
export async function workbookToXlsx(book: MemoryWorkbook): Promise<Uint8Array> {
  const names = await book.sheetNames();
  const owned = new Set((await book.ownedSheets()).map((n) => n.toLowerCase()));
  const file = XlsxWorkbook.empty();
  for (const name of names) {
    const sheet = book.sheet(name);
    if (!sheet) continue;
    const spec = specOf(sheet);
    if (owned.has(name.toLowerCase())) await file.writeOwnedSheets([spec]);
    else await file.createSheet(spec);
  }
  return file.toBuffer();
}

/** Hands the bytes to the browser as a file download. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Writes the workbook and downloads it as `fileName`. */
export async function downloadWorkbook(
  book: MemoryWorkbook,
  fileName = "compalign-playground.xlsx"
): Promise<void> {
  saveBytes(await workbookToXlsx(book), fileName);
}
