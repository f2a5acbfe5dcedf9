/// <reference types="office-js" />
/**
 * The Office.js adapter of the workbook port: one `Excel.run` per action (`runInExcel`), and in it
 * an `OfficeWorkbook` over the action's request context.
 *
 * Round trips (context.sync), which are what make an add-in slow:
 * - reads: `sheetNames`, `ownedSheets`: one sync each; `readSheets` (any number of sheets): one
 *   sync for sheets that fit the first request's window, then one per row chunk of a big sheet,
 *   each under Excel's 5 MB response limit (../readChunks.ts). Each also loads the small "book
 *   state" the writes need (sheet names and positions, table and chart names, defined names
 *   incl. ownership marks);
 * - writes: one sync per sheet written, plus one per extra request when a sheet's data is over
 *   what one request may carry (sheetWriter.ts). A write that comes before any read in the same
 *   action loads the book state first: one sync more (the memory adapter does not count that
 *   one; every CompAlign action reads before it writes);
 * - `deleteOwnedSheets`, `select`: one sync;
 * - `appendRows`: one sync to read the sheet (row 1, the last row, its tables), one to write
 *   (rowAppender.ts), plus the book-state load when nothing was read before, as for writes.
 * Calculation is suspended in every write request (`suspendApiCalculationUntilNextSync`).
 *
 * Specs are checked with the rules every adapter shares (../specRules.ts) before anything
 * is queued, so a bad spec leaves the workbook as it was. A new owned sheet gets its hidden
 * `CompAlign_Owned_<n>` name in the same request that adds it.
 */
import { formatRange, parseRange } from "../a1";
import { noSuchSheet, planAppend } from "../appendRows";
import { packRequests } from "../chunking";
import { markRef, nextMarkName } from "../ownershipMarks";
import { layoutSheet } from "../sheetModel";
import { arrangeOwnedSpecs, planOwnedWrites, refuseTakenName, takenTableNames } from "../writePlan";
import {
  MAX_READ_CELLS,
  PROBE_COLUMNS,
  READ_LIMIT_BYTES,
  type ReadChunk,
  type UsedRange,
  planReads,
  probeRows,
} from "../readChunks";
import { parseSheetRef } from "../sheetRef";
import {
  checkSheetName,
  checkSpec,
  checkTableHeaders,
  checkTableNamesFree,
  deletableSheets,
} from "../specRules";
import {
  type AppendResult,
  type AppendRow,
  type SheetData,
  type SheetSpec,
  type SheetValue,
  type WorkbookPort,
  type WriteResult,
  WorkbookError,
  sheetNameProblem,
} from "../port";
import { usedRangeStart } from "./addresses";
import { type BookState, type SheetInfo, findSheet, isOwned, queueStateLoad } from "./bookState";
import { officeErrorCode, toWorkbookError } from "./officeErrors";
import { appendSource, queueAppendChunk, queueAppendRead } from "./rowAppender";
import {
  DEFAULT_LIMIT_BYTES,
  planRequests,
  queueClearSheet,
  queueDecorations,
  queuePiece,
} from "./sheetWriter";

export interface OfficeWorkbookOptions {
  /** Request payload budget in bytes (default 4,000,000; Excel's limit is 5 MB). */
  limitBytes?: number;
  /** Response budget of one read in bytes (default 4,000,000; Excel on the web's limit is 5 MB). */
  readLimitBytes?: number;
}

/** Where a spec goes: a new sheet, or CompAlign's own sheet cleared in place. */
interface Target {
  spec: SheetSpec;
  name: string;
  replace?: SheetInfo;
  /** For a new owned sheet: the name of its ownership mark. */
  mark?: string;
}

/** A used range's values in a grid that starts at A1, "" read as null, padded to a rectangle. */
export function usedRangeToGrid(values: unknown[][], address: string): SheetValue[][] {
  const start = usedRangeStart(address) ?? { row: 0, col: 0 };
  const width = start.col + values.reduce((max, row) => Math.max(max, row.length), 0);
  const grid: SheetValue[][] = [];
  for (let r = 0; r < start.row; r++) grid.push(new Array<SheetValue>(width).fill(null));
  for (const row of values) {
    const out = new Array<SheetValue>(width).fill(null);
    row.forEach((value, c) => {
      out[start.col + c] = value === "" || value === undefined ? null : (value as SheetValue);
    });
    grid.push(out);
  }
  return grid;
}

const quoted = (names: readonly string[]) =>
  [...new Set(names)].map((name) => `"${name}"`).join(", ");

/**
 * The rows of a loaded range, checked: Excel can return null values for a range of over 5
 * million cells, which would otherwise surface as a crash far from here.
 */
function checkedValues(
  values: unknown,
  rows: number,
  sheet: string,
  startRow: number
): unknown[][] {
  if (
    !Array.isArray(values) ||
    values.length !== rows ||
    values.some((row) => !Array.isArray(row))
  ) {
    throw new WorkbookError(
      "too-large",
      `reading sheet "${sheet}" rows ${startRow + 1}–${startRow + rows}: Excel returned no values (it does so for ranges over ${MAX_READ_CELLS} cells); nothing was read`
    );
  }
  return values as unknown[][];
}

/** A request split in two (its chunks apart, or its one chunk halved); null when it is one row. */
function splitRequest(request: ReadChunk[]): ReadChunk[][] | null {
  if (request.length > 1) return request.map((chunk) => [chunk]);
  const [chunk] = request;
  if (chunk.rows < 2) return null;
  const half = Math.ceil(chunk.rows / 2);
  return [
    [{ ...chunk, rows: half }],
    [{ ...chunk, startRow: chunk.startRow + half, rows: chunk.rows - half }],
  ];
}

export class OfficeWorkbook implements WorkbookPort {
  private state: BookState | null = null;
  private readonly limitBytes: number;
  /** The date owned report tabs print in their page header (reportLayout.ts); null: Excel's &D. */
  runDate: string | null = null;
  private readonly readLimitBytes: number;

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficeWorkbookOptions = {}
  ) {
    this.limitBytes = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
    this.readLimitBytes = options.readLimitBytes ?? READ_LIMIT_BYTES;
  }

  private async sync(doing: string): Promise<void> {
    try {
      await this.context.sync();
    } catch (error) {
      // Part of the batch may have run: what this adapter knew about the workbook may be stale.
      this.state = null;
      throw toWorkbookError(error, doing);
    }
  }

  /** Loads the book state (one sync). */
  private async loadState(): Promise<BookState> {
    const read = queueStateLoad(this.context);
    await this.sync("reading the workbook's sheets and names");
    this.state = read();
    return this.state;
  }

  /** The book state, loading it only when nothing in this action has loaded it yet. */
  private async bookState(): Promise<BookState> {
    return this.state ?? this.loadState();
  }

  async sheetNames(): Promise<string[]> {
    const state = await this.loadState();
    return state.sheets.map((sheet) => sheet.name);
  }

  async ownedSheets(): Promise<string[]> {
    const state = await this.loadState();
    return state.sheets.filter((sheet) => isOwned(state, sheet.name)).map((sheet) => sheet.name);
  }

  async readSheets(names: string[]): Promise<(SheetData | null)[]> {
    if (names.length === 0) return [];
    const read = queueStateLoad(this.context);
    // First request: every sheet's used range (a missing sheet is a null object, and so is its
    // used range) and the values of a window at its top left, which holds a small sheet whole.
    const window = formatRange({
      start: { row: 0, col: 0 },
      rows: probeRows(names.length, this.readLimitBytes),
      cols: PROBE_COLUMNS,
    });
    const probes = names.map((name) => {
      if (sheetNameProblem(name)) return undefined; // no sheet can have this name: do not ask Excel
      const sheet = this.context.workbook.worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
      const top = used.getIntersectionOrNullObject(sheet.getRange(window));
      top.load("values");
      return { sheet, used, top };
    });
    await this.sync(`reading ${quoted(names)}`);
    const state = read();
    this.state = state;

    const ranges: (UsedRange | null)[] = probes.map((probe, i) => {
      if (!probe || probe.used.isNullObject) return null;
      const start = usedRangeStart(probe.used.address) ?? { row: 0, col: 0 };
      const used = {
        ...start,
        rows: probe.used.rowCount,
        cols: probe.used.columnCount,
      };
      if (used.rows * used.cols > MAX_READ_CELLS) {
        throw new WorkbookError(
          "too-large",
          `sheet "${names[i]}" uses ${used.rows * used.cols} cells (${probe.used.address}): over the ${MAX_READ_CELLS} cells Excel returns values for and CompAlign reads from one sheet. Delete unused rows and columns (Excel counts any cell that ever held a value) or split the sheet.`
        );
      }
      return used;
    });
    const plan = planReads(ranges, this.readLimitBytes);
    const values: unknown[][][] = ranges.map((used, i) => {
      if (used === null || !plan.complete[i]) return used === null ? [] : new Array(used.rows);
      const top = probes[i]!.top;
      return top.isNullObject ? [] : checkedValues(top.values, used.rows, names[i], used.row);
    });

    // Then the big sheets in row chunks, one sync per request; a request Excel finds too large
    // is split (chunks apart, then each chunk halved) and asked again.
    const pending = plan.requests.slice();
    while (pending.length > 0) {
      const request = pending.shift()!;
      const loaded = request.map((chunk) => {
        const used = ranges[chunk.sheet]!;
        const range = probes[chunk.sheet]!.sheet.getRangeByIndexes(
          chunk.startRow,
          used.col,
          chunk.rows,
          used.cols
        );
        range.load("values");
        return { chunk, range };
      });
      try {
        await this.sync(`reading ${quoted(request.map((c) => names[c.sheet]))}`);
      } catch (error) {
        const smaller = splitRequest(request);
        if (!(error instanceof WorkbookError) || error.kind !== "too-large" || !smaller)
          throw error;
        pending.unshift(...smaller);
        continue;
      }
      for (const { chunk, range } of loaded) {
        const used = ranges[chunk.sheet]!;
        const rows = checkedValues(range.values, chunk.rows, names[chunk.sheet], chunk.startRow);
        const target = values[chunk.sheet];
        for (let r = 0; r < rows.length; r++) target[chunk.startRow - used.row + r] = rows[r];
      }
    }
    this.state = state;

    return names.map((name, i) => {
      const sheet = findSheet(state, name);
      const probe = probes[i];
      if (sheet === undefined || probe === undefined) return null;
      const used = ranges[i];
      if (used === null) return { name: sheet.name, values: [] };
      return { name: sheet.name, values: usedRangeToGrid(values[i], probe.used.address) };
    });
  }

  async createSheet(spec: SheetSpec): Promise<WriteResult> {
    checkSpec(spec);
    const state = await this.bookState();
    refuseTakenName(spec, findSheet(state, spec.name));
    const target: Target = { spec, name: spec.name };
    this.checkTables([target], state);
    await this.writeSheet(target, state);
    return { name: spec.name, action: "created" };
  }

  async writeOwnedSheets(given: SheetSpec[]): Promise<WriteResult[]> {
    const specs = arrangeOwnedSpecs(given, { runDate: this.runDate });
    const state = await this.bookState();
    const targets = this.ownedTargets(specs, state);
    this.checkTables(targets, state);
    const results: WriteResult[] = [];
    for (const target of targets) {
      // One sync per sheet is the design (port.ts): this loops over sheets, never cells or rows.
      await this.writeSheet(target, state);
      results.push({ name: target.name, action: target.replace ? "replaced" : "created" });
    }
    return results;
  }

  async deleteOwnedSheets(names: string[]): Promise<void> {
    if (names.length === 0) return;
    const state = await this.bookState();
    const doomed = deletableSheets(
      names,
      (name) => findSheet(state, name),
      (sheet) => isOwned(state, sheet.name),
      state.sheets,
      (sheet) => sheet.visible
    );
    if (doomed.length === 0) return;
    for (const sheet of doomed) {
      for (const mark of state.owned.get(sheet.name.toLowerCase()) ?? []) {
        this.context.workbook.names.getItem(mark).delete();
      }
      this.context.workbook.worksheets.getItem(sheet.name).delete();
    }
    await this.sync(`deleting ${quoted(doomed.map((sheet) => sheet.name))}`);
    const marks = new Set(
      doomed.flatMap((sheet) => state.owned.get(sheet.name.toLowerCase()) ?? [])
    );
    state.names = state.names.filter((name) => !marks.has(name.name));
    for (const sheet of doomed) state.owned.delete(sheet.name.toLowerCase());
    state.sheets = state.sheets.filter((sheet) => !doomed.includes(sheet));
    state.sheets.forEach((sheet, position) => (sheet.position = position));
  }

  async appendRows(sheet: string, rows: readonly AppendRow[]): Promise<AppendResult> {
    const state = await this.bookState();
    const info = findSheet(state, sheet);
    if (!info) throw noSuchSheet(sheet);
    const read = queueAppendRead(this.context, info);
    await this.sync(`reading sheet "${info.name}"`);
    // Every rule is checked here, before anything is queued: a rejected call writes nothing.
    const plan = planAppend(appendSource(read), rows);
    const requests = packRequests([plan.block], this.limitBytes);
    for (let i = 0; i < requests.length; i++) {
      this.context.application.suspendApiCalculationUntilNextSync();
      for (const chunk of requests[i]) queueAppendChunk(read.worksheet, plan, chunk);
      const part = requests.length > 1 ? ` (request ${i + 1} of ${requests.length})` : "";
      // One sync per request: more than one only when the rows are over the request limit.
      await this.sync(`adding rows to sheet "${info.name}"${part}`);
    }
    return { sheet: info.name, range: plan.range };
  }

  /** Selects "Matrix!C4" (or "C4" on the active sheet) and shows its sheet. */
  async select(address: string): Promise<void> {
    const parsed = parseSheetRef(address);
    const ref = parsed?.ref.replace(/\$/g, "");
    if (!parsed || parsed.deleted || ref === undefined || !parseRange(ref)) {
      throw new WorkbookError(
        "shape",
        `cannot select "${address}": it is not a cell or range like Matrix!C4`
      );
    }
    if (parsed.sheet !== null) checkSheetName(parsed.sheet);
    const worksheets = this.context.workbook.worksheets;
    const worksheet =
      parsed.sheet === null ? worksheets.getActiveWorksheet() : worksheets.getItem(parsed.sheet);
    worksheet.activate();
    worksheet.getRange(ref).select();
    try {
      await this.context.sync();
    } catch (error) {
      if (officeErrorCode(error) === "ItemNotFound") {
        throw new WorkbookError(
          "invalid-name",
          `cannot select "${address}": there is no sheet "${parsed.sheet}"`
        );
      }
      throw toWorkbookError(error, `selecting ${address}`);
    }
  }

  /** Where each owned spec goes: its own sheet (replaced in place), or a new sheet, suffixed past user sheets. */
  private ownedTargets(specs: SheetSpec[], state: BookState): Target[] {
    const names = [...state.names];
    const writes = planOwnedWrites(
      specs,
      state.sheets,
      (sheet) => sheet.name,
      (sheet) => isOwned(state, sheet.name)
    );
    return writes.map(({ spec, name, replaces }) => {
      if (replaces) return { spec, name, replace: replaces };
      const mark = nextMarkName(names);
      names.push({ name: mark, ref: markRef(name) });
      return { spec, name, mark };
    });
  }

  /**
   * Table rules that need the workbook: header cells must be distinct text, and table names are
   * unique among tables and defined names (a replaced sheet's tables are deleted first).
   */
  private checkTables(targets: Target[], state: BookState): void {
    const replaced = new Set(
      targets.map((target) => target.replace).filter((info) => info !== undefined)
    );
    const taken = takenTableNames(
      state.sheets.filter((sheet) => !replaced.has(sheet)),
      (sheet) => sheet.name,
      (sheet) => sheet.tables,
      state.names
    );
    const newTables = targets.flatMap((target) =>
      (target.spec.tables ?? []).map((table) => ({ sheet: target.name, name: table.name }))
    );
    checkTableNamesFree(newTables, taken);
    for (const target of targets) {
      if ((target.spec.tables ?? []).length > 0) {
        checkTableHeaders(layoutSheet(target.spec, target.name));
      }
    }
  }

  /** Writes one sheet: one sync per request (normally one), calculation suspended in each. */
  private async writeSheet(target: Target, state: BookState): Promise<void> {
    const { spec, name } = target;
    const requests = planRequests(spec, this.limitBytes);
    const worksheets = this.context.workbook.worksheets;
    let sheet: Excel.Worksheet | null = null;
    for (let i = 0; i < requests.length; i++) {
      const last = i === requests.length - 1;
      this.context.application.suspendApiCalculationUntilNextSync();
      if (sheet === null) {
        if (target.replace) {
          sheet = worksheets.getItem(target.replace.name);
          queueClearSheet(sheet, target.replace);
        } else {
          sheet = worksheets.add(name);
          if (target.mark) {
            const mark = this.context.workbook.names.add(target.mark, sheet.getRange("A1"));
            mark.visible = false;
          }
        }
      }
      for (const piece of requests[i]) queuePiece(sheet, piece);
      if (last) queueDecorations(this.context, sheet, spec);
      const part = requests.length > 1 ? ` (request ${i + 1} of ${requests.length})` : "";
      // One sync per request of this sheet: more than one only when its data is over the request limit.
      await this.sync(`writing sheet "${name}"${part}`);
      this.recordWritten(target, state, last);
    }
  }

  /** Keeps the book state in step with what a request of this sheet did (the last one adds tables and charts). */
  private recordWritten(target: Target, state: BookState, last: boolean): void {
    let info = target.replace ?? findSheet(state, target.name);
    if (!info) {
      info = {
        name: target.name,
        position: state.sheets.length,
        visible: true,
        tables: [],
        chartCount: 0,
      };
      state.sheets.push(info);
      if (target.mark) {
        state.names.push({ name: target.mark, ref: markRef(target.name) });
        state.owned.set(target.name.toLowerCase(), [target.mark]);
      }
    }
    info.tables = last ? (target.spec.tables ?? []).map((table) => table.name) : [];
    info.chartCount = last ? (target.spec.charts ?? []).length : 0;
  }
}

/** Runs one action against the open workbook: exactly one Excel.run, so one request context. */
export function runInExcel<T>(
  action: (book: WorkbookPort) => Promise<T>,
  options: { runDate?: string | null } = {}
): Promise<T> {
  return Excel.run((context) => {
    const book = new OfficeWorkbook(context);
    book.runDate = options.runDate ?? null;
    return action(book);
  });
}
