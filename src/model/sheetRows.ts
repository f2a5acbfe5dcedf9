/**
 * Reading a contract sheet: row 1 is the header, matched case-insensitively and in any order;
 * extra columns are ignored; fully blank rows are skipped. Every value handed on knows the
 * cell it came from, so a problem can point at it.
 */
import { columnLetters } from "../workbook/a1";
import { normaliseHeader } from "../workbook/headers";
import type { SheetData, SheetValue } from "../workbook/port";

// One matching rule for readers and WorkbookPort.appendRows (src/workbook/headers.ts).
export { normaliseHeader };

/** `Matrix!C4`, or `'Alignment View'!C4` when the sheet name needs quotes. */
export function cellAddress(sheet: string, row: number, col: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetters(col)}${row + 1}`;
}

export interface SheetRow {
  /** 0-based row index in the sheet (the header is row 0). */
  index: number;
  /** The value under a header, or null when the column is absent or the cell blank. */
  get(header: string): SheetValue;
  /** The cell address under a header (column A when the column is absent). */
  cell(header: string): string;
  /** All values of the row by normalised header (extra columns included). */
  raw: Map<string, SheetValue>;
}

export interface SheetRows {
  sheet: string;
  headers: string[];
  has(header: string): boolean;
  missing(required: readonly string[]): string[];
  rows: SheetRow[];
  /** Address of a header cell. */
  headerCell(header: string): string;
}

export function sheetRows(data: SheetData): SheetRows {
  const headerRow = data.values[0] ?? [];
  const headers = headerRow.map(normaliseHeader);
  const column = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !column.has(h)) column.set(h, i);
  });
  const colOf = (header: string) => column.get(normaliseHeader(header));
  const rows: SheetRow[] = [];
  for (let r = 1; r < data.values.length; r++) {
    const values = data.values[r];
    if (values.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const raw = new Map<string, SheetValue>();
    headers.forEach((h, i) => h && raw.set(h, values[i] ?? null));
    rows.push({
      index: r,
      get: (header) => {
        const c = colOf(header);
        const v = c === undefined ? null : (values[c] ?? null);
        return typeof v === "string" && v.trim() === "" ? null : v;
      },
      cell: (header) => cellAddress(data.name, r, colOf(header) ?? 0),
      raw,
    });
  }
  return {
    sheet: data.name,
    headers,
    has: (header) => colOf(header) !== undefined,
    missing: (required) => required.filter((h) => colOf(h) === undefined),
    rows,
    headerCell: (header) => cellAddress(data.name, 0, colOf(header) ?? 0),
  };
}

/** Text of a cell (numbers and booleans as typed), trimmed; "" for blank. */
export const text = (value: SheetValue): string => (value === null ? "" : String(value).trim());

export function describeValue(value: SheetValue): string {
  if (value === null) return "blank";
  if (typeof value === "string") return `text "${value}"`;
  return String(value);
}
