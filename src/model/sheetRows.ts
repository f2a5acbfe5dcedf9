/**
 * Reading a contract sheet: row 1 is the header, matched case-insensitively and in any order;
 * extra columns are ignored; fully blank rows are skipped. Every value handed on knows the
 * cell it came from, so a problem can point at it.
 */
import { columnLetters } from "../workbook/a1";
import { normaliseHeader } from "../workbook/headers";
import type { CellNote, SheetData, SheetValue } from "../workbook/port";
import { serialToDate } from "../workbook/excelDate";
import { sheetRef } from "../workbook/sheetRef";

// One matching rule for readers and WorkbookPort.appendRows (src/workbook/headers.ts).
export { normaliseHeader };

/** `Matrix!C4`, or `'Alignment View'!C4` when the sheet name needs quotes. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, `${columnLetters(col)}${row + 1}`);
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
  /** What the adapter noted about the cell under a header (SheetData.notes), if anything. */
  note(header: string): CellNote | undefined;
}

/** A header given twice in row 1: the first column is read, the second would be ignored. */
export interface DuplicateHeader {
  header: string;
  /** The ignored header cell and the one read. */
  cell: string;
  first: string;
}

export interface SheetRows {
  sheet: string;
  headers: string[];
  has(header: string): boolean;
  missing(required: readonly string[]): string[];
  rows: SheetRow[];
  /** Address of a header cell. */
  headerCell(header: string): string;
  /** Headers given more than once in row 1 (matched as headers are: case and spaces ignored). */
  duplicates: DuplicateHeader[];
}

export function sheetRows(data: SheetData): SheetRows {
  const headerRow = data.values[0] ?? [];
  const headers = headerRow.map(normaliseHeader);
  const column = new Map<string, number>();
  const duplicates: DuplicateHeader[] = [];
  headers.forEach((h, i) => {
    if (h && column.has(h))
      duplicates.push({
        header: text(headerRow[i]),
        cell: cellAddress(data.name, 0, i),
        first: cellAddress(data.name, 0, column.get(h)!),
      });
    else if (h) column.set(h, i);
  });
  // Readers ask by the same few headers for every row: normalise each once.
  const colCache = new Map<string, number | undefined>();
  const colOf = (header: string) => {
    if (colCache.has(header)) return colCache.get(header);
    const c = column.get(normaliseHeader(header));
    colCache.set(header, c);
    return c;
  };
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
      note: (header) => {
        const c = colOf(header);
        return c === undefined ? undefined : data.notes?.[`${r},${c}`];
      },
    });
  }
  return {
    sheet: data.name,
    headers,
    has: (header) => colOf(header) !== undefined,
    missing: (required) => required.filter((h) => colOf(h) === undefined),
    rows,
    headerCell: (header) => cellAddress(data.name, 0, colOf(header) ?? 0),
    duplicates,
  };
}

/** Text of a cell (numbers and booleans as typed), trimmed; "" for blank. */
export const text = (value: SheetValue): string => (value === null ? "" : String(value).trim());

export function describeValue(value: SheetValue): string {
  if (value === null) return "blank";
  if (typeof value === "string") return `text "${value}"`;
  return String(value);
}

/** The largest size of a number CompAlign computes with: beyond it sums and products lose meaning. */
export const LARGEST_NUMBER = 1e15;

/** Text that reads as a number to a person ("40%", "1,200", "$5,000", "-3.5"), but not to Excel. */
const NUMBER_TEXT = /^[-+(]?\s*[$€£¥]?\s*[-+]?\d[\d,. ]*\s*%?\)?$/;

export const looksLikeNumberText = (value: SheetValue): value is string =>
  typeof value === "string" && NUMBER_TEXT.test(value.trim());

/** Why a cell that must hold a number cannot be used, and the rule that reports it. */
export interface NumberProblem {
  rule: "invalid-value" | "number-text" | "uncached-formula" | "huge-value";
  /** Completes "<Header> is …" / "… must be a number, not …". */
  text: string;
}

/**
 * A number cell read strictly: a number, or why not. Blank, other text, a logical, a formula
 * with no saved result and a number too large to compute with are never read as a number.
 * A date is read as its serial (`date` says so: the caller warns).
 */
export function numberCell(
  row: SheetRow,
  header: string
): { value: number; date: string | null } | { problem: NumberProblem } {
  const value = row.get(header);
  const note = row.note(header);
  if (note === "uncached-formula")
    return {
      problem: {
        rule: "uncached-formula",
        text: "a formula saved without its result (open the file in Excel, let it calculate and save it, or type the value)",
      },
    };
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Math.abs(value) > LARGEST_NUMBER)
      return {
        problem: {
          rule: "huge-value",
          text: `${value}, too large to compute with (at most ${LARGEST_NUMBER.toExponential()} in size)`,
        },
      };
    const date =
      note === "date" && value >= 1 && value < 2958466
        ? serialToDate(Math.floor(value)).toISOString().slice(0, 10)
        : null;
    return { value, date };
  }
  if (looksLikeNumberText(value))
    return {
      problem: {
        rule: "number-text",
        text: `the text "${value}", which Excel does not compute with: type it as a number (without quotes or a leading apostrophe; 40% as 40% or 0.4, 1,200 as 1200)`,
      },
    };
  return { problem: { rule: "invalid-value", text: describeValue(value) } };
}

/**
 * Why a Reps number cell cannot be used for a rep (a data issue: the rep is left out), or null.
 * Stricter than plan sheets: a date is not a quota or an amount. `range`: a quota must be above
 * 0, a target incentive 0 or more; other amounts (actuals, salary, revenue, margin) any number.
 */
export function repNumberProblem(
  row: SheetRow,
  header: string,
  range: "positive" | "non-negative" | "any"
): { rule: string; text: string } | null {
  const read = numberCell(row, header);
  if ("problem" in read) return read.problem;
  if (read.date !== null)
    return { rule: "date-in-number", text: `the date ${read.date}, not a number` };
  if (range === "positive" ? !(read.value > 0) : range === "non-negative" && read.value < 0)
    return {
      rule: "invalid-value",
      text: `${read.value} (must be ${range === "positive" ? "a number above 0" : "0 or more"})`,
    };
  return null;
}
