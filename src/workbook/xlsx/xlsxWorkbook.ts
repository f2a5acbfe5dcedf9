/**
 * The workbook port over an .xlsx file. A file is read once into memory with exceljs (reading
 * never touches the file); what the port writes is kept as laid-out sheets (SheetModel), and
 * `toChunks` / `writeFile` write the file by patching the input package (./packagePatch.ts):
 * every part of the input is copied raw, byte for byte, and only CompAlign's sheets (with their
 * tables, drawings and charts) and the parts that list them are added or rewritten. The same
 * rules as the memory workbook apply (specRules.ts), a spec is laid out the same way
 * (sheetModel.ts) and ownership marks are the same defined names (ownershipMarks.ts), written
 * hidden, so a file written here and opened in Excel agrees on what CompAlign owns.
 *
 * Report sheets (writeOwnedSheets) are not rendered into exceljs's model: they are read back
 * from their SheetModel and streamed to the file from it. User sheets added by createSheet are
 * rendered at once. After `appendRows` (an edit of a user's sheet, which the package writer does
 * not do) the whole workbook is re-serialised by exceljs instead, as before: values, formulas,
 * styles, tables and validations are kept, parts exceljs does not model (the user's charts,
 * pivot tables, images) are not, and ownership marks are visible names. `select` only checks
 * the address. There are no round trips to count.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../atomicFile";
import { Workbook, type Worksheet } from "exceljs";
import { parseRange } from "../a1";
import { noSuchSheet } from "../appendRows";
import { appendToWorksheet } from "./appendRows";
import { addCharts } from "./charts";
import { patchPackage, type FinalSheet } from "./packagePatch";
import { sharedStrings } from "./charts/cells";
import { REL_TYPES, parseRels, relsPathOf, resolveTarget, sheetParts } from "./charts/opc";
import { readSheetXmlValues } from "./fastValues";
import {
  deflatedEntry,
  entryText,
  NATIVE_ZIP,
  readZip,
  writeZip,
  type ZipEntry,
} from "./zipPackage";
import {
  WorkbookError,
  type AppendResult,
  type AppendRow,
  type CellNote,
  type ChartSpec,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
  type WriteResult,
} from "../port";
import { isOwnershipMark, ownedSheetNames } from "../ownershipMarks";
import { viewSheet, type SheetModel } from "../sheetModel";
import { newSheet, planOwnedSheets, takenTableNames } from "../writePlan";
import { parseSheetRef } from "../sheetRef";
import { deletableSheets } from "../specRules";
import { readValues } from "./readValues";
import { describeFileProblem, sniffFileProblem } from "../fileProblem";
import { renderSheet } from "./renderSheet";
import { addMark, readNames, removeDeadMarks, removeMarks } from "./workbookNames";

/** What exceljs keeps on a worksheet beyond its typings: tab position and tables by name. */
interface WorksheetInternals {
  orderNo: number;
  tables: Record<string, unknown>;
}

const lower = (s: string) => s.toLowerCase();

/**
 * zlib level for the sheets CompAlign writes: 1 deflates a 100,000-row tab ~2.7× faster than the
 * default 6 for a file ~25% larger (measured on the scenario detail tabs).
 */
const SHEET_DEFLATE_LEVEL = 1;

/**
 * Worksheet parts larger than this (uncompressed XML) are not loaded into exceljs: exceljs gets
 * the sheet without its cells (tables, validations and the rest kept) and the port reads the
 * values straight from the XML (./fastValues.ts). On a 100,000-rep Reps sheet (~60 MB of XML)
 * exceljs's model costs several seconds and about a gigabyte; reading the XML, a fraction.
 */
export const LARGE_SHEET_BYTES = 4 << 20;

/** The input's large worksheet parts by sheet name (lower case), and where its strings are. */
function largeSheets(entries: ZipEntry[]): { byName: Map<string, ZipEntry>; strings?: ZipEntry } {
  const byPath = new Map(entries.map((e) => [e.name, e]));
  const workbook = byPath.get("xl/workbook.xml");
  const rels = byPath.get(relsPathOf("xl/workbook.xml"));
  const byName = new Map<string, ZipEntry>();
  if (!workbook || !rels) return { byName };
  if (!entries.some((e) => e.size > LARGE_SHEET_BYTES)) return { byName };
  const relsXml = entryText(rels);
  for (const part of sheetParts(entryText(workbook), relsXml)) {
    const entry = byPath.get(part.path);
    if (entry && entry.size > LARGE_SHEET_BYTES) byName.set(part.name.toLowerCase(), entry);
  }
  const stringsRel = parseRels(relsXml).find((r) => r.type === REL_TYPES.sharedStrings);
  const strings = stringsRel
    ? byPath.get(resolveTarget("xl/workbook.xml", stringsRel.target))
    : undefined;
  return { byName, strings };
}

/**
 * Why the package is damaged when the workbook lists a sheet whose part is not in the zip (exceljs
 * would drop the sheet silently, and the plan would read as having no such sheet), or null.
 */
function missingSheetPart(entries: ZipEntry[]): string | null {
  // Part names are case-insensitive (OPC), zip names are not.
  const byPath = new Set(entries.map((e) => lower(e.name)));
  const workbook = entries.find((e) => e.name === "xl/workbook.xml");
  const rels = entries.find((e) => e.name === relsPathOf("xl/workbook.xml"));
  if (!workbook || !rels) return null;
  for (const part of sheetParts(entryText(workbook), entryText(rels))) {
    if (!byPath.has(lower(part.path)))
      return `the file is damaged: its sheet "${part.name}" is listed but its part (${part.path}) is missing; open it in Excel, let it repair the file, and save a copy, or use an earlier copy`;
  }
  return null;
}

/** A worksheet part without its cells (everything else as it was), for exceljs to load. */
function withoutCells(sheetXml: string): string {
  const open = /<((?:\w+:)?)sheetData\b[^>]*>/.exec(sheetXml);
  if (!open) return sheetXml;
  const close = sheetXml.indexOf(`</${open[1]}sheetData>`, open.index);
  if (close < 0) return sheetXml;
  return `${sheetXml.slice(0, open.index)}<${open[1]}sheetData/>${sheetXml.slice(close + open[1].length + 12)}`;
}
const internals = (worksheet: Worksheet) => worksheet as unknown as WorksheetInternals;

export class XlsxWorkbook implements WorkbookPort {
  private readonly charts_ = new Map<Worksheet, ChartSpec[]>();
  /** The sheets of the input package, by the worksheet exceljs read them into. */
  private readonly baseNames = new Map<Worksheet, string>();
  /** Sheets CompAlign wrote in this session, as laid out (the package writer streams them). */
  private readonly written = new Map<Worksheet, SheetModel>();
  /** For a written sheet that took the place of an input sheet: that sheet's name in the input. */
  private readonly replacesOf = new Map<Worksheet, string>();
  /** Input sheets too large for exceljs: their parts, read by ./fastValues.ts (see LARGE_SHEET_BYTES). */
  private readonly large = new Map<Worksheet, ZipEntry>();
  private stringsEntry: ZipEntry | undefined;
  private strings: string[] | undefined;
  /** Report sheets not rendered into exceljs's model (see `add`). */
  private readonly unrendered = new Set<Worksheet>();
  /** Set when a sheet CompAlign did not write was edited (appendRows): then exceljs writes all. */
  private reserialise = false;
  /**
   * The date owned report tabs print in their page header (reportLayout.ts), set by the
   * command that runs the action; null prints Excel's print date.
   */
  runDate: string | null = null;

  private constructor(
    /** The exceljs workbook (for tests and for writing; change it only through the port). */
    readonly workbook: Workbook,
    /** The input package, or null for a new workbook. */
    private readonly base: Uint8Array | null = null
  ) {
    removeDeadMarks(workbook);
    for (const worksheet of workbook.worksheets) this.baseNames.set(worksheet, worksheet.name);
  }

  /** Loads an .xlsx file; the file is read once and never written. */
  static async fromFile(path: string): Promise<XlsxWorkbook> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new WorkbookError("unreadable", `cannot read "${path}": ${(error as Error).message}`);
    }
    return XlsxWorkbook.fromBuffer(bytes);
  }

  /**
   * Loads .xlsx bytes (the buffer is not changed). Bytes that are not a readable .xlsx file are a
   * WorkbookError("unreadable") saying in plain words what the file is (encrypted, .xls, .ods,
   * damaged, text…) and what to do (../fileProblem.ts).
   */
  static async fromBuffer(bytes: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
    const workbook = new Workbook();
    // exceljs reads a private copy, so the caller's bytes stay as they are; it is also the
    // package the written file is patched from.
    const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
    // Plain words for files that are not .xlsx at all, or are damaged (fileProblem.ts).
    const sniffed = sniffFileProblem(copy);
    if (sniffed) throw new WorkbookError("unreadable", sniffed);
    let large: ReturnType<typeof largeSheets> = { byName: new Map() };
    let entries: ZipEntry[] | null = null;
    try {
      entries = readZip(copy);
    } catch {
      // Not a zip this reader knows: exceljs and describeFileProblem say why below.
    }
    if (entries) {
      const missing = missingSheetPart(entries);
      if (missing) throw new WorkbookError("unreadable", missing);
      large = largeSheets(entries);
    }
    let forExceljs: Uint8Array = copy.slice();
    if (large.byName.size > 0) {
      const stubbed = new Set([...large.byName.values()].map((e) => e.name));
      const entries = readZip(copy).map((entry) =>
        stubbed.has(entry.name)
          ? deflatedEntry(entry.name, withoutCells(entryText(entry)), 1)
          : { kind: "raw" as const, entry }
      );
      forExceljs = new Uint8Array(Buffer.concat(writeZip(entries)));
    }
    try {
      await workbook.xlsx.load(forExceljs as never);
    } catch {
      throw new WorkbookError("unreadable", await describeFileProblem(copy));
    }
    const book = new XlsxWorkbook(workbook, copy);
    for (const worksheet of workbook.worksheets) {
      const entry = large.byName.get(worksheet.name.toLowerCase());
      if (entry) book.large.set(worksheet, entry);
    }
    book.stringsEntry = large.strings;
    return book;
  }

  /** A workbook with no sheets yet. */
  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new Workbook());
  }

  /** The .xlsx bytes of the workbook as it is now, charts included. */
  async toBuffer(): Promise<Uint8Array> {
    const chunks = await this.toChunks();
    return chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks));
  }

  /**
   * The .xlsx file as buffers to write in order. The input package is copied part by part, raw,
   * with CompAlign's sheets added or replaced (./packagePatch.ts); a new workbook starts from an
   * empty package. In a browser, or after `appendRows` edited a user's sheet, the whole workbook
   * re-serialised by exceljs (which keeps values, formulas, styles and tables, not the parts it
   * does not model).
   */
  async toChunks(): Promise<Uint8Array[]> {
    // In a browser (no native zlib) the workbook is written whole by exceljs, as before patching.
    if (this.reserialise || !NATIVE_ZIP) return [await this.reserialised()];
    const base =
      this.base ?? new Uint8Array((await new Workbook().xlsx.writeBuffer()) as ArrayBuffer);
    const sheets: FinalSheet[] = this.workbook.worksheets.map((worksheet) => {
      const model = this.written.get(worksheet);
      if (model) return { kind: "written", model, replaces: this.replacesOf.get(worksheet) };
      return { kind: "kept", name: this.baseNames.get(worksheet)!, state: worksheet.state };
    });
    const marks = readNames(this.workbook).filter((n) => isOwnershipMark(n.name));
    return patchPackage({ base, sheets, marks, level: SHEET_DEFLATE_LEVEL });
  }

  /** The whole workbook written by exceljs, with the charts added (the pre-patching path). */
  private async reserialised(): Promise<Uint8Array> {
    for (const worksheet of [...this.unrendered]) this.materialise(worksheet);
    const bytes = new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const charts = this.workbook.worksheets
      .filter((w) => (this.charts_.get(w)?.length ?? 0) > 0)
      .map((w) => ({ sheet: w.name, charts: this.charts_.get(w)! }));
    return charts.length > 0 ? addCharts(bytes, charts) : bytes;
  }

  /**
   * Writes the workbook to `path` atomically: to a temporary file in the same folder, renamed
   * over `path` when complete (nothing is written if serialising fails, and a failure while
   * writing leaves an earlier file at `path` as it was).
   */
  async writeFile(path: string): Promise<void> {
    await writeFileAtomic(path, await this.toChunks());
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
      if (!worksheet) return null;
      const model = this.unrendered.has(worksheet) ? this.written.get(worksheet) : undefined;
      if (model) return { name: worksheet.name, values: model.cells.values() };
      const part = this.large.get(worksheet);
      // A large sheet is read from its XML (values only: dates and formulas without a saved
      // result are not told apart there).
      if (part) return { name: worksheet.name, values: this.largeSheetValues(part, date1904) };
      const notes: Record<string, CellNote> = {};
      const values = readValues(worksheet, date1904, notes);
      return Object.keys(notes).length > 0
        ? { name: worksheet.name, values, notes }
        : { name: worksheet.name, values };
    });
  }

  async ownedSheets(): Promise<string[]> {
    return this.owned();
  }

  async createSheet(spec: SheetSpec): Promise<WriteResult> {
    const sheet = newSheet(spec, this.find(spec.name), this.takenNames(this.workbook.worksheets));
    this.add(sheet, true);
    return { name: sheet.name, action: "created" };
  }

  async writeOwnedSheets(given: SheetSpec[]): Promise<WriteResult[]> {
    const plans = planOwnedSheets(given, {
      runDate: this.runDate,
      sheets: this.workbook.worksheets,
      owned: this.owned(),
      build: viewSheet,
      takenIn: (kept) => this.takenNames(kept),
    });

    return plans.map(({ sheet, replaces }) => {
      if (!replaces) {
        this.add(sheet, false);
        addMark(this.workbook, sheet.name);
        return { name: sheet.name, action: "created" };
      }
      // exceljs cannot clear a sheet: the old one goes, a new one takes its tab position.
      const position = internals(replaces).orderNo;
      const slot = this.baseNames.get(replaces) ?? this.replacesOf.get(replaces);
      this.remove(replaces);
      // Its ownership mark names the sheet, not the worksheet object, so it still holds.
      const worksheet = this.add(sheet, false);
      internals(worksheet).orderNo = position;
      if (slot !== undefined) this.replacesOf.set(worksheet, slot);
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
    if (this.large.size > 0) {
      throw new WorkbookError(
        "too-large",
        `cannot add rows to "${worksheet.name}" in this file: it has sheets too large to re-save whole (${[...this.large.keys()].map((w) => w.name).join(", ")})`
      );
    }
    this.materialise(worksheet);
    const result = appendToWorksheet(worksheet, rows, Boolean(this.workbook.properties?.date1904));
    this.reserialise = true;
    return result;
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

  /**
   * Adds a worksheet for the sheet. A user sheet is rendered into exceljs's model at once; a
   * report sheet (`render` false) stays a placeholder there, read from its SheetModel and
   * streamed to the file from it, and is rendered only if exceljs must write the workbook.
   */
  private add(sheet: SheetModel, render: boolean): Worksheet {
    const worksheet = this.workbook.addWorksheet(sheet.name);
    if (render) renderSheet(worksheet, sheet);
    else this.unrendered.add(worksheet);
    this.written.set(worksheet, sheet);
    if (sheet.charts.length > 0) this.charts_.set(worksheet, structuredClone(sheet.charts));
    return worksheet;
  }

  /** A large input sheet's values, read from its XML (each call a fresh array). */
  private largeSheetValues(part: ZipEntry, date1904: boolean): SheetData["values"] {
    this.strings ??= sharedStrings(this.stringsEntry ? entryText(this.stringsEntry) : undefined);
    return readSheetXmlValues(entryText(part), this.strings, date1904);
  }

  /** Renders a placeholder report sheet into exceljs's model (before exceljs reads or writes it). */
  private materialise(worksheet: Worksheet): void {
    if (!this.unrendered.delete(worksheet)) return;
    renderSheet(worksheet, this.written.get(worksheet)!);
  }

  private remove(worksheet: Worksheet): void {
    this.unrendered.delete(worksheet);
    this.large.delete(worksheet);
    this.charts_.delete(worksheet);
    this.written.delete(worksheet);
    this.baseNames.delete(worksheet);
    this.replacesOf.delete(worksheet);
    this.workbook.removeWorksheet(worksheet.id);
  }

  /** Names a new table may not take: tables on these worksheets and the defined names. */
  private takenNames(worksheets: readonly Worksheet[]): { name: string; where: string }[] {
    return takenTableNames(
      worksheets,
      (w) => w.name,
      (w) =>
        this.unrendered.has(w)
          ? this.written.get(w)!.tables.map((t) => t.name)
          : Object.keys(internals(w).tables ?? {}),
      readNames(this.workbook)
    );
  }
}
