/**
 * Reading a worksheet's values through exceljs as the port defines them: the used range from A1,
 * padded to a rectangle, each cell as number, text, logical or null. Dates become Excel serials,
 * rich text and hyperlinks their text, error values their text ("#N/A"), formula cells (shared
 * formula children too) their cached result or null when the file has none, "" and the covered
 * cells of a merged range null.
 */
import { ValueType, type Cell, type Worksheet } from "exceljs";
import { dateToSerial } from "../excelDate";
import type { CellNote, SheetValue } from "../port";

/** The plain text of an exceljs string, rich-text or hyperlink value ("" for other objects). */
export function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join("");
    if (v.text !== undefined) return plainText(v.text);
    return "";
  }
  return value === undefined || value === null ? "" : String(value);
}

/** A stored value or a formula's cached result as a SheetValue. */
function normalise(value: unknown, date1904: boolean): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    const error = (value as { error?: unknown }).error;
    if (typeof error === "string") return error;
    const text = plainText(value);
    return text === "" ? null : text;
  }
  return null;
}

/** The cell's value, and whether it counts for the used range (a value or a formula). */
export function readCell(
  cell: Cell,
  date1904: boolean
): { value: SheetValue; used: boolean; note?: CellNote } {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return { value: null, used: false };
    case ValueType.Formula: {
      const result = cell.result;
      if (result === undefined || result === null)
        return { value: null, used: true, note: "uncached-formula" };
      const value = normalise(result, date1904);
      return { value, used: true, note: result instanceof Date ? "date" : undefined };
    }
    default: {
      const value = normalise(cell.value, date1904);
      const note = cell.value instanceof Date ? ("date" as const) : undefined;
      return { value, used: value !== null, note };
    }
  }
}

/**
 * The worksheet's values from A1 to the last cell with a value or a formula, padded with null.
 * `notes`, when given, receives the cells a value cannot describe (SheetData.notes).
 */
export function readValues(
  worksheet: Worksheet,
  date1904: boolean,
  notes?: Record<string, CellNote>
): SheetValue[][] {
  const found: { row: number; col: number; value: SheetValue }[] = [];
  let rows = 0;
  let cols = 0;
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const { value, used, note } = readCell(cell, date1904);
      if (!used) return;
      const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      if (note && notes) notes[`${at.row},${at.col}`] = note;
      rows = Math.max(rows, at.row + 1);
      cols = Math.max(cols, at.col + 1);
      if (value !== null) found.push({ ...at, value });
    });
  });
  const values: SheetValue[][] = Array.from({ length: rows }, () =>
    new Array<SheetValue>(cols).fill(null)
  );
  for (const { row, col, value } of found) values[row][col] = value;
  return values;
}
