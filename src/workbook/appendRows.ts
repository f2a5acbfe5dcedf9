/**
 * `WorkbookPort.appendRows`, decided once for every adapter: each adapter reads what the sheet
 * holds (row 1, how many rows are used, the number formats of the last used row, its tables)
 * and `planAppend` says what to write where, as a Block the adapter writes with its usual means
 * (so text stays text the way it does for every other write), and which tables grow. Every rule
 * is checked before anything is written.
 */
import { formatA1, formatRange, parseRange, type RangePosition } from "./a1";
import { normaliseHeader } from "./headers";
import { WorkbookError, type AppendRow, type Block, type SheetValue } from "./port";
import { checkSpec } from "./specRules";

/** What an adapter knows about the sheet before it appends. */
export interface AppendSource {
  /** The sheet's name as it is in the workbook. */
  sheet: string;
  /** Row 1's values from column A (shorter than the sheet is wide is fine: the rest is blank). */
  header: readonly SheetValue[];
  /** Rows from row 1 to the last row with a value or a formula (0 for an empty sheet). */
  usedRows: number;
  /** Number formats of the last used row from column A, null for General. */
  formatsAbove: readonly (string | null)[];
  /** Tables that may grow (name and range, header row included); an adapter leaves out any it cannot grow. */
  tables: readonly { name: string; range: string }[];
}

/** A table to grow: its range now and after the append. */
export interface TableGrowth {
  name: string;
  from: RangePosition;
  to: RangePosition;
}

export interface AppendPlan {
  /** The new rows, from the first to the last header column: values (blank = null) and the formats of the row above. */
  block: Block;
  /** The rectangle `block` covers. */
  at: RangePosition;
  /** `at` as "A8:G9". */
  range: string;
  /** Tables ending at the last used row over the columns written: they grow to the last new row. */
  grow: TableGrowth[];
}

/** The rejection for a sheet that is not in the workbook. */
export function noSuchSheet(sheet: string): WorkbookError {
  return new WorkbookError(
    "invalid-name",
    `cannot add rows to sheet "${sheet}": the workbook has no sheet of that name`
  );
}

const isBlank = (value: SheetValue | undefined): boolean =>
  value === null || value === undefined || value === "";

const listed = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/**
 * Where rows go and what is written. Throws WorkbookError ("shape", "too-large") for rows that
 * cannot be appended to this sheet; the adapter has written nothing by then.
 */
export function planAppend(source: AppendSource, rows: readonly AppendRow[]): AppendPlan {
  const { sheet } = source;
  if (rows.length === 0) {
    throw new WorkbookError("shape", `no rows to add to sheet "${sheet}"`);
  }

  // Row 1 by normalised header; the first of two equal headers wins, as the readers have it.
  const columns = new Map<string, number>();
  const headers: string[] = [];
  source.header.forEach((cell, col) => {
    const key = normaliseHeader(cell);
    if (key === "") return;
    headers.push(String(cell).trim());
    if (!columns.has(key)) columns.set(key, col);
  });
  const used = [...columns.values()];
  const first = Math.min(...used);
  const last = Math.max(...used);

  const values: SheetValue[][] = rows.map((row, r) => {
    const out = new Array<SheetValue>(used.length === 0 ? 0 : last - first + 1).fill(null);
    const named = new Map<number, string>();
    for (const [name, value] of Object.entries(row)) {
      // A blank leaves its column blank, so a column the sheet does not have may be named for one
      // (the pane's rows name every Scenarios column; a sheet may leave optional ones out).
      if (isBlank(value)) continue;
      const col = columns.get(normaliseHeader(name));
      if (col === undefined) {
        throw new WorkbookError(
          "shape",
          headers.length === 0
            ? `sheet "${sheet}" has no column "${name}": its row 1 is blank`
            : `sheet "${sheet}" has no column "${name}" in row 1 (its headers are ${listed(headers)})`
        );
      }
      const twice = named.get(col);
      if (twice !== undefined) {
        throw new WorkbookError(
          "shape",
          `row ${r + 1} to add to sheet "${sheet}" gives one column a value twice: "${twice}" and "${name}"`
        );
      }
      named.set(col, name);
      out[col - first] = value;
    }
    if (out.every((value) => value === null)) {
      throw new WorkbookError("shape", `row ${r + 1} to add to sheet "${sheet}" has no values`);
    }
    return out;
  });

  // Rows were checked against row 1, so row 1 has a header and usedRows is at least 1.
  const at: RangePosition = {
    start: { row: source.usedRows, col: first },
    rows: rows.length,
    cols: last - first + 1,
  };
  const block: Block = { at: formatA1(at.start), values };
  if (source.usedRows >= 2) {
    const formats = values[0].map((_, c) => source.formatsAbove[first + c] ?? null);
    if (formats.some((format) => format !== null)) block.numberFormats = formats;
  }
  checkSpec({ name: sheet, blocks: [block] });

  const lastUsed = source.usedRows - 1;
  const grow: TableGrowth[] = [];
  for (const table of source.tables) {
    const from = parseRange(table.range.replace(/\$/g, ""));
    if (!from || from.start.row + from.rows - 1 !== lastUsed) continue;
    const overlaps = from.start.col <= last && first < from.start.col + from.cols;
    if (!overlaps) continue;
    grow.push({ name: table.name, from, to: { ...from, rows: from.rows + rows.length } });
  }
  return { block, at, range: formatRange(at), grow };
}
