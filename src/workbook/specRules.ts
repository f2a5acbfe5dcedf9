/**
 * Excel's rules for what a sheet spec may contain, checked before anything is written so a bad
 * spec leaves the workbook as it was. Each failure is a WorkbookError naming the sheet and the
 * block, table or range at fault:
 * - "invalid-name": sheet names (port.ts's sheetNameProblem), table names, table header cells;
 * - "exists": a table name already used in the workbook (tables and defined names share one
 *   namespace), as port.ts's TableNameTakenError so callers can retry with another name;
 * - "shape": blocks that are not rectangles or do not match their formulas / number formats,
 *   ranges that are not A1 ranges or leave the sheet, overlapping tables, bad colours;
 * - "too-large": text longer than a cell holds, a fixed list longer than Excel accepts.
 */
import { MAX_COLS, MAX_ROWS, parseA1, parseRange, type RangePosition } from "./a1";
import {
  sheetNameProblem,
  TableNameTakenError,
  WorkbookError,
  type Block,
  type PrintSpec,
  type SheetSpec,
  type TableSpec,
} from "./port";
import type { SheetModel } from "./sheetModel";
import { parseQualifiedRange } from "./sheetRef";

/** Characters a cell holds. */
const MAX_TEXT_LENGTH = 32_767;
/** Characters in a fixed list's formula ("A,B,C" with its quotes). */
const MAX_LIST_LENGTH = 255;
const MAX_TABLE_NAME_LENGTH = 255;
const MAX_COLUMN_WIDTH = 255;

export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new WorkbookError("invalid-name", problem);
}

/** Why a table name is not a valid Excel table name, or null. */
export function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return `table name "${name}" must start with a letter or underscore and hold only letters, digits and underscores`;
  }
  if (name.length > MAX_TABLE_NAME_LENGTH)
    return `table name "${name}" is longer than 255 characters`;
  if (
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) ||
    /^[Cc][0-9]*$/.test(name)
  ) {
    return `table name "${name}" reads as a cell reference`;
  }
  return null;
}

function range(sheet: string, what: string, text: string): RangePosition {
  const parsed = parseRange(text);
  if (!parsed)
    throw new WorkbookError(
      "shape",
      `sheet "${sheet}": ${what} range "${text}" is not an A1 range`
    );
  return parsed;
}

function checkColor(sheet: string, what: string, color: string): void {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw new WorkbookError(
      "shape",
      `sheet "${sheet}": ${what} "${color}" is not a #RRGGBB colour`
    );
  }
}

function checkBlock(sheet: string, block: Block): void {
  const where = `sheet "${sheet}", block at ${block.at}`;
  const anchor = parseA1(block.at);
  if (!anchor) throw new WorkbookError("shape", `${where}: "${block.at}" is not a cell address`);
  const rows = block.values.length;
  const cols = rows > 0 ? block.values[0].length : 0;
  block.values.forEach((row, r) => {
    if (row.length !== cols) {
      throw new WorkbookError(
        "shape",
        `${where}: row ${r + 1} has ${row.length} values, row 1 has ${cols}`
      );
    }
    row.forEach((value, c) => {
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw new WorkbookError(
          "shape",
          `${where}: value at row ${r + 1}, column ${c + 1} is ${value}, which Excel cannot hold`
        );
      }
      if (typeof value === "string" && value.length > MAX_TEXT_LENGTH) {
        throw new WorkbookError(
          "too-large",
          `${where}: text at row ${r + 1}, column ${c + 1} is longer than 32,767 characters`
        );
      }
    });
  });
  if (anchor.row + rows > MAX_ROWS || anchor.col + cols > MAX_COLS) {
    throw new WorkbookError(
      "shape",
      `${where}: ${rows} × ${cols} values run past the sheet's last row or column`
    );
  }
  if (block.formulas) {
    if (block.formulas.length !== rows || block.formulas.some((row) => row.length !== cols)) {
      throw new WorkbookError(
        "shape",
        `${where}: formulas must be ${rows} × ${cols} like the values`
      );
    }
    block.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula !== null && !formula.startsWith("=")) {
          throw new WorkbookError(
            "shape",
            `${where}: formula at row ${r + 1}, column ${c + 1} does not start with "="`
          );
        }
      })
    );
  }
  if (block.numberFormats && block.numberFormats.length !== cols) {
    throw new WorkbookError(
      "shape",
      `${where}: ${block.numberFormats.length} number formats for ${cols} columns`
    );
  }
}

const overlaps = (a: RangePosition, b: RangePosition) =>
  a.start.row < b.start.row + b.rows &&
  b.start.row < a.start.row + a.rows &&
  a.start.col < b.start.col + b.cols &&
  b.start.col < a.start.col + a.cols;

function checkTables(sheet: string, tables: readonly TableSpec[]): void {
  const placed: { name: string; at: RangePosition }[] = [];
  for (const table of tables) {
    const problem = tableNameProblem(table.name);
    if (problem) throw new WorkbookError("invalid-name", `sheet "${sheet}": ${problem}`);
    const at = range(sheet, `table ${table.name}`, table.range);
    if (at.rows < 2) {
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": table ${table.name} (${table.range}) needs a header row and at least one data row`
      );
    }
    for (const other of placed) {
      if (other.name.toLowerCase() === table.name.toLowerCase()) {
        throw new TableNameTakenError(
          table.name,
          `sheet "${sheet}": two tables are named ${table.name}`
        );
      }
      if (overlaps(other.at, at)) {
        throw new WorkbookError(
          "shape",
          `sheet "${sheet}": table ${table.name} (${table.range}) overlaps table ${other.name}`
        );
      }
    }
    placed.push({ name: table.name, at });
  }
}

function checkValidations(sheet: string, spec: SheetSpec): void {
  for (const validation of spec.validations ?? []) {
    range(sheet, "validation", validation.range);
    const { list } = validation;
    if (Array.isArray(list)) {
      if (list.length === 0)
        throw new WorkbookError(
          "shape",
          `sheet "${sheet}": validation on ${validation.range} has an empty list`
        );
      const bad = list.find((item) => /[,"]/.test(item));
      if (bad !== undefined) {
        throw new WorkbookError(
          "shape",
          `sheet "${sheet}": validation on ${validation.range}: choice "${bad}" contains a comma or a quote`
        );
      }
      if (list.join(",").length + 2 > MAX_LIST_LENGTH) {
        throw new WorkbookError(
          "too-large",
          `sheet "${sheet}": validation on ${validation.range}: a fixed list is limited to 255 characters; use a source range`
        );
      }
    } else if (!parseQualifiedRange(list.source)) {
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": validation source "${list.source}" is not a range with its sheet, like Objectives!$A$2:$A$200`
      );
    }
  }
}

/** Every rule that concerns one spec on its own (workbook-wide names are checked by checkTableNamesFree). */
export function checkSpec(spec: SheetSpec): void {
  checkSheetName(spec.name);
  const sheet = spec.name;
  spec.blocks.forEach((block) => checkBlock(sheet, block));
  checkTables(sheet, spec.tables ?? []);
  checkValidations(sheet, spec);
  for (const scale of spec.colorScales ?? []) {
    range(sheet, "colour scale", scale.range);
    checkColor(sheet, "colour scale colour", scale.minColor);
    if (scale.midColor !== undefined) checkColor(sheet, "colour scale colour", scale.midColor);
    checkColor(sheet, "colour scale colour", scale.maxColor);
  }
  for (const chart of spec.charts ?? []) {
    if (!parseRange(chart.dataRange) && !parseQualifiedRange(chart.dataRange)) {
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": chart "${chart.title}" data range "${chart.dataRange}" is not a range`
      );
    }
    if (!parseA1(chart.at))
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": chart "${chart.title}" anchor "${chart.at}" is not a cell`
      );
  }
  (spec.columnWidths ?? []).forEach((width, i) => {
    if (!(width >= 0 && width <= MAX_COLUMN_WIDTH)) {
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": column width ${width} (column ${i + 1}) is outside 0–255`
      );
    }
  });
  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (
      !Number.isInteger(rows) ||
      !Number.isInteger(columns) ||
      rows < 0 ||
      columns < 0 ||
      rows >= MAX_ROWS ||
      columns >= MAX_COLS
    ) {
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": cannot freeze ${rows} rows and ${columns} columns`
      );
    }
  }
  if (spec.tabColor !== undefined) checkColor(sheet, "tab colour", spec.tabColor);
  for (const wrap of spec.wrap ?? []) range(sheet, "wrap", wrap);
  for (const { row, points } of spec.rowHeights ?? []) {
    if (!(Number.isInteger(row) && row >= 1 && row <= MAX_ROWS && points >= 0 && points <= 409))
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": row height ${points} for row ${row} is outside 0–409 points`
      );
  }
  for (const rule of spec.valueColors ?? []) {
    range(sheet, "value colour", rule.range);
    if (!Number.isFinite(rule.value))
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": value colour on ${rule.range} compares to ${rule.value}`
      );
    checkColor(sheet, "value colour font colour", rule.fontColor);
    if (rule.fillColor !== undefined) checkColor(sheet, "value colour fill colour", rule.fillColor);
  }
  if (spec.print) checkPrint(sheet, spec.print);
}

/** Excel's limit on one header or footer section's text. */
const MAX_HEADER_LENGTH = 255;

function checkPrint(sheet: string, print: PrintSpec): void {
  range(sheet, "print area", print.area);
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= 32_767;
  if (!whole(print.fitToWidth) || !whole(print.fitToHeight))
    throw new WorkbookError(
      "shape",
      `sheet "${sheet}": fit to ${print.fitToWidth} × ${print.fitToHeight} pages is not a page count`
    );
  const { repeatRows } = print;
  if (
    repeatRows &&
    !(
      Number.isInteger(repeatRows.first) &&
      Number.isInteger(repeatRows.last) &&
      repeatRows.first >= 1 &&
      repeatRows.last >= repeatRows.first &&
      repeatRows.last <= MAX_ROWS
    )
  )
    throw new WorkbookError(
      "shape",
      `sheet "${sheet}": repeated rows ${repeatRows.first}–${repeatRows.last} are not rows`
    );
  for (const [what, text] of [
    ["header", print.header],
    ["footer", print.footer],
  ] as const) {
    if (text.length > MAX_HEADER_LENGTH)
      throw new WorkbookError(
        "too-large",
        `sheet "${sheet}": the page ${what} is longer than 255 characters`
      );
  }
  print.rowBreaks.forEach((row, i) => {
    if (
      !Number.isInteger(row) ||
      row < 1 ||
      row >= MAX_ROWS ||
      (i > 0 && row <= print.rowBreaks[i - 1])
    )
      throw new WorkbookError(
        "shape",
        `sheet "${sheet}": page breaks must be ascending row numbers (${print.rowBreaks.join(", ")})`
      );
  });
}

/**
 * Table header cells, once the blocks are laid out: Excel keeps a table's column names as text,
 * non-blank and unique (it would rename blanks and duplicates, silently changing the header).
 */
export function checkTableHeaders(sheet: SheetModel): void {
  for (const table of sheet.tables) {
    const at = parseRange(table.range)!;
    const seen = new Set<string>();
    for (let c = 0; c < at.cols; c++) {
      const cell = sheet.cells.get(at.start.row, at.start.col + c);
      const where = `sheet "${sheet.name}": table ${table.name} header cell ${c + 1}`;
      if (cell.formula !== null)
        throw new WorkbookError("invalid-name", `${where} is a formula; headers are text`);
      if (typeof cell.value !== "string" || cell.value.trim() === "") {
        throw new WorkbookError(
          "invalid-name",
          `${where} must be non-blank text, not ${JSON.stringify(cell.value)}`
        );
      }
      const key = cell.value.toLowerCase();
      if (seen.has(key))
        throw new WorkbookError("invalid-name", `${where} repeats the column name "${cell.value}"`);
      seen.add(key);
    }
  }
}

/**
 * New tables' names against the names already in the workbook (other sheets' tables and
 * workbook-level defined names share one namespace in Excel) and against each other.
 */
export function checkTableNamesFree(
  newTables: readonly { sheet: string; name: string }[],
  taken: readonly { name: string; where: string }[]
): void {
  const used = new Map(taken.map((t) => [t.name.toLowerCase(), t.where]));
  for (const table of newTables) {
    const where = used.get(table.name.toLowerCase());
    if (where !== undefined) {
      throw new TableNameTakenError(
        table.name,
        `sheet "${table.sheet}": table name ${table.name} is already used by ${where}`
      );
    }
    used.set(table.name.toLowerCase(), `a table on sheet "${table.sheet}"`);
  }
}

/**
 * The sheets a delete request may remove, each once, in the workbook's spelling: missing names
 * are skipped (already gone); a sheet CompAlign does not own, or a delete that would leave no
 * visible sheet (Excel keeps at least one; hidden sheets do not count), is a WorkbookError
 * before anything is deleted.
 */
export function deletableSheets<S extends { name: string }>(
  requested: readonly string[],
  find: (name: string) => S | undefined,
  isOwned: (sheet: S) => boolean,
  sheets: readonly S[],
  isVisible: (sheet: S) => boolean
): S[] {
  const doomed: S[] = [];
  for (const name of requested) {
    const sheet = find(name);
    if (!sheet) continue;
    if (!isOwned(sheet)) {
      throw new WorkbookError(
        "not-owned",
        `CompAlign does not own sheet "${sheet.name}" and will not delete it`
      );
    }
    if (!doomed.includes(sheet)) doomed.push(sheet);
  }
  if (doomed.length > 0 && doomed.length === sheets.length) {
    throw new WorkbookError(
      "not-owned",
      "cannot delete every sheet: an Excel workbook keeps at least one"
    );
  }
  if (doomed.length > 0 && !sheets.some((s) => !doomed.includes(s) && isVisible(s))) {
    throw new WorkbookError(
      "not-owned",
      `cannot delete ${doomed.map((s) => `"${s.name}"`).join(", ")}: every other sheet is hidden, and an Excel workbook keeps at least one visible sheet`
    );
  }
  return doomed;
}
