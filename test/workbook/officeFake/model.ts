/**
 * The workbook behind the fake Excel: what a real workbook would hold after the commands ran.
 * Tests set it up directly (the user's sheets, a previous run's owned sheet) and inspect it after
 * the adapter ran. Cells follow Excel's typing rules (see `typeIn`), so writing "=SUM(A1)" as a
 * value really makes a formula here, as it would in Excel.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  columnIndex,
  formatRange,
  parseA1,
  type RangePosition,
} from "../../../src/workbook/a1";
import { quoteSheetName } from "../../../src/workbook/sheetRef";
import type { SheetValue } from "../../../src/workbook/port";

export interface FakeCell {
  /** What Excel would show as the value (a formula's result is not computed: 0). */
  value: string | number | boolean | null;
  formula: string | null;
  /** The cell was typed with a leading apostrophe: text, whatever it looks like. */
  quotePrefix: boolean;
  numberFormat: string | null;
}

export interface FakeTable {
  id: string;
  name: string;
  sheet: FakeSheet;
  range: RangePosition;
  style: string;
  /** The table ends with a totals row (only set by tests; tables.add makes none). */
  showTotals?: boolean;
  handlers: Set<(args: unknown) => unknown>;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end?: string } | null;
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
}

export interface FakeConditionalFormat {
  type: string;
  range: RangePosition;
  criteria: unknown;
}

export interface FakeValidation {
  range: RangePosition;
  rule: unknown;
  errorAlert: unknown;
}

export interface FakeFormat {
  range: RangePosition;
  key: string;
  value: unknown;
}

export interface FakeName {
  name: string;
  /** null once the sheet it referred to was deleted (#REF!). */
  sheet: FakeSheet | null;
  ref: string;
  visible: boolean;
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { errorLocation: string; message: string };
  constructor(
    readonly code: string,
    message: string,
    location: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { errorLocation: location, message };
  }
}

const WHOLE: Omit<RangePosition, "start"> = { rows: MAX_ROWS, cols: MAX_COLS };
let nextId = 1;

/** "A1", "$B$2:C9", "B:D" (whole columns) or undefined (the whole sheet) → a rectangle. */
export function parseAddress(address?: string): RangePosition | undefined {
  if (address === undefined) return { start: { row: 0, col: 0 }, ...WHOLE };
  const text = address.replace(/\$/g, "").trim();
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) {
    const a = columnIndex(columns[1]);
    const b = columnIndex(columns[2]);
    return { start: { row: 0, col: Math.min(a, b) }, rows: MAX_ROWS, cols: Math.abs(a - b) + 1 };
  }
  const [first, second = first] = text.split(":");
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return undefined;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    rows: Math.abs(a.row - b.row) + 1,
    cols: Math.abs(a.col - b.col) + 1,
  };
}

export const overlaps = (a: RangePosition, b: RangePosition) =>
  a.start.row < b.start.row + b.rows &&
  b.start.row < a.start.row + a.rows &&
  a.start.col < b.start.col + b.cols &&
  b.start.col < a.start.col + a.cols;

const key = (row: number, col: number) => `${row},${col}`;
const NUMBER = /^\s*[-+]?(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?\s*%?\s*$/;

export class FakeSheet {
  readonly id = `sheet-${nextId++}`;
  cells = new Map<string, FakeCell>();
  formats: FakeFormat[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: FakeValidation[] = [];
  freeze: { rows: number; columns: number } | null = null;
  tabColor = "";
  /** Excel.SheetVisibility: "Visible", "Hidden" or "VeryHidden". */
  visibility = "Visible";
  columnWidths = new Map<number, number>();

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    let cell = this.cells.get(key(row, col));
    if (!cell) {
      cell = { value: null, formula: null, quotePrefix: false, numberFormat: null };
      this.cells.set(key(row, col), cell);
    }
    return cell;
  }

  peek(address: string): FakeCell | undefined {
    const at = parseA1(address);
    return at ? this.cells.get(key(at.row, at.col)) : undefined;
  }

  /**
   * What Excel does with a value typed (or assigned to Range.values) into a cell: a leading
   * apostrophe makes text and is not kept; "=…" and text starting with + - @ that is not a
   * number become formulas; numbers, percentages and TRUE/FALSE in text become those values;
   * a cell formatted as Text ("@") keeps text as it is. null leaves the cell, "" clears it.
   */
  typeIn(row: number, col: number, input: unknown): void {
    if (input === null) return;
    const cell = this.cell(row, col);
    cell.quotePrefix = false;
    cell.formula = null;
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
    } else if (typeof input !== "string") {
      throw new FakeOfficeError(
        "InvalidArgument",
        `cannot put ${JSON.stringify(input)} in a cell`,
        "Range.values"
      );
    } else if (input === "") {
      cell.value = null;
    } else if (cell.numberFormat === "@") {
      cell.value = input;
    } else if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.quotePrefix = true;
    } else if (input.startsWith("=") && input.length > 1) {
      // Not calculated here: the cell keeps the value it had (the block's value under a formula).
      cell.formula = input;
    } else if (NUMBER.test(input)) {
      const percent = input.trim().endsWith("%");
      const n = Number(input.replace(/[,%\s]/g, ""));
      cell.value = percent ? n / 100 : n;
    } else if (/^[+\-@]/.test(input)) {
      cell.formula = `=${input}`;
    } else if (/^(true|false)$/i.test(input.trim())) {
      cell.value = input.trim().toLowerCase() === "true";
    } else {
      cell.value = input;
    }
  }

  clear(range: RangePosition): void {
    for (const [k] of this.cells) {
      const [row, col] = k.split(",").map(Number);
      if (overlaps(range, { start: { row, col }, rows: 1, cols: 1 })) this.cells.delete(k);
    }
    this.formats = this.formats.filter((f) => !overlaps(f.range, range));
  }

  /** The smallest rectangle holding every cell with a value or formula; undefined when none. */
  usedRange(valuesOnly: boolean): RangePosition | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      const used =
        cell.value !== null || cell.formula !== null || (!valuesOnly && cell.numberFormat !== null);
      if (!used) continue;
      const [row, col] = k.split(",").map(Number);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom < 0) return undefined;
    return { start: { row: top, col: left }, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Values of a rectangle as Office.js returns them: "" for blank. */
  valuesOf(range: RangePosition): (string | number | boolean)[][] {
    return Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.cols }, (_, c) => {
        const cell = this.cells.get(key(range.start.row + r, range.start.col + c));
        return cell?.value ?? "";
      })
    );
  }

  address(range: RangePosition): string {
    return `${quoteSheetName(this.name)}!${formatRange(range)}`;
  }

  /** Every format ever applied to a range overlapping `address`, e.g. formatsAt("A1")["font.bold"]. */
  formatsAt(address: string): Record<string, unknown> {
    const at = parseAddress(address)!;
    const out: Record<string, unknown> = {};
    for (const f of this.formats) if (overlaps(f.range, at)) out[f.key] = f.value;
    return out;
  }
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;

  /**
   * A workbook with these sheets (the user's), each a grid of values from `at` (default A1),
   * stored as they are (text stays text: the user's data, however it was entered).
   */
  static with(
    sheets: Record<string, SheetValue[][] | { at: string; values: SheetValue[][] }>
  ): FakeBook {
    const book = new FakeBook();
    for (const [name, content] of Object.entries(sheets)) {
      const sheet = book.addSheet(name);
      const { at, values } = Array.isArray(content) ? { at: "A1", values: content } : content;
      const anchor = parseA1(at)!;
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== "") sheet.cell(anchor.row + r, anchor.col + c).value = v;
        })
      );
    }
    return book;
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`the fake workbook has no sheet "${name}"`);
    return sheet;
  }

  get tables(): FakeTable[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  /** Adds a CompAlign ownership mark for a sheet, as an earlier run would have. */
  markOwned(sheetName: string, n: number): void {
    this.names.push({
      name: `CompAlign_Owned_${n}`,
      sheet: this.sheet(sheetName),
      ref: "$A$1",
      visible: false,
    });
  }

  /** Simulates the user deleting a sheet outside CompAlign (names turn to #REF!). */
  removeSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const n of this.names) if (n.sheet === sheet) n.sheet = null;
    if (this.active === sheet) this.active = this.sheets[0] ?? null;
  }

  /** Simulates an edit in a table: calls the handlers registered with table.onChanged. */
  async fireTableChanged(tableName: string, address = "A2"): Promise<void> {
    const table = this.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (!table) throw new Error(`no table "${tableName}"`);
    for (const handler of [...table.handlers]) {
      await handler({
        tableId: table.id,
        worksheetId: table.sheet.id,
        address,
        changeType: "RangeEdited",
        source: "Local",
        type: "TableChanged",
      });
    }
  }
}
