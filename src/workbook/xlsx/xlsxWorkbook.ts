/**
 * The workbook port over an .xlsx file, through exceljs (the CLI and downloads). A file is
 * loaded into memory, changed there, and written out only by `toBuffer` / `writeFile`: reading
 * never touches the file. The same rules as the memory workbook apply (specRules.ts), a spec is
 * laid out the same way (sheetModel.ts) and ownership marks are the same defined names
 * (ownershipMarks.ts), so a file written here and opened in Excel agrees on what CompAlign owns.
 *
 * Charts: exceljs cannot write charts, so `toBuffer` adds the chart parts of the sheets
 * CompAlign wrote to the file exceljs produced (./charts). exceljs also drops charts when it
 * loads a file, so charts on sheets CompAlign did not write in this session are not carried
 * through. Other differences from Excel a file cannot avoid: ownership marks are visible
 * defined names (exceljs cannot write hidden ones); `select` only checks the address.
 * There are no round trips to count.
 */
import { readFile, writeFile } from "node:fs/promises";
import { Workbook, type Worksheet } from "exceljs";
import { parseRange } from "../a1";
import { noSuchSheet } from "../appendRows";
import { appendToWorksheet } from "./appendRows";
import { addCharts } from "./charts";
import {
  freeSheetName,
  WorkbookError,
  type AppendResult,
  type AppendRow,
  type ChartSpec,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
  type WriteResult,
} from "../port";
import { ownedSheetNames } from "../ownershipMarks";
import { layoutSheet, type SheetModel } from "../sheetModel";
import { parseSheetRef } from "../sheetRef";
import { checkSpec, checkTableHeaders, checkTableNamesFree, deletableSheets } from "../specRules";
import { readValues } from "./readValues";
import { renderSheet } from "./renderSheet";
import { addMark, readNames, removeDeadMarks, removeMarks } from "./workbookNames";

/** What exceljs keeps on a worksheet beyond its typings: tab position and tables by name. */
interface WorksheetInternals {
  orderNo: number;
  tables: Record<string, unknown>;
}

const lower = (s: string) => s.toLowerCase();
const internals = (worksheet: Worksheet) => worksheet as unknown as WorksheetInternals;

export class XlsxWorkbook implements WorkbookPort {
  private readonly charts_ = new Map<Worksheet, ChartSpec[]>();

  private constructor(
    /** The exceljs workbook (for tests and for writing; change it only through the port). */
    readonly workbook: Workbook
  ) {
    removeDeadMarks(workbook);
  }

  /** Loads an .xlsx file; the file is read once and never written. */
  static async fromFile(path: string): Promise<XlsxWorkbook> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new WorkbookError("unreadable", `cannot read "${path}": ${(error as Error).message}`);
    }
    return XlsxWorkbook.fromBuffer(bytes, path);
  }

  /** Loads .xlsx bytes (the buffer is not changed). */
  static async fromBuffer(
    bytes: Uint8Array | ArrayBuffer,
    label = "the workbook"
  ): Promise<XlsxWorkbook> {
    const workbook = new Workbook();
    try {
      // exceljs reads a private copy, so the caller's bytes stay as they are.
      const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
      await workbook.xlsx.load(copy as never);
    } catch (error) {
      throw new WorkbookError(
        "unreadable",
        `${label} is not a readable .xlsx file: ${(error as Error).message}`
      );
    }
    return new XlsxWorkbook(workbook);
  }

  /** A workbook with no sheets yet. */
  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new Workbook());
  }

  /** The .xlsx bytes of the workbook as it is now, charts included. */
  async toBuffer(): Promise<Uint8Array> {
    const bytes = new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const charts = this.workbook.worksheets
      .filter((w) => (this.charts_.get(w)?.length ?? 0) > 0)
      .map((w) => ({ sheet: w.name, charts: this.charts_.get(w)! }));
    return charts.length > 0 ? addCharts(bytes, charts) : bytes;
  }

  /** Writes the workbook to `path` (nothing is written if serialising fails). */
  async writeFile(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  /** The charts the specs asked for on a sheet (written by `toBuffer`). */
  charts(sheetName: string): ChartSpec[] {
    const worksheet = this.find(sheetName);
    return structuredClone((worksheet && this.charts_.get(worksheet)) ?? []);
  }

  // ----- the port ---------------------------------------------------------------------------

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async readSheets(names: string[]): Promise<(SheetData | null)[]> {
    const date1904 = Boolean(this.workbook.properties?.date1904);
    return names.map((name) => {
      const worksheet = this.find(name);
      return worksheet ? { name: worksheet.name, values: readValues(worksheet, date1904) } : null;
    });
  }

  async ownedSheets(): Promise<string[]> {
    return this.owned();
  }

  async createSheet(spec: SheetSpec): Promise<WriteResult> {
    checkSpec(spec);
    const existing = this.find(spec.name);
    if (existing) {
      throw new WorkbookError(
        "exists",
        `cannot add sheet "${spec.name}": the workbook has a sheet named "${existing.name}"`
      );
    }
    const sheet = layoutSheet(spec);
    checkTableHeaders(sheet);
    checkTableNamesFree(tablesOf([sheet]), this.takenNames(this.workbook.worksheets));
    this.add(sheet);
    return { name: sheet.name, action: "created" };
  }

  async writeOwnedSheets(specs: SheetSpec[]): Promise<WriteResult[]> {
    specs.forEach(checkSpec);
    const seen = new Set<string>();
    for (const spec of specs) {
      if (seen.has(lower(spec.name)))
        throw new WorkbookError("exists", `sheet "${spec.name}" is written twice in one call`);
      seen.add(lower(spec.name));
    }
    const owned = new Set(this.owned().map(lower));
    const worksheets = this.workbook.worksheets;
    const taken = worksheets.filter((w) => !owned.has(lower(w.name))).map((w) => w.name);
    const plans = specs.map((spec) => {
      const free = freeSheetName(spec.name, taken);
      taken.push(free);
      // CompAlign's own sheet of that name is rewritten under the name it has.
      const replaces = this.find(free);
      const sheet = layoutSheet(spec, replaces?.name ?? free);
      checkTableHeaders(sheet);
      return { sheet, replaces };
    });
    const replaced = new Set(plans.map((p) => p.replaces).filter(Boolean));
    checkTableNamesFree(
      tablesOf(plans.map((p) => p.sheet)),
      this.takenNames(worksheets.filter((w) => !replaced.has(w)))
    );

    return plans.map(({ sheet, replaces }) => {
      if (!replaces) {
        this.add(sheet);
        addMark(this.workbook, sheet.name);
        return { name: sheet.name, action: "created" };
      }
      // exceljs cannot clear a sheet: the old one goes, a new one takes its tab position.
      const position = internals(replaces).orderNo;
      this.remove(replaces);
      // Its ownership mark names the sheet, not the worksheet object, so it still holds.
      internals(this.add(sheet)).orderNo = position;
      return { name: sheet.name, action: "replaced" };
    });
  }

  async deleteOwnedSheets(names: string[]): Promise<void> {
    const owned = new Set(this.owned().map(lower));
    const doomed = deletableSheets(
      names,
      (name) => this.find(name),
      (worksheet) => owned.has(lower(worksheet.name)),
      this.workbook.worksheets,
      (worksheet) => (worksheet.state ?? "visible") === "visible"
    );
    for (const worksheet of doomed) {
      removeMarks(this.workbook, worksheet.name);
      this.remove(worksheet);
    }
  }

  async appendRows(sheet: string, rows: readonly AppendRow[]): Promise<AppendResult> {
    const worksheet = this.find(sheet);
    if (!worksheet) throw noSuchSheet(sheet);
    return appendToWorksheet(worksheet, rows, Boolean(this.workbook.properties?.date1904));
  }

  /** Nothing is shown: checks the address ("Matrix!C4", or "C4" on the first sheet) and does nothing. */
  async select(address: string): Promise<void> {
    const parsed = parseSheetRef(address);
    if (!parsed || parsed.deleted || !parseRange(parsed.ref.replace(/\$/g, ""))) {
      throw new WorkbookError(
        "shape",
        `cannot select "${address}": it is not a cell or range address`
      );
    }
    const sheetName = parsed.sheet ?? this.workbook.worksheets[0]?.name ?? "";
    if (!this.find(sheetName)) {
      throw new WorkbookError(
        "invalid-name",
        `cannot select "${address}": there is no sheet "${sheetName}"`
      );
    }
  }

  // ----- internals ------------------------------------------------------------------------------

  private find(name: string): Worksheet | undefined {
    return this.workbook.worksheets.find((w) => lower(w.name) === lower(name));
  }

  private owned(): string[] {
    return ownedSheetNames(
      readNames(this.workbook),
      this.workbook.worksheets.map((w) => w.name)
    );
  }

  private add(sheet: SheetModel): Worksheet {
    const worksheet = this.workbook.addWorksheet(sheet.name);
    renderSheet(worksheet, sheet);
    if (sheet.charts.length > 0) this.charts_.set(worksheet, structuredClone(sheet.charts));
    return worksheet;
  }

  private remove(worksheet: Worksheet): void {
    this.charts_.delete(worksheet);
    this.workbook.removeWorksheet(worksheet.id);
  }

  /** Names a new table may not take: tables on these worksheets and the defined names. */
  private takenNames(worksheets: readonly Worksheet[]): { name: string; where: string }[] {
    return [
      ...worksheets.flatMap((w) =>
        Object.keys(internals(w).tables ?? {}).map((name) => ({
          name,
          where: `a table on sheet "${w.name}"`,
        }))
      ),
      ...readNames(this.workbook).map((n) => ({ name: n.name, where: "a defined name" })),
    ];
  }
}

function tablesOf(sheets: readonly SheetModel[]): { sheet: string; name: string }[] {
  return sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name })));
}
