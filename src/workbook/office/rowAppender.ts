/// <reference types="office-js" />
/**
 * `appendRows` in Office.js commands: what the adapter reads first (one request) and how the
 * planned rows (../appendRows.ts) are queued (one request per chunk, normally one).
 *
 * Read, all queued before one sync: the sheet's used range (values only, so formatting past the
 * data does not count; a blank sheet gives A1), its first row (row 1 when the used range starts
 * there) and the number formats of its last row, and each of its tables' range and whether it
 * has a totals row (the table names come from the book state).
 *
 * Write: a table that grows gets its part of the new rows through `table.rows.add` (the rows
 * are added at the table's end, which is the last used row, so they land where the plan puts
 * them; Excel formats them like the rows above); the columns outside such tables are written
 * as `Range.values`. Both carry text with the apostrophe that keeps it text (cellInput.ts). The
 * number formats of the row above are then set per column, as a block's are. Excel API calls
 * used: Worksheet.getUsedRange(valuesOnly) (ExcelApi 1.2), Range.getRow / getLastRow and
 * Table.getRange (1.1), Table.showTotals (1.3), TableRowCollection.add (1.1; several rows in
 * one call: 1.4), Range.values / numberFormat (1.1); all within the manifest's ExcelApi 1.8.
 */
import { formatRange, parseA1, parseRange, type RangePosition } from "../a1";
import type { AppendPlan, AppendSource } from "../appendRows";
import type { Block, SheetValue } from "../port";
import { parseSheetRef } from "../sheetRef";
import type { SheetInfo } from "./bookState";
import { type ExcelInput, toExcelInput } from "./cellInput";

/** What the read request asked for (read it with `appendSource` once it is synced). */
export interface AppendRead {
  sheet: SheetInfo;
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  top: Excel.Range;
  bottom: Excel.Range;
  tables: { name: string; table: Excel.Table; range: Excel.Range }[];
}

const rangeOf = (address: string): RangePosition | undefined => {
  const ref = parseSheetRef(address)?.ref;
  return ref === undefined ? undefined : parseRange(ref.replace(/\$/g, ""));
};

const cellValue = (value: unknown): SheetValue =>
  value === "" || value === undefined ? null : (value as SheetValue);

const formatOf = (format: unknown): string | null =>
  typeof format === "string" && format !== "" && format !== "General" ? format : null;

/** Queues the reads appendRows needs on `sheet` (it exists: the book state has it). */
export function queueAppendRead(context: Excel.RequestContext, sheet: SheetInfo): AppendRead {
  const worksheet = context.workbook.worksheets.getItem(sheet.name);
  const used = worksheet.getUsedRange(true);
  used.load("address");
  const top = used.getRow(0);
  top.load("values");
  const bottom = used.getLastRow();
  bottom.load("numberFormat");
  const tables = sheet.tables.map((name) => {
    const table = worksheet.tables.getItem(name);
    table.load("showTotals");
    const range = table.getRange();
    range.load("address");
    return { name, table, range };
  });
  return { sheet, worksheet, used, top, bottom, tables };
}

/** What planAppend needs, from a read that has been synced. */
export function appendSource(read: AppendRead): AppendSource {
  const at = rangeOf(read.used.address) ?? { start: { row: 0, col: 0 }, rows: 1, cols: 1 };
  const first = read.top.values[0] ?? [];
  const blankSheet =
    at.rows === 1 && at.cols === 1 && at.start.row === 0 && cellValue(first[0]) === null;
  const pad = new Array<null>(at.start.col).fill(null);
  return {
    sheet: read.sheet.name,
    header: at.start.row === 0 ? [...pad, ...first.map(cellValue)] : [],
    usedRows: blankSheet ? 0 : at.start.row + at.rows,
    formatsAbove: [...pad, ...(read.bottom.numberFormat[0] ?? []).map(formatOf)],
    // A totals row is the table's last row: rows below it are not the table's to take.
    tables: read.tables
      .filter(({ table }) => !table.showTotals)
      .map(({ name, range }) => ({ name, range: formatRange(rangeOf(range.address)!) })),
  };
}

/**
 * Queues one chunk of the planned rows (a Block of whole rows of `plan.block`, as
 * packRequests cut it): growing tables' parts with rows.add, the other columns as values, then
 * the number formats.
 */
export function queueAppendChunk(worksheet: Excel.Worksheet, plan: AppendPlan, chunk: Block): void {
  const rows = chunk.values.length;
  const { col: left } = plan.at.start;
  const cols = plan.at.cols;
  const top = parseA1(chunk.at)!.row;
  const inTable = new Array<boolean>(cols).fill(false);

  for (const { name, from } of plan.grow) {
    const values: ExcelInput[][] = chunk.values.map((row) =>
      Array.from({ length: from.cols }, (_, c) => {
        const col = from.start.col + c - left;
        if (col < 0 || col >= cols) return "";
        inTable[col] = true;
        return toExcelInput(row[col]);
      })
    );
    // At the table's end: the last used row, or the rows an earlier chunk added.
    worksheet.tables.getItem(name).rows.add(undefined, values);
  }

  // The columns no growing table took, as runs of adjacent columns.
  for (let c = 0; c < cols;) {
    if (inTable[c]) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < cols && !inTable[end + 1]) end++;
    const range: RangePosition = { start: { row: top, col: left + c }, rows, cols: end - c + 1 };
    worksheet.getRange(formatRange(range)).values = chunk.values.map((row) =>
      row.slice(c, end + 1).map(toExcelInput)
    );
    c = end + 1;
  }

  (chunk.numberFormats ?? []).forEach((format, c) => {
    if (format === null) return;
    const column: RangePosition = { start: { row: top, col: left + c }, rows, cols: 1 };
    worksheet.getRange(formatRange(column)).numberFormat = Array.from({ length: rows }, () => [
      format,
    ]);
  });
}
