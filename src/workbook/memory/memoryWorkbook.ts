/**
 * The in-memory workbook: an implementation of the workbook port that holds sheets in tab order
 * (each a SheetModel: cells, tables, validations, colour scales, charts, freeze panes, widths,
 * tab colour) and workbook-level defined names, enforces Excel's rules (specRules.ts), and
 * counts the context.sync calls the Office adapter would make for the same calls:
 * - a read (`sheetNames`, `ownedSheets`): 1; `readSheets`: 1, plus 1 per request of row chunks
 *   when a sheet is too big for the first request (`readSyncCount` in ../readChunks.ts, shared
 *   with the Office adapter);
 * - `createSheet`: 1, and `writeOwnedSheets`: 1 per sheet, plus 1 per extra request when a
 *   sheet's blocks are over the request limit (`packRequests` in ../chunking.ts, shared with the
 *   Office adapter);
 * - `deleteOwnedSheets` and `select`: 1;
 * - `appendRows`: 1 to read the sheet, and 1 to write (more only past the request limit).
 * A call rejected by a rule writes nothing and counts nothing. Tests and the browser playground
 * inspect it (`snapshot`, `cell`, `sheet`), simulate the user (`setCell`, `renameSheet`,
 * `removeSheet`) and follow it (`onChange`).
 */
import { formatRange, parseA1, parseRange } from "../a1";
import { noSuchSheet, planAppend } from "../appendRows";
import { packRequests } from "../chunking";
import { readSyncCount, type UsedRange } from "../readChunks";
import {
  WorkbookError,
  type AppendResult,
  type AppendRow,
  type SheetData,
  type SheetSpec,
  type SheetValue,
  type WorkbookPort,
  type WriteResult,
} from "../port";
import type { CellState, CellStyle } from "../cellStore";
import {
  markRef,
  marksOf,
  nextMarkName,
  ownedSheetNames,
  type DefinedName,
} from "../ownershipMarks";
import { layoutSheet, writeBlocks, type SheetModel } from "../sheetModel";
import { newSheet, planOwnedSheets, takenTableNames } from "../writePlan";
import { parseSheetRef, sheetRef } from "../sheetRef";
import { checkSheetName, checkSpec, deletableSheets } from "../specRules";

/** What changed, delivered to `onChange` listeners after the change is made. */
export interface WorkbookChange {
  kind: "create" | "write" | "delete" | "edit" | "rename" | "remove";
  /** The sheets concerned, by their names after the change (a rename gives old and new). */
  sheets: string[];
}

export type ChangeListener = (change: WorkbookChange) => void;

/**
 * A copy of one sheet for tests: the sheet model's fields (print setup: owned report tabs get it
 * from the layout pass), with the cells as rectangles over what was written.
 */
export interface SheetSnapshot extends Omit<SheetModel, "cells"> {
  owned: boolean;
  /** From A1 to the last written cell (values, formulas, formats or styles), padded. */
  values: SheetValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  styles: (CellStyle | null)[][];
}

/** The cell or range last passed to `select`. */
export interface Selection {
  sheet: string;
  range: string;
}

const lower = (s: string) => s.toLowerCase();

export class MemoryWorkbook implements WorkbookPort {
  private sheets: SheetModel[] = [];
  /** Sheets the user hid (`hideSheet`). */
  private readonly hidden = new Set<SheetModel>();
  private names: DefinedName[] = [];
  private syncs = 0;
  private selected: Selection | null = null;
  private readonly listeners = new Set<ChangeListener>();
  /**
   * The date owned report tabs print in their page header (reportLayout.ts), set by whoever
   * runs the action; null prints Excel's print date.
   */
  runDate: string | null = null;

  /** A workbook holding these sheets, in this order, all belonging to the user. */
  static fromSheets(sheets: readonly { name: string; values: SheetValue[][] }[]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    for (const { name, values } of sheets) {
      const spec: SheetSpec = { name, blocks: [{ at: "A1", values }] };
      checkSpec(spec);
      if (workbook.find(name))
        throw new WorkbookError("exists", `a sheet named "${name}" is listed twice`);
      workbook.sheets.push(layoutSheet(spec));
    }
    return workbook;
  }

  /** context.sync calls the Office adapter would have made so far. */
  get syncCount(): number {
    return this.syncs;
  }

  /** What `select` last selected, or null. */
  get selection(): Selection | null {
    return this.selected && { ...this.selected };
  }

  /** Workbook-level defined names (ownership marks included), as copies. */
  get definedNames(): DefinedName[] {
    return this.names.map((n) => ({ ...n }));
  }

  /** A sheet's live model, for rendering (read it, do not change it); undefined when missing. */
  sheet(name: string): Readonly<SheetModel> | undefined {
    return this.find(name);
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ----- the port ---------------------------------------------------------------------------

  async sheetNames(): Promise<string[]> {
    this.syncs++;
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names: string[]): Promise<(SheetData | null)[]> {
    const read = names.map((name) => {
      const sheet = this.find(name);
      return sheet ? { name: sheet.name, values: sheet.cells.values() } : null;
    });
    this.syncs += readSyncCount(read.map((data) => (data ? usedRangeOf(data.values) : null)));
    return read;
  }

  async ownedSheets(): Promise<string[]> {
    this.syncs++;
    return this.owned();
  }

  async createSheet(spec: SheetSpec): Promise<WriteResult> {
    const sheet = newSheet(spec, this.find(spec.name), this.takenNames(this.sheets));
    const requests = packRequests(spec.blocks).length;
    this.sheets.push(sheet);
    this.syncs += requests;
    this.emit({ kind: "create", sheets: [sheet.name] });
    return { name: sheet.name, action: "created" };
  }

  async writeOwnedSheets(given: SheetSpec[]): Promise<WriteResult[]> {
    const plans = planOwnedSheets(given, {
      runDate: this.runDate,
      sheets: this.sheets,
      owned: this.owned(),
      build: layoutSheet,
      takenIn: (kept) => this.takenNames(kept),
    }).map(({ spec, sheet, replaces }) => ({
      sheet,
      index: replaces ? this.sheets.indexOf(replaces) : -1,
      requests: packRequests(spec.blocks).length,
    }));

    const results: WriteResult[] = plans.map(({ sheet, index, requests }) => {
      this.syncs += requests;
      if (index >= 0) {
        this.sheets[index] = sheet;
        return { name: sheet.name, action: "replaced" };
      }
      this.sheets.push(sheet);
      this.names.push({ name: nextMarkName(this.names), ref: markRef(sheet.name) });
      return { name: sheet.name, action: "created" };
    });
    this.emit({ kind: "write", sheets: results.map((r) => r.name) });
    return results;
  }

  async deleteOwnedSheets(names: string[]): Promise<void> {
    const owned = new Set(this.owned().map(lower));
    const doomed = new Set(
      deletableSheets(
        names,
        (name) => this.find(name),
        (sheet) => owned.has(lower(sheet.name)),
        this.sheets,
        (sheet) => !this.hidden.has(sheet)
      )
    );
    if (doomed.size === 0) return;
    this.sheets = this.sheets.filter((s) => !doomed.has(s));
    const deleted = [...doomed].map((s) => s.name);
    const marks = new Set(deleted.flatMap((name) => marksOf(this.names, name)));
    this.names = this.names.filter((n) => !marks.has(n));
    this.syncs++;
    this.emit({ kind: "delete", sheets: deleted });
  }

  async appendRows(sheetName: string, rows: readonly AppendRow[]): Promise<AppendResult> {
    const sheet = this.find(sheetName);
    if (!sheet) throw noSuchSheet(sheetName);
    const used = sheet.cells.extent(true);
    const header = Array.from({ length: used.cols }, (_, c) => sheet.cells.get(0, c).value);
    const formatsAbove = Array.from(
      { length: used.cols },
      (_, c) => sheet.cells.get(used.rows - 1, c).numberFormat
    );
    const plan = planAppend(
      { sheet: sheet.name, header, usedRows: used.rows, formatsAbove, tables: sheet.tables },
      rows
    );
    writeBlocks(sheet.cells, { name: sheet.name, blocks: [plan.block] });
    for (const { name, to } of plan.grow) {
      const table = sheet.tables.find((t) => t.name === name)!;
      table.range = formatRange(to);
    }
    // One read (row 1, the last row, the tables), then the write.
    this.syncs += 1 + packRequests([plan.block]).length;
    // An edit of the user's sheet, as Excel reports it (a table's onChanged fires for it too).
    this.emit({ kind: "edit", sheets: [sheet.name] });
    return { sheet: sheet.name, range: plan.range };
  }

  /** Selects "Matrix!C4" (or "C4" on the active sheet: the last selected, else the first). */
  async select(address: string): Promise<void> {
    const parsed = parseSheetRef(address);
    const range = parsed && !parsed.deleted ? parseRange(parsed.ref.replace(/\$/g, "")) : undefined;
    if (!parsed || !range)
      throw new WorkbookError(
        "shape",
        `cannot select "${address}": it is not a cell or range address`
      );
    const sheetName = parsed.sheet ?? this.selected?.sheet ?? this.sheets[0]?.name ?? "";
    const sheet = this.find(sheetName);
    if (!sheet)
      throw new WorkbookError(
        "invalid-name",
        `cannot select "${address}": there is no sheet "${sheetName}"`
      );
    this.syncs++;
    this.selected = { sheet: sheet.name, range: formatRange(range) };
  }

  // ----- inspection and simulated user actions ------------------------------------------------

  /** A copy of a sheet (throws when there is no such sheet). */
  snapshot(name: string): SheetSnapshot {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet "${name}" in the memory workbook`);
    const extent = sheet.cells.extent(false);
    return {
      name: sheet.name,
      owned: this.owned().includes(sheet.name),
      values: sheet.cells.grid("value", extent),
      formulas: sheet.cells.grid("formula", extent),
      numberFormats: sheet.cells.grid("numberFormat", extent),
      styles: sheet.cells.grid("style", extent),
      tables: structuredClone(sheet.tables),
      validations: structuredClone(sheet.validations),
      colorScales: structuredClone(sheet.colorScales),
      charts: structuredClone(sheet.charts),
      columnWidths: [...sheet.columnWidths],
      freeze: sheet.freeze && { ...sheet.freeze },
      tabColor: sheet.tabColor,
      wrap: [...sheet.wrap],
      rowHeights: sheet.rowHeights.map((h) => ({ ...h })),
      valueColors: structuredClone(sheet.valueColors),
      print: structuredClone(sheet.print),
    };
  }

  /** One cell, e.g. cell("'Alignment View'!B3"): a copy of its value, formula, format and style. */
  cell(address: string): CellState {
    const { sheet, ref } = this.locate(address, "read");
    const at = parseA1(ref);
    if (!at) throw new WorkbookError("shape", `"${address}" is not one cell`);
    return { ...sheet.cells.get(at.row, at.col) };
  }

  /** Simulates the user typing a value into a cell (text stays text); notifies listeners. */
  setCell(address: string, value: SheetValue): void {
    const { sheet, ref } = this.locate(address, "edit");
    const at = parseA1(ref);
    if (!at) throw new WorkbookError("shape", `"${address}" is not one cell`);
    checkSpec({ name: sheet.name, blocks: [{ at: ref, values: [[value]] }] });
    sheet.cells.update(at.row, at.col, { value: value === "" ? null : value, formula: null });
    this.emit({ kind: "edit", sheets: [sheet.name] });
  }

  /**
   * Simulates the user renaming a sheet: defined names (ownership marks too) and validation
   * sources that point at it follow, as in Excel. Formulas are kept as written.
   */
  /** Hides a sheet, as a user can (tests: the other adapters' fakes do not check either). */
  hideSheet(name: string): void {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError("invalid-name", `no sheet named "${name}"`);
    this.hidden.add(sheet);
  }

  renameSheet(oldName: string, newName: string): void {
    const sheet = this.find(oldName);
    if (!sheet) throw new WorkbookError("invalid-name", `no sheet "${oldName}" to rename`);
    checkSheetName(newName);
    const clash = this.find(newName);
    if (clash && clash !== sheet)
      throw new WorkbookError("exists", `cannot rename "${sheet.name}": "${clash.name}" exists`);
    const previous = sheet.name;
    const retarget = (text: string): string => {
      const parsed = parseSheetRef(text);
      return parsed?.sheet !== null &&
        parsed?.sheet !== undefined &&
        !parsed.deleted &&
        lower(parsed.sheet) === lower(previous)
        ? sheetRef(newName, parsed.ref)
        : text;
    };
    for (const name of this.names) name.ref = retarget(name.ref);
    for (const s of this.sheets) {
      for (const v of s.validations)
        if (!Array.isArray(v.list)) v.list = { source: retarget(v.list.source) };
    }
    sheet.name = newName;
    this.emit({ kind: "rename", sheets: [previous, newName] });
  }

  /** Simulates the user deleting a sheet: names that pointed at it turn to #REF!, as in Excel. */
  removeSheet(name: string): void {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError("invalid-name", `no sheet "${name}" to remove`);
    for (const n of this.names) {
      const parsed = parseSheetRef(n.ref);
      if (
        parsed?.sheet !== null &&
        parsed?.sheet !== undefined &&
        !parsed.deleted &&
        lower(parsed.sheet) === lower(sheet.name)
      ) {
        n.ref = `#REF!${parsed.ref}`;
      }
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.emit({ kind: "remove", sheets: [sheet.name] });
  }

  // ----- internals ------------------------------------------------------------------------------

  private find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => lower(s.name) === lower(name));
  }

  private owned(): string[] {
    return ownedSheetNames(
      this.names,
      this.sheets.map((s) => s.name)
    );
  }

  /** Names a new table may not take: tables on these sheets and the defined names. */
  private takenNames(sheets: readonly SheetModel[]): { name: string; where: string }[] {
    return takenTableNames(
      sheets,
      (s) => s.name,
      (s) => s.tables.map((t) => t.name),
      this.names
    );
  }

  /** The sheet and cell/range of "Sheet!A1"; WorkbookError when either is missing or malformed. */
  private locate(address: string, action: string): { sheet: SheetModel; ref: string } {
    const parsed = parseSheetRef(address);
    if (
      !parsed ||
      parsed.sheet === null ||
      parsed.deleted ||
      !parseRange(parsed.ref.replace(/\$/g, ""))
    ) {
      throw new WorkbookError(
        "shape",
        `cannot ${action} "${address}": expected a sheet and a cell, like Matrix!C4`
      );
    }
    const sheet = this.find(parsed.sheet);
    if (!sheet)
      throw new WorkbookError(
        "invalid-name",
        `cannot ${action} "${address}": there is no sheet "${parsed.sheet}"`
      );
    return { sheet, ref: parsed.ref.replace(/\$/g, "") };
  }

  private emit(change: WorkbookChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** The used range (values only) of a grid that starts at A1; null when it holds nothing. */
function usedRangeOf(values: SheetValue[][]): UsedRange | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (top < 0) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}
