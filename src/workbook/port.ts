/**
 * The port between CompAlign and a workbook. Actions (src/actions) read sheets and write
 * sheets only through this interface; three adapters implement it:
 * - `office/` (Office.js, inside Excel: one Excel.run per action, one context.sync per sheet
 *   written, 2-D block writes, calculation suspended during writes, chunked under Excel's
 *   request size limit),
 * - `xlsx/` (exceljs, for the CLI and downloads),
 * - `memory/` (the in-memory workbook the tests and the browser playground use; it enforces
 *   Excel's rules and counts the syncs the Office adapter would make).
 *
 * Ownership: CompAlign owns the sheets it writes as reports (Alignment View, scenario tabs, …)
 * and remembers them in the workbook itself, as hidden workbook-level defined names
 * `CompAlign_Owned_<n>` whose reference is the owned sheet's `$A$1` (Excel keeps such a
 * reference pointing at the sheet through renames; a deleted sheet's name turns to #REF! and
 * is ignored). Every adapter reads and writes the same marks, so a file written by the CLI and
 * opened in Excel agrees on what CompAlign owns. CompAlign never clears, renames or deletes a
 * sheet it does not own, and edits one in a single way: `appendRows`, only when the user asked
 * for it (the pane's "add a scenario change" form).
 */

/** One cell's value as read or written: dates are Excel serial numbers, blank is null. */
export type SheetValue = number | string | boolean | null;

export interface SheetData {
  /** The sheet's name as it is in the workbook. */
  name: string;
  /** The used range starting at A1 (row 0 is the header row), padded to a rectangle. */
  values: SheetValue[][];
  /**
   * What `values` cannot say about some cells, by `"row,col"` (0-based), where the adapter
   * knows it: a formula the file saved without a result (its value reads as null), a date (its
   * value reads as the Excel serial). Absent where the adapter cannot tell.
   */
  notes?: Record<string, CellNote>;
}

/** See SheetData.notes. */
export type CellNote = "uncached-formula" | "date";

/** A rectangle of values written at one anchor in one call. */
export interface Block {
  /** Top-left cell, e.g. "A1". */
  at: string;
  /**
   * Literal values. Text is always written as text, never as a formula, even when it starts
   * with = + - or @ (user text from a sheet is data, not code).
   */
  values: SheetValue[][];
  /** Formulas (starting with "=") for some cells, same shape as `values`; null keeps the value. */
  formulas?: (string | null)[][];
  /** Excel number format per column of the block ("0%", "$#,##0", "0.00"); null leaves General. */
  numberFormats?: (string | null)[];
  /** How the block looks: a sheet title, a header row (bold), a note (italic, muted) or plain. */
  style?: "title" | "header" | "note" | "plain";
}

/** A named Excel table over a range whose first row is the header. */
export interface TableSpec {
  /** Table name, unique in the workbook (letters, digits, underscores; no spaces). */
  name: string;
  /** e.g. "A1:H9", header row included. */
  range: string;
  /** Excel table style, e.g. "TableStyleMedium2". */
  style?: string;
}

/** An in-cell drop-down list. */
export interface ValidationSpec {
  /** Cells the rule applies to, e.g. "C2:C200". */
  range: string;
  /** Fixed choices, or a source range such as "Objectives!$A$2:$A$200" (absolute, with sheet). */
  list: string[] | { source: string };
  /** Shown when a typed value is not in the list. */
  errorMessage?: string;
}

/** A 2- or 3-colour scale conditional format. */
export interface ColorScaleSpec {
  range: string;
  /** Hex colours, e.g. "#F8696B". */
  minColor: string;
  midColor?: string;
  maxColor: string;
}

export interface ChartSpec {
  type: "column" | "bar" | "line" | "scatter" | "pie";
  title: string;
  /** Source range with series names in the first row and categories in the first column. */
  dataRange: string;
  /** Top-left cell of the chart. */
  at: string;
  /** Size in cells (columns × rows) it covers; defaults 8 × 15. */
  widthCells?: number;
  heightCells?: number;
  xAxisTitle?: string;
  yAxisTitle?: string;
}

/**
 * A conditional font (and optional fill) colour for the cells of `range` whose value compares to
 * a number, e.g. a Δ below 0 in green. OOXML: a `<conditionalFormatting>` with one
 * `cfRule type="cellIs"` and a `<dxf>` holding the font/fill.
 */
export interface ValueColorSpec {
  range: string;
  operator: "lessThan" | "greaterThan";
  value: number;
  /** Font colour, "#RRGGBB". */
  fontColor: string;
  /** Fill colour, "#RRGGBB" (none when absent). */
  fillColor?: string;
}

/**
 * How a tab prints. Every field maps to one OOXML element or defined name of the worksheet:
 * `area` → the `_xlnm.Print_Area` defined name (local to the sheet); `orientation`, `fitToWidth`,
 * `fitToHeight` → `<pageSetup orientation fitToWidth fitToHeight>` with
 * `<sheetPr><pageSetUpPr fitToPage="1"/>`; `repeatRows` → the `_xlnm.Print_Titles` defined name
 * (`'Sheet'!$1:$1`); `header` / `footer` → `<headerFooter><oddHeader>` / `<oddFooter>` (Excel's
 * codes: &L &C &R sections, &A tab name, &F workbook name, &P page, &N pages, && a literal &);
 * `rowBreaks` → `<rowBreaks><brk id="n" max="16383" man="1"/>` (a new page starts after row n).
 */
export interface PrintSpec {
  /** The range printed, e.g. "A1:K40". */
  area: string;
  orientation: "portrait" | "landscape";
  /** Pages wide the area is shrunk to fit (1). */
  fitToWidth: number;
  /** Pages tall it is shrunk to fit; 0 = as many as it needs. */
  fitToHeight: number;
  /** Rows (1-based, inclusive) repeated at the top of every printed page. */
  repeatRows?: { first: number; last: number };
  /** Page header and footer in Excel's header/footer codes. */
  header: string;
  footer: string;
  /** Manual page breaks: a new page starts after each of these rows (1-based, ascending). */
  rowBreaks: number[];
}

export interface SheetSpec {
  name: string;
  blocks: Block[];
  tables?: TableSpec[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  freeze?: { rows: number; columns: number };
  validations?: ValidationSpec[];
  colorScales?: ColorScaleSpec[];
  charts?: ChartSpec[];
  tabColor?: string;
  /** Ranges whose cells wrap their text (OOXML: `<alignment wrapText="1" vertical="top"/>`). */
  wrap?: string[];
  /**
   * Row heights in points where a row needs more than the default (wrapped text), 1-based rows
   * (OOXML: `<row r="n" ht="30" customHeight="1">`).
   */
  rowHeights?: { row: number; points: number }[];
  /** Conditional font colours by value (Δ columns: cheaper green, dearer red). */
  valueColors?: ValueColorSpec[];
  /**
   * Print setup. Owned report tabs get it from the layout pass (reportLayout.ts) when they do
   * not set it themselves; a spec that sets it is printed exactly as it says.
   */
  print?: PrintSpec;
}

/** One row to append, by column header (matched as the readers match them); blank is null. */
export type AppendRow = Readonly<Record<string, SheetValue>>;

/** Where `appendRows` put the rows. */
export interface AppendResult {
  /** The sheet's name as it is in the workbook. */
  sheet: string;
  /** The rows written, from the first to the last header column, e.g. "A8:G9" (no "$"). */
  range: string;
}

export interface WriteResult {
  /** The name the sheet got: the spec's name, or with a suffix (" (2)") when a sheet the user owns had it. */
  name: string;
  /** "created", or "replaced" when CompAlign's own sheet of that name was rewritten in place. */
  action: "created" | "replaced";
}

export interface WorkbookPort {
  /**
   * The date report tabs print in their page header (arrangeReport's runDate; null or absent:
   * Excel's print date &D). Read by whoever lays a tab out before handing it to the adapter.
   */
  readonly runDate?: string | null;
  /** Every sheet's name, in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * Reads sheets by name (case-insensitive), all in one round trip; null for a missing sheet.
   */
  readSheets(names: string[]): Promise<(SheetData | null)[]>;
  /** Names of the sheets CompAlign owns. */
  ownedSheets(): Promise<string[]>;
  /**
   * Adds a sheet that will belong to the user (the input sheets "Set up workbook" creates).
   * Rejects with WorkbookError("exists") when a sheet of that name (any case) exists: a user
   * sheet is never overwritten.
   */
  createSheet(spec: SheetSpec): Promise<WriteResult>;
  /**
   * Writes CompAlign-owned report sheets: each replaces CompAlign's own sheet of that name in
   * place (cleared and rewritten, same position), or is added (marked owned), with a suffix
   * when the user owns a sheet of that name. In Excel: one context.sync per sheet written.
   */
  writeOwnedSheets(specs: SheetSpec[]): Promise<WriteResult[]>;
  /** Deletes sheets CompAlign owns; rejects with WorkbookError("not-owned") for any other sheet. */
  deleteOwnedSheets(names: string[]): Promise<void>;
  /**
   * The one way CompAlign edits a sheet it does not own, and only when the user asked for it
   * (the pane's "add a scenario change" form): appends `rows` below the sheet's last used row
   * (the last row with a value or a formula). Each row's values are placed by header, row 1
   * matched as the readers match it (case and extra spaces ignored, any order; the first of two
   * equal headers wins); columns a row does not name stay blank, and no existing cell changes.
   * Text is written as text, never as a formula, like a block's values. An Excel table whose
   * range ends at the last used row, over the columns written, grows to include the new rows;
   * the new cells keep the number formats of the row above (unless that is the header row).
   *
   * Rejects, writing nothing, with WorkbookError("invalid-name") when there is no such sheet
   * (by name, ignoring case), and "shape" when a row gives a value for a column that is not in
   * row 1 (the message names it and lists the sheet's headers; a blank for such a column is
   * fine, there is nothing to place), gives two values for one column, has no value at all, or
   * when no rows are given; values are checked as a block's are ("shape", "too-large").
   * In Excel: one context.sync to read the sheet's header, last row and tables, one to write
   * (more only past the request size limit), plus the book-state load when the action has not
   * read anything yet, as for the other writes.
   *
   * Every adapter (memory, xlsx, office) has it. It is optional here only so that stand-ins
   * written before it existed still type-check; callers check for it (`appendScenarioRow`).
   */
  appendRows(sheet: string, rows: readonly AppendRow[]): Promise<AppendResult>;
  /** Selects a cell such as "Matrix!C4" and shows its sheet (a no-op where nothing is shown). */
  select(address: string): Promise<void>;
}

export type WorkbookErrorKind =
  "exists" | "not-owned" | "invalid-name" | "shape" | "unreadable" | "too-large";

export class WorkbookError extends Error {
  constructor(
    readonly kind: WorkbookErrorKind,
    message: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/**
 * A table name that is taken: by another table or a workbook-level defined name (they share one
 * namespace in Excel), or twice in one write. Its kind stays "exists"; callers that choose table
 * names themselves (the pulse and scenario tabs) retry with the next name on this error, never by
 * reading the message. `tableName` is the name asked for, or null when Excel refused without
 * saying which.
 */
export class TableNameTakenError extends WorkbookError {
  constructor(
    readonly tableName: string | null,
    message: string
  ) {
    // Named "WorkbookError" still: it crosses the worker boundary as one (kind "exists").
    super("exists", message);
  }
}

/** Excel's sheet-name rules: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return `sheet name "${name}" is longer than 31 characters`;
  if (/[\\/?*[\]:]/.test(name)) return `sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return 'Excel reserves the sheet name "History"';
  return null;
}

/** The first of name, "name (2)", "name (3)", … not taken (case-insensitive), within 31 characters. */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Text that Excel would take as a formula if written as a plain value. */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@]/.test(text);

/** Prefix of the defined names that mark sheets CompAlign owns. */
export const OWNED_NAME_PREFIX = "CompAlign_Owned_";

/** The selected cell of the open workbook, as the host reaches it ("Insert in selected cell"). */
export interface SelectedCell {
  /** Writes `formula` (invariant form) into the selected cell; resolves with its address. */
  writeFormula(formula: string): Promise<string>;
}
